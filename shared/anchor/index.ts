/** Position mapping through text edits and re-anchoring of annotations; see reanchor.ts. */
export { Mapping, StepMap, type ChangedRange, type MapResult, type Mappable } from './step-map.ts';
export { diffTexts, type DiffOptions, type TextDiff } from './text-diff.ts';
export { makeQuote } from './quote.ts';
export {
  findQuote,
  type QuoteCandidate,
  type QuoteSearchOptions,
  type QuoteSearchResult,
  type QuoteSearchVerdict,
  type Span,
} from './fuzzy.ts';
export { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds.ts';
export {
  reanchor,
  type Anchor,
  type AnchorOutcome,
  type AnchorStatus,
  type OrphanReason,
  type ReanchorOptions,
  type ReanchorReport,
  type ReanchorResult,
} from './reanchor.ts';
