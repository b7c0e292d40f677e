import { ApiError } from '../../../shared/api/errors.ts';
import type { ProjectService } from '../project-service.ts';
import { reloadDocument } from './reload.ts';

/**
 * Run one change of a document's outline (a correction, a reload, the undo or redo of one) as
 * the only one under way on the folder (see ProjectStore.withDocumentLock). A change a kill
 * interrupted is undone first: the document is loaded again from its source with the
 * corrections it records, so its cases agree with them again (annotations are carried as at any
 * reload). Refusals (an edit that does not fit, a case that is not there) are made before the
 * first write, and leave nothing to repair.
 */
export function changeDocument<T>(service: ProjectService, documentId: string, task: () => Promise<T>): Promise<T> {
  return service.store.withDocumentLock(documentId, task, {
    repair: async () => {
      const report = await reloadDocument(service, documentId, { author: 'casebench', reviewer: null });
      const kept = report.kept.map((id) => report.view.cases.find((c) => c.id === id)?.title ?? id);
      service.store.recovered.push({
        file: `corpus/outline/${documentId}.json`,
        message: `an outline change of ${documentId} was interrupted (casebench was stopped while writing it); the document was loaded again with its corrections${kept.length ? `, and ${kept.length} annotated case(s) kept as they were beside the cases now holding their text: ${kept.join('; ')}` : ''}`,
        at: new Date().toISOString(),
      });
    },
    refused: (e) => e instanceof ApiError && (e.code === 'invalid-input' || e.code === 'not-found' || e.code === 'forbidden'),
  });
}
