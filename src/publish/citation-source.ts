/**
 * The source side of a citation: a document's lines and the content lines
 * around a cited one. Pure, like citation.ts. (Which figure on a line prints
 * an amount is ingest's arithmetic, src/ingest/printed.ts: rows carry it.)
 */
export { findPrintedAmount, printedUnitOf } from '../ingest/printed'
import { isWatermark, toLines } from '../ingest/lines'

/** The source text of a document: the whole text, or its lines (index 0 = line 1). */
export type SourceText = string | readonly string[]

/** A line of the source shown around the cited one. */
export interface ContextLine {
  line: number
  text: string
  cited: boolean
}


// The last text split, so citing many rows of one document splits it once.
let lastText = ''
let lastLines: readonly string[] = []

export function linesOf(source: SourceText): readonly string[] {
  if (typeof source !== 'string') return source
  if (source !== lastText) {
    lastText = source
    lastLines = toLines(source).map((l) => l.text)
  }
  return lastLines
}

/**
 * The cited line and `radius` content lines either side. Watermark lines
 * (仅供 / 内部 / 审核 alone, jincheng-2024-budget.txt lines 318–352), page
 * numbers ("-6-", line 314) and blank lines are skipped: the pdftotext
 * extraction puts a blank line between table rows (lines 926–938), so ± 2
 * raw lines would show one row either side at best.
 */
export function contextLines(source: SourceText, line: number, radius = 2): ContextLine[] {
  const lines = linesOf(source)
  if (line < 1 || line > lines.length) return []
  const keep = (n: number) => {
    const t = lines[n - 1]!
    return t.trim() !== '' && !isWatermark(t) && !/^\s*-\s*\d+\s*-\s*$/.test(t)
  }
  const before: ContextLine[] = []
  for (let n = line - 1; n >= 1 && before.length < radius; n--) if (keep(n)) before.unshift({ line: n, text: lines[n - 1]!, cited: false })
  const after: ContextLine[] = []
  for (let n = line + 1; n <= lines.length && after.length < radius; n++) if (keep(n)) after.push({ line: n, text: lines[n - 1]!, cited: false })
  return [...before, { line, text: lines[line - 1]!, cited: true }, ...after]
}

export function lineText(source: SourceText, line: number): string {
  return linesOf(source)[line - 1] ?? ''
}
