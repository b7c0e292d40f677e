import { describe, expect, it } from 'vitest';
import type { SpanAnnotation } from '../model/annotation.ts';
import { compareReviewers } from './span-diff.ts';

let n = 0;
const s = (reviewer: string, start: number, end: number, label = 'indicator', fields: SpanAnnotation['fields'] = {}): SpanAnnotation => ({
  id: `${reviewer}${++n}`,
  caseId: 'c',
  start,
  end,
  label,
  fields,
  reviewer,
  quote: { exact: '', prefix: '', suffix: '' },
  note: '',
  origin: 'manual',
  revision: 0,
  createdAt: '',
  updatedAt: '',
});

describe('compareReviewers', () => {
  it('finds agreement, missing spans, boundary, label and field differences', () => {
    const items = compareReviewers({
      alice: [s('alice', 0, 5), s('alice', 10, 15), s('alice', 20, 30, 'lesson'), s('alice', 40, 45, 'indicator', { value: 1 }), s('alice', 50, 55, 'practice')],
      bob: [s('bob', 0, 5), s('bob', 12, 15), s('bob', 20, 30, 'practice'), s('bob', 40, 45, 'indicator', { value: 2 }), s('bob', 60, 62)],
    });
    expect(items.map((i) => [i.kind, i.start, i.end, i.spans.alice!.length, i.spans.bob!.length, i.fields ?? null])).toEqual([
      ['match', 0, 5, 1, 1, null],
      ['boundary', 10, 15, 1, 1, null],
      ['label', 20, 30, 1, 1, null],
      ['fields', 40, 45, 1, 1, ['value']],
      ['missing', 50, 55, 1, 0, null],
      ['missing', 60, 62, 0, 1, null],
    ]);
  });

  it('keeps overlapping agreement apart from a neighbouring difference', () => {
    const items = compareReviewers({ a: [s('a', 0, 10), s('a', 5, 8, 'lesson')], b: [s('b', 0, 10)] });
    expect(items.map((i) => i.kind)).toEqual(['match', 'missing']);
  });

  it('compares three reviewers: a span two of them share is still missing for the third', () => {
    const items = compareReviewers({ a: [s('a', 0, 4)], b: [s('b', 0, 4)], c: [] });
    expect(items).toHaveLength(1);
    expect(items[0]!.kind).toBe('missing');
    expect(items[0]!.spans.c).toEqual([]);
  });

  it('leaves orphans out', () => {
    const orphan = { ...s('a', 0, 4), orphan: { previousStart: 0, previousEnd: 4, fromRevision: 0, reason: 'deleted' } };
    expect(compareReviewers({ a: [orphan], b: [] })).toEqual([]);
  });
});
