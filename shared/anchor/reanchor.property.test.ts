import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QUOTE_CONTEXT } from '../model/annotation.ts';
import { invariantViolations } from './invariants.fixture.ts';
import { applyEdits, codePointBoundaries, editOpArb, FOREIGN_ALPHABET, withAstral, type EditedText } from './random-edits.fixture.ts';
import { makeQuote } from './quote.ts';
import { reanchor, type Anchor, type AnchorOutcome } from './reanchor.ts';
import { REANCHOR_CORPUS } from './reanchor-corpus.ts';

const BASES = [...new Set(REANCHOR_CORPUS.map((c) => c.oldText))];

/** Random spans of 2 to 40 code points, as fractions of the text (start) and sizes. */
const spansArb = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), size: fc.integer({ min: 2, max: 40 }) }), {
  minLength: 1,
  maxLength: 12,
});

function anchorsOn(text: string, spans: readonly { at: number; size: number }[]): Anchor[] {
  const cuts = codePointBoundaries(text);
  return spans.map(({ at, size }, i) => {
    const first = Math.floor(at * (cuts.length - 1));
    const start = cuts[first]!;
    const end = cuts[Math.min(cuts.length - 1, first + size)]!;
    return { id: `a${i}`, start, end, quote: makeQuote(text, start, end) };
  });
}

/**
 * True when a placed span covers text that came from the anchor's own span, or the very same
 * text where text cannot tell them apart: within its length of where the old span went (text
 * deleted and typed again), or another copy in an unbroken run of copies ("健康健康健康" with one
 * "健康" deleted: which one is a matter of reading).
 */
function onOwnText(edited: EditedText, anchor: Anchor, o: AnchorOutcome): boolean {
  const from = Array.from(edited.origin.subarray(o.start!, o.end!)).filter((p) => p >= 0);
  if (from.some((p) => p >= anchor.start && p < anchor.end)) return true;
  if (edited.newText.slice(o.start, o.end) !== anchor.quote.exact) return false;
  if (Math.abs(o.start! - newPositionOf(edited, anchor.start)) <= anchor.quote.exact.length) return true;
  return from.length > 0 && inOneRun(edited.oldText, anchor.quote.exact, anchor.start, from[0]!);
}

/** True when old offsets a and b are both covered by one run of overlapping or touching copies of `exact`. */
function inOneRun(text: string, exact: string, a: number, b: number): boolean {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (!text.startsWith(exact, lo)) return false;
  let reach = lo + exact.length;
  for (let p = text.indexOf(exact, lo + 1); p !== -1 && p <= reach && reach < hi + 1; p = text.indexOf(exact, p + 1)) reach = p + exact.length;
  return hi < reach;
}

/** Where an old position went: the new position of the first kept character at or after it. */
function newPositionOf(edited: EditedText, oldPos: number): number {
  const i = edited.origin.findIndex((p) => p >= oldPos);
  return i === -1 ? edited.newText.length : i;
}

/**
 * True when no edit touched the span or the QUOTE_CONTEXT code units around it, and, where that
 * stretch reaches an end of the text, nothing was added beyond it (the quote's context is then
 * the text's edge, and text typed there changes it).
 */
function untouched(edited: EditedText, anchor: Anchor): boolean {
  const lo = Math.max(0, anchor.start - QUOTE_CONTEXT);
  const hi = Math.min(edited.oldText.length, anchor.end + QUOTE_CONTEXT);
  const at = edited.origin.indexOf(lo);
  if (at === -1 || (lo === 0 && at !== 0)) return false;
  if (hi === edited.oldText.length && at + hi - lo !== edited.newText.length) return false;
  for (let k = 0; k < hi - lo; k++) if (edited.origin[at + k] !== lo + k) return false;
  return true;
}

const baseArb = fc.constantFrom(...BASES);
const astralArb = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 4 });

/**
 * Untouched anchors are never orphaned and stay on their own text. (Not necessarily as they
 * were: in "𠀀𠀀𠀀" → "𠀀的𠀀𠀀𠀀" the diff may as well read "的" as typed inside the first two.)
 */
function expectUntouchedKept(edited: EditedText, anchors: readonly Anchor[], outcomes: readonly AnchorOutcome[]): void {
  outcomes.forEach((o, i) => {
    const anchor = anchors[i]!;
    if (!untouched(edited, anchor)) return;
    expect(o.status, `${anchor.id} "${anchor.quote.exact}" untouched but orphaned`).not.toBe('orphaned');
    expect(onOwnText(edited, anchor, o), `${anchor.id} "${anchor.quote.exact}" untouched but moved to other text`).toBe(true);
  });
}

describe('re-anchoring random edits of Chinese case text (property)', () => {
  it('keeps the invariants and every untouched anchor, whatever is typed', () => {
    fc.assert(
      fc.property(baseArb, astralArb, fc.array(editOpArb(), { maxLength: 60 }), spansArb, (base, astralAt, ops, spans) => {
        const oldText = withAstral(base, astralAt);
        const edited = applyEdits(oldText, ops);
        const anchors = anchorsOn(oldText, spans);
        const { outcomes } = reanchor(oldText, edited.newText, anchors);
        expect(invariantViolations(edited.newText, anchors, outcomes)).toEqual([]);
        expectUntouchedKept(edited, anchors, outcomes);
      }),
      { numRuns: 200 },
    );
  });

  it('never attaches an annotation to other text (typed text that cannot recreate old text)', () => {
    fc.assert(
      fc.property(baseArb, astralArb, fc.array(editOpArb(FOREIGN_ALPHABET), { maxLength: 60 }), spansArb, (base, astralAt, ops, spans) => {
        const oldText = withAstral(base, astralAt);
        const edited = applyEdits(oldText, ops);
        const anchors = anchorsOn(oldText, spans);
        const { outcomes } = reanchor(oldText, edited.newText, anchors);
        expect(invariantViolations(edited.newText, anchors, outcomes)).toEqual([]);
        outcomes.forEach((o, i) => {
          const anchor = anchors[i]!;
          if (o.status !== 'orphaned') expect(onOwnText(edited, anchor, o), `${anchor.id} "${anchor.quote.exact}" placed on other text`).toBe(true);
        });
        expectUntouchedKept(edited, anchors, outcomes);
      }),
      { numRuns: 200 },
    );
  });
});
