import { describe, expect, it } from 'vitest';
import { exportDataset, parseExport } from '../index.ts';
import type { ExportFile } from '../types.ts';
import { awkwardDataset, seedDataset } from './datasets.fixture.ts';
import { doccanoKeeps } from './doccano-cleaner.fixture.ts';

/** casebench's doccano export against doccano's own import cleaner (overlapping spans not allowed). */
type Line = { case_id: string; reviewer?: string; label: [number, number, string][] };
const linesOf = (f: ExportFile) => (f.data as string).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line);
const key = (caseId: string, reviewer: string | undefined, [s, e, l]: [number, number, string]) => `${caseId}|${reviewer}|${s}|${e}|${l}`;

describe.each([
  ['the seeds, three reviewers', seedDataset],
  ['𠀀, 😀, overlaps of one reviewer', awkwardDataset],
])('doccano export of %s', (_name, dataset) => {
  const result = exportDataset(dataset(), 'doccano');
  const main = result.files.filter((f) => !f.path.includes('/'));
  const layers = result.files.filter((f) => f.path.startsWith('no-overlap/'));

  it('warns of exactly the spans a default doccano project would drop, naming the file without overlaps', () => {
    const dropped = main.flatMap((f) => linesOf(f).flatMap((line) => {
      // By identity: a reviewer may have the same span twice, and doccano keeps only one of them.
      const kept = new Set(doccanoKeeps(line.label));
      return line.label.filter((l) => !kept.has(l)).map((l) => key(line.case_id, line.reviewer, l));
    }));
    expect(dropped.length).toBeGreaterThan(0);
    const spans = new Map(dataset().spans.map((s) => [s.id, s]));
    const warned = result.warnings.filter((w) => w.code === 'overlap-doccano').map((w) => {
      const s = spans.get(w.spanId!)!;
      return key(s.caseId, s.reviewer, [s.start, s.end, s.label]);
    });
    expect(warned.sort()).toEqual(dropped.sort());
    expect(result.warnings.find((w) => w.code === 'overlap-doccano')!.message).toMatch(/no-overlap\//);
  });

  it('offers each reviewer with overlaps a file doccano imports whole, of that reviewer’s spans', () => {
    const withOverlaps = new Set(result.warnings.filter((w) => w.code === 'overlap-doccano').map((w) => dataset().spans.find((s) => s.id === w.spanId)!.reviewer));
    expect(layers.length).toBeGreaterThan(0);
    expect(layers.map((f) => f.path).sort()).toEqual([...withOverlaps].map((r) => `no-overlap/${r}.jsonl`).sort());
    const all = new Set(dataset().spans.map((s) => key(s.caseId, s.reviewer, [s.start, s.end, s.label])));
    for (const f of layers) {
      for (const line of linesOf(f)) {
        expect(doccanoKeeps(line.label), f.path).toEqual([...line.label].sort((a, b) => a[0] - b[0]));
        for (const l of line.label) expect(all.has(key(line.case_id, line.reviewer, l))).toBe(true);
      }
    }
  });

  it('reads back only the reviewers’ own files, every span once', () => {
    expect(parseExport('doccano', result.files).spans).toHaveLength(dataset().spans.length);
  });
});
