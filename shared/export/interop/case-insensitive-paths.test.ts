import { describe, expect, it } from 'vitest';
import { exportDataset, parseExport } from '../index.ts';
import { buildDataset } from '../testing/datasets.ts';
import { sortComparable, type Comparable } from '../testing/expected-spans.ts';

/**
 * Reviewers Bob, bob and BOB, and cases A-1 and a-1, exported into files: macOS and Windows
 * compare file names without letter case, so two paths that differ only in case are one file
 * there (in a synced project folder, in an unzipped export) and one reviewer's work overwrites
 * another's.
 */
const dataset = () =>
  buildDataset(
    [
      { id: 'A-1', text: '甲乙丙丁' },
      { id: 'a-1', text: '戊己庚辛' },
    ],
    ['Bob', 'bob', 'BOB'].flatMap((reviewer, i) => [
      { caseId: 'A-1', start: i, end: i + 1, label: 'lesson', reviewer },
      { caseId: 'a-1', start: i, end: i + 1, label: 'practice', reviewer },
    ]),
  );

const fold = (path: string) => path.normalize('NFC').toLowerCase();

describe.each(['brat', 'conll', 'doccano'] as const)('%s export of names that differ only in case', (format) => {
  const files = exportDataset(dataset(), format).files;

  it('writes no two paths that a case-insensitive file system takes for one', () => {
    const byFolded = new Map<string, string[]>();
    for (const f of files) byFolded.set(fold(f.path), [...(byFolded.get(fold(f.path)) ?? []), f.path]);
    expect([...byFolded.values()].filter((paths) => paths.length > 1)).toEqual([]);
  });

  it('reads every span back with its own reviewer and case', () => {
    const back = parseExport(format, files);
    expect(back.issues).toEqual([]);
    const got = sortComparable(back.spans.map((s): Comparable => ({ caseId: s.caseId, start: s.start, end: s.end, label: s.label, quote: s.quote, reviewer: s.reviewer! })));
    const want = sortComparable(dataset().spans.map((s): Comparable => ({ caseId: s.caseId, start: s.start, end: s.end, label: s.label, quote: s.quote.exact, reviewer: s.reviewer })));
    expect(got).toEqual(want);
  });
});
