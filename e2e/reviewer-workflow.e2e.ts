import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disk, endSession, eventually, openCaseFromNavigator, screenshot, selectInReader, startSession, type Served } from './harness.ts';

/**
 * What a careful new reviewer ran into (issue 13), in the real renderer: the reviewer dialog,
 * whom the comparison picks, the keys (suggestions, the span editor, the text's ends, the
 * outline editor, ratings, adjudication, the view keys on AZERTY), and the revision numbers.
 * After each step the files are checked.
 */
describe('a reviewer’s workflow in a browser', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const CASE = 'hc2024-01';

  beforeAll(async () => ({ served, browser, page } = await startSession(errors)));
  afterAll(() => endSession({ served, browser }));

  const reviewers = () => readdirSync(join(served.dir, 'reviews')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  const badge = () => page.textContent('.reviewer-badge');
  const focusedText = () => page.evaluate(() => ([...(CSS.highlights.get('cb-suggest-focus') ?? [])][0] as Range | undefined)?.toString() ?? null);
  /** Switch reviewer as a person would: open the dialog from the badge and type the name. */
  const becomeReviewer = async (name: string) => {
    await page.click('.reviewer-badge');
    await page.waitForSelector('dialog#reviewer[open]');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect.poll(badge).toContain(name);
  };
  const caretAtStart = () =>
    page.evaluate(() => {
      const first = document.querySelector('.reader-text p')!.firstChild!;
      document.getSelection()!.setBaseAndExtent(first, 0, first, 0);
    });

  it('numbers the text as loaded 第 1 版 (item 9)', async () => {
    await page.waitForSelector('dialog#reviewer[open]');
    await page.keyboard.type('张三');
    await page.keyboard.press('Enter');
    await openCaseFromNavigator(page, CASE);
    expect(await page.textContent('.case-header')).toContain('第 1 版');
    await page.click('#tab-revisions');
    await expect.poll(() => page.locator('.revisions li').first().textContent()).toContain('第 1 版');
  });

  it('starts the name field empty when switching reviewer: typing 李四 makes 李四, not 张三李四 (item 2)', async () => {
    await page.click('.reviewer-badge');
    await page.waitForSelector('dialog#reviewer[open]');
    expect(await page.inputValue('dialog#reviewer input')).toBe('');
    // The known reviewers are offered.
    expect(await page.locator('dialog#reviewer .chips button').allTextContents()).toEqual(['张三']);
    await page.keyboard.type('李四');
    await page.keyboard.press('Enter');
    await expect.poll(badge).toContain('李四');
    expect(reviewers()).toEqual(['张三', '李四'].sort());
  });

  it('n starts from this reviewer’s own place, and after a the next one is shown and taken next (item 7)', async () => {
    // 张三 went through two suggestions; 李四 takes over the same screen.
    await becomeReviewer('张三');
    await caretAtStart();
    await page.focus('.reader-text');
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await expect.poll(focusedText).toBe('26.7%');
    await becomeReviewer('李四');
    await page.focus('.reader-text');
    await page.keyboard.press('n');
    await expect.poll(focusedText).toBe('37.7%');
    await page.keyboard.press('a');
    await eventually(() => disk.spans(served.dir, '李四', CASE).some((s) => s.quote.exact === '37.7%'));
    await expect.poll(focusedText).toBe('26.7%');
    // The one in focus is on screen, with the caret at it: a takes it, not the one after.
    expect(await page.evaluate(() => document.getSelection()!.toString() === '' && document.getSelection()!.anchorNode!.textContent!.includes('26.7%'))).toBe(true);
    await page.keyboard.press('a');
    await eventually(() => disk.spans(served.dir, '李四', CASE).some((s) => s.quote.exact === '26.7%'));
    expect(disk.spans(served.dir, '李四', CASE).map((s) => s.quote.exact).sort()).toEqual(['26.7%', '37.7%']);
    await expect.poll(focusedText).toBe('1.4%');
  });

  it('closes the span editor with Esc from one of its fields, keeping what was typed (item 7)', async () => {
    await page.click('#tab-annotations');
    await page.click('.annotation-list li:has-text("37.7%") button');
    await page.fill('.span-editor input[aria-label], .span-editor .fields input >> nth=0', '成人超重率');
    await page.focus('.span-editor .fields input >> nth=0');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.span-editor', { state: 'detached' });
    await eventually(() => disk.spans(served.dir, '李四', CASE).find((s) => s.quote.exact === '37.7%')?.fields.metric === '成人超重率');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('reader-text'))).toBe(true);
  });

  it('goes to the end and back to the start of the text with Ctrl+End and Ctrl+Home (item 7)', async () => {
    await page.focus('.reader-text');
    await page.keyboard.press('Control+End');
    await expect.poll(() => page.evaluate(() => document.querySelector('.reader')!.scrollTop)).toBeGreaterThan(500);
    await page.keyboard.press('Control+Home');
    await expect.poll(() => page.evaluate(() => document.querySelector('.reader')!.scrollTop)).toBe(0);
    const caret = await page.evaluate(() => {
      const sel = document.getSelection()!;
      const first = document.querySelector('.reader-text p')!;
      return first.contains(sel.anchorNode) && sel.anchorOffset === 0;
    });
    expect(caret).toBe(true);
  });

  it('opens the outline’s ✎ editor in view, with the keys in it (item 7)', async () => {
    const last = page.locator('.outline .outline-item').last();
    await last.locator('button.edit').click();
    const editor = page.locator('.outline .section-editor');
    await editor.waitFor();
    const inView = await page.evaluate(() => {
      const outline = document.querySelector('.outline')!.getBoundingClientRect();
      const box = document.querySelector('.outline .section-editor')!.getBoundingClientRect();
      return box.top >= outline.top - 1 && box.bottom <= Math.min(outline.bottom, window.innerHeight) + 1;
    });
    expect(inView).toBe(true);
    expect(await page.evaluate(() => !!document.activeElement?.closest('.section-editor'))).toBe(true);
    await screenshot(page, 'workflow-outline-editor');
    await page.keyboard.press('Escape');
    await last.locator('button.edit').click();
  });

  it('rates rubric criteria by key: a digit, the arrows, Delete (item 7)', async () => {
    await page.click('#tab-score');
    const first = page.locator('.score-panel .rating').first();
    await first.locator('button').first().focus();
    // The panel loads on first use: the key goes to the rating only once it holds the focus.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.score-panel .rating'))).toBe(true);
    await page.keyboard.press('4');
    await expect.poll(() => first.locator('button[data-rating="4"]').getAttribute('aria-checked')).toBe('true');
    await eventually(() => disk.reviewer(served.dir, '李四').cases[CASE]?.score?.ratings?.innovation === 4);
    await page.keyboard.press('ArrowRight');
    await eventually(() => disk.reviewer(served.dir, '李四').cases[CASE]?.score?.ratings?.innovation === 5);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('5');
    await page.keyboard.press('Delete');
    await eventually(() => disk.reviewer(served.dir, '李四').cases[CASE]?.score?.ratings?.innovation === null);
  });

  it('switches views with Alt+Shift+digit on AZERTY, where it types the digit (item 7)', async () => {
    // AZERTY: the number row's digits are shifted; Alt+Shift+2 reports key "2" on Digit2.
    await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: '2', code: 'Digit2', altKey: true, shiftKey: true, bubbles: true })));
    await page.waitForSelector('.ranking-view, table.ranking');
    await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', altKey: true, shiftKey: true, bubbles: true })));
    await page.waitForSelector('.reader-text p');
  });

  it('preselects in the comparison the reviewers who worked on the case, and remembers the choice (item 3)', async () => {
    // A name made by mistake, with no work, sorted between the two who worked.
    await becomeReviewer('张三李四');
    await becomeReviewer('张三');
    await page.click('#tab-annotations');
    await selectInReader(page, '4.6%');
    await page.focus('.reader-text');
    await page.keyboard.press('1');
    await eventually(() => disk.spans(served.dir, '张三', CASE).length === 1);
    await page.keyboard.press('Control+Enter');
    await eventually(() => disk.reviewer(served.dir, '张三').cases[CASE]?.status === 'done');
    await page.keyboard.press('Alt+Shift+Digit4');
    await page.waitForSelector('.compare-view .differences li');
    const checked = () => page.locator('.compare-view .chips input:checked').evaluateAll((inputs) => inputs.map((i) => i.parentElement!.textContent!.trim()));
    expect(await checked()).toEqual(['张三', '李四']);
    expect(await page.locator('.compare-column h2').allTextContents()).toEqual(['张三', '李四']);
    await screenshot(page, 'workflow-compare-preselected');
    // Another choice is kept when the view is left and opened again.
    await page.check('.compare-view .chips label:has-text("张三李四") input');
    await page.uncheck('.compare-view .chips label:text-is("李四") input');
    await expect.poll(checked).toEqual(['张三', '张三李四']);
    await page.keyboard.press('Alt+Shift+Digit1');
    await page.waitForSelector('.reader-text p');
    await page.keyboard.press('Alt+Shift+Digit4');
    await page.waitForSelector('.compare-view');
    await expect.poll(checked).toEqual(['张三', '张三李四']);
    await page.check('.compare-view .chips label:text-is("李四") input');
    await page.uncheck('.compare-view .chips label:has-text("张三李四") input');
    await expect.poll(checked).toEqual(['张三', '李四']);
  });

  it('adjudicates by key: 2 adopts the second column’s version, ↓ goes on (item 7)', async () => {
    await page.waitForSelector('.compare-view .differences li .head');
    await page.locator('.compare-view .differences li .head').first().focus();
    // 37.7%: 李四 marked it, 张三 did not.
    expect(await page.locator('.compare-view .differences li').first().textContent()).toContain('37.7%');
    await page.keyboard.press('2');
    await eventually(() => disk.spans(served.dir, 'consensus', CASE).some((s) => s.quote.exact === '37.7%'));
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.previousElementSibling !== null)).toBe(true);
    await page.keyboard.press('Alt+Shift+Digit1');
    await page.waitForSelector('.reader-text p');
  });

  it('shows a suggestion an annotation of its label already covers as covered; taking it adds no second indicator (item 4)', async () => {
    // 张三 marks the whole clause; the parser's suggestion is the number inside it.
    await selectInReader(page, '北京市成人超重率为 37.7%');
    await page.focus('.reader-text');
    await page.keyboard.press('1');
    await eventually(() => disk.spans(served.dir, '张三', CASE).some((s) => s.quote.exact === '北京市成人超重率为 37.7%'));
    await page.click('#tab-suggestions');
    const covered = page.locator('.suggestion-panel li.suggestion', { hasText: '37.7%' }).first();
    await expect.poll(() => covered.getAttribute('class')).toContain('state-covered');
    expect(await covered.textContent()).toContain('已有同类标注');
    // n passes it by: it is not pending.
    await caretAtStart();
    await page.focus('.reader-text');
    await page.keyboard.press('n');
    await expect.poll(focusedText).toBe('26.7%');
    await covered.locator('button:has-text("并入字段")').click();
    await eventually(() => Object.values(disk.reviewer(served.dir, '张三').cases[CASE]?.decisions ?? {}).includes('accepted'));
    const indicators = disk.spans(served.dir, '张三', CASE).filter((s) => s.label === 'indicator' && s.quote.exact.includes('37.7%'));
    expect(indicators.map((s) => s.quote.exact)).toEqual(['北京市成人超重率为 37.7%']);
    await screenshot(page, 'workflow-covered-suggestion');
  });

  it('marks an annotation whose text a revision changed, and says so on a case marked 已审 (item 1)', async () => {
    // The fields typed by 张三, then the editor's revision 37.7% → 37.8%.
    await page.click('#tab-annotations');
    await page.click('.annotation-list li:has-text("北京市成人超重率为 37.7%") button');
    // The span came with the parser's fields (item 5); 张三 types the metric over them.
    expect(disk.spans(served.dir, '张三', CASE).find((s) => s.quote.exact.includes('37.7%'))).toMatchObject({ fields: { value: 37.7, unit: '%' }, fieldsFrom: 'parser' });
    const metric = page.locator('.span-editor .field.inline', { hasText: '指标' }).locator('input');
    await metric.fill('成人超重率');
    await metric.press('Escape');
    await eventually(() => disk.spans(served.dir, '张三', CASE).find((s) => s.quote.exact.includes('37.7%'))?.fieldsFrom === undefined);
    await page.click('#tab-revisions');
    await page.click('.revision-panel button:has-text("编辑正文")');
    await page.fill('.revise-text', (await page.inputValue('.revise-text')).replace('37.7%', '37.8%'));
    await page.click('.revise-form button[type="submit"]');
    await page.waitForSelector('.report');
    const marked = await eventually(() => disk.spans(served.dir, '张三', CASE).find((s) => s.quote.exact === '北京市成人超重率为 37.8%' && s.textChanged));
    expect(marked).toMatchObject({ fields: { metric: '成人超重率', value: 37.7 }, textChanged: { was: '北京市成人超重率为 37.7%' } });
    await expect.poll(() => page.textContent('.case-header')).toContain('已标为已审，但此后的修订改动了你 1 处标注的文字');
    await page.click('#tab-annotations');
    const item = page.locator('.annotation-list li', { hasText: '北京市成人超重率为 37.8%' });
    expect(await item.textContent()).toContain('请核对字段');
    await item.locator('button').first().click();
    expect(await page.textContent('.span-editor')).toContain('修订改动了此处文字（原为“北京市成人超重率为 37.7%”）');
    await screenshot(page, 'workflow-text-changed');
    await page.locator('.span-editor .field.inline', { hasText: '数值' }).locator('input').fill('37.8');
    await page.click('.span-editor button:has-text("字段无误")');
    await eventually(() => {
      const s = disk.spans(served.dir, '张三', CASE).find((x) => x.quote.exact === '北京市成人超重率为 37.8%');
      return s && !s.textChanged && s.fields.value === 37.8;
    });
    await expect.poll(() => page.locator('.case-header .text-changed-note').count()).toBe(0);
  });

  it('removes a reviewer who has no work and renames one who has, work and all (item 2)', async () => {
    await page.click('.reviewer-badge');
    await page.click('dialog#reviewer .manage-reviewers summary');
    // 张三 has work: only renaming is offered.
    expect(await page.isDisabled('dialog#reviewer li[data-reviewer="张三"] button.danger')).toBe(true);
    await page.click('dialog#reviewer li[data-reviewer="张三李四"] button.danger');
    await eventually(() => !existsSync(join(served.dir, 'reviews', '张三李四.json')));
    expect(reviewers()).toEqual(['consensus', '张三', '李四'].sort());
    await page.click('dialog#reviewer li[data-reviewer="李四"] button:has-text("重命名")');
    await page.keyboard.type('李小四');
    await page.keyboard.press('Enter');
    // The new name's files are written before the old ones are taken out: wait for both.
    await eventually(() => reviewers().includes('李小四') && !reviewers().includes('李四'));
    expect(reviewers()).toEqual(['consensus', '张三', '李小四'].sort());
    expect(disk.spans(served.dir, '李小四', CASE).map((s) => [s.quote.exact, s.reviewer]).sort()).toEqual([
      ['26.7%', '李小四'],
      ['37.7%', '李小四'],
    ]);
    await screenshot(page, 'workflow-reviewer-dialog');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
});
