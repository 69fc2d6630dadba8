/**
 * PDF → layout, in the import worker only. pdf.js, its worker code and the
 * Chinese CMaps are loaded on first use (dynamic imports and asset URLs), so
 * neither the first paint nor a text import pays for them; nothing is fetched
 * from another origin (the CMaps are the app's own assets, or data: URLs in
 * the single-file build).
 */
import { layoutFromPdf, type PdfLayout } from '../ingest/layout/from-pdf'
import { readPdfItems } from '../ingest/layout/pdf-items'

/**
 * The packed CMaps Chinese reports need (GB and CNS families, both directions).
 * Latin-only fonts need none; Japanese and Korean CMaps are not shipped.
 */
const CMAPS = import.meta.glob<string>(
  [
    '/node_modules/pdfjs-dist/cmaps/Adobe-GB1-*.bcmap',
    '/node_modules/pdfjs-dist/cmaps/GB*.bcmap',
    '/node_modules/pdfjs-dist/cmaps/UniGB-*.bcmap',
    '/node_modules/pdfjs-dist/cmaps/Adobe-CNS1-*.bcmap',
    '/node_modules/pdfjs-dist/cmaps/B5*.bcmap',
    '/node_modules/pdfjs-dist/cmaps/UniCNS-*.bcmap',
    '/node_modules/pdfjs-dist/cmaps/ETen*.bcmap',
    '/node_modules/pdfjs-dist/cmaps/HKscs*.bcmap',
    '/node_modules/pdfjs-dist/cmaps/CNS*.bcmap',
    '/node_modules/pdfjs-dist/cmaps/Identity-*.bcmap',
  ],
  { query: '?url', import: 'default' },
)

/** pdf.js's data loader, answering CMap requests from the bundled assets only. */
class BundledData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const load = kind === 'cMapUrl' ? CMAPS[`/node_modules/pdfjs-dist/cmaps/${filename}`] : undefined
    // Standard-font and wasm data only matter for drawing pages; text extraction goes on without them.
    if (!load) throw new Error(`${filename} is not shipped with the app`)
    const res = await fetch(await load())
    return new Uint8Array(await res.arrayBuffer())
  }
}

/** Reads a PDF's text items and lays them out. Throws PdfReadError for an encrypted, corrupt or text-less PDF. */
export async function readPdfLayout(bytes: Uint8Array): Promise<PdfLayout> {
  // pdf.worker.mjs registers its handler on globalThis: pdf.js then runs its worker code in this
  // thread (already a worker), so there is no second worker file to host or inline.
  await import('pdfjs-dist/build/pdf.worker.mjs')
  const pdfjs = await import('pdfjs-dist')
  const { items, pages } = await readPdfItems(pdfjs as never, bytes, {
    cMapUrl: 'cmaps/',
    extra: { BinaryDataFactory: BundledData, useWorkerFetch: false, isOffscreenCanvasSupported: false, isImageDecoderSupported: false, disableFontFace: true, useSystemFonts: false },
  })
  return layoutFromPdf(items, pages)
}
