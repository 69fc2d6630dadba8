/**
 * PDF text items → the document's text (one line per printed row, pages split
 * by form feeds, like `pdftotext -layout`) and the same rows with the PDF's
 * own x positions. The text is what the source view shows and what line
 * numbers count; the positions are what the table readers use.
 */
import type { PdfItem } from './pdf-items'
import { splitRun, type Cell, type LayoutRow } from './rows'

/** A PDF read into text and positioned rows (rows[i] is line i + 1). */
export interface PdfLayout {
  text: string
  rows: LayoutRow[]
  pages: number
}

/** Items of one printed row: baselines within a third of the font size of each other. */
function groupRows(items: readonly PdfItem[]): PdfItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: PdfItem[][] = []
  for (const it of sorted) {
    const row = rows.at(-1)
    if (row && Math.abs(row[0]!.y - it.y) <= Math.max(1, 0.3 * Math.min(row[0]!.height, it.height))) row.push(it)
    else rows.push([it])
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x)
  return rows
}

/** Items that touch (a word split in two runs) are one piece of text. */
function mergeTouching(row: readonly PdfItem[]): PdfItem[] {
  const out: PdfItem[] = []
  for (const it of row) {
    const prev = out.at(-1)
    if (prev && it.x - (prev.x + prev.width) < 0.15 * it.height && it.x >= prev.x) {
      out[out.length - 1] = { ...prev, str: prev.str + it.str, width: it.x + it.width - prev.x }
    } else {
      out.push({ ...it })
    }
  }
  return out
}

/** Lays the items out as text and positioned rows. */
export function layoutFromPdf(items: readonly PdfItem[], pages: number): PdfLayout {
  const lines: string[] = []
  const rows: LayoutRow[] = []
  // One text column per half of the typical font size: CJK characters then take two, as in pdftotext.
  const heights = items.map((i) => i.height).sort((a, b) => a - b)
  const colWidth = Math.max(1, (heights[Math.floor(heights.length / 2)] ?? 10) / 2)
  for (let page = 1; page <= pages; page++) {
    const pageRows = groupRows(items.filter((i) => i.page === page))
    pageRows.forEach((raw, i) => {
      const pieces = mergeTouching(raw)
      let line = ''
      const cells: Cell[] = []
      for (const p of pieces) {
        const text = p.str.replace(/\s+/g, ' ').trim()
        if (!text) continue
        const col = Math.round(p.x / colWidth)
        // At least two spaces between pieces, so the text splits into the same cells.
        const pad = line === '' ? col : Math.max(2, col - line.length)
        line += ' '.repeat(pad) + text
        cells.push(...splitRun(text, p.x, p.x + p.width))
      }
      lines.push((i === 0 && page > 1 ? '\f' : '') + line)
      rows.push({ no: lines.length, page, cells })
    })
    if (pageRows.length === 0) {
      lines.push(page > 1 ? '\f' : '')
      rows.push({ no: lines.length, page, cells: [] })
    }
  }
  return { text: lines.join('\n') + '\n', rows, pages }
}
