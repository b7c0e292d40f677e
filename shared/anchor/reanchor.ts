import type { TextQuote } from '../model/annotation.ts';
import { splitsSurrogatePair } from '../text/units.ts';
import { findQuote, type QuoteSearchVerdict, type Span } from './fuzzy.ts';
import { keptOrigins } from './kept-text.ts';
import { occurrences } from './occurrences.ts';
import { makeQuote } from './quote.ts';
import type { Mappable } from './step-map.ts';
import { diffTexts, type DiffOptions } from './text-diff.ts';
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds.ts';

/**
 * Re-anchoring: carrying annotations from one revision of a case text to the next.
 *
 * Each anchor is first carried by the diff's position map and kept if its quote is still there;
 * otherwise its quote is searched for, exactly and then approximately (see fuzzy.ts). An anchor
 * that cannot be placed with confidence becomes an orphan for a person to place or drop: it is
 * never attached to other text on a guess.
 *
 * Status, as the revision report counts it:
 *  - unchanged: same offsets, same text;
 *  - moved: same text at new offsets (carried by the diff, or found again by its exact quote,
 *    e.g. in a paragraph that was cut and pasted elsewhere);
 *  - refound: the annotated text itself was edited (a typo fixed, a digit changed) and the span
 *    now covers the edited text, which is still highly similar to the old quote;
 *  - orphaned: not placed; `reason` says why and `candidate` shows the best place seen.
 */

export interface Anchor {
  id: string;
  /** UTF-16 offsets into the old text. */
  start: number;
  end: number;
  quote: TextQuote;
}

export type AnchorStatus = 'unchanged' | 'moved' | 'refound' | 'orphaned';

/**
 * empty-quote: nothing to check a position against; deleted: the annotated text was removed;
 * rewritten: the text at its place changed too much; ambiguous: several places fit about equally;
 * unconfirmed: similar text found, but neither context nor position says it is the same passage;
 * not-found: nothing like the quote in the new text.
 */
export type OrphanReason = 'empty-quote' | 'deleted' | 'rewritten' | 'ambiguous' | 'unconfirmed' | 'not-found';

export interface AnchorOutcome {
  id: string;
  status: AnchorStatus;
  /** New offsets (placed anchors only). */
  start?: number;
  end?: number;
  /** The quote at the new place (placed anchors only). */
  quote?: TextQuote;
  /** How a placed anchor was found: carried by the diff's map, or found by searching for its quote. */
  method?: 'mapped' | 'search';
  /** Confidence of a placed anchor, in [0, 1] (1 when carried by the map). */
  score?: number;
  /** Orphans: the best place seen, below the bar; a hint for a person, never applied. */
  candidate?: { start: number; end: number; score: number };
  reason?: OrphanReason;
}

export interface ReanchorReport {
  total: number;
  unchanged: number;
  moved: number;
  refound: number;
  orphaned: number;
}

export interface ReanchorResult {
  outcomes: AnchorOutcome[];
  report: ReanchorReport;
  /** False when the diff gave up on some stretch; anchors there were placed by quote search alone. */
  diffComplete: boolean;
}

export interface ReanchorOptions {
  diff?: DiffOptions;
  /** A position map the caller already has (e.g. from an editor's own change tracking); skips the diff. */
  map?: Mappable;
  thresholds?: Partial<Thresholds>;
}

/** Old occurrences of a quote counted: enough to tell one from several. */
const MAX_OLD_OCCURRENCES = 2;

export function reanchor(oldText: string, newText: string, anchors: readonly Anchor[], opts: ReanchorOptions = {}): ReanchorResult {
  const { map, complete } = opts.map ? { map: opts.map, complete: true } : diffTexts(oldText, newText, opts.diff);
  const thresholds = { ...DEFAULT_THRESHOLDS, ...opts.thresholds };
  let origins: Int32Array | undefined;
  const ctx: Context = { oldText, newText, map, thresholds, keptOrigins: () => (origins ??= keptOrigins(map, oldText, newText)) };
  const outcomes = anchors.map((a) => reanchorOne(a, ctx));
  const report: ReanchorReport = { total: outcomes.length, unchanged: 0, moved: 0, refound: 0, orphaned: 0 };
  for (const o of outcomes) report[o.status]++;
  return { outcomes, report, diffComplete: complete };
}

