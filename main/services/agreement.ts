import type { ParsedInputOf } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { agreementReport, type AgreementCase, type AgreementReport } from '../../shared/agreement/report.ts';
import type { SpanAnnotation } from '../../shared/model/annotation.ts';
import type { CaseScore } from '../../shared/model/scoring.ts';
import type { CaseSections, ReviewStatus } from '../../shared/model/review.ts';
import type { ProjectStore } from '../store/project-store.ts';
import { CONSENSUS } from './compendium.ts';

/** What the agreement needs from the project service: its store and each reviewer's current spans. */
export interface AgreementSource {
  store: ProjectStore;
  spansOf(reviewer: string, caseId: string): Promise<SpanAnnotation[]>;
}

/**
 * The committee's agreement over a set of cases (all by default; or chosen by id, part or
 * document), between the reviewers asked about — by default every reviewer but the consensus,
 * which is made from them. Of those, the report counts as raters only who covered at least one of
 * the chosen cases (a user who only adjudicated, or a member assigned other cases, is listed as
 * idle), and it compares each pair and pools unitizing alpha on the cases two or more covered.
 */
export async function agreement(source: AgreementSource, input: ParsedInputOf<'agreement'>): Promise<AgreementReport> {
  const { store } = source;
  const known = new Set(store.caseIds);
  const unknown = (input.caseIds ?? []).filter((id) => !known.has(id));
  if (unknown.length) throw new ApiError('not-found', `no case ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''} in this project`);
  const reviewers = [...new Set(input.reviewers ?? store.reviewers.filter((r) => r !== CONSENSUS))];
  const missing = reviewers.filter((r) => !store.reviewers.includes(r));
  if (missing.length) throw new ApiError('not-found', `no reviewer ${missing.join(', ')} in this project`);
  const chosen = (input.caseIds ?? store.caseIds)
    .map((id) => store.getCase(id)!)
    .filter((c) => (!input.part || c.part === input.part) && (!input.documentId || c.documentId === input.documentId));

  const cases: AgreementCase[] = [];
  const spans: SpanAnnotation[] = [];
  for (const c of chosen) {
    const latest = c.revisions[c.revisions.length - 1]!;
    const status: Record<string, ReviewStatus> = {};
    const scores: Record<string, CaseScore | undefined> = {};
    const sections: Record<string, CaseSections | undefined> = {};
    for (const r of reviewers) {
      const rc = store.reviewerCase(r, c.id);
      status[r] = rc?.status ?? 'todo';
      scores[r] = rc?.score;
      sections[r] = rc?.sections;
      // Only shards that hold spans are read (and carried to the current revision).
      if (rc && rc.spanCount + rc.orphanCount > 0) spans.push(...(await source.spansOf(r, c.id)));
    }
    cases.push({ id: c.id, title: c.title, length: latest.text.length, revision: latest.revision, status, scores, sections });
  }
  return agreementReport({ rubric: store.rubric, labels: store.schema.labels.map((l) => l.id), reviewers, cases, spans, coverage: input.coverage ?? 'done' });
}
