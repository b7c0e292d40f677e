/**
 * The project store at scale: a project holding 100,000 annotations (three reviewers over the
 * bundled corpus), how long it takes to open, and how long one durable save takes; and exports
 * of the whole corpus with 10,000 annotations through the real pipeline (dataset + format).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeQuote } from '../shared/anchor/index.ts';
import { exportDataset, FORMAT_IDS } from '../shared/export/index.ts';
import type { SpanAnnotation } from '../shared/model/annotation.ts';
import { buildDataset } from '../main/services/dataset.ts';
import { createProject, openProject } from '../main/services/open-project.ts';
import { median, percentile, timeRuns, type BenchSuite, type Figure } from './harness.ts';

const LABELS = ['indicator', 'lesson', 'practice', 'innovation', 'policy', 'challenge'];

/** Fill a project with `total` spans spread over its cases and reviewers, written as shard files. */
async function seedProject(total: number, reviewers: string[]): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'casebench-bench-')), 'p');
  const { service } = await createProject(dir, null);
  await service.store.flush();
  const cases = service.store.caseIds.map((id) => service.store.getCase(id)!);
  const perShard = Math.ceil(total / (cases.length * reviewers.length));
  let n = 0;
  let x = 7;
  const rnd = (k: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31) % k);
  const now = new Date().toISOString();
  for (const r of reviewers) {
    const index: Record<string, unknown> = {};
    mkdirSync(join(dir, 'reviews', `${r}.spans`), { recursive: true });
    for (const c of cases) {
      const text = c.revisions[0]!.text;
      const spans: SpanAnnotation[] = [];
      for (let i = 0; i < perShard && n < total; i++, n++) {
        const start = rnd(Math.max(1, text.length - 12));
        const end = Math.min(text.length, start + 2 + rnd(10));
        spans.push({ id: `b${n}`, caseId: c.id, start, end, quote: makeQuote(text, start, end), label: LABELS[n % 6]!, fields: n % 6 === 0 ? { value: n, unit: '%' } : {}, note: '', reviewer: r, origin: 'manual', revision: 0, createdAt: now, updatedAt: now });
      }
      writeFileSync(join(dir, 'reviews', `${r}.spans`, `${c.id}.json`), JSON.stringify({ schemaVersion: 1, caseId: c.id, spans }));
      const labelCounts: Record<string, number> = {};
      for (const s of spans) labelCounts[s.label] = (labelCounts[s.label] ?? 0) + 1;
      index[c.id] = { spanCount: spans.length, orphanCount: 0, labelCounts };
    }
    writeFileSync(join(dir, 'reviews', `${r}.json`), JSON.stringify({ schemaVersion: 1, reviewer: r, createdAt: now, cases: index }));
  }
  return dir;
}

export const suite: BenchSuite = {
  name: 'project store (main/store) and exports through the real pipeline',
  async run() {
    const figures: Figure[] = [];
    const big = await seedProject(100_000, ['alice', 'bob', 'carol']);
    const openTimes = await timeRuns(() => openProject(big), 7, 1);
    figures.push({ name: 'open a project with 100,000 annotations (median)', value: median(openTimes), unit: 'ms', goal: { max: 300 } });

    const service = await openProject(big, 'alice');
    const ids = service.store.caseIds;
    const texts = new Map<string, string>();
    for (const id of ids) texts.set(id, service.store.getCase(id)!.revisions[0]!.text);
    // Warm each case's shard once, as a reviewer working through cases would.
    for (const id of ids.slice(0, 20)) await service.handlers.getCase({ caseId: id });
    let i = 0;
    const saves = await timeRuns(async () => {
      const caseId = ids[i++ % 20]!;
      const text = texts.get(caseId)!;
      const start = (i * 37) % (text.length - 10);
      await service.handlers.addSpan({ caseId, start, end: start + 4, label: 'indicator' });
    }, 200, 5);
    figures.push({ name: 'save one annotation, durable (p50)', value: median(saves), unit: 'ms' });
    figures.push({ name: 'save one annotation, durable (p95)', value: percentile(saves, 95), unit: 'ms', goal: { max: 20 } });

    const mid = await seedProject(10_000, ['alice', 'bob']);
    const exporting = await openProject(mid);
    const dataset = await buildDataset(exporting);
    for (const format of FORMAT_IDS) {
      const t = median(await timeRuns(async () => exportDataset(await buildDataset(exporting), format), 3, 1));
      figures.push({ name: `export corpus + ${dataset.spans.length} spans as ${format}`, value: t, unit: 'ms', goal: { max: 1000 } });
    }
    return figures;
  },
};
