import { randomUUID } from 'node:crypto';
import type { ParsedInputOf, ProjectHandlers } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { consensusOfDifference } from '../../../shared/compare/adjudication.ts';
import { compareReviewers } from '../../../shared/compare/span-diff.ts';
import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import type { CaseSections, ReviewStatus } from '../../../shared/model/review.ts';
import type { CaseScore } from '../../../shared/model/scoring.ts';
import type { ReviewerCase } from '../../store/file-kinds.ts';
import { agreement } from '../agreement.ts';
import { CONSENSUS } from '../compendium.ts';
import type { ProjectService } from '../project-service.ts';
import { distributions, mergeScore, ranking } from '../scoring.ts';
import { applySectionAction } from '../section-ops.ts';

type ReviewMethods = 'setCaseMeta' | 'setCaseStatus' | 'tagSection' | 'setScore' | 'getScores' | 'ranking' | 'ratingDistributions' | 'agreement' | 'compareReviewers' | 'adjudicate';

/**
 * Reviews and scores: each reviewer's per-case state in `reviews/<reviewer>.json` (status,
 * metadata, section tags, score, decisions), and the committee's adjudication into the
 * `consensus` reviewer's files. Every change is made on the reviewer's file as it is when
 * written (ProjectStore.updateReviewerCase, under the file's lock), and changes only what it
 * is about: four score changes to different criteria at once, in one window or two, are all
 * kept. An adjudication that finds the consensus of a difference changed since it was read
 * (another member decided it meanwhile) is refused as a conflict, not laid over it.
 */
