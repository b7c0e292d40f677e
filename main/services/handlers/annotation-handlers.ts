import { randomUUID } from 'node:crypto';
import { makeQuote } from '../../../shared/anchor/index.ts';
import type { ParsedInputOf, ProjectHandlers } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { CaseDetail, CaseSummary } from '../../../shared/api/types.ts';
import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import { importAnnotations } from '../annotation-import.ts';
import type { ProjectService } from '../project-service.ts';
import { prefilledFields } from '../field-prefill.ts';

type AnnotationMethods = 'listCases' | 'getCase' | 'addSpan' | 'updateSpan' | 'deleteSpan' | 'listOrphans' | 'resolveOrphan' | 'importAnnotations';

/**
 * Annotations: a reviewer's spans, one file per reviewer and case
 * (`reviews/<reviewer>.spans/<case>.json`). Every change is a function of the spans as they are
 * on disk when written (ProjectService.editSpans → ProjectStore.updateSpans, under the file's
 * lock): an addition by another window of the same reviewer, or an import for this reviewer
 * through another workbench, is never overwritten; an edit of a span that is gone meanwhile
 * changes nothing.
 */
export function annotationHandlers(service: ProjectService): Pick<ProjectHandlers, AnnotationMethods> {
  const store = service.store;
  return {
    listCases: async (filter: ParsedInputOf<'listCases'>) => {
      await store.refreshReviewers(service.reviewer);
      const out: CaseSummary[] = [];
      const ctx = service.summaryContext();
      const who = filter.reviewer ?? service.reviewer;
      // Only the project's reviewers count (as a summary has them): worked out once, not per case.
      const statusOf = who && ctx.reviewers.includes(who) ? who : null;
      const countedReviewer = filter.reviewer && ctx.reviewers.includes(filter.reviewer) ? filter.reviewer : null;
      // Each filter is checked on the case record and the reviewers' cached entries first, and
      // only the cases kept are summed up: a filtered list of thousands costs what it keeps.
      for (const id of store.caseIds) {
        const c = service.caseOf(id);
        const own = service.reviewer ? store.reviewerCase(service.reviewer, id) : undefined;
        if (filter.documentId && c.documentId !== filter.documentId) continue;
        if (filter.part && (own?.meta?.category ?? c.part) !== filter.part) continue;
        if (filter.region && !((own?.meta?.region ?? c.region) ?? '').includes(filter.region)) continue;
        if (filter.tag && !(own?.meta?.tags ?? []).includes(filter.tag)) continue;
        if (filter.status && ((statusOf ? store.reviewerCase(statusOf, id)?.status : undefined) ?? 'todo') !== filter.status) continue;
        if (filter.reviewer && !filter.status && !(countedReviewer && store.reviewerCase(countedReviewer, id)?.spanCount)) continue;
        if (filter.label && !ctx.reviewers.some((r) => store.reviewerCase(r, id)?.labelCounts[filter.label!])) continue;
        out.push(service.summary(c, ctx));
      }
      return out;
    },

    getCase: async ({ caseId, reviewers }: ParsedInputOf<'getCase'>) => {
      await store.refreshCase(caseId);
      const c = service.caseOf(caseId);
      const latest = c.revisions[c.revisions.length - 1]!;
      if (reviewers) await store.refreshReviewers(service.reviewer);
      const who = reviewers === 'all' ? store.reviewers : (reviewers ?? (service.reviewer ? [service.reviewer] : []));
      const spans: SpanAnnotation[] = [];
      const orphans: SpanAnnotation[] = [];
      for (const r of who) {
        if (!store.reviewer(r)) continue;
        for (const s of await service.spansOf(r, caseId)) (s.orphan ? orphans : spans).push(s);
      }
      spans.sort((a, b) => a.start - b.start || a.end - b.end);
      const detail: CaseDetail = {
        summary: service.summary(c),
        text: latest.text,
        revision: latest.revision,
        sections: service.sectionsOf(service.reviewer, c),
        meta: (service.reviewer && store.reviewerCase(service.reviewer, caseId)?.meta) || { tags: [] },
        marks: c.marks,
        spans,
        orphans,
      };
      return detail;
    },

    addSpan: async (input: ParsedInputOf<'addSpan'>) => {
      const reviewer = service.requireReviewer();
      const c = service.caseOf(input.caseId);
      const latest = c.revisions[c.revisions.length - 1]!;
      service.checkRange(latest.text, input.start, input.end);
      if (input.quote !== undefined && latest.text.slice(input.start, input.end) !== input.quote) {
        throw new ApiError('conflict', `the text at ${input.start}–${input.end} is not "${input.quote}": the case text has changed, reload it`);
      }
      const label = service.label(input.label);
      const now = service.now();
      const given = !!input.fields && Object.keys(input.fields).length > 0;
      const prefilled = given ? {} : prefilledFields(service, c, label, input.start, input.end);
      const span: SpanAnnotation = {
        id: randomUUID(),
        caseId: c.id,
        start: input.start,
        end: input.end,
        quote: makeQuote(latest.text, input.start, input.end),
        label: label.id,
        // None given: the parser's, as a suggestion of the same place would have them.
        fields: given ? service.cleanFields(label, input.fields) : service.cleanFields(label, prefilled),
        note: input.note ?? '',
        reviewer,
        origin: 'manual',
        revision: latest.revision,
        createdAt: now,
        updatedAt: now,
        ...(Object.keys(prefilled).length ? { fieldsFrom: 'parser' as const } : {}),
      };
      await service.insertSpans(reviewer, [span], `add ${label.name.en}`);
      return span;
    },

    updateSpan: async (input: ParsedInputOf<'updateSpan'>) => {
      const reviewer = service.requireReviewer();
      const c = service.caseOf(input.caseId);
      const text = c.revisions[c.revisions.length - 1]!.text;
      const spans = await service.spansOf(reviewer, input.caseId);
      const before = spans.find((s) => s.id === input.id);
      if (!before) throw new ApiError('not-found', `no span "${input.id}" of ${reviewer} in case ${input.caseId}`);
      if (before.orphan) throw new ApiError('conflict', 'this span is an orphan: place or drop it first');
      const label = service.label(input.label ?? before.label);
      const start = input.start ?? before.start;
      const end = input.end ?? before.end;
      service.checkRange(text, start, end);
      const after: SpanAnnotation = {
        ...before,
        label: label.id,
        start,
        end,
        quote: start === before.start && end === before.end ? before.quote : makeQuote(text, start, end),
        fields: input.fields ? service.cleanFields(label, input.fields) : before.fields,
        note: input.note ?? before.note,
        updatedAt: service.now(),
      };
      // Fields (or the label) saved by a person: they are theirs now, and checked against the text.
      if (input.fields || input.label) {
        delete after.fieldsFrom;
        delete after.textChanged;
      }
      const replace = (s: SpanAnnotation) => service.editSpans(reviewer, input.caseId, (all) => all.map((x) => (x.id === s.id ? s : x)));
      await replace(after);
      service.history(reviewer).push({ label: `edit ${label.name.en}`, caseId: input.caseId, undo: () => replace(before), redo: () => replace(after) });
      return after;
    },

    deleteSpan: async ({ caseId, id }: ParsedInputOf<'deleteSpan'>) => {
      const reviewer = service.requireReviewer();
      service.caseOf(caseId);
      const before = (await service.spansOf(reviewer, caseId)).find((s) => s.id === id);
      if (!before) throw new ApiError('not-found', `no span "${id}" of ${reviewer} in case ${caseId}`);
      const remove = () => service.editSpans(reviewer, caseId, (all) => all.filter((s) => s.id !== id));
      const restore = () => service.editSpans(reviewer, caseId, (all) => [...all.filter((s) => s.id !== id), before]);
      await remove();
      service.history(reviewer).push({ label: 'delete span', caseId, undo: restore, redo: remove });
      return { deleted: id };
    },

    listOrphans: async ({ caseId }: ParsedInputOf<'listOrphans'>) => {
      const reviewer = service.requireReviewer();
      const ids = caseId ? [service.caseOf(caseId).id] : store.caseIds.filter((id) => (store.reviewerCase(reviewer, id)?.orphanCount ?? 0) > 0 || store.getCase(id)!.revisions.length > 1);
      const out: SpanAnnotation[] = [];
      for (const id of ids) out.push(...(await service.spansOf(reviewer, id)).filter((s) => s.orphan));
      return out;
    },

    resolveOrphan: async (input: ParsedInputOf<'resolveOrphan'>) => {
      const reviewer = service.requireReviewer();
      const c = service.caseOf(input.caseId);
      const latest = c.revisions[c.revisions.length - 1]!;
      const before = (await service.spansOf(reviewer, c.id)).find((s) => s.id === input.id);
      if (!before?.orphan) throw new ApiError('not-found', `no orphan "${input.id}" of ${reviewer} in case ${c.id}`);
      const replace = (s: SpanAnnotation) => service.editSpans(reviewer, c.id, (all) => all.map((x) => (x.id === s.id ? s : x)));
      if (input.action === 'drop') {
        const remove = () => service.editSpans(reviewer, c.id, (all) => all.filter((s) => s.id !== input.id));
        const restore = () => service.editSpans(reviewer, c.id, (all) => [...all.filter((s) => s.id !== input.id), before]);
        await remove();
        service.history(reviewer).push({ label: 'drop orphan', caseId: c.id, undo: restore, redo: remove });
        return { deleted: input.id };
      }
      service.checkRange(latest.text, input.start, input.end);
      const { orphan: _o, ...rest } = before;
      const placed: SpanAnnotation = { ...rest, start: input.start, end: input.end, quote: makeQuote(latest.text, input.start, input.end), revision: latest.revision, updatedAt: service.now() };
      await replace(placed);
      service.history(reviewer).push({ label: 'place orphan', caseId: c.id, undo: () => replace(before), redo: () => replace(placed) });
      return placed;
    },

    // For another reviewer too (a file of theirs): written only through that reviewer's files,
    // each change applied under the file's lock to what is on disk, so their own workbench's
    // next write keeps what was imported.
    importAnnotations: async ({ content, reviewer }: ParsedInputOf<'importAnnotations'>) => {
      const who = reviewer ?? service.requireReviewer();
      await store.ensureReviewerFile(who);
      return importAnnotations(service, content, who);
    },
  };
}
