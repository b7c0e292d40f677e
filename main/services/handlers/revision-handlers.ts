import type { ParsedInputOf, ProjectHandlers } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { RevisionConflict } from '../../../shared/api/sync-types.ts';
import { inChain } from '../../store/revision-files.ts';
import type { ProjectService } from '../project-service.ts';
import { sourceExcerpt, sourceFile } from '../source-view.ts';
import { reviseCase } from './revise.ts';

type RevisionMethods = 'reviseText' | 'listRevisions' | 'getRevisionText' | 'sourceExcerpt' | 'sourceFile' | 'listRevisionConflicts' | 'resolveRevisionConflict';

/**
 * Revisions of case texts: the chain in each case file (`corpus/cases/<case>.json`, appended
 * under its lock after checking the case was not revised meanwhile) and every stored text in an
 * append-only file of its own (`corpus/revisions/<case>/…`). A text that did not become the
 * case's is a revision conflict, listed here for a person to apply (as a new revision on the
 * current text) or discard (it stays in its file, marked).
 */
export function revisionHandlers(service: ProjectService): Pick<ProjectHandlers, RevisionMethods> {
  const store = service.store;

  const conflictsOf = async (caseId: string): Promise<RevisionConflict[]> => {
    const c = store.getCase(caseId);
    if (!c) return [];
    const latest = c.revisions[c.revisions.length - 1]!;
    return (await store.revisionFiles.list(caseId))
      .filter((r) => !r.resolution && !inChain(r, c.revisions))
      .map((r) => ({ id: r.id, caseId, caseTitle: c.title, revision: r.revision, baseRevision: r.baseRevision, author: r.author, createdAt: r.createdAt, note: r.note, text: r.text, currentRevision: latest.revision, currentText: latest.text }));
  };

  return {
    reviseText: async (input: ParsedInputOf<'reviseText'>) => reviseCase(service, input),

    listRevisions: async ({ caseId }: ParsedInputOf<'listRevisions'>) => {
      await store.refreshCase(caseId);
      return service.caseOf(caseId).revisions.map((r) => ({ revision: r.revision, createdAt: r.createdAt, author: r.author, note: r.note, length: r.text.length, ...(r.report ? { report: r.report } : {}) }));
    },

    getRevisionText: async ({ caseId, revision }: ParsedInputOf<'getRevisionText'>) => {
      const r = service.caseOf(caseId).revisions[revision];
      if (!r) throw new ApiError('not-found', `case ${caseId} has no revision ${revision}`);
      return { text: r.text };
    },

    sourceExcerpt: async ({ caseId, start, end }: ParsedInputOf<'sourceExcerpt'>) => {
      const c = service.caseOf(caseId);
      const latest = c.revisions[c.revisions.length - 1]!.text;
      if (end <= start || end > latest.length) throw new ApiError('invalid-input', `range ${start}–${end} is outside the text (${latest.length} characters)`);
      const doc = store.documents.find((d) => d.id === c.documentId)!;
      return sourceExcerpt(store, doc, c, start, end, service.rawSources);
    },

    sourceFile: async ({ documentId }: ParsedInputOf<'sourceFile'>) => {
      const doc = store.documents.find((d) => d.id === documentId);
      if (!doc) throw new ApiError('not-found', `no document "${documentId}" in this project`);
      return sourceFile(store.dir, doc);
    },

    listRevisionConflicts: async ({ caseId }: ParsedInputOf<'listRevisionConflicts'>) => {
      if (caseId) {
        service.caseOf(caseId);
        await store.refreshCase(caseId);
        return conflictsOf(caseId);
      }
      const out: RevisionConflict[] = [];
      for (const id of await store.revisionFiles.cases()) {
        await store.refreshCase(id);
        out.push(...(await conflictsOf(id)));
      }
      return out;
    },

    resolveRevisionConflict: async ({ caseId, id, action }: ParsedInputOf<'resolveRevisionConflict'>) => {
      const c = service.caseOf(caseId);
      await store.refreshCase(caseId);
      const rev = (await conflictsOf(caseId)).find((r) => r.id === id);
      if (!rev) throw new ApiError('not-found', `no unresolved revision conflict "${id}" in case ${caseId} (resolved already, or its text is the case's)`);
      const by = service.reviewer ?? 'editor';
      if (action === 'discard') {
        await store.revisionFiles.resolve(caseId, id, { action: 'discarded', by, at: service.now() });
        return { caseId, revision: rev.currentRevision, discarded: id };
      }
      // Applied as a new revision on the text as it is now: the annotations follow as for any revision.
      const latest = c.revisions[c.revisions.length - 1]!;
      // Stored as its writer's, with their note: the history says whose text it is.
      const report = await reviseCase(service, { caseId, text: rev.text, note: rev.note, baseRevision: latest.revision }, rev.author);
      await store.revisionFiles.resolve(caseId, id, { action: 'applied', by, at: service.now(), revision: report.revision });
      return { caseId, revision: report.revision, applied: id, report };
    },
  };
}
