import type { SpanAnnotation } from '../model/annotation.ts';
import type { CaseSections, ReviewStatus } from '../model/review.ts';
import type { Rubric } from '../model/rubric.ts';
import { RECOMMENDATIONS, type CaseScore, type Recommendation } from '../model/scoring.ts';
import { cohenKappa } from './cohen-kappa.ts';
import { meanOfDefined, undefinedBecause, type Coefficient } from './coefficient.ts';
import { fleissKappa } from './fleiss-kappa.ts';
import { icc } from './icc.ts';
import { krippendorffAlpha } from './krippendorff-alpha.ts';
import { pairwiseSpanF1 } from './pairwise-span.ts';
import { categoryCounts, itemMatrix, ratingPairs, type RatingTable } from './rating-table.ts';
import { criterionScale, criterionTable, recommendationTable } from './score-tables.ts';
import { sectionKindTable } from './section-units.ts';
import { unitizingAlpha, type UnitizedCase } from './unitizing-alpha.ts';
import { pooledUnitizingAlpha } from './unitizing-pooled.ts';
import { weightedKappa } from './weighted-kappa.ts';

/**
 * Which cases count for a reviewer. 'done': only cases the reviewer marked 已审 — a case they
 * have not finished is not held against anyone. 'touched': also cases in review, or with any
 * span or score of theirs (for a committee that compares work in progress).
 */
export type Coverage = 'done' | 'touched';

export interface AgreementCase {
  id: string;
  title: string;
  /** Length of the current text (offsets of spans on the current revision fall inside it). */
  length: number;
  revision: number;
  status: Readonly<Record<string, ReviewStatus>>;
  scores: Readonly<Record<string, CaseScore | undefined>>;
  sections: Readonly<Record<string, CaseSections | undefined>>;
}

export interface AgreementInput {
  rubric: Rubric;
  /** Labels to compare, in display order. */
  labels: readonly string[];
  /**
   * The reviewers to compare (the consensus is not one of them). Those who covered none of the
   * cases are not raters here (see `idle`): a user who only adjudicated, or a committee member
   * assigned other cases, would otherwise leave every figure without data.
   */
  reviewers: readonly string[];
  cases: readonly AgreementCase[];
  /** Every span of the reviewers on these cases (what agreement needs of each: a library holds hundreds of thousands). */
  spans: ReadonlyArray<Pick<SpanAnnotation, 'caseId' | 'start' | 'end' | 'label' | 'reviewer' | 'revision'> & Partial<SpanAnnotation>>;
  coverage: Coverage;
}

/** A kappa and the method that fits the number of raters (Cohen for two, Fleiss for more). */
export type Kappa = Coefficient & { method: 'cohen' | 'fleiss'; units: number };

export interface SpanFigures {
  exactF1: number | null;
  overlapF1: number | null;
  alpha: Coefficient;
}

export interface CaseAgreement {
  caseId: string;
  title: string;
  coveredBy: string[];
  spans: SpanFigures;
  /** Per label: mean pairwise F1 in this case. */
  byLabel: Record<string, { exactF1: number | null; overlapF1: number | null }>;
  /** Each reviewer's recommendation, and whether all who gave one agree. */
  recommendations: Record<string, Recommendation | null>;
  recommendationsAgree: boolean | null;
  /** Sections tagged by at least two reviewers, and how many of them got the same kinds. */
  sections: { compared: number; agreeing: number };
}

export interface AgreementReport {
  /** The raters: the reviewers asked about who covered at least one of the cases. */
  reviewers: string[];
  /** Reviewers asked about who covered none of the cases, so are not raters here. */
  idle: string[];
  coverage: Coverage;
  caseCount: number;
  spans: {
    overall: SpanFigures;
    byLabel: Array<SpanFigures & { label: string; units: number }>;
    /** Every pair of raters who covered a case in common, with the number of such cases. */
    pairs: Array<{ a: string; b: string; exactF1: number | null; overlapF1: number | null; cases: number }>;
    /** Cases in the pooled unitizing alpha: those covered by two or more raters. */
    alphaCases: number;
  };
  sections: { kappa: Kappa; alpha: Coefficient };
  recommendations: { kappa: Kappa; alpha: Coefficient };
  scores: Array<{ criterion: string; units: number; weightedKappa: Coefficient; icc: Coefficient; alpha: Coefficient }>;
  cases: CaseAgreement[];
}

function covers(c: AgreementCase, reviewer: string, coverage: Coverage, hasSpans: boolean): boolean {
  const status = c.status[reviewer] ?? 'todo';
  if (status === 'done') return true;
  if (coverage === 'done') return false;
  return status !== 'todo' || hasSpans || !!c.scores[reviewer] || !!c.sections[reviewer];
}

/** The table without raters who rated nothing (they would make every unit incomplete). */
function onlyActiveRaters<V, U>(t: RatingTable<V, U>): RatingTable<V, U> {
  const keep = t.raters.map((_, i) => t.values[i]!.some((v) => v !== null));
  return { raters: t.raters.filter((_, i) => keep[i]), units: t.units, values: t.values.filter((_, i) => keep[i]) };
}

