import { ApiError } from '../../shared/api/errors.ts';
import { decodeSource } from '../../shared/ingest/index.ts';
import type { LoadedDocument } from '../../shared/model/document.ts';
import type { DocumentRecord } from '../store/file-kinds.ts';
import type { ProjectStore } from '../store/project-store.ts';

/**
 * Keep a paged document's decoded text and geometry in the project (corpus/layout/<id>.json),
 * when the loader gave it some (a PDF). Called wherever a document is added or reloaded.
 */
export async function saveLayout(store: ProjectStore, documentId: string, loaded: Pick<LoadedDocument, 'rawText' | 'geometry'>): Promise<void> {
  if (!loaded.geometry) return;
  await store.setLayout(documentId, { schemaVersion: 1, documentId, rawText: loaded.rawText, geometry: loaded.geometry });
}

/**
 * The decoded text a document's source maps point into: kept with its layout for a PDF (decoded
 * by the host, and not again on every look), decoded from the bytes for any other input.
 */
export async function sourceRawText(store: ProjectStore, doc: Pick<DocumentRecord, 'id' | 'file'>, bytes: Uint8Array): Promise<string> {
  const layout = await store.layout(doc.id);
  if (layout) return layout.rawText;
  // A PDF's text is the decoder's as it was when the cases were cut from it: decoding it again
  // (perhaps by a newer reader) could shift every offset, so a lost layout is said, not guessed.
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    throw new ApiError('not-found', `the page layout of ${doc.file} (corpus/layout/${doc.id}.json) is missing or was set aside; reload the document from its source to make it again`);
  }
  return decodeSource(bytes, doc.file).rawText;
}