export function reviewHandlers(service: ProjectService): Pick<ProjectHandlers, ReviewMethods> {
  const store = service.store;

  /** Set one part of the reviewer's state of a case; returns what it was (for undo), read where it is changed. */
  const setPart = async <K extends 'meta' | 'status' | 'sections' | 'score'>(reviewer: string, caseId: string, key: K, value: ReviewerCase[K] | undefined): Promise<ReviewerCase[K] | undefined> => {
    let before: ReviewerCase[K] | undefined;
    await store.updateReviewerCase(reviewer, caseId, (rc) => {
      before = rc[key];
      if (value === undefined) delete rc[key];
      else rc[key] = value;
    });
    return before;
  };

  return {
    setCaseMeta: async ({ caseId, meta }: ParsedInputOf<'setCaseMeta'>) => {
      service.caseOf(caseId);
      const reviewer = service.requireReviewer();
      const before = await setPart(reviewer, caseId, 'meta', meta);
      await service.markStarted(reviewer, caseId);
      service.history(reviewer).push({ label: 'edit case metadata', caseId, undo: () => setPart(reviewer, caseId, 'meta', before).then(() => undefined), redo: () => setPart(reviewer, caseId, 'meta', meta).then(() => undefined) });
      return meta;
    },

    setCaseStatus: async ({ caseId, status }: ParsedInputOf<'setCaseStatus'>) => {
      service.caseOf(caseId);
      const reviewer = service.requireReviewer();
      const before = (await setPart(reviewer, caseId, 'status', status)) as ReviewStatus | undefined;
      service.history(reviewer).push({ label: `set status ${status}`, caseId, undo: () => setPart(reviewer, caseId, 'status', before).then(() => undefined), redo: () => setPart(reviewer, caseId, 'status', status).then(() => undefined) });
      return status;
    },

    tagSection: async (input: ParsedInputOf<'tagSection'>) => {
      const reviewer = service.requireReviewer();
      const c = service.caseOf(input.caseId);
      const latest = c.revisions[c.revisions.length - 1]!;
      let beforeLayer: CaseSections | undefined;
      let next: CaseSections | undefined;
      // The action is applied to the layer as it is on disk now (another window's tagging kept).
      await store.updateReviewerCase(reviewer, c.id, (rc) => {
        beforeLayer = rc.sections;
        const current = rc.sections ? service.chain.forwardSections(c, rc.sections).sections : service.sectionsOf(null, c);
        next = input.action === 'reset' ? undefined : { caseId: c.id, revision: latest.revision, sections: applySectionAction(current, input, latest.text) };
        if (next) rc.sections = next;
        else delete rc.sections;
      });
      await service.markStarted(reviewer, c.id);
      const apply = (layer: CaseSections | undefined) => setPart(reviewer, c.id, 'sections', layer).then(() => undefined);
      service.history(reviewer).push({ label: `section: ${input.action}`, caseId: c.id, undo: () => apply(beforeLayer), redo: () => apply(next) });
      return service.sectionsOf(reviewer, c);
    },

    setScore: async (input: ParsedInputOf<'setScore'>) => {
      const reviewer = service.requireReviewer();
      service.caseOf(input.caseId);
      const spanIds = new Set((await service.spansOf(reviewer, input.caseId)).map((s) => s.id));
      let before: CaseScore | undefined;
      let after!: CaseScore;
      // Merged into the score as it is when written: only the criteria, evidence and comment this call gives change.
      await store.updateReviewerCase(reviewer, input.caseId, (rc) => {
        before = rc.score;
        after = mergeScore(store, spanIds, before, input);
        rc.score = after;
      });
      await service.markStarted(reviewer, input.caseId);
      const apply = (score: CaseScore | undefined) => setPart(reviewer, input.caseId, 'score', score).then(() => undefined);
      service.history(reviewer).push({ label: 'score', caseId: input.caseId, undo: () => apply(before), redo: () => apply(after) });
      return after;
    },

    getScores: async ({ caseId }: ParsedInputOf<'getScores'>) => {
      service.caseOf(caseId);
      await store.refreshReviewers(service.reviewer);
      const out: Record<string, CaseScore> = {};
      for (const r of store.reviewers) {
        const s = store.reviewerCase(r, caseId)?.score;
        if (s) out[r] = s;
      }
      return out;
    },

    ranking: async (filter: ParsedInputOf<'ranking'>) => {
      await store.refreshReviewers(service.reviewer);
      return ranking(store, filter);
    },

    ratingDistributions: async () => {
      await store.refreshReviewers(service.reviewer);
      return distributions(store);
    },

    agreement: async (input: ParsedInputOf<'agreement'>) => {
      await store.refreshReviewers(service.reviewer);
      return agreement(service, input);
    },

    compareReviewers: async ({ caseId, reviewers }: ParsedInputOf<'compareReviewers'>) => {
      const c = service.caseOf(caseId);
      await store.refreshReviewers(service.reviewer);
      const byReviewer: Record<string, SpanAnnotation[]> = {};
      for (const r of reviewers) {
        if (!store.reviewer(r)) throw new ApiError('not-found', `no reviewer "${r}" in this project`);
        byReviewer[r] = await service.spansOf(r, caseId);
      }
      return { text: c.revisions[c.revisions.length - 1]!.text, items: compareReviewers(byReviewer) };
    },

    adjudicate: async ({ caseId, decisions, seenConsensus }: ParsedInputOf<'adjudicate'>) => {
      const c = service.caseOf(caseId);
      const latest = c.revisions[c.revisions.length - 1]!;
      const outside = decisions.find((d) => d.end < d.start || d.end > latest.text.length);
      if (outside) throw new ApiError('invalid-input', `the region ${outside.start}–${outside.end} to adjudicate is outside the text`);
      await store.refreshReviewers(service.reviewer);
      // Every reviewer's spans: the chosen versions come from them, and they tell which consensus
      // spans belong to which difference.
      const reviewerSpans: SpanAnnotation[] = [];
      for (const r of store.reviewers) if (r !== CONSENSUS) reviewerSpans.push(...(await service.spansOf(r, caseId)));
      const byId = new Map(reviewerSpans.map((s) => [s.id, s]));
      const missing = decisions.flatMap((d) => d.spanIds).filter((id) => !byId.has(id));
      if (missing.length) throw new ApiError('not-found', `no span ${missing.join(', ')} in case ${caseId}`);
      await store.ensureReviewerFile(CONSENSUS);
      const now = service.now();
      // What the committee saw (as the page says, else as read now): a difference whose consensus
      // spans are not among these was decided by someone else meanwhile.
      const seen = new Set(seenConsensus ?? (await service.spansOf(CONSENSUS, caseId)).map((s) => s.id));
      const replaced = new Map<string, SpanAnnotation>();
      const adopted: SpanAnnotation[] = [];
      await service.editSpans(CONSENSUS, caseId, (current) => {
        let after = current;
        const taken = new Map<string, SpanAnnotation>();
        const made: SpanAnnotation[] = [];
        for (const d of decisions) {
          const ids = consensusOfDifference({ start: d.start, end: d.end, candidateIds: [...new Set([...d.candidateIds, ...d.spanIds])] }, after, reviewerSpans);
          const unseen = [...ids].filter((id) => !seen.has(id) && !made.some((s) => s.id === id));
          if (unseen.length) throw new ApiError('conflict', `the consensus of ${d.start}–${d.end} in case ${caseId} was decided meanwhile by someone else (in another workbench): nothing was changed; look at it again`);
          for (const s of after) if (ids.has(s.id) && !made.includes(s)) taken.set(s.id, s);
          const chosen = d.spanIds.map((id) => ({ ...byId.get(id)!, id: randomUUID(), reviewer: CONSENSUS, origin: 'adjudication' as const, createdAt: now, updatedAt: now }));
          made.push(...chosen);
          after = [...after.filter((s) => !ids.has(s.id)), ...chosen];
        }
        for (const [id, s] of taken) replaced.set(id, s);
        adopted.push(...made.filter((s) => after.includes(s)));
        return after.sort((a, b) => a.start - b.start || a.end - b.end);
      });
      // The case has been decided, even where the decision was to adopt nothing: the compendium
      // then builds it from the consensus, not from a reviewer whose spans were turned down.
      await store.updateReviewerCase(CONSENSUS, caseId, (rc) => {
        rc.adjudicatedAt = now;
      });
      const adoptedIds = new Set(adopted.map((s) => s.id));
      // Undo and redo change only what this decision changed: other decisions made since stay.
      const undo = () => service.editSpans(CONSENSUS, caseId, (all) => [...all.filter((s) => !adoptedIds.has(s.id) && !replaced.has(s.id)), ...replaced.values()].sort((a, b) => a.start - b.start || a.end - b.end));
      const redo = () => service.editSpans(CONSENSUS, caseId, (all) => [...all.filter((s) => !adoptedIds.has(s.id) && !replaced.has(s.id)), ...adopted].sort((a, b) => a.start - b.start || a.end - b.end));
      const who = service.reviewer ?? CONSENSUS;
      service.history(who).push({ label: 'adjudicate', caseId, undo, redo });
      return service.spansOf(CONSENSUS, caseId);
    },
  };
}
