import { basename } from 'node:path';
import { documentIdFromFile, IngestError } from '../../shared/ingest/index.ts';
import type { LoadedDocument } from '../../shared/model/document.ts';
import type { CaseRecord, DocumentRecord } from '../store/file-kinds.ts';
import type { ProjectStore } from '../store/project-store.ts';
import { loadInputData, readInputFile } from './input-file.ts';
import { saveLayout } from './source-layout.ts';

export interface SourceFile {
  path: string;
  /** Title, issuer, year and kind from a manifest, where one describes the file. */
  meta?: { id?: string; title?: string; issuer?: string | null; year?: number | null; kind?: string | null };
}

export interface ImportResult {
  document: DocumentRecord;
  loaded: LoadedDocument;
}

/** Load an input file (text, Word or PDF) and add it to the project as a document with its cases. */
export async function importFile(store: ProjectStore, file: SourceFile, author: string): Promise<ImportResult> {
  const bytes = readInputFile(file.path);
  let id = file.meta?.id ?? documentIdFromFile(file.path);
  const taken = new Set(store.documents.map((d) => d.id));
  for (let n = 2; taken.has(id); n++) id = `${file.meta?.id ?? documentIdFromFile(file.path)}-${n}`;
  const loaded = await loadInputData(bytes, file.path, { id });
  const createdAt = new Date().toISOString();
  const cases: CaseRecord[] = loaded.cases.map((c) => ({
    id: c.id,
    documentId: id,
    ordinal: c.ordinal,
    title: c.title,
    region: c.region,
    unit: c.unit,
    part: c.part,
    marks: c.marks,
    sourceRange: c.sourceRange,
    sourceMap: c.sourceMap,
    revisions: [{ revision: 0, text: c.text, createdAt, author, note: `loaded from ${basename(file.path)}`, sections: c.sections }],
  }));
  const document = await store.addDocument(
    {
      id,
      file: basename(file.path),
      title: file.meta?.title ?? loaded.title ?? basename(file.path),
      format: loaded.format,
      issuer: file.meta?.issuer ?? null,
      year: file.meta?.year ?? null,
      kind: file.meta?.kind ?? null,
      encoding: loaded.encoding,
      caseIds: cases.map((c) => c.id),
      warnings: loaded.warnings,
    },
    cases,
    { bytes, name: basename(file.path) },
  );
  await saveLayout(store, id, loaded);
  return { document, loaded };
}

export { IngestError };
