import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxesForRange } from '../main/pdf/range-boxes.ts';
import { disk, eventually, launchBrowser, openCaseFromNavigator, openPage, screenshot, selectInReader, serve, type Served } from './harness.ts';

const ROOT = join(import.meta.dirname, '..');
const PDF = join(ROOT, 'main/pdf/testdata/official.pdf');
const LONG_PDF = join(ROOT, 'fixtures/pdf/typeset-hc2024.pdf');
const REVIEWER = '李四';

/**
 * A project made from a typeset PDF: a span's 在原文中查看 shows the PDF page, drawn by PDF.js
 * in the page (worker, CMaps and fonts from the app itself), with the span's boxes marked where
 * the project's geometry puts them, on the printed text.
 */
describe('a span from a PDF, shown on its page', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let caseId: string;

  beforeAll(async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-e2e-pdf-')), 'project');
    execFileSync(process.execPath, [join(ROOT, 'bin/casebench.js'), 'init', dir, '--from', PDF], { cwd: ROOT, stdio: 'ignore' });
    caseId = readdirSync(join(dir, 'corpus', 'cases'))[0]!.replace(/\.json$/, '');
    served = await serve(['--reviewer', REVIEWER], dir);
    browser = await launchBrowser();
    page = await openPage(browser, served.url, errors);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('labels a number in the PDF case and opens it in the original', async () => {
    await openCaseFromNavigator(page, caseId);
    await selectInReader(page, '37.7%');
    await page.focus('.reader-text');
    await page.keyboard.press('2');
    await eventually(() => disk.spans(served.dir, REVIEWER, caseId).length === 1);
    await page.waitForSelector('.span-editor');
    await page.click('.span-editor button:has-text("在原文中查看")');
    await page.waitForSelector('dialog#source[open] .pdf-page[data-state="ready"]', { timeout: 30_000 });
    expect(await page.textContent('dialog#source')).toContain('official.pdf，第 1 页');
  });

  it('draws the page: the canvas has ink where the text is', async () => {
    const ink = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('dialog#source .pdf-page canvas')!;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 1]! < 100 && data[i + 2]! < 100) dark++;
      return dark / (data.length / 4);
    });
    // A page of text: a few per cent of its pixels are ink; a blank or failed canvas has none.
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.5);
  });

  it('marks the span where the geometry puts it, on the printed characters', async () => {
    const layout = JSON.parse(readFileSync(join(served.dir, 'corpus', 'layout', `${readdirSync(join(served.dir, 'corpus', 'layout'))[0]}`), 'utf8')) as {
      rawText: string;
      geometry: { pages: Array<{ width: number; height: number }>; boxes: number[] };
    };
    const at = layout.rawText.indexOf('37.7%');
    const expected = boxesForRange(layout.geometry, at, at + 5);
    expect(expected.length).toBeGreaterThan(0);
    const shown = await page.evaluate(() => {
      const sheet = document.querySelector<HTMLElement>('dialog#source .pdf-page .pdf-sheet')!.getBoundingClientRect();
      const canvas = document.querySelector<HTMLCanvasElement>('dialog#source .pdf-page canvas')!;
      return {
        scale: canvas.getBoundingClientRect().width,
        marks: [...document.querySelectorAll<HTMLElement>('dialog#source .pdf-mark')].map((m) => {
          const r = m.getBoundingClientRect();
          return { x: r.left - sheet.left, y: r.top - sheet.top, width: r.width, height: r.height };
        }),
      };
    });
    const scale = shown.scale / layout.geometry.pages[0]!.width;
    expect(shown.marks).toHaveLength(expected.length);
    shown.marks.forEach((m, i) => {
      const e = expected[i]!;
      expect(Math.abs(m.x - e.x * scale)).toBeLessThan(1.5);
      expect(Math.abs(m.y - e.y * scale)).toBeLessThan(1.5);
      expect(Math.abs(m.width - e.width * scale)).toBeLessThan(1.5);
    });
    // The marks sit on ink: the digits are drawn inside them, and the band just above is paper.
    const inkIn = await page.evaluate((marks) => {
      const c = document.querySelector<HTMLCanvasElement>('dialog#source .pdf-page canvas')!;
      const k = c.width / c.getBoundingClientRect().width;
      const ctx = c.getContext('2d')!;
      const dark = (x: number, y: number, w: number, h: number) => {
        const d = ctx.getImageData(Math.round(x * k), Math.round(y * k), Math.max(1, Math.round(w * k)), Math.max(1, Math.round(h * k))).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 120) n++;
        return n / (d.length / 4);
      };
      return marks.map((m) => ({ inside: dark(m.x, m.y, m.width, m.height), above: dark(m.x, m.y - m.height * 0.6, m.width, m.height * 0.4) }));
    }, shown.marks);
    for (const r of inkIn) {
      expect(r.inside).toBeGreaterThan(0.05);
      expect(r.above).toBeLessThan(0.02);
    }
    await screenshot(page, 'pdf-01-source-page');
    expect(errors).toEqual([]);
  });

  it('closes with Escape', async () => {
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog#source', { state: 'detached' });
  });

  it('shows page progress while a long PDF is read for import, then its outline', async () => {
    await page.keyboard.press('Escape'); // the span editor
    await page.click('.topbar .add-texts');
    await page.waitForSelector('dialog#import[open]');
    await page.setInputFiles('dialog#import input[type=file]', LONG_PDF);
    await page.click('dialog#import .import-choose button[type=submit]');
    // The 183-page compendium takes a few seconds: the dialog says how far it has got.
    const progress = await page.waitForSelector('dialog#import .load-progress progress', { timeout: 20_000 });
    const [value, max] = await progress.evaluate((p: HTMLProgressElement) => [p.value, p.max]);
    expect(max).toBe(183);
    expect(value).toBeGreaterThanOrEqual(1);
    expect(await page.textContent('dialog#import .load-progress')).toMatch(/正在读取 typeset-hc2024\.pdf：第 \d+ 页，共 183 页/);
    await screenshot(page, 'pdf-02-import-progress');
    await page.waitForSelector('.outline-preview .preview-case', { timeout: 60_000 });
    expect(await page.locator('.outline-preview .preview-case').count()).toBe(30);
    expect(await page.locator('dialog#import .load-progress').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
