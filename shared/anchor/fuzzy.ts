import type { TextQuote } from '../model/annotation.ts';
import { bestOf, Judge, type QuoteCandidate, type Span } from './candidates.ts';
import { occurrences } from './occurrences.ts';
import { similarityAtLeast } from './similarity.ts';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds.ts';

export type { QuoteCandidate, Span } from './candidates.ts';

/**
 * Finding a quote in a revised text (after Hypothesis' quote matching, with a confidence bar).
 *
 * Places are tried from the surest to the least sure, and the first kind that yields a confident
 * match wins:
 *  1. the place the diff maps the old span to (`expected`): an exact occurrence overlapping it,
 *     or the text there if it is still similar enough to the quote (an edit inside the span), or
 *     an approximate match on it; and, for a quote that was unique in the old text, an exact
 *     occurrence inside the text that replaced the span (`region`: a sentence rewritten around it);
 *  2. exact occurrences elsewhere, confirmed by their context on both sides, or, for a quote that
 *     is unique before and after the edit, by one side or by being long (a moved paragraph);
 *  3. approximate matches (approx-string-match) confirmed by their context on both sides, in a
 *     window around the hint first, then in the whole text.
 * Text that the diff kept from elsewhere in the old text (`kept`, outside the annotation's own
 * span) was another passage's before the edit and cannot be this annotation's after it: a
 * candidate made mostly of it is never taken. Where two places are about equally good, nothing
 * is chosen.
 */

export interface QuoteSearchOptions {
  /** UTF-16 offset near which the quote is expected to start: the old start mapped through the diff. */
  hint: number;
  /** The range the diff maps the old span to (start kept to the text after, end to the text before), when non-empty. */
  expected?: Span;
  /** The widest image of the old span: with any replacement its ends fall in (start to the text before, end to the text after). */
  region?: Span;
  /** Text kept by the diff (see kept-text.ts) and the annotation's own old range: kept text from outside it is other passages'. */
  kept?: { origins: Int32Array; own: Span };
  /** The quote occurred exactly once in the old text. */
  uniqueInOld?: boolean;
  thresholds?: Thresholds;
}

/**
 * found: a confident match; ambiguous: several places about equally good; unconfirmed: similar
 * text, but neither context nor position confirms it; dissimilar: nothing similar enough; absent:
 * nothing at all.
 */
export type QuoteSearchVerdict = 'found' | 'ambiguous' | 'unconfirmed' | 'dissimilar' | 'absent';

export interface QuoteSearchResult {
  verdict: QuoteSearchVerdict;
  /** The match when found, otherwise the best candidate seen (a hint for a person). */
  candidate?: QuoteCandidate;
}

/** Half-width of the window searched around the hint before the whole text. */
const WINDOW = 1024;
/** Shortest quote (code units) an exact occurrence inside the replacing text confirms: one or two characters may recur by chance. */
const MIN_REGION_QUOTE = 4;
/** Least similarity of a candidate shown to a person as a hint for an orphan. */
const HINT_SIMILARITY = 0.5;

export function findQuote(text: string, quote: TextQuote, opts: QuoteSearchOptions): QuoteSearchResult {
  const t = opts.thresholds ?? DEFAULT_THRESHOLDS;
  const exact = quote.exact;
  if (!exact || !text) return { verdict: 'absent' };
  const judge = new Judge(text, quote, opts, t);
  const allHits = occurrences(text, exact).filter((s) => judge.whole(s, s + exact.length));
  const hits = allHits.filter((s) => !judge.othersText(s, s + exact.length)).map((s) => judge.candidate(s, s + exact.length, 1));
  const seen: QuoteCandidate[] = [...hits];

  // 1. At the place the diff maps the span to.
  const expected = opts.expected;
  if (expected && expected.end > expected.start) {
    const atHit = bestOf(hits.filter((c) => c.atExpected));
    if (atHit) return { verdict: 'found', candidate: atHit };
    // The diff's own boundaries come first: an approximate match tends to shed an edited end
    // ("严密防线" → "严密防护网" would become "严密防"), and may stretch over a neighbour.
    const sim = similarityAtLeast(text.slice(expected.start, expected.end), exact, t.quote);
    if (sim >= 0 && judge.whole(expected.start, expected.end)) {
      return { verdict: 'found', candidate: judge.candidate(expected.start, expected.end, sim) };
    }
    const slack = Math.ceil(exact.length * (1 - t.quote)) + 8;
    const near = judge.approx(text, expected.start - slack, expected.end + slack).filter((c) => c.atExpected);
    seen.push(...near);
    const best = bestOf(near.filter((c) => c.quoteSimilarity >= t.quote));
    if (best) return { verdict: 'found', candidate: best };
  }
  const region = opts.region;
  if (region && opts.uniqueInOld && exact.length >= MIN_REGION_QUOTE) {
    const inRegion = hits.filter((c) => c.start >= region.start && c.end <= region.end);
    if (inRegion.length) return judge.decide(inRegion);
  }

  // 2. Exact occurrences elsewhere, confirmed by context; a quote unique before and after the
  // edit needs only one side of it, or none if it is long.
  const unique = !!opts.uniqueInOld && hits.length === 1;
  const confirmedHits = hits.filter(
    (c) => judge.contextAgrees(c) || (unique && (exact.length >= t.distinctiveLength || judge.oneSideAgrees(c))),
  );
  if (confirmedHits.length) return judge.decide(confirmedHits);

  // 3. Approximate matches confirmed by context. Exact hits (rejected above) and other passages'
  // text are masked, or their closer matches would hide a lesser match of our own.
  const masked = judge.masked(allHits.map((s) => ({ start: s, end: s + exact.length })));
  const acceptable = (c: QuoteCandidate) => c.quoteSimilarity >= t.quote && (c.atExpected || judge.contextAgrees(c));
  const hint = Math.min(Math.max(0, opts.hint), text.length);
  let approx = judge.approx(masked, hint - WINDOW, hint + exact.length + WINDOW);
  if (!approx.some(acceptable) && (hint - WINDOW > 0 || hint + exact.length + WINDOW < text.length)) {
    approx = approx.concat(judge.approx(masked, 0, text.length));
  }
  seen.push(...approx);
  const accepted = approx.filter(acceptable);
  if (accepted.length) return judge.decide(accepted);

  // 4. Nothing confident: report the best candidate as a hint: what the span's text became, or
  // else a looser match near the hint.
  if (!seen.length && expected && expected.end > expected.start && judge.whole(expected.start, expected.end)) {
    const sim = similarityAtLeast(text.slice(expected.start, expected.end), exact, HINT_SIMILARITY);
    if (sim >= 0) seen.push(judge.candidate(expected.start, expected.end, sim));
  }
  if (!seen.length) seen.push(...judge.approx(masked, hint - WINDOW, hint + exact.length + WINDOW, HINT_SIMILARITY));
  const best = bestOf(seen);
  if (!best) return { verdict: 'absent' };
  return { verdict: best.quoteSimilarity >= t.quote ? 'unconfirmed' : 'dissimilar', candidate: best };
}
