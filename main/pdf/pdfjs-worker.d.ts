// PDF.js' minified Node builds (smaller to load: the CLI runs through tsx, which reads every module).
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export * from 'pdfjs-dist';
}
// Its worker module, imported so its code runs in this thread (see pdfjs.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
