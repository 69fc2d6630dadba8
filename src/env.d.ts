/// <reference types="vite/client" />

declare module 'virtual:kanzhang-summary' {
  const summary: import('./db/summary').Summary
  export default summary
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

/** pdf.js's worker code (it registers itself on globalThis.pdfjsWorker); src/import/pdf-read.ts imports it for that effect. */
declare module 'pdfjs-dist/build/pdf.worker.mjs'
