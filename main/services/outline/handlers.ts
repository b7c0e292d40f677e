import { ApiError } from '../../../shared/api/errors.ts';
import type { ParsedInputOf, ProjectHandlers } from '../../../shared/api/contract.ts';
import type { OutlineChange } from '../../../shared/outline/api-types.ts';
import type { ProjectService } from '../project-service.ts';
import { changeDocument } from './document-change.ts';
import { correctionOf, correctProject, projectOutline } from './correct-project.ts';
import { projectDocument } from './project-document.ts';
import { reloadDocument } from './reload.ts';

type OutlineSeen = NonNullable<ParsedInputOf<'correctOutline'>['seen']>;

type OutlineMethods = 'getOutline' | 'correctOutline' | 'reloadDocument';

/** The outline methods of a project's API (kept out of ProjectService, which implements the rest). */
export function outlineHandlers(service: ProjectService): Pick<ProjectHandlers, OutlineMethods> {
  return {
    getOutline: async ({ documentId }: ParsedInputOf<'getOutline'>) => projectOutline(service, documentId),
    // One change of a document's outline at a time, across every workbench on the folder (see withDocumentLock).
    correctOutline: async ({ documentId, edit, seen }: ParsedInputOf<'correctOutline'>): Promise<OutlineChange> => {
      const reviewer = service.requireReviewer();
      try {
        return await changeDocument(service, documentId, () => correctOutline(documentId, edit, reviewer));
      } catch (e) {
        // Refused on an outline newer than the one the edit was made on: say so (the case or paragraph it names may have moved).
        if (seen && e instanceof ApiError && e.code !== 'conflict' && e.code !== 'forbidden' && (await changedSince(documentId, seen))) {
          throw new ApiError('conflict', `the outline of ${documentId} was changed meanwhile by another workbench or a teammate's copy arriving through file sync, and your correction does not fit it (${e.message}): nothing was changed; look at the outline again and make it there`);
        }
        throw e;
      }
    },
    reloadDocument: async ({ documentId, corrections }: ParsedInputOf<'reloadDocument'>) =>
      changeDocument(service, documentId, () => reloadDocument(service, documentId, { ...(corrections ? { corrections } : {}), author: service.reviewer ?? 'casebench', reviewer: service.reviewer })),
  };

  async function changedSince(documentId: string, seen: OutlineSeen): Promise<boolean> {
    const now = await projectOutline(service, documentId).catch(() => null);
    if (!now) return true;
    const cases = now.cases.map((c) => c.id);
    return now.corrections.length !== seen.corrections || (now.corrections.at(-1)?.id ?? null) !== seen.last || (seen.cases !== undefined && (cases.length !== seen.cases.length || cases.some((id, i) => id !== seen.cases![i])));
  }

  async function correctOutline(documentId: string, edit: ParsedInputOf<'correctOutline'>['edit'], reviewer: string): Promise<OutlineChange> {
    if (edit.op !== 'shape' && edit.op !== 'reading') return correctProject(service, documentId, edit, reviewer);
    // Another shape or reading means another load: the document is reloaded with it.
    const pd = await projectDocument(service.store, documentId);
    const correction = correctionOf(service, pd, edit);
    const report = await reloadDocument(service, documentId, { corrections: [...pd.outline.corrections, correction], author: reviewer, reviewer, label: `outline: ${edit.op}` });
    return { view: report.view, correction, spans: { unchanged: 0, moved: 0, restored: 0, orphaned: 0 }, added: report.added, removed: report.removed, changed: report.revised, scoresSetAside: [] };
  }
}
