import type { SpanAnnotation } from '../../../shared/model/annotation.ts';
import type { CaseRecord, DocumentRecord, OutlineFile, ReviewerCase, SpansFloor, SuggestionsFile } from '../../store/file-kinds.ts';
import type { ProjectService } from '../project-service.ts';
import { outlineOf } from './project-document.ts';

export interface ReviewerState {
  rc: ReviewerCase | undefined;
  spans: SpanAnnotation[];
  /** The shard's floor (see ProjectStore.updateSpans): an undo takes edits on the older text again, a redo refuses them again. */
  floor: SpansFloor | null;
}

/**
 * Everything an outline correction may change in a project, for the cases it touches: the case
 * records, the document's list of cases, every reviewer's state and spans of those cases, the
 * shared suggestions and the document's corrections. Undo and redo write one of these back, so
 * they go through the same durable writes as the change, and give back exactly what was there.
 */
export interface ProjectSnapshot {
  documentId: string;
  listing: { caseIds: string[] } & Pick<DocumentRecord, 'format' | 'warnings' | 'confidence'>;
  cases: Map<string, CaseRecord | null>;
  reviewers: Map<string, Map<string, ReviewerState>>;
  shared: Map<string, SuggestionsFile['set'] | null>;
  outline: OutlineFile;
}

const clone = <T>(value: T): T => structuredClone(value);

export async function captureSnapshot(service: ProjectService, documentId: string, caseIds: Iterable<string>): Promise<ProjectSnapshot> {
  const store = service.store;
  const doc = store.documents.find((d) => d.id === documentId)!;
  const ids = [...new Set(caseIds)];
  const cases = new Map(ids.map((id) => [id, store.getCase(id) ? clone(store.getCase(id)!) : null]));
  const reviewers = new Map<string, Map<string, ReviewerState>>();
  for (const r of store.reviewers) {
    const states = new Map<string, ReviewerState>();
    for (const id of ids) {
      const rc = store.reviewerCase(r, id);
      // A case a reviewer never touched has no shard to read (and none is made by looking); one
      // may have a shard all the same, holding only a correction's floor.
      const shard = rc || store.hasShardFile(r, id) ? clone(await store.shard(r, id)) : { spans: [], floor: null };
      states.set(id, { rc: rc ? clone(rc) : undefined, spans: shard.spans, floor: shard.floor });
    }
    reviewers.set(r, states);
  }
  const shared = new Map<string, SuggestionsFile['set'] | null>();
  for (const id of ids) shared.set(id, clone(await store.sharedSuggestions(id)));
  return {
    documentId,
    listing: { caseIds: [...doc.caseIds], format: doc.format, warnings: clone(doc.warnings), ...(doc.confidence !== undefined ? { confidence: doc.confidence } : {}) },
    cases,
    reviewers,
    shared,
    outline: clone(await outlineOf(store, doc)),
  };
}

/** Write a snapshot back: the project is then as it was when the snapshot was taken, for those cases. */
export function restoreSnapshot(service: ProjectService, snap: ProjectSnapshot): Promise<void> {
  // The undo or redo of an outline change is one too (see withDocumentLock).
  // (An undo does not repair a change a kill interrupted, which would need the reload that made
  // the snapshot: the next correction or reload does; see changeDocument.)
  return service.store.withDocumentLock(snap.documentId, () => writeSnapshot(service, snap));
}

async function writeSnapshot(service: ProjectService, snap: ProjectSnapshot): Promise<void> {
  const store = service.store;
  await store.putCases([...snap.cases.values()].filter((c): c is CaseRecord => c !== null).map(clone));
  const { caseIds, ...patch } = snap.listing;
  await store.setDocumentCases(snap.documentId, caseIds, patch);
  for (const [r, states] of snap.reviewers) {
    for (const [id, { rc, spans, floor }] of states) {
      const now = store.reviewerCase(r, id);
      // (A shard with no index entry still has its floor put back: a floor left from the change undone would refuse every edit.)
      if (!rc && !now && !store.hasShardFile(r, id)) continue;
      await store.writeSpans(r, id, clone(spans), floor ? clone(floor) : null);
      await store.setReviewerCase(r, id, rc ? clone(rc) : undefined);
    }
  }
  for (const [id, set] of snap.shared) {
    const now = await store.sharedSuggestions(id);
    if (set) await store.setSharedSuggestions(id, clone(set));
    else if (now) await store.setSharedSuggestions(id, { ...now, items: [] });
  }
  await store.setOutline(snap.documentId, clone(snap.outline));
  service.forgetCases(snap.cases.keys());
}
