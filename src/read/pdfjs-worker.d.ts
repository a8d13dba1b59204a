// pdfjs-dist ships no type declarations for its worker module; figcheck only hands the module to PDF.js
// (globalThis.pdfjsWorker), which reads its WorkerMessageHandler.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
