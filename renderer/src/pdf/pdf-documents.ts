import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { ApiClient } from '../../../shared/api/contract.ts';

/**
 * PDF.js in the page, loaded only when a PDF is first shown (it is large). Its worker is bundled
 * by Vite and served from the app itself ('self' in the CSP); the CMaps Chinese PDFs need and
 * the standard fonts are renderer assets (pdfjs/ beside index.html), so nothing is fetched from
 * the network, in the browser or in Electron.
 */
async function pdfjs() {
  const [lib, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  lib.GlobalWorkerOptions.workerSrc = worker.default;
  return lib;
}

const documents = new Map<string, Promise<PDFDocumentProxy>>();

/** A project document's PDF, fetched from the project (sourceFile) and opened once. `project` tells projects apart. */
export function pdfDocument(api: ApiClient, project: string, documentId: string): Promise<PDFDocumentProxy> {
  const key = `${project}\u0000${documentId}`;
  let doc = documents.get(key);
  if (!doc) {
    doc = (async () => {
      const [lib, file] = await Promise.all([pdfjs(), api.sourceFile({ documentId })]);
      const data = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      const assets = new URL('pdfjs/', document.baseURI).href;
      return lib.getDocument({ data, cMapUrl: `${assets}cmaps/`, cMapPacked: true, standardFontDataUrl: `${assets}standard_fonts/`, isEvalSupported: false, useSystemFonts: false }).promise;
    })();
    documents.set(key, doc);
    doc.catch(() => documents.delete(key));
  }
  return doc;
}
