/**
 * The one layout model every table reader of the national templates reads:
 * rows of positioned cells. A PDF gives real x positions (points); layout-mode
 * text (pdftotext -layout and the like) gives character columns. Both are
 * "where the cell stands", which is what decides its column when the
 * extraction drops empty cells.
 */
import type { SourceLine } from '../types'

/** A cell: text that stands together, with its horizontal extent. */
export interface Cell {
  text: string
  x0: number
  x1: number
}

/** A printed row of the report. `no` is its line in the document's text. */
export interface LayoutRow {
  no: number
  /** 1-based page, when known (form feeds in text, the page of a PDF). */
  page: number
  cells: Cell[]
}

/** A printed figure: "1,234.50", "-3.00", "0"; not a code like "201" or "30101" (see isCode). */
export const FIGURE_RE = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/

/** True for text that is a figure cell. */
export function isFigure(text: string): boolean {
  return FIGURE_RE.test(text)
}

/** Display weight of a character: CJK and full-width forms take two columns. */
function weight(ch: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u201c\u201d]/.test(ch) ? 2 : 1
}

/** Display width of text (CJK = 2). */
export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += weight(ch)
  return w
}

/**
 * Splits a run of text standing at [x0, x1) into cells: runs of two or more
 * spaces always separate cells; a single space separates them only where a
 * figure meets other text ("371,514,655.00 一、一般公共服务支出", "2.85 0.39"),
 * since labels themselves contain single spaces ("1. 一般公共预算资金").
 * Positions inside the run are shared out by `width` (display width for a
 * PDF run, where a CJK glyph is twice as wide as a digit).
 */
export function splitRun(text: string, x0: number, x1: number, width: (s: string) => number = displayWidth): Cell[] {
  const total = width(text) || 1
  const scale = (x1 - x0) / total
  interface Token {
    text: string
    start: number
    end: number
    gapBefore: number
  }
  const tokens: Token[] = []
  const re = /\S+/g
  let prevEnd = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = width(text.slice(0, m.index))
    tokens.push({ text: m[0], start, end: start + width(m[0]), gapBefore: start - prevEnd })
    prevEnd = start + width(m[0])
  }
  // Runs of tokens that stay together: [first, last] token indexes.
  const runs: Array<[number, number]> = []
  tokens.forEach((t, i) => {
    const run = runs.at(-1)
    const prev = tokens[i - 1]
    if (run && prev && t.gapBefore < 2 && !isFigure(t.text) && !isFigure(prev.text)) run[1] = i
    else runs.push([i, i])
  })
  const cells: Cell[] = runs.map(([a, b]) => ({
    text: tokens.slice(a, b + 1).map((t) => t.text).join(' '),
    x0: x0 + tokens[a]!.start * scale,
    x1: x0 + tokens[b]!.end * scale,
  }))
  return cells
}

/**
 * Rows of layout-mode text: each line's cells at their character columns.
 * pdftotext -layout puts every character on a grid by its x position and a
 * CJK character takes one grid column, so the character index (not the
 * display width) is the position. Form feeds start pages.
 */
export function rowsFromText(lines: readonly SourceLine[]): LayoutRow[] {
  let page = 1
  const rows: LayoutRow[] = []
  for (const line of lines) {
    let text = line.text
    if (text.includes('\f')) {
      page += text.split('\f').length - 1
      text = text.replace(/\f/g, ' ')
    }
    // Columns are character positions: a CJK character before a cell pushes it right by two.
    const plain = text.replace(/\t/g, '  ')
    rows.push({ no: line.no, page, cells: splitRun(plain, 0, plain.length, (s) => s.length) })
  }
  return rows
}

/** The page each line is on (1-based), from form feeds; index = line number − 1. */
export function pagesOfLines(lines: readonly SourceLine[]): number[] {
  let page = 1
  return lines.map((l) => (page += l.text.split('\f').length - 1))
}
