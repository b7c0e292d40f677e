/**
 * Inter-reviewer agreement: pure functions of reviewers' spans, section kinds, recommendations
 * and scores, each checked against hand computations and published worked examples.
 *
 *   spans                 spanAgreement, pairwiseSpanF1 (exact and overlap F1), unitizingAlpha
 *   section kinds,        cohenKappa, pairwiseCohenKappa, fleissKappa, krippendorffAlpha (nominal)
 *   recommendations
 *   rubric scores         weightedKappa, icc / iccAll, krippendorffAlpha (ordinal / interval)
 *
 * Build inputs with sectionKindTable, recommendationTable, criterionTable (→ RatingTable) and
 * reshape them with ratingPairs, categoryCounts, itemMatrix; spans come from spansByReviewer,
 * coveredCases and unitizedCases. A coefficient the data leave undefined is `value: null` with a
 * reason code (see coefficient.ts).
 */
export { meanOfDefined, type Coefficient, type UndefinedReason } from './coefficient.ts';
export { countExactMatches, matchByOverlap, overlapLength, type Range } from './span-match.ts';
export {
  spanAgreement,
  type CaseSpanAgreement,
  type MatchCounts,
  type SpanAgreement,
  type SpanAgreementOptions,
  type SpanLike,
  type SpanScores,
} from './span-agreement.ts';
export { pairwiseSpanF1, type PairwiseSpanF1, type PairwiseSpanOptions, type ReviewerPairAgreement } from './pairwise-span.ts';
export {
  unitizingAlpha,
  type LabelledSegment,
  type UnitizedCase,
  type UnitizingAlpha,
  type UnitizingCoefficient,
  type UnitizingOptions,
  type UnitizingScope,
} from './unitizing-alpha.ts';
export { cohenKappa, type CohenKappa, type CohenKappaOptions } from './cohen-kappa.ts';
export { weightedKappa, type KappaWeights, type WeightedKappa } from './weighted-kappa.ts';
export { fleissKappa, type CategoryCounts, type FleissKappa, type FleissKappaOptions } from './fleiss-kappa.ts';
export { ICC_TYPES, icc, iccAll, type Icc, type IccAnova, type IccType } from './icc.ts';
export { krippendorffAlpha, type KrippendorffAlpha, type KrippendorffAlphaOptions, type MeasurementLevel } from './krippendorff-alpha.ts';
export { categoryCounts, itemMatrix, ratingPairs, type RatingTable } from './rating-table.ts';
export { pairwiseCohenKappa, type PairwiseKappa, type RaterPairKappa } from './pairwise-kappa.ts';
export { codeKinds, sectionKindTable, type SectionKindCoding, type SectionTableOptions, type SectionUnit } from './section-units.ts';
export { criterionScale, criterionTable, recommendationTable, type ScoredCase, type ScoreTableOptions } from './score-tables.ts';
export { coveredCases, spansByReviewer, unitizedCases, type CoverageOptions } from './span-inputs.ts';