/** Two raters: Cohen's kappa on the units both rated; more: Fleiss' kappa on the units all rated. */
function nominalKappa<U>(t: RatingTable<string, U>, categories?: readonly string[]): Kappa {
  const active = onlyActiveRaters(t);
  const raters = active.raters;
  if (raters.length < 2) return { ...undefinedBecause('too-few-raters'), method: 'cohen', units: 0 };
  if (raters.length === 2) {
    const { pairs } = ratingPairs(active, raters[0]!, raters[1]!);
    const k = cohenKappa(pairs, categories ? { categories } : {});
    return { value: k.value, reason: k.reason, method: 'cohen', units: pairs.length } as Kappa;
  }
  const { counts } = categoryCounts(active);
  const k = fleissKappa(counts, categories ? { categories } : {});
  return { value: k.value, reason: k.reason, method: 'fleiss', units: counts.length } as Kappa;
}

const plain = (c: Coefficient): Coefficient => (c.value === null ? { value: null, reason: c.reason } : { value: c.value, reason: null });

/**
 * The committee's agreement figures over a set of cases: span F1 (exact and overlap) between
 * every pair of reviewers and Krippendorff's unitizing alpha, per label and per case; kappa and
 * alpha for section kinds and recommendations; weighted kappa (two reviewers), ICC(2,1) and
 * ordinal alpha for each rubric criterion. Each reviewer counts only on the cases they covered,
 * and a reviewer who covered none of them is no rater.
 */
