export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.min.mjs');

let loaded: Promise<Pdfjs> | null = null;

/**
 * PDF.js, loaded on first use only: it is large, and a command that reads no PDF should not
 * wait for it. Its worker code runs in this thread under Node ("fake worker"); handing it the
 * worker module, instead of letting it import "./pdf.worker.mjs" by a path relative to itself,
 * keeps that working when the main process is bundled.
 */
export function pdfjs(): Promise<Pdfjs> {
  loaded ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.min.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.min.mjs')]).then(([lib, worker]) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  });
  return loaded;
}
