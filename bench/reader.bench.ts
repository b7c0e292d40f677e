/**
 * The reader's highlights in Chromium (Debian's, driven by playwright-core): the CSS Custom
 * Highlight API as the reader uses it, beside the same work with an element per span, on a
 * 10,000-character case; and scrolling it with 5,000 spans, beside an element per span and beside
 * the reader's former way (a window of ranges around the screen, moved on every scrolled frame:
 * see renderer/src/reader/paint.ts for what a trace showed of it). Figures are main-thread work
 * (script, style, layout and paint) of each step up to the frame that shows it.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sirv from 'sirv';
import { build } from 'vite';
import { launchChromium, mainThreadWork, medianOf, metricsSession, p95Of } from './chromium.ts';
import type { BenchSuite, Figure } from './harness.ts';

const ROOT = join(import.meta.dirname, '..');

function tenThousandCharacters(): string {
  const raw = readFileSync(join(ROOT, 'seeds/hebei-second-batch-typical-cases.txt'), 'utf8');
  const paragraphs = raw.split('\n').map((l) => l.trim()).filter((l) => l.length > 40);
  let text = '';
  for (const p of paragraphs) {
    if (text.length + p.length > 10_000) break;
    text += (text ? '\n' : '') + p;
  }
  return text;
}

/** Scroll the page's reader from top to bottom a screen's third at a time: the longest step's work and the median step's. */
async function scrollThrough(page: Page, work: (step: string, arg?: unknown) => Promise<number>, step: string): Promise<{ longest: number; median: number }> {
  const steps: number[] = [];
  for (let y = 300; ; y += 300) {
    steps.push(await work(step, y));
    const more = await page.evaluate(() => {
      const s = document.getElementById('scroller')!;
      return s.scrollTop + s.clientHeight < s.scrollHeight;
    });
    if (!more) break;
  }
  return { longest: Math.max(...steps), median: medianOf(steps) };
}

export const suite: BenchSuite = {
  name: 'reader in Chromium: custom highlights beside an element per span',
  async run() {
    const figures: Figure[] = [];
    const pageDir = mkdtempSync(join(tmpdir(), 'casebench-reader-bench-'));
    await build({ root: join(ROOT, 'bench/reader-page'), base: './', logLevel: 'warn', configFile: false, build: { outDir: pageDir, emptyOutDir: true } });
    const assets = sirv(pageDir, { dev: true });
    const server = createServer((req, res) => assets(req, res, () => void res.end()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`http://127.0.0.1:${port}/index.html`);
      await page.waitForFunction(() => document.title === 'ready');
      const cdp = await metricsSession(page);
      const work = (step: string, arg?: unknown) =>
        mainThreadWork(cdp, () => page.evaluate(([name, a]) => (window as unknown as { bench: Record<string, (x: unknown) => Promise<unknown>> }).bench[name as string]!(a), [step, arg] as const));
      const text = tenThousandCharacters();
      await work('load', text);
      const idle: number[] = [];
      for (let i = 0; i < 10; i++) idle.push(await work('idle'));
      figures.push({ name: 'an idle frame (the floor of the figures below)', value: medianOf(idle), unit: 'ms' });
      for (const n of [1000, 5000]) {
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let r = 0; r < 5; r++) {
          await work('reset');
          ours.push(await work('highlights', n));
          await work('reset');
          theirs.push(await work('wrapped', n));
        }
        figures.push({ name: `paint ${n} spans on ${text.length} characters: custom highlights`, value: medianOf(ours), unit: 'ms', goal: { max: n === 1000 ? 50 : 150 }, vs: { method: 'element per span', value: medianOf(theirs) } });
        figures.push({ name: `paint ${n} spans on ${text.length} characters: element per span`, value: medianOf(theirs), unit: 'ms' });
      }
      const hotkey = async (step: string, start: string, shown: number, count: number) => {
        await work('reset');
        await work(start, shown);
        const out: number[] = [];
        for (let i = 0; i < count; i++) out.push(await work(step, i));
        return p95Of(out);
      };
      for (const shown of [1000, 5000]) {
        const wrapped = await hotkey('hotkeyWrapped', 'wrapped', shown, 20);
        figures.push({ name: `hotkey to visible span (${shown.toLocaleString('en')} shown), p95: custom highlights`, value: await hotkey('hotkeyHighlight', 'highlights', shown, 60), unit: 'ms', ...(shown === 1000 ? { goal: { max: 16 } } : {}), vs: { method: 'element per span', value: wrapped } });
        figures.push({ name: `hotkey to visible span (${shown.toLocaleString('en')} shown), p95: element per span`, value: wrapped, unit: 'ms' });
      }
      await work('reset');
      await work('highlights', 5000);
      const clearOurs = await work('clearHighlights');
      await work('reset');
      await work('wrapped', 5000);
      const clearTheirs = await work('clearWrapped');
      figures.push({ name: 'clear 5,000 spans: custom highlights', value: clearOurs, unit: 'ms', vs: { method: 'element per span', value: clearTheirs } });
      figures.push({ name: 'clear 5,000 spans: element per span', value: clearTheirs, unit: 'ms' });

      // Scrolling, three times each way, interleaved: the median of the longest step.
      const runs: Record<'ours' | 'windowed' | 'wrapped', Array<{ longest: number; median: number }>> = { ours: [], windowed: [], wrapped: [] };
      for (let r = 0; r < 3; r++) {
        await work('reset');
        await work('highlights', 5000);
        runs.ours.push(await scrollThrough(page, work, 'scrollStep'));
        await work('reset');
        await work('windowed', 5000);
        runs.windowed.push(await scrollThrough(page, work, 'scrollStepWindowed'));
        await work('reset');
        await work('wrapped', 5000);
        runs.wrapped.push(await scrollThrough(page, work, 'scrollStep'));
      }
      const longest = (k: keyof typeof runs) => medianOf(runs[k].map((x) => x.longest));
      const typical = (k: keyof typeof runs) => medianOf(runs[k].map((x) => x.median));
      const wrapped = { method: 'element per span', value: longest('wrapped') };
      figures.push({ name: 'longest frame of work scrolling with 5,000 spans: custom highlights', value: longest('ours'), unit: 'ms', goal: { max: 16 }, vs: wrapped });
      figures.push({ name: 'longest frame of work scrolling with 5,000 spans: former window moved on scroll', value: longest('windowed'), unit: 'ms', vs: wrapped });
      figures.push({ name: 'longest frame of work scrolling with 5,000 spans: element per span', value: longest('wrapped'), unit: 'ms' });
      figures.push({ name: 'median frame of work scrolling with 5,000 spans: custom highlights', value: typical('ours'), unit: 'ms', vs: { method: 'element per span', value: typical('wrapped') } });
      figures.push({ name: 'median frame of work scrolling with 5,000 spans: former window moved on scroll', value: typical('windowed'), unit: 'ms', vs: { method: 'element per span', value: typical('wrapped') } });
    } finally {
      server.close();
      await browser.close();
    }
    return figures;
  },
};
