import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/api/errors.ts';
import type { LoadedCase, LoadedDocument } from '../../../shared/model/document.ts';
import { revisedSourceMap } from '../../../shared/outline/revised-map.ts';
import type { CaseRecord, DocumentRecord, OutlineFile } from '../../store/file-kinds.ts';
import type { ProjectStore } from '../../store/project-store.ts';
import { sourceRawText } from '../source-layout.ts';
import { readSource } from '../source-view.ts';

/** A project's document as the outline corrections see it: its cases as they are now, over its source. */
export interface ProjectDocument {
  record: DocumentRecord;
  loaded: LoadedDocument;
  outline: OutlineFile;
  bytes: Uint8Array;
}

/**
 * The decoded text of each document's source, by the source's content: decoding it again for
 * every correction would be slow, but the file may be edited under a running workbench (and
 * then reloaded), and a correction anchored in the text it had before would point elsewhere.
 */
const rawTexts = new WeakMap<ProjectStore, Map<string, { digest: string; rawText: string }>>();

/** Forget a document's decoded source (its layout was written again by a reload). */
export function forgetRawText(store: ProjectStore, documentId: string): void {
  rawTexts.get(store)?.delete(documentId);
}

export function documentRecord(store: ProjectStore, documentId: string): DocumentRecord {
  const doc = store.documents.find((d) => d.id === documentId);
  if (!doc) throw new ApiError('not-found', `no document "${documentId}" in this project`);
  return doc;
}

/** The source file kept in the project (sources/), which corrections are anchored in. */
export async function sourceBytes(store: ProjectStore, doc: DocumentRecord): Promise<Uint8Array> {
  if (!doc.source) throw new ApiError('not-found', `the source file of "${doc.title}" was not kept in this project, so its outline cannot be corrected or reloaded`);
  return readSource(store.dir, doc.source);
}

/** The outline file of a document, or a fresh one listing the ids its cases have. */
export async function outlineOf(store: ProjectStore, doc: DocumentRecord): Promise<OutlineFile> {
  return (await store.outline(doc.id)) ?? { schemaVersion: 1, documentId: doc.id, corrections: [], titleParagraphs: {}, usedCaseIds: [...doc.caseIds], unfit: [], updatedAt: new Date().toISOString() };
}

export async function projectDocument(store: ProjectStore, documentId: string): Promise<ProjectDocument> {
  const record = documentRecord(store, documentId);
  const bytes = await sourceBytes(store, record);
  let cache = rawTexts.get(store);
  if (!cache) rawTexts.set(store, (cache = new Map()));
  const digest = createHash('sha256').update(bytes).digest('hex');
  let rawText = cache.get(record.id)?.digest === digest ? cache.get(record.id)!.rawText : undefined;
  if (rawText === undefined) {
    rawText = await sourceRawText(store, record, bytes);
    cache.set(record.id, { digest, rawText });
  }
  // The list may name a case another writer has just made, its file not read here yet (and is
  // read again meanwhile: the record is taken again after each await).
  let listed = documentRecord(store, documentId);
  for (let k = 0; k < 3 && listed.caseIds.some((id) => !store.getCase(id)); k++) {
    await store.readListedCases();
    listed = documentRecord(store, documentId);
  }
  const cases = listed.caseIds.map((id, i) => {
    const c = store.getCase(id);
    if (!c) throw new ApiError('not-found', `no case "${id}" in this project`);
    return currentCase(c, i + 1);
  });
  const loaded: LoadedDocument = {
    file: listed.file,
    id: listed.id,
    format: listed.format,
    title: listed.title,
    encoding: listed.encoding,
    rawText,
    cases,
    warnings: listed.warnings,
    confidence: listed.confidence ?? 1,
  };
  return { record: listed, loaded, outline: await outlineOf(store, listed), bytes };
}

/**
 * A case at its current revision, with the offset map of that text into the source: the map of
 * the newest revision the loader made (revision 0, or one an outline correction made), carried
 * through any edit since.
 */
export function currentCase(c: CaseRecord, ordinal: number): LoadedCase {
  const latest = c.revisions[c.revisions.length - 1]!;
  let base = 0;
  for (let k = c.revisions.length - 1; k > 0; k--) {
    if (c.revisions[k]!.sourceMap) {
      base = k;
      break;
    }
  }
  const baseMap = base === 0 ? c.sourceMap : c.revisions[base]!.sourceMap!;
  return {
    id: c.id,
    documentId: c.documentId,
    ordinal,
    title: c.title,
    region: c.region,
    unit: c.unit,
    part: c.part,
    text: latest.text,
    sections: latest.sections,
    sourceRange: c.sourceRange,
    sourceMap: base === c.revisions.length - 1 ? baseMap : revisedSourceMap(c.revisions[base]!.text, baseMap, latest.text),
    marks: c.marks.map((m) => ({ kind: m.kind as LoadedCase['marks'][number]['kind'], text: m.text })),
  };
}
