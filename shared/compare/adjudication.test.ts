import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../model/annotation.ts';
import { consensusOfDifference } from './adjudication.ts';
import { compareReviewers } from './span-diff.ts';

const span = (id: string, start: number, end: number, label: string, reviewer = 'a'): SpanAnnotation =>
  ({ id, start, end, label, reviewer, quote: { exact: 'x'.repeat(end - start), prefix: '', suffix: '' }, fields: {}, note: '', revision: 0, createdAt: '', updatedAt: '' }) as unknown as SpanAnnotation;

describe('consensusOfDifference', () => {
  // Two reviewers agree on a practice span (85–169); one also marks an indicator inside it.
  const practiceA = span('pa', 85, 169, 'practice', 'a');
  const practiceB = span('pb', 85, 169, 'practice', 'b');
  const indicatorB = span('ib', 125, 130, 'indicator', 'b');
  const reviewers = [practiceA, practiceB, indicatorB];
  const practiceItem = { start: 85, end: 169, candidateIds: ['pa', 'pb'] };
  const indicatorItem = { start: 125, end: 130, candidateIds: ['ib'] };

  it.each<[string, SpanAnnotation[], typeof practiceItem, string[]]>([
    ['the nested indicator does not belong to the agreed practice around it', [span('c1', 85, 169, 'practice'), span('c2', 125, 130, 'indicator')], practiceItem, ['c1']],
    ['the agreed practice does not belong to the indicator inside it', [span('c1', 85, 169, 'practice'), span('c2', 125, 130, 'indicator')], indicatorItem, ['c2']],
    ['an edited version belongs to the difference whose span it overlaps most', [span('c1', 85, 169, 'practice'), span('c3', 124, 131, 'indicator')], indicatorItem, ['c3']],
    ['… and not to the one around it', [span('c1', 85, 169, 'practice'), span('c3', 124, 131, 'indicator')], practiceItem, ['c1']],
    ['a consensus span over no reviewer span belongs to the difference it lies in', [span('c4', 10, 20, 'lesson')], { start: 5, end: 30, candidateIds: [] }, ['c4']],
    ['… and to no other', [span('c4', 10, 20, 'lesson')], indicatorItem, []],
    ['an orphan of the consensus belongs to no difference (it waits to be placed again)', [{ ...span('c5', 125, 130, 'indicator'), orphan: { fromRevision: 0 } } as unknown as SpanAnnotation], indicatorItem, []],
  ])('%s', (_what, consensus, item, expected) => {
    expect([...consensusOfDifference(item, consensus, reviewers)].sort()).toEqual(expected);
  });

  // Invariant: for the differences of a comparison, a copy of a reviewer's span belongs to
  // exactly one difference, so adjudicating one never takes another's choice away.
  it('assigns every copied span to exactly one difference of the comparison (property)', () => {
    const arbSpan = fc.record({ start: fc.integer({ min: 0, max: 60 }), len: fc.integer({ min: 1, max: 20 }), label: fc.constantFrom('indicator', 'lesson', 'practice') });
    fc.assert(
      fc.property(fc.array(arbSpan, { maxLength: 6 }), fc.array(arbSpan, { maxLength: 6 }), (as, bs) => {
        const a = as.map((s, i) => span(`a${i}`, s.start, s.start + s.len, s.label, 'a'));
        const b = bs.map((s, i) => span(`b${i}`, s.start, s.start + s.len, s.label, 'b'));
        const items = compareReviewers({ a, b });
        const consensus = [...a, ...b].map((s) => ({ ...s, id: `c-${s.id}` }));
        const owners = new Map<string, number>();
        for (const item of items) {
          const candidateIds = Object.values(item.spans).flat().map((s) => s.id);
          for (const id of consensusOfDifference({ start: item.start, end: item.end, candidateIds }, consensus, [...a, ...b])) owners.set(id, (owners.get(id) ?? 0) + 1);
        }
        for (const c of consensus) expect(owners.get(c.id)).toBe(1);
      }),
    );
  });
});
