/**
 * The workbench itself in Chromium, under the same server as `casebench serve` on the bundled
 * corpus (87 cases):
 * - cold start onto a case: a new browser profile (empty cache, its own renderer process)
 *   opening the workbench's address with the largest case named in it, until the frame that shows
 *   that case's text with its highlights; beside the same app built as one bundle (nothing loaded
 *   on demand) and beside a bare page holding only that text and the stylesheet (what any page
 *   needs to show it);
 * - switching cases in a warm app, from the key to the frame showing the next case's text: with
 *   Alt+↓ (the next case was fetched ahead) beside opening a case that was not (Enter on a case
 *   further down the navigator);
 * - full-text search over HTTP.
 * "The frame that shows it": at a cold start, the render time of the page's largest contentful
 * paint when that is the reader's text (as it is, the text being the page's largest block) — the
 * browser's own account of when it was painted; when switching (no such entry after an input),
 * the frame after the reader's `casebench:reader-painted` mark for that case (a rAF callback asked for at the mark,
 * then a message: it runs once that frame has been produced).
 */
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sirv from 'sirv';
import { createSampleProject, openProject } from '../main/services/open-project.ts';
import { buildRenderer, startAppServer, type AppServer } from './app-session.ts';
import { launchChromium, medianOf } from './chromium.ts';
import type { BenchSuite, Figure } from './harness.ts';

/** In every page: when each case's text was first on screen after the last key, in page time. */
const WATCH_PAINTS = () => {
  const w = window as unknown as { casebenchPainted: Record<string, number>; casebenchKeyAt: number; casebenchTextPaint?: number };
  w.casebenchPainted = {};
  w.casebenchKeyAt = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Array<PerformanceEntry & { element: Element | null; renderTime: number }>) {
      if (w.casebenchTextPaint === undefined && e.element?.closest('.reader-text')) w.casebenchTextPaint = e.renderTime || e.startTime;
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  addEventListener(
    'keydown',
    (e) => {
      w.casebenchKeyAt = e.timeStamp;
      w.casebenchPainted = {};
    },
    true,
  );
  // At the mark itself, not from a PerformanceObserver: its callback can come after the next
  // frame, and the frame callback asked for then would be the frame after (and whatever that one
  // does would be counted).
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    const entry = mark(name, options);
    const id = options?.detail as string;
    if (name === 'casebench:reader-painted' && !(id in w.casebenchPainted)) {
      w.casebenchPainted[id] = Number.NaN;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.addEventListener('message', () => (w.casebenchPainted[id] = performance.now()));
        channel.port1.start();
        channel.port2.postMessage(null);
      });
    }
    return entry;
  };
};

const paintedAt = (page: Page, id: string) =>
  page.waitForFunction((caseId) => {
    const w = window as unknown as { casebenchPainted?: Record<string, number>; casebenchKeyAt: number };
    const t = w.casebenchPainted?.[caseId];
    return t !== undefined && !Number.isNaN(t) ? { at: t, key: w.casebenchKeyAt } : null;
  }, id).then(async (h) => (await h.jsonValue())!);

async function freshContext(browser: Browser, token: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  // The tab already holds the run's token (as after opening the address serve printed once).
  await context.addInitScript((t) => sessionStorage.setItem('casebench-token', t), token);
  await context.addInitScript(WATCH_PAINTS);
  return context;
}

async function coldStart(browser: Browser, server: AppServer, caseId: string): Promise<number> {
  const context = await freshContext(browser, server.token);
  try {
    const page = await context.newPage();
    await page.goto(`${server.base}/#/case/${encodeURIComponent(caseId)}`);
    const { at } = await paintedAt(page, caseId);
    // Entries come with the next frame or two: a moment for them.
    await page.waitForTimeout(100);
    const lcp = await page.evaluate(() => (window as unknown as { casebenchTextPaint?: number }).casebenchTextPaint);
    return lcp ?? at;
  } finally {
    await context.close();
  }
}

/** The floor: a page holding only the case's paragraphs and the app's stylesheet, served the same way. */
async function barePage(rendererDir: string, text: string): Promise<{ url: string; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'casebench-bare-'));
  const css = readdirSync(join(rendererDir, 'assets')).find((f) => f.endsWith('.css') && f.startsWith('index-'));
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = text.split('\n').map((p) => `<p>${escape(p)}</p>`).join('');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="/assets/${css}"></head><body><div class="reader"><article class="reader-text">${body}</article></div>` +
      `<script>requestAnimationFrame(()=>{const c=new MessageChannel();c.port1.onmessage=()=>{window.casebenchPainted={bare:performance.now()}};c.port2.postMessage(null)})</script></body></html>`,
  );
  const own = sirv(dir, { dev: true });
  const assets = sirv(rendererDir, { dev: true });
  const server = createServer((req, res) => own(req, res, () => assets(req, res, () => void res.end())));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/index.html`, close: () => server.close() };
}

