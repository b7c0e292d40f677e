import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disk, endSession, eventually, openCaseFromNavigator, screenshot, startSession, type Served } from './harness.ts';

/**
 * Source tables stay tables in the reader: the rows of hebei2022-04's table of targets (tab-separated
 * lines of the case text) are shown as a grid whose columns line up, and every character keeps its
 * offset — a figure marked in a cell, or a stretch across cells, is stored with the case text's own
 * offsets and quote, and is painted where it is.
 */
describe('a source table in the reader', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const ME = '赵六';
  const CASE = 'hebei2022-04';

  beforeAll(async () => ({ served, browser, page } = await startSession(errors)));
  afterAll(() => endSession({ served, browser }));

  const caseText = () => disk.caseFile(served.dir, CASE).case.revisions.at(-1)!.text;
  /** Where a cell's text sits on screen. */
  const cellBox = (text: string) =>
    page.evaluate((wanted) => {
      const cell = [...document.querySelectorAll<HTMLElement>('.reader-table .table-cell')].find((c) => c.firstChild?.textContent === wanted)!;
      const r = cell.getBoundingClientRect();
      return { left: Math.round(r.left), top: Math.round(r.top), width: Math.round(r.width) };
    }, text);

  it('shows the rows as a table whose columns line up', async () => {
    await page.waitForSelector('dialog#reviewer[open]');
    await page.fill('dialog#reviewer input', ME);
    await page.keyboard.press('Enter');
    await openCaseFromNavigator(page, CASE);
    await page.waitForSelector('.reader-table');
    const rows = await page.locator('.reader-table [role="row"]').count();
    expect(rows).toBeGreaterThanOrEqual(7);
    // One column: 2018's figures of two rows, one under the other; the next column to its right.
    const [a, b, c] = await Promise.all([cellBox('29.21'), cellBox('90.21'), cellBox('42.58')]);
    expect(b.left).toBe(a.left);
    expect(b.top).toBeGreaterThan(a.top);
    expect(c.left).toBeGreaterThan(a.left + a.width - 2);
    // Each row's text is the line's, tabs and all: nothing added, nothing lost.
    const texts = await page.locator('.reader-table [role="row"]').allTextContents();
    const lines = caseText().split('\n');
    for (const t of texts) expect(lines).toContain(t);
    await page.locator('.reader-table').last().scrollIntoViewIfNeeded();
    await screenshot(page, '30-reader-table');
  });

  it('marks a figure in a cell with the offsets of the case text', async () => {
    // The cell of the table, not the 29.21% of the text above it.
    await page.evaluate(() => {
      const cell = [...document.querySelectorAll<HTMLElement>('.reader-table .table-cell')].find((c) => c.firstChild?.textContent === '29.21')!;
      document.getSelection()!.setBaseAndExtent(cell.firstChild!, 0, cell.firstChild!, 5);
    });
    await page.focus('.reader-text');
    await page.keyboard.press('1'); // 指标
    const span = await eventually(() => disk.spans(served.dir, ME, CASE).find((s) => s.quote.exact === '29.21')).catch((e) => {
      throw new Error(`${e}: on disk ${JSON.stringify(disk.spans(served.dir, ME, CASE).map((s) => [s.start, s.end, s.quote.exact]))}`);
    });
    expect(caseText().slice(span.start, span.end)).toBe('29.21');
    expect(span.start).toBe(caseText().indexOf('\t29.21\t') + 1);
    // Painted on the cell's text.
    await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get('cb-label-indicator') ?? [])].map((r) => (r as Range).toString()))).toContain('29.21');
  });

  it('selects across cells as the text runs (with the tab between them), and marks that', async () => {
    await page.evaluate(() => {
      const cells = [...document.querySelectorAll<HTMLElement>('.reader-table .table-cell')];
      const from = cells.find((c) => c.firstChild?.textContent === '68.47')!.firstChild!;
      const to = cells.find((c) => c.firstChild?.textContent === '79.8')!.firstChild!;
      document.getSelection()!.setBaseAndExtent(from, 0, to, 4);
    });
    // The selection's text as stored (a copy shows the cells one per line, as the browser lays them out).
    expect(await page.evaluate(() => document.getSelection()!.getRangeAt(0).toString())).toBe('68.47\t79.8');
    await page.focus('.reader-text');
    await page.keyboard.press('1');
    const span = await eventually(() => disk.spans(served.dir, ME, CASE).find((s) => s.quote.exact === '68.47\t79.8'));
    expect(caseText().slice(span.start, span.end)).toBe('68.47\t79.8');
    expect(errors).toEqual([]);
  });
});
