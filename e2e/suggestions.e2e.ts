import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disk, endSession, eventually, openCaseFromNavigator, screenshot, startSession, type Served } from './harness.ts';

/**
 * Suggestions in the real renderer: the sample project comes with them; a reviewer goes through
 * them by key, accepts a section at once, corrects an indicator in the table, and finds the
 * accepted lessons in the library and exports them. After each step the files are checked.
 */
describe('suggestions in a browser', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const ME = '王五';

  beforeAll(async () => ({ served, browser, page } = await startSession(errors)));
  afterAll(() => endSession({ served, browser }));

  const openCase = (id: string) => openCaseFromNavigator(page, id);
  const highlightSize = (name: string) => page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);
  const focusedText = () =>
    page.evaluate(() => {
      const r = [...(CSS.highlights.get('cb-suggest-focus') ?? [])][0] as Range | undefined;
      return r?.toString() ?? null;
    });
  const decisions = (caseId: string) => (disk.reviewer(served.dir, ME).cases[caseId]?.decisions ?? {}) as Record<string, string>;
  const caretAtStart = () =>
    page.evaluate(() => {
      const first = document.querySelector('.reader-text p')!.firstChild!;
      document.getSelection()!.setBaseAndExtent(first, 0, first, 0);
    });

  it('shows the suggestions as dashed highlights, apart from annotations', async () => {
    await page.waitForSelector('dialog#reviewer[open]');
    await page.fill('dialog#reviewer input', ME);
    await page.keyboard.press('Enter');
    await openCase('hc2024-01');
    // Painted around the screen only; the panel's tab counts them all.
    await expect.poll(() => highlightSize('cb-suggest-indicator')).toBeGreaterThan(3);
    expect(Number((await page.textContent('#tab-suggestions'))!.replace(/\D/g, ''))).toBeGreaterThan(25);
    expect(await highlightSize('cb-label-indicator')).toBe(0);
    const css = await page.evaluate(() => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
    expect(css).toMatch(/::highlight\(cb-suggest-indicator\) \{[^}]*dashed/);
  });

  it('goes to the next suggestion with n, accepts with a and rejects with x; each is on disk', async () => {
    await caretAtStart();
    await page.focus('.reader-text');
    await page.keyboard.press('n');
    await expect.poll(focusedText).toBe('37.7%');
    await screenshot(page, '16-suggestions-reader');
    await page.keyboard.press('a');
    const accepted = await eventually(() => disk.spans(served.dir, ME, 'hc2024-01').find((s) => s.quote.exact === '37.7%'));
    expect(accepted).toMatchObject({ label: 'indicator', origin: 'suggestion', fields: { metric: '北京市成人超重率', value: 37.7, unit: '%' } });
    await expect.poll(() => highlightSize('cb-label-indicator')).toBe(1);
    // The focus moved on to the next one, which x rejects.
    await expect.poll(focusedText).toBe('26.7%');
    await page.keyboard.press('x');
    await eventually(() => Object.values(decisions('hc2024-01')).filter((d) => d === 'rejected').length === 1);
    expect(disk.spans(served.dir, ME, 'hc2024-01').some((s) => s.quote.exact === '26.7%')).toBe(false);
    await expect.poll(focusedText).toBe('1.4%');
  });

  it('accepts every suggestion of a section from the panel, and undoes it in one step', async () => {
    await page.click('#tab-suggestions');
    const group = page.locator('.suggestion-group', { has: page.locator('h3', { hasText: '三、经验和成效' }) });
    const button = group.locator('button:has-text("接受本节全部")');
    await expect.poll(() => button.count()).toBe(1);
    const before = disk.spans(served.dir, ME, 'hc2024-01').length;
    const pendingInGroup = await group.locator('.suggestion.state-pending').count();
    expect(pendingInGroup).toBeGreaterThan(3);
    await button.click();
    await eventually(() => disk.spans(served.dir, ME, 'hc2024-01').length === before + pendingInGroup);
    expect(disk.spans(served.dir, ME, 'hc2024-01').map((s) => s.quote.exact)).toEqual(expect.arrayContaining(['76.37%', '1.42kg', '由 46.83%降低为41.71%']));
    const change = disk.spans(served.dir, ME, 'hc2024-01').find((s) => s.quote.exact === '由 46.83%降低为41.71%')!;
    expect(change.fields).toMatchObject({ baseline: 46.83, value: 41.71, direction: 'down', change: 5.12, changeUnit: 'pp' });
    await screenshot(page, '17-suggestions-panel');
    await page.focus('.reader-text');
    await page.keyboard.press('Control+z');
    await eventually(() => disk.spans(served.dir, ME, 'hc2024-01').length === before);
    await page.keyboard.press('Control+Shift+z');
    await eventually(() => disk.spans(served.dir, ME, 'hc2024-01').length === before + pendingInGroup);
  });

  it('edits indicators in the table: a span saves at once, a suggestion is accepted with the edits', async () => {
    await page.click('#tab-indicators');
    const row = page.locator('.indicator-table tr', { hasText: '37.7%' }).first();
    await row.locator('input[aria-label^="年份"]').fill('2022');
    await row.locator('input[aria-label^="年份"]').blur();
    await eventually(() => disk.spans(served.dir, ME, 'hc2024-01').find((s) => s.quote.exact === '37.7%')?.fields.year === 2022);
    const suggested = page.locator('.indicator-table tr.suggested', { hasText: '225.9万人' }).first();
    await suggested.locator('input[aria-label^="指标"]').fill('启动仪式在线观看人数');
    await suggested.locator('button[aria-label="接受"]').click();
    const span = await eventually(() => disk.spans(served.dir, ME, 'hc2024-01').find((s) => s.quote.exact === '225.9万人'));
    expect(span.fields).toMatchObject({ metric: '启动仪式在线观看人数', value: 2259000, unit: '人' });
    await screenshot(page, '18-indicator-table');
  });

  it('accepts the lessons of a section with Shift+A, and finds them in the lessons library', async () => {
    await openCase('hc2024-03');
    await page.keyboard.press('Escape');
    await page.focus('.reader-text');
    await page.keyboard.press('l'); // to 经验启示
    await page.keyboard.press('Shift+A');
    const lessons = await eventually(() => {
      const s = disk.spans(served.dir, ME, 'hc2024-03').filter((x) => x.label === 'lesson');
      return s.length === 3 && s;
    });
    expect(lessons.map((s) => s.fields.headline)).toEqual(['实施健康影响评估意义重大', '领导重视是前提', '技术支撑是保障']);
    await page.click('.topbar nav.views button:has-text("经验库")');
    await page.waitForSelector('.lesson-case');
    // Beijing's lessons came with the section accepted earlier: its merged 经验和成效 section enumerates them.
    expect(await page.locator('.lesson-case h2').allTextContents()).toEqual([
      '北京市：创新大人群体重干预模式提升首都职工体重管理能力',
      '河北省：高位推进 部门联动 努力推动将健康融入所有政策',
    ]);
    expect(await page.locator('.lesson-headline').allTextContents()).toEqual([
      '管理机制联动性强，社会动员广泛',
      '宣传到位，公众认可度高',
      '实施健康影响评估意义重大',
      '领导重视是前提',
      '技术支撑是保障',
    ]);
    await page.fill('.lessons-view input[type="search"]', '技术支撑');
    await expect.poll(() => page.locator('.lesson-headline').allTextContents()).toEqual(['技术支撑是保障']);
    await expect.poll(() => page.locator('.lesson-case h2').count()).toBe(1);
    await page.fill('.lessons-view input[type="search"]', '');
    await expect.poll(() => page.locator('.lesson-headline').count()).toBe(5);
    await screenshot(page, '19-lessons-library');
    await page.click('.lessons-view button:has-text("导出 CSV")');
    await page.waitForSelector('.lessons-view .export-status button');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.lessons-view .export-status button')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.trim().split('\r\n')).toHaveLength(6);
    expect(csv).toContain('领导重视是前提');
    // A lesson opens in the reader, where it was found.
    await page.click('.lesson-headline:has-text("领导重视是前提")');
    await page.waitForSelector('.reader-text p');
    expect(await page.textContent('.case-heading')).toBe('高位推进 部门联动 努力推动将健康融入所有政策');
  });

  it('raised no script or console errors', () => {
    expect(errors).toEqual([]);
  });
});
