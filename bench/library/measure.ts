/**
 * The scale measurements on one library, in a process of its own (so that its memory is the
 * main process's as a workbench on this library would have it, and no size warms the next):
 *
 *   node --expose-gc --max-old-space-size=4096 BUILT.mjs LIBRARY_DIR   (built by bundle-node.ts; tsx works too)
 *
 * prints one JSON line of figures in ms (memory in MB). Each figure has beside it the same work
 * done a naive way, in the same process, as the comparison.
 */
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { agreement } from '../../main/services/agreement.ts';
import { openProject } from '../../main/services/open-project.ts';
import { ranking } from '../../main/services/scoring.ts';
import { CorpusSearch } from '../../shared/search/corpus-search.ts';
import { agreementReport } from '../../shared/agreement/report.ts';
import { rankCases } from '../../shared/scoring/ranking.ts';
import { median, percentile, timeRuns } from '../harness.ts';
import { REVIEWERS } from './generate.ts';

const dir = process.argv[2]!;
const out: Record<string, number> = {};
const mb = (bytes: number) => bytes / 1024 / 1024;

// Open: the store and the service, as a workbench opens a project, beside reading and parsing
// every file of the project (what a store without sharding would do). The first time on this
// machine every file is checked against its schema, and the versions found valid are
// remembered (see known-files.ts); after that (median of three) files unchanged since are
// parsed alone. Each opening is flushed before the next (untimed): the record is written then.
let openedAt = performance.now();
await (await openProject(dir, REVIEWERS[0])).store.flush();
out.openFirst = performance.now() - openedAt;
const opens: number[] = [];
for (let i = 0; i < 3; i++) {
  openedAt = performance.now();
  const opened = await openProject(dir, REVIEWERS[0]);
  opens.push(performance.now() - openedAt);
  await opened.store.flush();
}
out.open = median(opens.sort((a, b) => a - b));
out.openNaive = median(
  await timeRuns(() => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.json')) files.push(join(d, e.name));
      }
    };
    walk(join(dir, 'corpus'));
    walk(join(dir, 'reviews'));
    for (const f of files) JSON.parse(readFileSync(f, 'utf8'));
  }, 1, 0),
);

const service = await openProject(dir, REVIEWERS[0]);
const store = service.store;
const ids = store.caseIds;

// The navigator's filters: listCases as the workbench asks, answered and serialised as the
// transport sends it; beside recounting each case's spans from the shards (no cached counts).
const sample = store.getCase(ids[Math.floor(ids.length / 2)]!)!;
const filters = [{}, { part: sample.part ?? undefined }, { region: sample.region ?? undefined }, { status: 'done' as const }, { label: 'lesson' }, { reviewer: REVIEWERS[1] }, { documentId: sample.documentId }];
const filterTimes: number[] = [];
for (const f of filters) filterTimes.push(...(await timeRuns(async () => JSON.stringify(await service.handlers.listCases(f)), 5, 1)));
out.filter = median(filterTimes.sort((a, b) => a - b));
out.filterP95 = percentile(filterTimes, 95);
out.filterNaive = median(
  await timeRuns(async () => {
    // The label filter worked out from the spans themselves.
    const kept = [];
    for (const id of ids) {
      let n = 0;
      for (const r of store.reviewers) n += (await store.spans(r, id)).filter((s) => s.label === 'lesson').length;
      if (n) kept.push(service.summary(store.getCase(id)!));
    }
    return JSON.stringify(kept);
  }, 1, 1),
);

// Full-text search: the index over the corpus (built once, on first use), per query, beside
// scanning the texts for the query with no index.
const queries = ['健康', '经验启示', '91%', '健康素养水平', '控烟', '慢性病', '老年人', '家庭医生签约', 'LIB00042', '不存在的词语组合'];
const index = service.search();
out.searchBuild = median(await timeRuns(() => new CorpusSearch(ids.map((id) => ({ id, title: '', text: store.getCase(id)!.revisions.at(-1)!.text }))), 1, 0));
const searchTimes: number[] = [];
for (const q of queries) searchTimes.push(...(await timeRuns(() => index.search(q, { limit: 200 }), 5, 1)));
out.search = median(searchTimes.sort((a, b) => a - b));
out.searchP95 = percentile(searchTimes, 95);
const texts = ids.map((id) => store.getCase(id)!.revisions.at(-1)!.text);
const naive: number[] = [];
for (const q of queries) {
  naive.push(
    ...(await timeRuns(() => {
      const hits = [];
      for (const t of texts) for (let at = t.indexOf(q); at >= 0 && hits.length < 200; at = t.indexOf(q, at + 1)) hits.push(at);
      return hits;
    }, 5, 1)),
  );
}
out.searchNaive = median(naive.sort((a, b) => a - b));

