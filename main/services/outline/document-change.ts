import { ApiError } from '../../../shared/api/errors.ts';
import type { ProjectService } from '../project-service.ts';
import { reloadDocument } from './reload.ts';
import { journalFrom } from './correction-journal.ts';
import { resumeCorrection, withoutCarrying } from './correct-project.ts';

/**
 * Run one change of a document's outline (a correction, a reload, the undo or redo of one) as
 * the only one under way on the folder (see ProjectStore.withDocumentLock). A change a kill
 * interrupted is finished first: a correction from its journal (resumeCorrection); any other
 * change (a reload, an undo), or a correction whose journal cannot be followed, by loading the
 * document again from its source with the corrections it records, so its cases agree with them
 * again (annotations are carried as at any reload). Refusals (an edit that does not fit, a case that is not there) are made before the
 * first write, and leave nothing to repair.
 */
export function changeDocument<T>(service: ProjectService, documentId: string, task: () => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  return service.store.withDocumentLock(documentId, task, {
    repair: async (found) => {
      // A correction journalled what it read before its first write: it is finished as it was meant.
      const journal = journalFrom(found);
      if (journal && (await resumeCorrection(service, documentId, journal))) {
        service.store.recovered.push({
          file: `corpus/outline/${documentId}.json`,
          message: `an outline change of ${documentId} (${journal.correction.op}) was interrupted (casebench was stopped while writing it); it was finished from its journal, with every annotation it was carrying`,
          at: new Date().toISOString(),
        });
        return;
      }
      const report = await reloadDocument(service, documentId, { author: 'casebench', reviewer: null });
      // Spans a correction had named as being carried stay where they are: no longer waiting, they can be edited again.
      const outline = await service.store.outline(documentId);
      await service.store.updateFloors(new Set([...report.view.cases.map((c) => c.id), ...(outline?.usedCaseIds ?? [])]), (was) => (was?.carrying ? withoutCarrying(was) : (was ?? null)));
      const kept = report.kept.map((id) => report.view.cases.find((c) => c.id === id)?.title ?? id);
      service.store.recovered.push({
        file: `corpus/outline/${documentId}.json`,
        message: `an outline change of ${documentId} was interrupted (casebench was stopped while writing it); the document was loaded again with its corrections${kept.length ? `, and ${kept.length} annotated case(s) kept as they were beside the cases now holding their text: ${kept.join('; ')}` : ''}`,
        at: new Date().toISOString(),
      });
    },
    refused: (e) => e instanceof ApiError && (e.code === 'invalid-input' || e.code === 'not-found' || e.code === 'forbidden'),
    ...options,
  });
}

/**
 * Finish, at open, the outline changes a kill interrupted, so the project is whole before anyone
 * reads it (rather than at the document's next change). A change another workbench is making
 * right now holds its lock: it is left to that workbench.
 */
export async function finishInterruptedChanges(service: ProjectService): Promise<void> {
  for (const documentId of await service.store.changesUnderWay()) {
    await changeDocument(service, documentId, async () => undefined, { timeoutMs: 2_000 }).catch((e: unknown) => {
      // Never a reason not to open the project: the next change of the document tries again.
      if (e instanceof ApiError && e.code === 'conflict') return;
      service.store.recovered.push({ file: `corpus/outline/${documentId}.json`, message: `an interrupted outline change of ${documentId} could not be finished at open (${e instanceof Error ? e.message : String(e)}); the document's next change tries again`, at: new Date().toISOString() });
    });
  }
}
