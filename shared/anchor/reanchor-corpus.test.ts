import { describe, expect, it } from 'vitest';
import { invariantViolations } from './invariants.fixture.ts';
import { makeQuote } from './quote.ts';
import { reanchor, type Anchor } from './reanchor.ts';
import { REANCHOR_CORPUS, type SpanRef } from './reanchor-corpus.ts';

/** Offsets of a span given by its text (and, when needed, a unique longer text around it). */
function locate(text: string, ref: SpanRef): { start: number; end: number } {
  const outer = ref.within ?? ref.exact;
  const at = text.indexOf(outer);
  if (at === -1 || text.indexOf(outer, at + 1) !== -1) throw new Error(`"${outer}" must occur exactly once`);
  const inner = outer.indexOf(ref.exact);
  if (inner === -1) throw new Error(`"${ref.exact}" is not inside "${outer}"`);
  return { start: at + inner, end: at + inner + ref.exact.length };
}

function anchorsOf(c: (typeof REANCHOR_CORPUS)[number]): Anchor[] {
  return c.annotations.map((a) => {
    const { start, end } = locate(c.oldText, a);
    return { id: a.id, start, end, quote: makeQuote(c.oldText, start, end) };
  });
}

describe('re-anchoring corpus', () => {
  describe.each(REANCHOR_CORPUS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const anchors = anchorsOf(c);
    const result = reanchor(c.oldText, c.newText, anchors);

    it.each(c.annotations.map((a, i) => [a.id, a, i] as const))('%s', (_id, a, i) => {
      const outcome = result.outcomes[i]!;
      const want = a.expect;
      if (want.status === 'orphaned') {
        expect({ status: outcome.status, reason: outcome.reason }).toEqual(want);
        return;
      }
      const at = locate(c.newText, want.at ?? a);
      expect({ status: outcome.status, start: outcome.start, end: outcome.end }).toEqual({ status: want.status, ...at });
    });

    it('keeps the invariants and reports every anchor once', () => {
      expect(invariantViolations(c.newText, anchors, result.outcomes)).toEqual([]);
      const { total, unchanged, moved, refound, orphaned } = result.report;
      expect(total).toBe(anchors.length);
      expect(unchanged + moved + refound + orphaned).toBe(total);
    });
  });
});
