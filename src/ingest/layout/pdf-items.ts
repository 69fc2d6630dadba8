/**
 * PDF → positioned text items, with pdf.js handed in by the caller: the Node
 * script passes `pdfjs-dist/legacy/build/pdf.mjs`, the browser worker the
 * lazily loaded build. This file imports no pdf.js itself, so code that only
 * reads text never pulls the 1.6 MB library into its bundle.
 */

/** One run of text as the PDF places it. Coordinates are PDF points, origin bottom-left. */
export interface PdfItem {
  /** 1-based page number. */
  page: number
  x: number
  /** Baseline y (larger is higher on the page). */
  y: number
  width: number
  /** Font size (the item's vertical scale), used to tell rows apart. */
  height: number
  str: string
}

/** The part of pdf.js this module uses (structurally typed so both builds fit). */
export interface PdfJsLike {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocumentLike>; destroy?: () => Promise<void> }
}
interface PdfDocumentLike {
  numPages: number
  getPage(n: number): Promise<{
    getTextContent(): Promise<{ items: unknown[] }>
    getViewport(params: { scale: number }): { width: number; height: number; convertToViewportPoint(x: number, y: number): number[] }
    cleanup?: () => void
  }>
}

/** Why a PDF could not be read, in words a user can act on. */
export class PdfReadError extends Error {
  constructor(
    readonly kind: 'encrypted' | 'corrupt' | 'no-text' | 'too-large',
    message: string,
  ) {
    super(message)
    this.name = 'PdfReadError'
  }
}

export interface PdfReadOptions {
  /** Where the packed CMaps are (a URL or, in Node, a file path ending in '/'). */
  cMapUrl?: string
  standardFontDataUrl?: string
  /**
   * More pages than this is refused before any page is read. Reports run from ≈ 20 pages to a few
   * hundred (a department printing every project's 绩效目标表); a thousand is no report.
   */
  maxPages?: number
  /** Extra getDocument parameters (e.g. a worker port in the browser). */
  extra?: Record<string, unknown>
}

/**
 * Reads every page's text items. Throws PdfReadError for an encrypted,
 * corrupt or text-less PDF; blank spacer items are dropped.
 */
export async function readPdfItems(pdfjs: PdfJsLike, data: Uint8Array, options: PdfReadOptions = {}): Promise<{ items: PdfItem[]; pages: number }> {
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy.
    data: data.slice(),
    cMapUrl: options.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: options.standardFontDataUrl,
    verbosity: 0,
    isEvalSupported: false,
    ...options.extra,
  })
  let doc: PdfDocumentLike
  try {
    doc = await task.promise
  } catch (err) {
    const name = err instanceof Error ? err.name : ''
    if (name === 'PasswordException') throw new PdfReadError('encrypted', 'PDF 已加密（需要密码），无法读取')
    throw new PdfReadError('corrupt', `PDF 文件损坏或不完整，无法读取（${err instanceof Error ? err.message : String(err)}）`)
  }
  try {
    const maxPages = options.maxPages ?? 1000
    if (doc.numPages > maxPages) {
      throw new PdfReadError('too-large', `PDF 有 ${doc.numPages} 页，超过 ${maxPages} 页的上限，不像一份部门预算/决算公开报告`)
    }
    const items: PdfItem[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      // Positions as the page is seen: a page printed with /Rotate (a landscape table) is turned upright.
      const view = page.getViewport({ scale: 1 })
      for (const raw of content.items) {
        const it = raw as { str?: string; transform?: number[]; width?: number; height?: number }
        if (typeof it.str !== 'string' || it.str.trim() === '' || !it.transform) continue
        const [a = 0, b = 0, , d = 0, tx = 0, ty = 0] = it.transform
        const [x = tx, down = 0] = view.convertToViewportPoint(tx, ty)
        items.push({ page: n, x, y: view.height - down, width: it.width ?? 0, height: it.height || Math.hypot(a, b) || Math.abs(d), str: it.str })
      }
      page.cleanup?.()
    }
    if (items.length === 0) throw new PdfReadError('no-text', 'PDF 没有文字层（扫描件）；不支持 OCR')
    return { items, pages: doc.numPages }
  } finally {
    // The loading task owns the document and its worker; destroying it frees both.
    await task.destroy?.()
  }
}
