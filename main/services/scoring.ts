import type { ParsedInputOf } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { RatingDistributions, RankingFilter } from '../../shared/api/types.ts';
import type { CaseScore } from '../../shared/model/scoring.ts';
import { rankCases, ratingDistributions, type RankableCase, type RankingRow } from '../../shared/scoring/ranking.ts';
import type { ProjectStore } from '../store/project-store.ts';

/** Check a score change against the project's rubric and the reviewer's spans, and merge it. */
export function mergeScore(store: ProjectStore, spanIds: ReadonlySet<string>, before: CaseScore | undefined, input: ParsedInputOf<'setScore'>): CaseScore {
  const rubric = store.rubric;
  const ratings = { ...before?.ratings };
  for (const [criterion, value] of Object.entries(input.ratings ?? {})) {
    const c = rubric.criteria.find((x) => x.id === criterion);
    if (!c) throw new ApiError('invalid-input', `no criterion "${criterion}" in this project's rubric (${rubric.criteria.map((x) => x.id).join(', ')})`);
    if (value !== null && (!Number.isInteger(value) || value < c.min || value > c.max)) {
      throw new ApiError('invalid-input', `${c.name.en} is rated ${c.min}–${c.max} in whole numbers, not ${value}`);
    }
    ratings[criterion] = value;
  }
  const evidence = { ...before?.evidence };
  for (const [criterion, ids] of Object.entries(input.evidence ?? {})) {
    if (!rubric.criteria.some((x) => x.id === criterion)) throw new ApiError('invalid-input', `no criterion "${criterion}" in this project's rubric`);
    // A span cited before and deleted since is dropped, not an error: the reviewer could not
    // otherwise change the evidence again. A new citation must be one of their spans.
    const citedBefore = new Set(before?.evidence[criterion] ?? []);
    const unknown = ids.filter((id) => !spanIds.has(id) && !citedBefore.has(id));
    if (unknown.length) throw new ApiError('invalid-input', `evidence must be your own spans in this case; not found: ${unknown.join(', ')}`);
    evidence[criterion] = [...new Set(ids.filter((id) => spanIds.has(id)))];
  }
  return {
    ratings,
    evidence,
    comment: input.comment ?? before?.comment ?? '',
    recommendation: input.recommendation === undefined ? (before?.recommendation ?? null) : input.recommendation,
    updatedAt: new Date().toISOString(),
  };
}

/** The adjudicated reviewer (compendium.ts's CONSENSUS, which imports this module). */
const CONSENSUS = 'consensus';

/**
 * The cases the filter keeps, each with its raters' scores. The consensus is not a rater: it is
 * made from the reviewers, and counting it would weigh the adjudicated view twice and narrow the
 * spread between them.
 */
export function rankableCases(store: ProjectStore, filter: RankingFilter = {}): RankableCase[] {
  const raters = store.reviewers.filter((r) => r !== CONSENSUS);
  return store.caseIds
    .map((id) => store.getCase(id)!)
    .filter((c) => (!filter.part || c.part === filter.part) && (!filter.region || (c.region ?? '').includes(filter.region)) && (!filter.documentId || c.documentId === filter.documentId))
    .map((c) => {
      const scores: Record<string, CaseScore | undefined> = {};
      for (const r of raters) {
        const s = store.reviewerCase(r, c.id)?.score;
        if (s) scores[r] = s;
      }
      return { caseId: c.id, title: c.title, part: c.part, region: c.region, documentId: c.documentId, scores };
    });
}

export function ranking(store: ProjectStore, filter: RankingFilter): RankingRow[] {
  return rankCases(store.rubric, rankableCases(store, filter));
}

/** The ratings per criterion and per reviewer on the cases the filter keeps (the ranking's cases). */
export function distributions(store: ProjectStore, filter: RankingFilter = {}): RatingDistributions {
  return ratingDistributions(store.rubric, rankableCases(store, filter));
}