export function agreementReport(input: AgreementInput): AgreementReport {
  const asked = [...new Set(input.reviewers)].sort();
  const labels = [...input.labels];
  const caseIds = new Set(input.cases.map((c) => c.id));
  const current = new Map(input.cases.map((c) => [c.id, c.revision]));
  // Spans on the current text of a chosen case, by a reviewer asked about; orphans have no place to compare.
  const spans = input.spans.filter((s) => caseIds.has(s.caseId) && !s.orphan && s.revision === current.get(s.caseId) && asked.includes(s.reviewer) && labels.includes(s.label));
  // Who has spans in each case: a set of reviewers per case (a key string per span took a fifth of the report over a large library).
  const withSpans = new Map<string, Set<string>>();
  for (const s of spans) {
    const who = withSpans.get(s.caseId);
    if (who) who.add(s.reviewer);
    else withSpans.set(s.caseId, new Set([s.reviewer]));
  }
  const coveredBy = new Map(input.cases.map((c) => [c.id, asked.filter((r) => covers(c, r, input.coverage, withSpans.get(c.id)?.has(r) ?? false))]));
  const reviewers = asked.filter((r) => input.cases.some((c) => coveredBy.get(c.id)!.includes(r)));
  const covered = (caseId: string, r: string) => coveredBy.get(caseId)!.includes(r);
  const counted = spans.filter((s) => covered(s.caseId, s.reviewer));

  // Spans: F1 per pair, on the cases both covered; unitizing alpha on each case's covering reviewers.
  const byReviewer = Object.fromEntries(reviewers.map((r) => [r, counted.filter((s) => s.reviewer === r)]));
  const casesByReviewer = Object.fromEntries(reviewers.map((r) => [r, input.cases.filter((c) => covered(c.id, r)).map((c) => c.id)]));
  const f1 = pairwiseSpanF1(byReviewer, { labels, casesByReviewer });
  // Each case's spans by reviewer, grouped once (a library holds thousands of cases).
  const inCase = new Map<string, Map<string, Array<{ start: number; end: number; label: string }>>>();
  for (const s of counted) {
    let byR = inCase.get(s.caseId);
    if (!byR) inCase.set(s.caseId, (byR = new Map()));
    let list = byR.get(s.reviewer);
    if (!list) byR.set(s.reviewer, (list = []));
    list.push({ start: s.start, end: s.end, label: s.label });
  }
  const unitized: UnitizedCase[] = input.cases.map((c) => ({
    caseId: c.id,
    length: c.length,
    byReviewer: Object.fromEntries(coveredBy.get(c.id)!.map((r) => [r, inCase.get(c.id)?.get(r) ?? []])),
  }));
  // Each case on its own, over the raters who covered it.
  const alpha = unitizingAlpha(unitized, { labels, reviewers });
  // Pooled over the cases two or more raters covered, whoever they are: ᵤα needs the same number
  // of observers on every case, not the same observers (see unitizing-pooled.ts for the choice
  // made when that number varies). Pooling only the cases every rater covered would leave nothing
  // to pool as soon as a committee splits the cases among its members.
  const pooled = pooledUnitizingAlpha(unitized, labels);
  // A case's F1: the mean over the pairs that compared it.
  const pairCase = (caseId: string, kind: 'exact' | 'overlap', label?: string) =>
    meanOfDefined(
      f1.pairs.map((p) => {
        const c = p.agreement.byCase[caseId];
        const scores = c ? (label ? c.byLabel[label] : c.overall) : undefined;
        return scores?.[kind].f1 ?? null;
      }),
    );

  // Section kinds, recommendations, scores.
  const layers = Object.fromEntries(reviewers.map((r) => [r, input.cases.filter((c) => covered(c.id, r) && c.sections[r]).map((c) => c.sections[r]!)]));
  const sectionTable = sectionKindTable(layers, { reviewers });
  const sectionValues = sectionTable.values;
  const scored = input.cases.map((c) => ({ caseId: c.id, scores: Object.fromEntries(reviewers.filter((r) => covered(c.id, r)).map((r) => [r, c.scores[r]])) }));
  const recTable = recommendationTable(scored, { reviewers });
  const unitsOf = new Map<string, number[]>();
  sectionTable.units.forEach((u, ui) => {
    let list = unitsOf.get(u.caseId);
    if (!list) unitsOf.set(u.caseId, (list = []));
    list.push(ui);
  });

  const cases: CaseAgreement[] = input.cases.map((c) => {
    const recs = Object.fromEntries(reviewers.filter((r) => covered(c.id, r)).map((r) => [r, c.scores[r]?.recommendation ?? null]));
    const given = Object.values(recs).filter((x): x is Recommendation => x !== null);
    let compared = 0;
    let agreeing = 0;
    for (const ui of unitsOf.get(c.id) ?? []) {
      const vals = sectionValues.map((row) => row[ui]).filter((v): v is string => v !== null && v !== undefined);
      if (vals.length < 2) continue;
      compared++;
      if (vals.every((v) => v === vals[0])) agreeing++;
    }
    const caseAlpha = alpha.byCase[c.id]?.overall;
    return {
      caseId: c.id,
      title: c.title,
      coveredBy: coveredBy.get(c.id)!,
      spans: {
        exactF1: pairCase(c.id, 'exact'),
        overlapF1: pairCase(c.id, 'overlap'),
        alpha: caseAlpha ? plain(caseAlpha) : undefinedBecause('too-few-raters'),
      },
      byLabel: Object.fromEntries(labels.map((l) => [l, { exactF1: pairCase(c.id, 'exact', l), overlapF1: pairCase(c.id, 'overlap', l) }])),
      recommendations: recs,
      recommendationsAgree: given.length >= 2 ? given.every((x) => x === given[0]) : null,
      sections: { compared, agreeing },
    };
  });

  return {
    reviewers,
    idle: asked.filter((r) => !reviewers.includes(r)),
    coverage: input.coverage,
    caseCount: input.cases.length,
    spans: {
      overall: { exactF1: f1.mean.exact, overlapF1: f1.mean.overlap, alpha: plain(pooled.overall) },
      byLabel: labels.map((label) => ({
        label,
        exactF1: f1.meanByLabel[label]?.exact ?? null,
        overlapF1: f1.meanByLabel[label]?.overlap ?? null,
        alpha: plain(pooled.byLabel[label] ?? undefinedBecause('no-units')),
        units: pooled.byLabel[label]?.units ?? 0,
      })),
      // A pair that covered no case in common has nothing to show.
      pairs: f1.pairs
        .filter((p) => p.agreement.caseIds.length > 0)
        .map((p) => ({ a: p.a, b: p.b, exactF1: p.agreement.overall.exact.f1, overlapF1: p.agreement.overall.overlap.f1, cases: p.agreement.caseIds.length })),
      alphaCases: pooled.caseIds.length,
    },
    sections: { kappa: nominalKappa(sectionTable), alpha: plain(krippendorffAlpha(sectionTable.values, 'nominal')) },
    recommendations: {
      kappa: nominalKappa(recTable, RECOMMENDATIONS),
      alpha: plain(krippendorffAlpha(recTable.values, 'nominal', { order: [...RECOMMENDATIONS] })),
    },
    scores: input.rubric.criteria.map((crit) => {
      const t = onlyActiveRaters(criterionTable(scored, crit.id, { reviewers }));
      const rated = t.raters;
      const scale = criterionScale(crit);
      const matrix = itemMatrix(t);
      const tooFew = rated.length < 2 ? undefinedBecause('too-few-raters') : null;
      return {
        criterion: crit.id,
        units: tooFew ? 0 : matrix.filter((row) => row.every((v) => v !== null)).length,
        weightedKappa: tooFew ?? (rated.length === 2 ? plain(weightedKappa(ratingPairs(t, rated[0]!, rated[1]!).pairs, scale, 'quadratic')) : undefinedBecause('too-many-raters')),
        icc: tooFew ?? plain(icc(matrix, 'ICC(2,1)')),
        alpha: tooFew ?? plain(krippendorffAlpha(t.values, 'ordinal', { order: scale })),
      };
    }),
    cases,
  };
}
