/**
 * The reader in Chromium (Debian's, driven by playwright-core): highlights through the CSS
 * Custom Highlight API beside the same work with an element per span, on a 10,000-character
 * case; then the real app under `casebench serve`: time to an interactive reader on the largest
 * case, and full-text search over the corpus. Highlight figures are main-thread work (script,
 * style, layout and paint, from the DevTools protocol's TaskDuration) of each step up to the frame
 * that shows it, so they do not depend on when the next vsync happens to come.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { build } from 'vite';
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

async function launch() {
  return chromium.launch({
    executablePath: process.env.CASEBENCH_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
}

export const suite: BenchSuite = {
  name: 'reader in Chromium: custom highlights beside an element per span; the app under serve',
  async run() {
    const figures: Figure[] = [];
    const pageDir = mkdtempSync(join(tmpdir(), 'casebench-reader-bench-'));
    await build({ root: join(ROOT, 'bench/reader-page'), base: './', logLevel: 'warn', configFile: false, build: { outDir: pageDir, emptyOutDir: true } });
    const assets = sirv(pageDir, { dev: true });
    const server = createServer((req, res) => assets(req, res, () => void res.end()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`http://127.0.0.1:${port}/index.html`);
      await page.waitForFunction(() => document.title === 'ready');
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      /** Main-thread work (script, style, layout, paint) of one step, in ms, from the DevTools protocol. */
      const work = async (step: string, arg?: unknown): Promise<number> => {
        const taskTime = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
        const t0 = await taskTime();
        await page.evaluate(([name, a]) => (window as unknown as { bench: Record<string, (x: unknown) => Promise<unknown>> }).bench[name as string]!(a), [step, arg] as const);
        return (await taskTime()) - t0;
      };
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
      const text = tenThousandCharacters();
      await page.evaluate((t) => (window as unknown as { bench: { load(t: string): Promise<number> } }).bench.load(t), text);
      const idle: number[] = [];
      for (let i = 0; i < 10; i++) idle.push(await work('idle'));
      figures.push({ name: 'an idle frame (the floor of the figures below)', value: med(idle), unit: 'ms' });
      for (const n of [1000, 5000]) {
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let r = 0; r < 5; r++) {
          await work('reset');
          ours.push(await work('highlights', n));
          await work('reset');
          theirs.push(await work('wrapped', n));
        }
        figures.push({ name: `paint ${n} spans on ${text.length} characters: custom highlights`, value: med(ours), unit: 'ms', goal: { max: n === 1000 ? 50 : 150 } });
        figures.push({ name: `paint ${n} spans on ${text.length} characters: element per span`, value: med(theirs), unit: 'ms' });
      }
      const hotkey = async (step: string, start: string, count: number) => {
        await work('reset');
        await work(start, 1000);
        const out: number[] = [];
        for (let i = 0; i < count; i++) out.push(await work(step, i));
        return p95(out);
      };
      figures.push({ name: 'hotkey to visible span (1,000 shown), p95: custom highlights', value: await hotkey('hotkeyHighlight', 'highlights', 60), unit: 'ms', goal: { max: 16 } });
      figures.push({ name: 'hotkey to visible span (1,000 shown), p95: element per span', value: await hotkey('hotkeyWrapped', 'wrapped', 20), unit: 'ms' });
      await work('reset');
      await work('highlights', 5000);
      figures.push({ name: 'clear 5,000 spans: custom highlights', value: await work('clearHighlights'), unit: 'ms' });
      await work('reset');
      await work('wrapped', 5000);
      figures.push({ name: 'clear 5,000 spans: element per span', value: await work('clearWrapped'), unit: 'ms' });
      const scrolling = async (start: string) => {
        await work('reset');
        await work(start, 5000);
        let longest = 0;
        for (let y = 300; ; y += 300) {
          const t = await work('scrollStep', y);
          longest = Math.max(longest, t);
          const more = await page.evaluate(() => { const s = document.getElementById('scroller')!; return s.scrollTop + s.clientHeight < s.scrollHeight; });
          if (!more) break;
        }
        return longest;
      };
      figures.push({ name: 'longest frame of work scrolling with 5,000 spans: custom highlights', value: await scrolling('highlights'), unit: 'ms', goal: { max: 50 } });
      figures.push({ name: 'longest frame of work scrolling with 5,000 spans: element per span', value: await scrolling('wrapped'), unit: 'ms' });
    } finally {
      server.close();
    }

    // The app itself, under casebench serve on the bundled corpus, with the renderer built from the current sources.
    await build({ configFile: join(ROOT, 'renderer/vite.config.ts'), logLevel: 'warn' });
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-reader-bench-')), 'p');
    const child = spawn(process.execPath, [join(ROOT, 'bin/casebench.js'), 'serve', dir, '--reviewer', 'bench'], { cwd: ROOT, env: { ...process.env, CASEBENCH_SETTINGS_DIR: join(dir, '..', 'settings') }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let log = '';
        child.stdout!.on('data', (d: Buffer) => {
          log += d.toString();
          const m = /open (http:\/\/\S+)/.exec(log);
          if (m) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(log)));
      });
      const [base, token] = url.split('/#token=') as [string, string];
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      // The largest case of the corpus.
      await page.goto(`${base}/#token=${token}`);
      await page.waitForSelector('.case');
      const largest = await page.evaluate(async (t) => {
        const res = await fetch('/api/listCases', { method: 'POST', headers: { 'content-type': 'application/json', 'x-casebench-token': t }, body: '{}' });
        const cases = (await res.json()).result as Array<{ id: string; length: number }>;
        return cases.reduce((a, b) => (a.length >= b.length ? a : b));
      }, token);
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const fresh = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        // Store the token in the tab, then load the app straight onto the largest case.
        await fresh.goto(`${base}/?n=${i}#token=${token}`);
        await fresh.waitForSelector('.case');
        await fresh.goto(`${base}/?n=${i}&again#/case/${largest.id}`);
        await fresh.waitForFunction((id) => performance.getEntriesByName('casebench:reader-painted').some((e) => (e as PerformanceMark).detail === id), largest.id);
        times.push(await fresh.evaluate((id) => performance.getEntriesByName('casebench:reader-painted').find((e) => (e as PerformanceMark).detail === id)!.startTime, largest.id));
        await fresh.close();
      }
      times.sort((a, b) => a - b);
      figures.push({ name: `navigation to an interactive reader on the largest case (${largest.length} characters)`, value: times[2]!, unit: 'ms', goal: { max: 500 } });
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
      }, token);
      figures.push({ name: 'full-text search across the corpus, per query (median, over HTTP)', value: search, unit: 'ms', goal: { max: 10 } });
    } finally {
      child.kill('SIGTERM');
      await browser.close();
    }
    return figures;
  },
};
