import type { PDFDocumentProxy } from 'pdfjs-dist';
import { IngestError } from '../../shared/ingest/errors.ts';
import { pdfjs } from './pdfjs.ts';
import { pdfjsAssetDirs } from './pdfjs-assets.ts';

/** Open a PDF with PDF.js, turning its failures into refusals that name the file and say what to do. */
export async function openPdf(bytes: Uint8Array, file: string): Promise<PDFDocumentProxy> {
  const { getDocument } = await pdfjs();
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
