/**
 * The workbench itself in Chromium, under the same server as `casebench serve` on the bundled
 * corpus: opening the app onto its largest case, and full-text search over HTTP.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSampleProject } from '../main/services/open-project.ts';
import { buildRenderer, startAppServer } from './app-session.ts';
import { launchChromium, medianOf } from './chromium.ts';
import type { BenchSuite, Figure } from './harness.ts';

export const suite: BenchSuite = {
  name: 'the workbench in Chromium under serve: cold start, search',
  async run() {
    const figures: Figure[] = [];
    const dir = join(mkdtempSync(join(tmpdir(), 'casebench-app-bench-')), 'p');
    await createSampleProject(dir);
    const server = await startAppServer(dir, await buildRenderer());
    const browser = await launchChromium();
    try {
      const { base, token } = server;
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
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
      figures.push({ name: `navigation to an interactive reader on the largest case (${largest.length} characters)`, value: medianOf(times), unit: 'ms', goal: { max: 500 } });
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
      await browser.close();
      await server.stop();
    }
    return figures;
  },
};
