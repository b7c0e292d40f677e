import { documentIdFromFile } from '../../../shared/ingest/index.ts';
import { freshCaseId, type Applied, type Correction } from '../../../shared/outline/index.ts';
import type { DocumentRecord } from '../../store/file-kinds.ts';
import type { ProjectStore } from '../../store/project-store.ts';
import { newCaseRecord } from './case-records.ts';
import { loadCorrected } from './load-input.ts';
import { saveLayout } from '../source-layout.ts';

/** A file to add to a project, with the corrections to make to the loader's outline of it. */
export interface CorrectedInput {
  /** The file name (no folders): names the document and its copy in sources/. */
  name: string;
  bytes: Uint8Array;
  corrections: readonly Correction[];
  /** The document id, when chosen already (a preview chose it); else from the name, unique in the project. */
  id?: string;
  meta?: { title?: string; issuer?: string | null; year?: number | null; kind?: string | null };
}

export interface ImportedDocument {
  document: DocumentRecord;
  applied: Applied;
}

/** A document id for a file that no document of the project (nor one of `also`) has. */
export function uniqueDocumentId(store: ProjectStore | null, name: string, also: ReadonlySet<string> = new Set()): string {
  const base = documentIdFromFile(name);
  const taken = new Set([...(store?.documents.map((d) => d.id) ?? []), ...also]);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The corrections with every split's new case id free in the project: corrections shared from
 * another copy of a file (`structure --json`) name the case ids that copy gave its splits, and a
 * file imported again beside its first copy must not take them.
 */
export function withFreeCaseIds(store: ProjectStore, documentId: string, corrections: readonly Correction[], taken: Set<string>): Correction[] {
  const own = new Set(corrections.flatMap((k) => (k.op === 'split' ? [k.newCaseId] : [])));
  const busy = (id: string) => taken.has(id) || store.hasCaseFile(id);
  return corrections.map((k) => {
    if (k.op !== 'split' || !busy(k.newCaseId)) {
      if (k.op === 'split') taken.add(k.newCaseId);
      return k;
    }
    let id = freshCaseId(documentId, new Set([...taken, ...own]));
    while (busy(id)) {
      taken.add(id);
      id = freshCaseId(documentId, new Set([...taken, ...own]));
    }
    taken.add(id);
    return { ...k, newCaseId: id };
  });
}

/**
 * Load every file (with its corrections) first, then add them to the project: a file that cannot
 * be loaded stops the import before anything is written. Each document keeps its corrections
 * beside it (corpus/outline/), so a reload with a newer loader makes the same outline again.
 */
export async function importCorrected(store: ProjectStore, inputs: readonly CorrectedInput[], author: string): Promise<ImportedDocument[]> {
  const chosen = new Set<string>();
  const caseIds = new Set(store.caseIds);
  const loaded = [];
  for (const given of inputs) {
    const id = given.id ?? uniqueDocumentId(store, given.name, chosen);
    chosen.add(id);
    const input = { ...given, corrections: withFreeCaseIds(store, id, given.corrections, caseIds) };
    loaded.push({ input, id, applied: await loadCorrected(input.bytes, input.name, id, input.corrections) });
  }
  const out: ImportedDocument[] = [];
  for (const { input, id, applied } of loaded) {
    const createdAt = new Date().toISOString();
    const doc = applied.document;
    const cases = doc.cases.map((c) => newCaseRecord(c, author, `loaded from ${input.name}`, createdAt));
    const document = await store.addDocument(
      {
        id,
        file: input.name,
        title: input.meta?.title ?? doc.title ?? input.name,
        format: doc.format,
        issuer: input.meta?.issuer ?? null,
        year: input.meta?.year ?? null,
        kind: input.meta?.kind ?? null,
        encoding: doc.encoding,
        caseIds: cases.map((c) => c.id),
        warnings: doc.warnings,
        confidence: doc.confidence,
      },
      cases,
      { bytes: input.bytes, name: input.name },
    );
    await saveLayout(store, id, doc);
    await store.setOutline(id, {
      schemaVersion: 1,
      documentId: id,
      corrections: [...input.corrections],
      titleParagraphs: applied.titleParagraphs,
      usedCaseIds: cases.map((c) => c.id),
      unfit: applied.unfit,
      updatedAt: createdAt,
    });
    out.push({ document, applied });
  }
  return out;
}
