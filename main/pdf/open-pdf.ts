import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IngestError } from '../../shared/ingest/errors.ts';
import { pdfjsAssetDirs } from './pdfjs-assets.ts';

let workerReady: Promise<void> | null = null;

/**
 * PDF.js runs its worker code in this thread under Node ("fake worker"). Handing it the worker
 * module directly, instead of letting it import "./pdf.worker.mjs" by a path relative to itself,
 * keeps that working when the main process is bundled.
 */
function ensureWorker(): Promise<void> {
  workerReady ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then((worker) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  });
  return workerReady;
}

/** Open a PDF with PDF.js, turning its failures into refusals that name the file and say what to do. */
export async function openPdf(bytes: Uint8Array, file: string): Promise<PDFDocumentProxy> {
  await ensureWorker();
  const { cMapDir, standardFontDir } = pdfjsAssetDirs();
  const task = getDocument({
    // PDF.js takes the buffer over (it is transferred to the worker): give it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: cMapDir,
    cMapPacked: true,
    standardFontDataUrl: standardFontDir,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    enableXfa: false,
    // Errors only: a damaged file is reported to the person, not logged on the console.
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw refusal(e, file);
  }
}

/** The refusal for an error PDF.js raised while opening a file. */
export function refusal(e: unknown, file: string): IngestError {
  const name = (e as { name?: string } | null)?.name;
  const message = (e as { message?: string } | null)?.message ?? String(e);
  if (name === 'PasswordException') {
    return new IngestError('unsupported', file, 'is an encrypted PDF that needs a password to open; open it in a PDF reader with its password and print or save it as a PDF without one, then load that file');
  }
  return new IngestError('undecodable', file, `is a damaged PDF that cannot be read (${message.replace(/\.$/, '')}); open it in a PDF reader and save a new copy, or get the file again`);
}