// Agreement over everything, with its progress (calls and the last count): the first run reads
// every shard (cold), later ones only what changed (warm, median of two). Beside it the naive
// way: every shard read whole through the store, its spans kept, the report made from them all.
let progressCalls = 0;
let progressLast = 0;
const onProgress = (done: number) => {
  progressCalls++;
  progressLast = done;
};
const t0 = performance.now();
await agreement(service, {}, onProgress);
out.agreementCold = performance.now() - t0;
out.agreementProgressCalls = progressCalls;
out.agreementProgressShards = progressLast;
out.agreement = median(await timeRuns(() => agreement(service, {}, onProgress), 2, 0));
const raters = store.reviewers.filter((r) => r !== 'consensus');
out.agreementNaive = median(
  await timeRuns(async () => {
    const spans = [];
    const cases = [];
    for (const id of ids) {
      const c = store.getCase(id)!;
      const status: Record<string, 'todo' | 'in-progress' | 'done'> = {};
      const scores: Record<string, unknown> = {};
      for (const r of raters) {
        const rc = store.reviewerCase(r, id);
        status[r] = rc?.status ?? 'todo';
        scores[r] = rc?.score;
        spans.push(...JSON.parse(readFileSync(store.shardPath(r, id), 'utf8')).spans);
      }
      cases.push({ id, title: c.title, length: c.revisions.at(-1)!.text.length, revision: c.revisions.length - 1, status, scores, sections: {} });
    }
    return agreementReport({ rubric: store.rubric, labels: store.schema.labels.map((l) => l.id), reviewers: raters, cases: cases as never, spans, coverage: 'done' });
  }, 1, 0),
);
// The ranking, beside the naive way: each reviewer's index read again from disk for it.
out.ranking = median(await timeRuns(() => ranking(store, {}), 3, 1));
out.rankingNaive = median(
  await timeRuns(() => {
    const files = raters.map((r) => JSON.parse(readFileSync(join(dir, 'reviews', `${r}.json`), 'utf8')) as { cases: Record<string, { score?: never }> });
    return rankCases(store.rubric, ids.map((id) => { const c = store.getCase(id)!; return { caseId: id, title: c.title, part: c.part, region: c.region, documentId: c.documentId, scores: Object.fromEntries(raters.map((r, i) => [r, files[i]!.cases[id]?.score]).filter(([, s]) => s)) }; }));
  }, 3, 1),
);

// A save: one annotation added, durably (the shard and the reviewer's index), p95 of 200.
let k = 0;
const saves = await timeRuns(async () => {
  const caseId = ids[(k * 7919) % ids.length]!;
  const text = store.getCase(caseId)!.revisions.at(-1)!.text;
  const start = (k++ * 37) % (text.length - 10);
  await service.handlers.addSpan({ caseId, start, end: start + 4, label: 'practice' });
}, 200, 5);
out.saveP50 = median(saves);
out.save = percentile(saves, 95);
// The naive save: the reviewer's spans kept as one file, written out whole and fsynced on each add.
const whole = JSON.stringify(await Promise.all(ids.slice(0, Math.min(ids.length, 5000)).map((id) => store.spansForReading(REVIEWERS[1]!, id))));
const naivePath = join(dir, 'naive-save.json');
out.saveNaive = percentile(
  await timeRuns(() => {
    const fd = openSync(naivePath, 'w');
    writeSync(fd, whole);
    fsyncSync(fd);
    closeSync(fd);
  }, 20, 2),
  95,
);

// Memory: the process as a workbench on this library has it after all the above.
globalThis.gc?.();
out.rss = mb(process.memoryUsage().rss);
out.heapUsed = mb(process.memoryUsage().heapUsed);
let onDisk = 0;
const sizeOf = (d: string) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.isDirectory()) sizeOf(join(d, e.name));
    else onDisk += readFileSync(join(d, e.name)).length;
  }
};
sizeOf(join(dir, 'corpus'));
sizeOf(join(dir, 'reviews'));
out.onDisk = mb(onDisk);
process.stdout.write(`${JSON.stringify(out)}\n`);
await store.flush();
process.exit(0);
