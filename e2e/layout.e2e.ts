import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disk, launchBrowser, screenshot, serve, type Served } from './harness.ts';

/**
 * The workbench on laptop screens (1280 and 1440 px), in Chinese and in English: the top bar
 * keeps every control on screen, the indicator table leaves the reader a readable column, field
 * inputs stay inside the side panel, and text is not stretched apart to fill its lines.
 */
const ROOT = join(import.meta.dirname, '..');
const CASE = 'hc2024-01';

describe('layout at 1280–1440 px', () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    // A project where 张三 and 李四 marked the same case, so the comparison has two columns.
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-layout-')), 'project');
    const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'bin/casebench.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
    cli('init', dir);
    const text = disk.caseFile(dir, CASE).case.revisions[0]!.text;
    const line = (reviewer: string, quote: string, label: string, fields = {}) => JSON.stringify({ case: CASE, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, label, quote, reviewer, fields });
    const file = join(dir, '..', 'spans.jsonl');
    writeFileSync(file, [line('张三', '37.7%', 'indicator', { value: 37.7, unit: '%' }), line('张三', '26.7%', 'indicator'), line('李四', '37.7%', 'indicator', { value: 37.8, unit: '%' }), line('李四', '1.4%', 'indicator')].join('\n'));
    cli('annotations', 'import', dir, file);
    served = await serve(['--reviewer', '张三'], dir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const open = async (language: string, width: number): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.addInitScript((l) => localStorage.setItem('casebench-lang', l), language);
    await page.goto(served.url);
    await page.waitForSelector(`.navigator [data-case-id="${CASE}"]`);
    await page.click(`[data-case-id="${CASE}"]`);
    await page.waitForSelector('.annotation-list li');
    return page;
  };

  describe.each([
    ['zh-CN', 1280],
    ['zh-CN', 1440],
    ['en', 1280],
    ['en', 1440],
  ] as const)('%s at %i px', (language, width) => {
    it('shows every top bar control whole, on one row, with nothing to scroll to', async () => {
      const page = await open(language, width);
      const bar = await page.evaluate(() => {
        const topbar = document.querySelector<HTMLElement>('.topbar')!;
        const box = topbar.getBoundingClientRect();
        const cut = [...topbar.querySelectorAll<HTMLElement>('button, label, a')]
          .map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent!.trim(), r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.left < 0 || r.right > window.innerWidth || r.bottom > box.bottom)
          .map(({ name, r }) => `${name} ${Math.round(r.right - window.innerWidth)}px`);
        return { cut, overflow: topbar.scrollWidth - topbar.clientWidth, height: Math.round(box.height) };
      });
      await screenshot(page, `layout-${language}-${width}`);
      expect(bar.cut).toEqual([]);
      expect(bar.overflow).toBeLessThanOrEqual(0);
      expect(bar.height).toBeLessThan(50);
      await page.close();
    });

    it('leaves the reader a readable column beside the indicator table, and does not stretch its text', async () => {
      const page = await open(language, width);
      await page.click('#tab-indicators');
      await page.waitForSelector('.indicator-table');
      await screenshot(page, `layout-${language}-${width}-indicators`);
      const reader = await page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('.reader-text')!;
        const style = getComputedStyle(el);
        return { width: Math.round(el.getBoundingClientRect().width), justify: `${style.textAlign} ${style.textJustify}` };
      });
      expect(reader.width).toBeGreaterThanOrEqual(440);
      expect(reader.justify).not.toMatch(/justify|inter-character/);
      await page.close();
    });

    it('keeps the span editor’s field inputs inside the side panel', async () => {
      const page = await open(language, width);
      await page.click('.annotation-list li button');
      await page.waitForSelector('.span-editor input');
      await screenshot(page, `layout-${language}-${width}-editor`);
      const outside = await page.evaluate(() => {
        const panel = document.querySelector('.side-panel')!.getBoundingClientRect();
        return [...document.querySelectorAll('.span-editor input, .span-editor select, .span-editor textarea')]
          .map((el) => Math.round(el.getBoundingClientRect().right - panel.right))
          .filter((over) => over > 0);
      });
      expect(outside).toEqual([]);
      await page.close();
    });

    it('does not spread digits apart in the compare columns', async () => {
      const page = await open(language, width);
      await page.keyboard.press('Alt+Shift+Digit4');
      await page.waitForSelector('.compare-column .reader-text, .compare-column p');
      await screenshot(page, `layout-${language}-${width}-compare`);
      const spread = await page.evaluate(() => {
        const column = document.querySelector<HTMLElement>('.compare-column')!;
        const text = column.querySelector<HTMLElement>('p, .reader-text') ?? column;
        const style = getComputedStyle(text);
        return `${style.textAlign} ${style.textJustify}`;
      });
      expect(spread).not.toMatch(/justify|inter-character/);
      await page.close();
    });
  });
});
