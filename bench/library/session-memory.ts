/**
 * The memory of a workbench on one library, in a process of its own that does what a workbench
 * does and nothing else (measure.ts also runs every naive comparison and opens the project four
 * times, which a workbench never does, and whose garbage its figures would carry):
 *
 *   node --expose-gc BUILT.mjs LIBRARY_DIR   (built by bundle-node.ts; tsx works too, with more memory)
 *
 * opens the project once, lists with each of the navigator's filters, searches, works out
 * agreement and the ranking, saves twenty annotations, and prints one JSON line, in MB: the
 * resident memory (RSS) right after it all and once at rest, the JS heap then, and the peak RSS
 * (during the first agreement, which reads every shard).
 */
import { agreement } from '../../main/services/agreement.ts';
import { openProject } from '../../main/services/open-project.ts';
import { ranking } from '../../main/services/scoring.ts';
import { REVIEWERS } from './generate.ts';

const dir = process.argv[2]!;
const mb = (bytes: number) => bytes / 1024 / 1024;

const service = await openProject(dir, REVIEWERS[0]);
const store = service.store;
const ids = store.caseIds;
const afterOpen = process.memoryUsage().rss;
const sample = store.getCase(ids[Math.floor(ids.length / 2)]!)!;
for (const f of [{}, { part: sample.part ?? undefined }, { region: sample.region ?? undefined }, { status: 'done' as const }, { label: 'lesson' }, { reviewer: REVIEWERS[1] }]) JSON.stringify(await service.handlers.listCases(f));
const index = service.search();
for (const q of ['健康', '经验启示', '控烟', '家庭医生签约']) index.search(q, { limit: 200 });
await agreement(service, {}, () => undefined);
await ranking(store, {});
for (let k = 0; k < 20; k++) {
  const caseId = ids[(k * 7919) % ids.length]!;
  const text = store.getCase(caseId)!.revisions.at(-1)!.text;
  const start = (k * 37) % (text.length - 10);
  await service.handlers.addSpan({ caseId, start, end: start + 4, label: 'practice' });
}
await store.flush();
globalThis.gc?.();
const rightAfter = process.memoryUsage().rss;
// Then at rest, as a workbench is between a reviewer's actions: V8 gives back the heap it grew
// for the agreement once the process is idle (its memory reducer), over some seconds. Measured
// once the resident memory has not fallen for three seconds (or after 20 s).
let rest = rightAfter;
let idleSeconds = 0;
let settledFor = 0;
while (idleSeconds < 20 && settledFor < 3) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  idleSeconds++;
  globalThis.gc?.();
  const now = process.memoryUsage().rss;
  settledFor = now > rest * 0.98 ? settledFor + 1 : 0;
  rest = Math.min(rest, now);
}
const m = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ rssAfterOpen: mb(afterOpen), rssRightAfter: mb(rightAfter), rss: mb(rest), idleSeconds, heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), rssPeak: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exit(0);
