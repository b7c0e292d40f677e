import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disk, endSession, eventually, openCaseFromNavigator, screenshot, selectInReader, startSession, type Served } from './harness.ts';

/**
 * A reviewer's day in the real renderer, in Chromium, against `casebench serve` on a fresh
 * project made from the bundled corpus. After every write, the files on disk are checked.
 */
describe('the workbench in a browser', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const REVIEWER = '张三';

  beforeAll(async () => ({ served, browser, page } = await startSession(errors)));
  afterAll(() => endSession({ served, browser }));

  const openCase = (id: string) => openCaseFromNavigator(page, id);
  const highlightSize = (name: string) => page.evaluate((n) => (CSS.highlights.get(n)?.size ?? 0), name);
  /** Ranges painted in every group whose name starts so ('cb-others': other reviewers' spans, one group per label). */
  const highlightsStarting = (prefix: string, except: string[] = []) =>
    page.evaluate(({ p, x }) => [...CSS.highlights.keys()].filter((k) => k.startsWith(p) && !x.includes(k)).reduce((n, k) => n + CSS.highlights.get(k)!.size, 0), { p: prefix, x: except });
  const suggestionHighlights = () => highlightsStarting('cb-suggest-', ['cb-suggest-focus']);
  const installedCss = () => page.evaluate(() => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));

  it('asks who is annotating on first run, and records the reviewer on disk', async () => {
    await page.waitForSelector('dialog#reviewer[open]');
    await screenshot(page, '01-first-run-reviewer');
    // Typed, not filled: the name goes where the focus is, as it would for a person.
    await page.keyboard.type(REVIEWER);
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog#reviewer', { state: 'detached' });
    await expect.poll(() => page.textContent('.reviewer-badge')).toContain(REVIEWER);
    expect(readdirSync(join(served.dir, 'reviews'))).toContain(`${REVIEWER}.json`);
  });

  it('opens a case from the navigator and shows its text, outline and labels', async () => {
    await openCase('hc2024-03');
    expect(await page.textContent('.case-heading')).toBe('高位推进 部门联动 努力推动将健康融入所有政策');
    expect(await page.locator('.outline-item').count()).toBeGreaterThan(8);
    expect(await page.locator('.label-bar button.label-button').count()).toBe(6);
    await screenshot(page, '02-reader');
  });

  it('Alt+1 goes to the open case in the list (not the first), Alt+2 back to the text', async () => {
    await page.focus('.reader-text');
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.caseId)).toBe('hc2024-03');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('reader-text');
  });

  it('labels a selection with the hotkey; the span is on disk with its quote', async () => {
    await selectInReader(page, '领导重视是前提');
    await page.focus('.reader-text');
    await page.keyboard.press('2'); // 经验启示
    const spans = await eventually(() => {
      const s = disk.spans(served.dir, REVIEWER, 'hc2024-03');
      return s.length === 1 && s;
    });
    expect(spans[0]).toMatchObject({ label: 'lesson', quote: { exact: '领导重视是前提' }, reviewer: REVIEWER });
    await expect.poll(() => highlightSize('cb-label-lesson')).toBe(1);
  });

  it('selects by keyboard alone (Shift+arrows) and snaps to whole numbers', async () => {
    await openCase('hc2024-01');
    // Put the caret just before "37.7%", then extend three characters: "37." becomes "37.7%".
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('.reader-text p')].find((x) => x.textContent!.includes('37.7%'))!;
      const node = p.firstChild as Text;
      const at = node.data.indexOf('37.7%');
      document.getSelection()!.setBaseAndExtent(node, at, node, at);
    });
    await page.focus('.reader-text');
    // A caret is drawn where the selection starts, and moves with the arrow keys.
    const caretAt = () => page.evaluate(() => {
      const c = document.querySelector<HTMLElement>('.reader-caret')!;
      return c.hidden ? null : c.getBoundingClientRect().left;
    });
    const before = await caretAt();
    expect(before).not.toBeNull();
    await page.keyboard.press('ArrowRight');
    await expect.poll(caretAt).toBeGreaterThan(before!);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(caretAt).toBe(before);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await page.evaluate(() => document.getSelection()!.toString())).toBe('37.');
    // Hidden on the selectionchange event, which the browser fires after the key (not at once).
    await expect.poll(caretAt).toBeNull();
    await page.keyboard.press('1'); // 指标
    const spans = await eventually(() => {
      const s = disk.spans(served.dir, REVIEWER, 'hc2024-01');
      return s.length === 1 && s;
    });
    expect(spans[0]!.quote.exact).toBe('37.7%');
    expect(spans[0]!.label).toBe('indicator');
  });

  it("edits the indicator's fields; they are saved as typed values", async () => {
    await page.waitForSelector('.span-editor');
    await page.fill('#field-metric', '北京市成人超重率');
    await page.fill('#field-value', '37.7');
    await page.fill('#field-unit', '%');
    await page.fill('#field-year', '2022');
    await page.keyboard.press('Enter'); // saves the form; leaving a field saves it too
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-year');
    const fields = await eventually(() => {
      const f = disk.spans(served.dir, REVIEWER, 'hc2024-01')[0]?.fields;
      return f?.year === 2022 && f;
    });
    expect(fields).toMatchObject({ metric: '北京市成人超重率', value: 37.7, unit: '%', year: 2022 });
    await screenshot(page, '03-span-editor');
  });

  it('shows a span in the original file, at its line', async () => {
    await page.click('.span-editor button:has-text("在原文中查看")');
    await page.waitForSelector('dialog#source[open] mark');
    expect(await page.textContent('dialog#source mark')).toBe('37.7%');
    expect(await page.textContent('dialog#source')).toMatch(/healthy-china-2024-typical-cases-compendium\.txt，第 \d+ 行/);
    await screenshot(page, '03b-source');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog#source', { state: 'detached' });
  });

  it('undoes and redoes with the usual keys, step by step, on disk each time', async () => {
    const fields = () => disk.spans(served.dir, REVIEWER, 'hc2024-01')[0]?.fields ?? null;
    await page.focus('.reader-text');
    // Each field was committed on its own (leaving a field saves it): one undo takes back the year.
    await page.keyboard.press('Control+z');
    await eventually(() => fields() && fields()!.year === undefined && fields()!.unit === '%');
    await page.keyboard.press('Control+Shift+z');
    await eventually(() => fields()?.year === 2022);
    // Undo everything back to before the span was made: the span is gone, and its highlight.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+z');
    await eventually(() => disk.spans(served.dir, REVIEWER, 'hc2024-01').length === 0);
    await expect.poll(() => highlightSize('cb-label-indicator')).toBe(0);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+y');
    await eventually(() => fields()?.year === 2022 && fields()?.metric === '北京市成人超重率');
    await expect.poll(() => highlightSize('cb-label-indicator')).toBe(1);
    // The service's step ids ('edit Indicator') are said in the interface language.
    // (The top bar takes the history's state from the last redo's answer, a moment after the disk has it.)
    await expect.poll(() => page.getAttribute('.topbar button[aria-keyshortcuts="Control+Z"]', 'title')).toBe('撤销：修改“指标”标注');
  });

  it('tags a section: the reviewer’s kinds are stored in their file', async () => {
    const item = page.locator('.outline-item', { hasText: '经验和成效' }).first();
    await item.locator('button.edit').click();
    const lessons = item.locator('.section-editor button.kind-lessons');
    expect(await lessons.getAttribute('aria-pressed')).toBe('true');
    await item.locator('.section-editor button.kind-lessons').click();
    const layer = await eventually(() => disk.reviewer(served.dir, REVIEWER).cases['hc2024-01']?.sections);
    const tagged = layer.sections.find((s: { heading: string }) => s.heading === '经验和成效');
    expect(tagged).toMatchObject({ kinds: ['results'], confirmed: true });
    await screenshot(page, '04-section-tagging');
  });

  it('picks a label in the palette with the arrow keys; the focus is back in the reader', async () => {
    await openCase('hc2024-02');
    await selectInReader(page, '建立并完善健康科普专家库');
    await page.focus('.reader-text');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog#palette[open]');
    await page.keyboard.press('ArrowDown'); // 指标 → 经验启示
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('经验启示');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog#palette', { state: 'detached' });
    const span = await eventually(() => disk.spans(served.dir, REVIEWER, 'hc2024-02')[0]);
    expect(span).toMatchObject({ label: 'lesson', quote: { exact: '建立并完善健康科普专家库' } });
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('reader-text');
  });

  it('relabels by keyboard: browsing the labels saves nothing, Enter does, and drops the fields the new label lacks', async () => {
    const spans = () => disk.spans(served.dir, REVIEWER, 'hc2024-02');
    await selectInReader(page, '北京首批健康科普专家库');
    await page.focus('.reader-text');
    await page.keyboard.press('1'); // 指标
    await page.waitForSelector('.span-editor');
    await page.fill('#field-metric', '专家库');
    await page.focus('#field-value'); // leaving the metric saves it
    await eventually(() => spans().find((s) => s.fields.metric === '专家库'));
    await page.focus('#span-editor-label');
    await page.keyboard.press('ArrowDown'); // 经验启示, not saved yet
    await page.keyboard.press('ArrowDown'); // 主要做法
    await page.keyboard.press('ArrowUp'); // 经验启示
    await new Promise((r) => setTimeout(r, 300));
    expect(spans().find((s) => s.quote.exact === '北京首批健康科普专家库')!.label).toBe('indicator');
    await page.keyboard.press('Enter');
    const relabelled = await eventually(() => spans().find((s) => s.quote.exact === '北京首批健康科普专家库' && s.label === 'lesson'));
    expect(relabelled.fields).toEqual({});
    expect(await page.textContent('.span-editor .dropped-fields')).toContain('指标');
    // The list names fields by their names, never by their keys.
    expect(await page.textContent('.annotation-list')).not.toMatch(/metric/);
    // One step: undo brings back the label and its fields.
    await page.focus('.reader-text');
    await page.keyboard.press('Control+z');
    const back = await eventually(() => spans().find((s) => s.quote.exact === '北京首批健康科普专家库' && s.label === 'indicator'));
    expect(back.fields).toMatchObject({ metric: '专家库' });
  });

  it('keeps Undo enabled after a reload, with the step named', async () => {
    await page.reload();
    await page.waitForSelector('.reader-text p');
    const undo = '.topbar button[aria-keyshortcuts="Control+Z"]';
    await expect.poll(() => page.isDisabled(undo)).toBe(false);
    expect(await page.getAttribute(undo, 'title')).toBe('撤销：修改“指标”标注');
  });

  it('hides the suggestion highlights with S (remembered); N still shows the one it reaches, A acts on no unseen one', async () => {
    await openCase('hc2024-01');
    await expect.poll(suggestionHighlights).toBeGreaterThan(3);
    const toggle = '.case-header .suggestions-toggle input';
    expect(await page.isChecked(toggle)).toBe(true);
    await page.focus('.reader-text');
    await page.keyboard.press('s');
    await expect.poll(suggestionHighlights).toBe(0);
    expect(await page.isChecked(toggle)).toBe(false);
    // Hidden, a accepts nothing (there is no suggestion in focus to see) and says how to show them.
    const spansBefore = disk.spans(served.dir, REVIEWER, 'hc2024-01').length;
    await page.keyboard.press('a');
    await expect.poll(() => page.textContent('.notice')).toContain('按 S 显示');
    await new Promise((r) => setTimeout(r, 300));
    expect(disk.spans(served.dir, REVIEWER, 'hc2024-01')).toHaveLength(spansBefore);
    // Remembered across a reload.
    await page.reload();
    await page.waitForSelector('.reader-text p');
    expect(await page.isChecked(toggle)).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('casebench-show-suggestions'))).toBe('hidden');
    await page.focus('.reader-text');
    await page.keyboard.press('n');
    await expect.poll(() => highlightSize('cb-suggest-focus')).toBe(1);
    expect(await suggestionHighlights()).toBe(1);
    await screenshot(page, '05b-suggestions-hidden');
    // The switch in the header (by keyboard: Space on the checkbox) shows them all again.
    await page.focus(toggle);
    await page.keyboard.press('Space');
    await expect.poll(suggestionHighlights).toBeGreaterThan(3);
    expect(await page.evaluate(() => localStorage.getItem('casebench-show-suggestions'))).toBe('shown');
  });

  it('jumps to the lessons section with one key', async () => {
    await openCase('hc2024-03');
    await page.focus('.reader-text');
    await page.keyboard.press('l');
    const caret = await page.evaluate(() => document.getSelection()!.anchorNode!.parentElement!.closest('p')!.textContent);
    expect(caret).toBe('四、经验启示');
  });

  it('searches the corpus regardless of width and jumps to the hit', async () => {
    await page.keyboard.press('Control+f');
    await page.waitForSelector('dialog#search[open]');
    await page.keyboard.type('９１％'); // full-width query, typed where the focus is
    await page.waitForSelector('.search-hits li');
    await screenshot(page, '05-search');
    const first = await page.textContent('.search-hits li mark');
    expect(first!.normalize('NFKC')).toBe('91%');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog#search', { state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.getSelection()!.toString().normalize('NFKC'))).toBe('91%');
  });

  it('revises a text; the orphaned annotation is placed again from the orphan queue', async () => {
    await openCase('hc2024-03');
    await selectInReader(page, '技术支撑是保障');
    await page.focus('.reader-text');
    await page.keyboard.press('2');
    await eventually(() => disk.spans(served.dir, REVIEWER, 'hc2024-03').length === 2);
    await page.click('#tab-revisions');
    await page.click('.revision-panel button:has-text("编辑正文")');
    const text = await page.inputValue('.revise-text');
    const revised = text.replace('技术支撑是保障', '专业力量的支撑十分关键').replace('一、工作背景', '一、工作背景与缘起');
    await page.fill('.revise-text', revised);
    await page.fill('.revise-form input', '改写第三条经验');
    await page.click('.revise-form button[type="submit"]');
    await page.waitForSelector('.report');
    expect(await page.textContent('.report')).toMatch(/孤立 1/);
    expect(disk.caseFile(served.dir, 'hc2024-03').case.revisions.map((r) => r.revision)).toEqual([0, 1]);
    // The history keeps what each revision did to the annotations, in the interface language.
    await expect.poll(() => page.locator('.revisions li').allTextContents()).toEqual([
      expect.stringContaining('载入自 healthy-china-2024-typical-cases-compendium.txt'),
      expect.stringMatching(/改写第三条经验.*孤立 1/),
    ]);
    await page.waitForSelector('.orphan');
    await screenshot(page, '06-revision-orphans');
    await selectInReader(page, '专业力量的支撑十分关键');
    await page.click('.orphan button:has-text("放到所选文字")');
    const placed = await eventually(() => disk.spans(served.dir, REVIEWER, 'hc2024-03').find((s) => s.quote.exact === '专业力量的支撑十分关键' && !s.orphan));
    expect(placed).toMatchObject({ label: 'lesson', revision: 1 });
    await expect.poll(() => page.locator('.orphan').count()).toBe(0);
    const moved = disk.spans(served.dir, REVIEWER, 'hc2024-03').find((s) => s.quote.exact === '领导重视是前提')!;
    expect(revised.slice(moved.start, moved.end)).toBe('领导重视是前提');
  });

  it('keeps the edit form and the edited text when saving fails (someone revised the text meanwhile)', async () => {
    await page.click('.revision-panel button:has-text("编辑正文")');
    const text = await page.inputValue('.revise-text');
    const mine = text.replace('一、工作背景与缘起', '一、工作背景和缘起');
    await page.fill('.revise-text', mine);
    // Another editor saves a revision first (through the same API, as a second window would).
    await page.evaluate(async () => {
      const token = sessionStorage.getItem('casebench-token')!;
      const call = async (method: string, input: object) => {
        const r = await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Casebench-Token': token }, body: JSON.stringify(input) });
        return ((await r.json()) as { result: { text: string } }).result;
      };
      const current = await call('getCase', { caseId: 'hc2024-03' });
      await call('reviseText', { caseId: 'hc2024-03', text: current.text.replace('一、工作背景与缘起', '一、工作背景及缘起'), note: '另一位编辑' });
    });
    await page.click('.revise-form button[type="submit"]');
    await page.waitForSelector('#revise-error');
    expect(await page.textContent('#revise-error')).toContain('正文已被他人修改');
    // The browser logs the refused request (HTTP 409): expected here, not an error of the page.
    const refused = /status of 409 \(Conflict\)/;
    await eventually(() => errors.some((e) => refused.test(e)));
    errors.splice(0, errors.length, ...errors.filter((e) => !refused.test(e)));
    // The form and the text are still there; the reader shows the other editor's version.
    expect(await page.inputValue('.revise-text')).toBe(mine);
    await expect.poll(() => page.textContent('.reader-text')).toContain('一、工作背景及缘起');
    expect(disk.caseFile(served.dir, 'hc2024-03').case.revisions.map((r) => r.revision)).toEqual([0, 1, 2]);
    await screenshot(page, '06b-revision-conflict');
    await page.click('.revise-form button:has-text("取消")');
    await page.waitForSelector('.revise-form', { state: 'detached' });
  });

  it("switches reviewer; the other reviewer's work is shown on request", async () => {
    await page.click('.reviewer-badge');
    await page.fill('dialog#reviewer input', 'li.si');
    await page.click('dialog#reviewer button[type="submit"]');
    await expect.poll(() => page.textContent('.reviewer-badge')).toContain('li.si');
    await expect.poll(() => highlightSize('cb-label-lesson')).toBe(0);
    await selectInReader(page, '实施健康影响评估意义重大');
    await page.focus('.reader-text');
    await page.keyboard.press('2');
    await eventually(() => disk.spans(served.dir, 'li.si', 'hc2024-03').length === 1);
    expect(disk.spans(served.dir, REVIEWER, 'hc2024-03')).toHaveLength(2);
    await page.check('.topbar .toggle input');
    // 张三's two lessons, painted per label: their label can be read in the text.
    await expect.poll(() => highlightsStarting('cb-others')).toBe(2);
    expect(await highlightSize('cb-others-lesson')).toBe(2);
    // Overlined in the lesson's line style (double), where one's own lessons are underlined.
    const css = await installedCss();
    expect(css).toMatch(/::highlight\(cb-others-lesson\) \{[^}]*text-decoration: overline[^;]*double/);
    expect(css).toMatch(/::highlight\(cb-label-lesson\) \{[^}]*text-decoration: underline[^;]*double/);
    await screenshot(page, '07-two-reviewers');
  });

  it('exports a dataset with progress and downloads it', async () => {
    await page.click('.topbar button:has-text("导出")');
    await page.waitForSelector('dialog#export[open]');
    await page.check('dialog#export input[value="csv"]');
    await page.click('dialog#export button[type="submit"]');
    await page.waitForSelector('dialog#export .export-status button.primary');
    await screenshot(page, '08-export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('dialog#export .export-status button.primary')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('领导重视是前提');
    expect(csv).toContain('实施健康影响评估意义重大');
    expect(readdirSync(join(served.dir, 'exports')).some((f) => f.endsWith('.csv'))).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('edits the label schema: a new label with a field, refused on a reader key, then used with its hotkey', async () => {
    await openCase('hc2024-03');
    await page.click('.label-bar button.label-edit');
    await page.waitForSelector('dialog#label-schema[open]');
    await page.click('dialog#label-schema button:has-text("添加标签")');
    const added = page.locator('dialog#label-schema fieldset.schema-label').last();
    await added.getByLabel('中文名称', { exact: true }).fill('目标');
    await added.getByLabel('英文名称', { exact: true }).fill('Target');
    // 'a' accepts suggestions in the reader: the editor says so and will not save.
    await added.getByLabel('快捷键').fill('a');
    await expect.poll(() => page.textContent('dialog#label-schema .schema-problems')).toContain('快捷键 a 已被阅读器使用');
    expect(await page.locator('dialog#label-schema button[type="submit"]').isDisabled()).toBe(true);
    await added.getByLabel('快捷键').fill('7');
    await added.locator('button:has-text("添加字段")').click();
    await added.locator('input[aria-label^="字段键"]').fill('year');
    await added.locator('input[aria-label^="中文名称 目标"]').fill('目标年份');
    await added.locator('input[aria-label^="英文名称 目标"]').fill('Target year');
    await added.locator('select[aria-label^="类型"]').selectOption('year');
    await screenshot(page, '10-label-schema');
    await page.click('dialog#label-schema button[type="submit"]');
    await page.waitForSelector('dialog#label-schema', { state: 'detached' });
    const schema = JSON.parse(readFileSync(join(served.dir, 'schema.json'), 'utf8')) as { labels: Array<Record<string, any>> };
    expect(schema.labels.at(-1)).toMatchObject({ id: 'label-7', name: { zh: '目标', en: 'Target' }, hotkey: '7', fields: [{ key: 'year', type: 'year', name: { zh: '目标年份' } }] });
    await expect.poll(() => page.locator('.label-bar button.label-button').count()).toBe(7);
    // The new label works like the others: select, press its key, and the span is on disk.
    const who = 'li.si'; // the reviewer switched to above
    const before = disk.spans(served.dir, who, 'hc2024-03').length;
    await selectInReader(page, '领导重视是前提');
    await page.focus('.reader-text');
    await page.keyboard.press('7');
    const span = await eventually(() => disk.spans(served.dir, who, 'hc2024-03').find((s) => s.label === 'label-7'));
    expect(span.quote.exact).toBe('领导重视是前提');
    expect(disk.spans(served.dir, who, 'hc2024-03')).toHaveLength(before + 1);
    await expect.poll(() => highlightSize('cb-label-label-7')).toBe(1);
    // Removing it now would hide that annotation: the editor will not, and says why.
    await page.click('.label-bar button.label-edit');
    await page.waitForSelector('dialog#label-schema[open]');
    const remove = page.locator('dialog#label-schema button:has-text("删除标签“目标”")');
    await expect.poll(() => remove.isDisabled()).toBe(true);
    expect(await page.textContent('dialog#label-schema #in-use-label-7')).toBe('1 条标注在用，不能删除');
    expect(await page.locator('dialog#label-schema button:has-text("删除标签“挑战”"), dialog#label-schema button:has-text("删除标签“问题与挑战”")').isDisabled()).toBe(false);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog#label-schema', { state: 'detached' });
    expect((JSON.parse(readFileSync(join(served.dir, 'schema.json'), 'utf8')) as { labels: unknown[] }).labels).toHaveLength(7);
  });

  it('speaks English on request, and has a shortcuts sheet', async () => {
    await page.click('.topbar button:has-text("English")');
    await expect.poll(() => page.textContent('#tab-annotations')).toBe('Annotations');
    await page.keyboard.press('?');
    await page.waitForSelector('dialog#shortcuts[open]');
    expect(await page.textContent('dialog#shortcuts')).toContain('Jump to the lessons');
    // Every key the app handles: Alt+↑ on its own line, B and P, the view keys.
    for (const line of ['Previous case', 'Jump to the background', 'Jump to the practices', 'Switch to the “Lessons” view']) expect(await page.textContent('dialog#shortcuts')).toContain(line);
    await screenshot(page, '09-shortcuts-en');
    await page.keyboard.press('Escape');
    await page.click('.topbar button:has-text("中文")');
  });

  it('raised no script or console errors', () => {
    expect(errors).toEqual([]);
  });
});
