import type { ParsedInputOf, ProjectHandlers } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { reviewerName } from '../../../shared/model/schemas.ts';
import type { ReviewerCase } from '../../store/file-kinds.ts';
import { CONSENSUS } from '../compendium.ts';
import type { ProjectService } from '../project-service.ts';
import { caseClash } from '../reviewer-names.ts';
import { foldCase } from '../annotator-names.ts';

type ReviewerMethods = 'renameReviewer' | 'removeReviewer';

/**
 * The reviewers themselves: a name typed by mistake (张三李四) can be taken out while it has no
 * work, and any reviewer renamed. A reviewer is their files (reviews/<name>.json and
 * reviews/<name>.spans/), so a rename writes their work under the new name — every span
 * (ids kept, so scores' evidence still points at them), status, outline, score and decision —
 * and only then takes the old files out: a crash in between leaves both, never neither.
 */
export function reviewerHandlers(service: ProjectService): Pick<ProjectHandlers, ReviewerMethods> {
  const store = service.store;

  const check = (name: string, what: string) => {
    if (!reviewerName.safeParse(name).success) throw new ApiError('invalid-input', `${what}: a reviewer name is letters, digits, ".", "-" or "_", starting with a letter or digit`);
    if (name === CONSENSUS) throw new ApiError('invalid-input', `${what}: consensus is the adjudication's reviewer, not a person's name`);
  };
  const existing = async (name: string) => {
    await store.refreshReviewers(service.reviewer);
    if (!store.reviewer(name)) throw new ApiError('not-found', `no reviewer "${name}" in this project`);
  };

  return {
    removeReviewer: async ({ name }: ParsedInputOf<'removeReviewer'>) => {
      check(name, 'removeReviewer');
      await existing(name);
      const work = workOf(store.reviewer(name)!.cases);
      if (work) throw new ApiError('conflict', `${name} has work in ${work}: rename them instead, or delete their work first`);
      await store.dropReviewerFiles(name);
      service.forgetHistory(name);
      if (service.reviewer === name) service.reviewer = null;
      return service.info();
    },

    renameReviewer: async ({ from, to }: ParsedInputOf<'renameReviewer'>) => {
      check(from, 'renameReviewer from');
      check(to, 'renameReviewer to');
      await existing(from);
      if (from === to) return service.info();
      if (store.reviewer(to)) throw new ApiError('conflict', `a reviewer "${to}" exists already: choose another name`);
      // Bob → bob would write bob.json over Bob.json on macOS and Windows, then take it out.
      if (foldCase(from) === foldCase(to)) throw new ApiError('invalid-input', `"${from}" and "${to}" differ only in letter case, which is one file on macOS and Windows: rename to another name first`);
      const clash = caseClash(store.reviewers, to, from);
      if (clash) throw new ApiError('invalid-input', clash);
      const cases = store.reviewer(from)!.cases;
      await store.ensureReviewerFile(to);
      for (const [caseId, rc] of Object.entries(cases)) {
        if (!store.getCase(caseId)) continue;
        await store.setReviewerCase(to, caseId, structuredClone(rc));
        const spans = await store.spans(from, caseId);
        if (spans.length || rc.spanCount) await store.writeSpans(to, caseId, spans.map((s) => ({ ...s, reviewer: to })));
      }
      await store.flush();
      await store.dropReviewerFiles(from);
      service.forgetHistory(from);
      if (service.reviewer === from) service.reviewer = to;
      return service.info();
    },
  };
}

/** What work a reviewer has, said for a person ("1 case (2 annotations, a status)"), or null. */
function workOf(cases: Record<string, ReviewerCase>): string | null {
  let inCases = 0;
  let spans = 0;
  const kinds = new Set<string>();
  for (const rc of Object.values(cases)) {
    const here = [
      rc.status && rc.status !== 'todo' ? 'a status' : null,
      rc.score ? 'a score' : null,
      rc.sections ? 'section tags' : null,
      rc.meta ? 'metadata' : null,
      rc.decisions && Object.keys(rc.decisions).length ? 'decisions on suggestions' : null,
      rc.adjudicatedAt ? 'adjudication' : null,
    ].filter((k): k is string => k !== null);
    spans += rc.spanCount + rc.orphanCount;
    for (const k of here) kinds.add(k);
    if (here.length || rc.spanCount + rc.orphanCount > 0) inCases++;
  }
  if (!inCases) return null;
  const parts = [...(spans ? [`${spans} annotation${spans === 1 ? '' : 's'}`] : []), ...kinds];
  return `${inCases} case${inCases === 1 ? '' : 's'} (${parts.join(', ')})`;
}
