import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_MAX_BYTES, IngestError, loadDocument, type DecodedSource, type LoadOptions } from '../../shared/ingest/index.ts';
import type { LoadedDocument } from '../../shared/model/document.ts';
import { sizeOverLimit } from '../../shared/text/byte-size.ts';
import { decodePdf } from '../pdf/decode-pdf.ts';
import { trackLoad, type LoadProgress } from './load-progress.ts';

export type { LoadProgress };

/** Read an input file for the loader, refusing directories and huge files before reading them. */
export function readInputFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new IngestError('unsupported', path, 'is a directory, not a file');
    size = st.size;
  } catch (e) {
    if (e instanceof IngestError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new IngestError('unsupported', path, code === 'ENOENT' ? 'no such file' : `cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(e))})`);
  }
  if (size > maxBytes) throw new IngestError('too-large', path, `${sizeOverLimit(size, maxBytes)} casebench loads at once; split it first`);
  return readFileSync(path);
}

const isPdf = (bytes: Uint8Array) => bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;

/**
 * Decoded PDFs, by content: a command loads a file more than once (checked, previewed with its
 * corrections, imported), and a PDF takes a second where a text takes a millisecond.
 */
const decodedPdfs = new Map<string, Promise<DecodedSource>>();
const DECODED_KEPT = 4;

function decodePdfOnce(bytes: Uint8Array, file: string, onProgress: (p: Omit<LoadProgress, 'file'>) => void): Promise<DecodedSource> {
  const key = createHash('sha256').update(bytes).digest('hex');
  let decoded = decodedPdfs.get(key);
  if (!decoded) {
    decoded = decodePdf(bytes, file, onProgress);
    decodedPdfs.set(key, decoded);
    decoded.catch(() => decodedPdfs.delete(key));
    while (decodedPdfs.size > DECODED_KEPT) decodedPdfs.delete(decodedPdfs.keys().next().value!);
  }
  return decoded;
}

/**
 * Load an input's bytes into a document, as every door does: a PDF is decoded here on the Node
 * side (PDF.js, asynchronously, with its layout), then loaded like any decoded source; Word and
 * text inputs go to loadDocument as they are. Progress (pages read) goes to `onProgress`, to the
 * listener of the command running (see load-progress.ts) and to the list the workbench polls.
 */
export async function loadInputData(bytes: Uint8Array, file: string, options: LoadOptions = {}, onProgress?: (p: LoadProgress) => void): Promise<LoadedDocument> {
  if (!isPdf(bytes)) return loadDocument(bytes, file, options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw new IngestError('too-large', file, `${sizeOverLimit(bytes.length, maxBytes)} casebench loads at once; split it first`);
  const progress = trackLoad(basename(file), onProgress);
  try {
    const decoded = await decodePdfOnce(bytes, file, (p) => progress.report({ file: basename(file), ...p }));
    return loadDocument(decoded, file, options);
  } finally {
    progress.done();
  }
}

/** Read and load an input file: readInputFile, then loadInputData. */
export async function loadInputFile(path: string, options: LoadOptions = {}, onProgress?: (p: LoadProgress) => void): Promise<LoadedDocument> {
  return loadInputData(readInputFile(path, options.maxBytes), path, options, onProgress);
}
