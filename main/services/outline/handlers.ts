import type { ParsedInputOf, ProjectHandlers } from '../../../shared/api/contract.ts';
import type { OutlineChange } from '../../../shared/outline/api-types.ts';
import type { ProjectService } from '../project-service.ts';
import { correctionOf, correctProject, projectOutline } from './correct-project.ts';
import { projectDocument } from './project-document.ts';
import { reloadDocument } from './reload.ts';

type OutlineMethods = 'getOutline' | 'correctOutline' | 'reloadDocument';

/** The outline methods of a project's API (kept out of ProjectService, which implements the rest). */
export function outlineHandlers(service: ProjectService): Pick<ProjectHandlers, OutlineMethods> {
  return {
    getOutline: async ({ documentId }: ParsedInputOf<'getOutline'>) => projectOutline(service, documentId),
    correctOutline: async ({ documentId, edit }: ParsedInputOf<'correctOutline'>): Promise<OutlineChange> => {
      const reviewer = service.requireReviewer();
      if (edit.op !== 'shape' && edit.op !== 'reading') return correctProject(service, documentId, edit, reviewer);
      // Another shape or reading means another load: the document is reloaded with it.
      const pd = await projectDocument(service.store, documentId);
      const correction = correctionOf(service, pd, edit);
      const report = await reloadDocument(service, documentId, { corrections: [...pd.outline.corrections, correction], author: reviewer, reviewer, label: `outline: ${edit.op}` });
      return { view: report.view, correction, spans: { unchanged: 0, moved: 0, restored: 0, orphaned: 0 }, added: report.added, removed: report.removed, changed: report.revised, scoresSetAside: [] };
    },
    reloadDocument: async ({ documentId, corrections }: ParsedInputOf<'reloadDocument'>) => reloadDocument(service, documentId, { ...(corrections ? { corrections } : {}), author: service.reviewer ?? 'casebench', reviewer: service.reviewer }),
  };
}