interface Context {
  oldText: string;
  newText: string;
  map: Mappable;
  thresholds: Thresholds;
  /** Computed on first need: most edits leave every anchor where the map puts it. */
  keptOrigins: () => Int32Array;
}

function reanchorOne(anchor: Anchor, ctx: Context): AnchorOutcome {
  const { oldText, newText, map } = ctx;
  const exact = anchor.quote.exact;
  if (!exact) return { id: anchor.id, status: 'orphaned', reason: 'empty-quote' };

  // The old offsets are only worth mapping if they hold the quote. If they do not (stale or out
  // of range) but the quote occurs once in the old text, that occurrence is the annotation's.
  let olds: number[] | undefined;
  const oldOccurrences = () => (olds ??= occurrences(oldText, exact, MAX_OLD_OCCURRENCES));
  const own = holdsQuote(oldText, anchor.start, exact) ? anchor.start : oldOccurrences().length === 1 ? oldOccurrences()[0]! : undefined;

  let hint: number;
  let expected: Span | undefined;
  let region: Span | undefined;
  if (own !== undefined) {
    const start = map.mapResult(own, 1).pos;
    const end = map.mapResult(own + exact.length, -1).pos;
    if (end - start === exact.length && newText.startsWith(exact, start) && isWhole(newText, start, end)) {
      return placed(anchor, ctx, start, end, 'mapped', 1);
    }
    hint = Math.min(start, end);
    if (end > start) expected = { start, end };
    // Where ends fall inside replaced text, the region takes the whole replacement: empty means
    // the text went with nothing in its place (deleted); otherwise it was replaced (rewritten).
    region = { start: map.map(own, -1), end: map.map(own + exact.length, 1) };
  } else {
    hint = map.map(Math.min(Math.max(0, Math.trunc(anchor.start) || 0), oldText.length), 1);
  }

  const found = findQuote(newText, anchor.quote, {
    hint,
    expected,
    region,
    uniqueInOld: oldOccurrences().length === 1,
    thresholds: ctx.thresholds,
    ...(own !== undefined ? { kept: { origins: ctx.keptOrigins(), own: { start: own, end: own + exact.length } } } : {}),
  });
  const c = found.candidate;
  if (found.verdict === 'found' && c) return placed(anchor, ctx, c.start, c.end, 'search', c.score);
  return {
    id: anchor.id,
    status: 'orphaned',
    reason: orphanReason(found.verdict, region),
    ...(c ? { candidate: { start: c.start, end: c.end, score: c.score } } : {}),
  };
}

function placed(anchor: Anchor, ctx: Context, start: number, end: number, method: 'mapped' | 'search', score: number): AnchorOutcome {
  const same = ctx.newText.slice(start, end) === anchor.quote.exact;
  const status: AnchorStatus = !same ? 'refound' : start === anchor.start && end === anchor.end ? 'unchanged' : 'moved';
  return { id: anchor.id, status, start, end, quote: makeQuote(ctx.newText, start, end), method, score };
}

/** Why an anchor is orphaned: what the diff says happened to its text comes first, when known. */
function orphanReason(verdict: QuoteSearchVerdict, region: Span | undefined): OrphanReason {
  if (verdict === 'ambiguous') return 'ambiguous';
  if (region && region.end <= region.start) return 'deleted';
  if (verdict === 'unconfirmed') return 'unconfirmed';
  return region ? 'rewritten' : 'not-found';
}

function holdsQuote(text: string, start: number, exact: string): boolean {
  return Number.isInteger(start) && start >= 0 && start + exact.length <= text.length && text.startsWith(exact, start);
}

function isWhole(text: string, start: number, end: number): boolean {
  return !splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, end);
}
