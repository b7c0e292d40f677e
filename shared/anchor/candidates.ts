import search from 'approx-string-match';
import type { TextQuote } from '../model/annotation.ts';
import { splitsSurrogatePair } from '../text/units.ts';
import { sideSimilarity } from './context.ts';
import { editDistance } from './similarity.ts';
import type { Thresholds } from './thresholds.ts';

/**
 * Candidate places for a quote in the new text, and how each is judged: similarity of its text
 * to the quote, agreement of its surroundings with the quote's context, and position.
 */

export interface Span {
  start: number;
  end: number;
}

export interface QuoteCandidate extends Span {
  /** Similarity of the candidate's text to quote.exact (1 − edits / length). */
  quoteSimilarity: number;
  /** Agreement of the text before / after the candidate with quote.prefix / quote.suffix, in [0, 1]. */
  prefixSimilarity: number;
  suffixSimilarity: number;
  /** The candidate lies on the text the diff maps the old span to. */
  atExpected: boolean;
  /** How well text and context fit, in [0, 1]: 2/3 quote similarity, 1/3 context agreement. */
  fit: number;
  /** Overall confidence in [0, 1]: the fit (90%) and the position (10%). */
  score: number;
}

/** What the judge needs to know besides the text and the quote (see QuoteSearchOptions in fuzzy.ts). */
export interface JudgeOptions {
  hint: number;
  expected?: Span;
  kept?: { origins: Int32Array; own: Span };
}

/** Approximate matches kept per search (best first), to bound the context checks. */
const MAX_APPROX = 40;
/** Stand-in for masked text: a noncharacter, so it matches nothing in a quote. */
const MASK = '\uffff';

/** Evaluates candidate places for one quote. */
export class Judge {
  constructor(
    private readonly text: string,
    private readonly quote: TextQuote,
    private readonly opts: JudgeOptions,
    private readonly t: Thresholds,
  ) {}

  /** True when most of [start, end) is text the diff kept from outside the annotation's own span. */
  othersText(start: number, end: number): boolean {
    const kept = this.opts.kept;
    if (!kept || end <= start) return false;
    let others = 0;
    for (let x = start; x < end; x++) {
      const from = kept.origins[x]!;
      if (from >= 0 && (from < kept.own.start || from >= kept.own.end)) others++;
    }
    return others * 2 > end - start;
  }

  /** The text with `spans` and other passages' kept text blanked out, offsets unchanged. */
  masked(spans: readonly Span[]): string {
    const blank = new Uint8Array(this.text.length);
    for (const s of spans) blank.fill(1, s.start, s.end);
    const kept = this.opts.kept;
    if (kept) {
      kept.origins.forEach((from, x) => {
        if (from >= 0 && (from < kept.own.start || from >= kept.own.end)) blank[x] = 1;
      });
    }
    let out = '';
    let at = 0;
    for (let x = 0; x <= blank.length; x++) {
      const edge = x === blank.length || blank[x] !== blank[at];
      if (!edge) continue;
      out += blank[at] ? MASK.repeat(x - at) : this.text.slice(at, x);
      at = x;
    }
    return out;
  }

  /** True when [start, end) cuts no surrogate pair. */
  whole(start: number, end: number): boolean {
    return !splitsSurrogatePair(this.text, start) && !splitsSurrogatePair(this.text, end);
  }

  candidate(start: number, end: number, quoteSimilarity: number): QuoteCandidate {
    const { prefix, suffix } = this.quote;
    const text = this.text;
    const prefixSimilarity = sideSimilarity(prefix, text, start, 'before');
    const suffixSimilarity = sideSimilarity(suffix, text, end, 'after');
    const expected = this.opts.expected;
    const overlap = expected ? Math.min(end, expected.end) - Math.max(start, expected.start) : 0;
    const atExpected = overlap > 0 && overlap * 2 >= end - start;
    const context = (prefixSimilarity + suffixSimilarity) / 2;
    const position = atExpected ? 1 : 1 - Math.min(1, Math.abs(start - this.opts.hint) / Math.max(1, text.length));
    const fit = (2 * quoteSimilarity + context) / 3;
    return { start, end, quoteSimilarity, prefixSimilarity, suffixSimilarity, atExpected, fit, score: 0.9 * fit + 0.1 * position };
  }

  /** Both sides of the context agree with the text around the candidate. */
  contextAgrees(c: QuoteCandidate): boolean {
    return c.prefixSimilarity >= this.t.context && c.suffixSimilarity >= this.t.context;
  }

  /** At least one side of the context agrees. */
  oneSideAgrees(c: QuoteCandidate): boolean {
    return c.prefixSimilarity >= this.t.context || c.suffixSimilarity >= this.t.context;
  }

  /**
   * The best candidate, unless another place (not overlapping it) fits within the margin. Nearness
   * to the hint breaks no tie: it is only a guess once the diff has lost the span.
   */
  decide(cands: readonly QuoteCandidate[]): { verdict: 'found' | 'ambiguous'; candidate: QuoteCandidate } {
    const sorted = [...cands].sort((a, b) => b.fit - a.fit || b.score - a.score);
    const best = sorted[0]!;
    const rival = sorted.find((c) => c !== best && !overlapsMostly(c, best) && c.fit >= best.fit - this.t.margin);
    return { verdict: rival ? 'ambiguous' : 'found', candidate: best };
  }

  /**
   * Approximate matches of the quote in `searchText[from, to)` (same offsets as the real text,
   * possibly masked), with at most (1 − minSimilarity) · length errors. Overlapping matches are
   * merged, keeping the fewest errors.
   */
  approx(searchText: string, from: number, to: number, minSimilarity = this.t.quote): QuoteCandidate[] {
    const exact = this.quote.exact;
    const lo = Math.max(0, from);
    const hi = Math.min(searchText.length, to);
    if (hi - lo <= 0) return [];
    const maxErrors = Math.floor(exact.length * (1 - minSimilarity) + 1e-9);
    const matches = search(searchText.slice(lo, hi), exact, maxErrors)
      .map((m) => snap(this.text, m.start + lo, m.end + lo, m.errors))
      .sort((a, b) => a.start - b.start || a.errors - b.errors);
    const merged: typeof matches = [];
    for (const m of matches) {
      const last = merged[merged.length - 1];
      if (last && m.start < last.end) {
        if (m.errors < last.errors) merged[merged.length - 1] = m;
      } else merged.push(m);
    }
    merged.sort((a, b) => a.errors - b.errors);
    return merged
      .filter((m) => !this.othersText(m.start, m.end))
      .slice(0, MAX_APPROX)
      .map((m) => {
        // Recount on the real text: snapping a surrogate pair adds at most two edits, unmasking none.
        const bound = maxErrors + 2;
        const d = editDistance(this.text.slice(m.start, m.end), exact, bound);
        const longer = Math.max(exact.length, m.end - m.start);
        return this.candidate(m.start, m.end, d > bound ? 0 : 1 - d / longer);
      });
  }
}

/** Widens a match that cuts a surrogate pair to take the whole character. */
function snap(text: string, start: number, end: number, errors: number) {
  return {
    start: splitsSurrogatePair(text, start) ? start - 1 : start,
    end: splitsSurrogatePair(text, end) ? end + 1 : end,
    errors,
  };
}

function overlapsMostly(a: Span, b: Span): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap * 2 >= Math.min(a.end - a.start, b.end - b.start);
}

export function bestOf(cands: readonly QuoteCandidate[]): QuoteCandidate | undefined {
  return cands.reduce<QuoteCandidate | undefined>((b, c) => (!b || c.score > b.score ? c : b), undefined);
}