export const suite: BenchSuite = {
  name: 'the workbench in Chromium under serve (87 cases): cold start, switching cases, search',
  async run() {
    const figures: Figure[] = [];
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-app-bench-')), 'p');
    await createSampleProject(dir);
    const project = await openProject(dir);
    const ids = project.store.caseIds;
    const largest = ids.reduce((a, b) => (project.store.getCase(a)!.revisions.at(-1)!.text.length >= project.store.getCase(b)!.revisions.at(-1)!.text.length ? a : b));
    const largestText = project.store.getCase(largest)!.revisions.at(-1)!.text;
    project.store.close();
    const [split, oneBundle] = [await buildRenderer(), await buildRenderer({ rolldownOptions: { output: { codeSplitting: false } } })];
    const server = await startAppServer(dir, split);
    const naiveServer = await startAppServer(dir, oneBundle);
    const bare = await barePage(split, largestText);
    const browser = await launchChromium();
    try {
      // Cold starts, the three ways in turn, seven times.
      const times = { app: [] as number[], oneBundle: [] as number[], bare: [] as number[] };
      for (let i = 0; i < 7; i++) {
        times.app.push(await coldStart(browser, server, largest));
        times.oneBundle.push(await coldStart(browser, naiveServer, largest));
        const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
        const page = await context.newPage();
        await page.goto(bare.url);
        times.bare.push((await page.waitForFunction(() => (window as unknown as { casebenchPainted?: { bare: number } }).casebenchPainted?.bare).then((h) => h.jsonValue())) as number);
        await context.close();
      }
      const chars = `${largestText.length.toLocaleString('en')} characters`;
      figures.push({ name: `cold start onto the largest case (${chars}), median of 7`, value: medianOf(times.app), unit: 'ms', goal: { max: 300 }, vs: { method: 'one bundle', value: medianOf(times.oneBundle) } });
      figures.push({ name: 'cold start onto the largest case: the same app as one bundle', value: medianOf(times.oneBundle), unit: 'ms' });
      figures.push({ name: 'cold start onto the largest case: its text alone as a bare page', value: medianOf(times.bare), unit: 'ms' });
      figures.push({ name: 'cold start onto the largest case: app beside the bare page', value: medianOf(times.app) / medianOf(times.bare), unit: '×' });

      // Switching cases in one warm tab.
      const context = await freshContext(browser, server.token);
      const page = await context.newPage();
      await page.goto(`${server.base}/#/case/${encodeURIComponent(ids[0]!)}`);
      await paintedAt(page, ids[0]!);
      const ahead: number[] = [];
      for (let i = 1; i <= 15; i++) {
        // A reviewer looks at a case for more than a moment: the next one is fetched meanwhile.
        await page.waitForTimeout(300);
        await page.focus('.reader-text');
        await page.keyboard.press('Alt+ArrowDown');
        const { at, key } = await paintedAt(page, ids[i]!);
        ahead.push(at - key);
      }
      const notAhead: number[] = [];
      for (let i = 0; i < 10; i++) {
        await page.waitForTimeout(300);
        // Further down the navigator, never opened nor fetched ahead.
        const target = ids[30 + i * 5]!;
        await page.focus(`.navigator [data-case-id="${target}"]`);
        await page.keyboard.press('Enter');
        const { at, key } = await paintedAt(page, target);
        notAhead.push(at - key);
      }
      figures.push({ name: 'switch to the next case (Alt+↓), key to its text on screen, median of 15', value: medianOf(ahead), unit: 'ms', goal: { max: 50 }, vs: { method: 'a case not fetched ahead', value: medianOf(notAhead) } });
      figures.push({ name: 'open a case not fetched ahead (Enter in the navigator), median of 10', value: medianOf(notAhead), unit: 'ms' });

      const search = await page.evaluate(async (t) => {
        const queries = ['健康', '经验启示', '91%', '９１％', '健康素养水平', '控烟', '慢性病', '老年', '学生', '家庭医生'];
        const durations: number[] = [];
        for (let round = 0; round < 3; round++) {
          for (const q of queries) {
            const t0 = performance.now();
            const res = await fetch('/api/search', { method: 'POST', headers: { 'content-type': 'application/json', 'x-casebench-token': t }, body: JSON.stringify({ query: q, limit: 200 }) });
            await res.json();
            durations.push(performance.now() - t0);
          }
        }
        durations.sort((a, b) => a - b);
        return durations[Math.floor(durations.length / 2)]!;
      }, server.token);
      figures.push({ name: 'full-text search across the corpus, per query (median, over HTTP)', value: search, unit: 'ms', goal: { max: 10 } });
      await context.close();
    } finally {
      await browser.close();
      bare.close();
      await server.stop();
      await naiveServer.stop();
    }
    return figures;
  },
};
