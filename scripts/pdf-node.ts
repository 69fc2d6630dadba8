/**
 * Node-only: pdf.js for `npm run ingest` and the tests, with its CMaps and
 * fonts read from node_modules. The browser loads its own build lazily
 * (src/import); this file must not be imported from src/.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { readPdfItems, type PdfItem } from '../src/ingest/layout/pdf-items'

// pdf.js 6 calls Promise.withResolvers (Node ≥ 22); Node 20 lacks it.
const P = Promise as unknown as { withResolvers?: () => unknown }
P.withResolvers ??= function withResolvers<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/** Reads a PDF's positioned text items in Node. */
export async function readPdfItemsNode(data: Uint8Array): Promise<{ items: PdfItem[]; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  return readPdfItems(pdfjs as never, data, {
    cMapUrl: join(pdfjsDir, 'cmaps') + '/',
    standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
  })
}
