// PDF.js' worker module, imported so its code runs in this thread (see open-pdf.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
