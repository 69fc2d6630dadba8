/**
 * The source side of a citation: a document's lines, the content lines around
 * a cited one, and which figure on a line prints an amount (and in which
 * unit). Pure, like citation.ts.
 */
import { cmp, parseNumber, toYuan } from '../ingest/decimal'
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

/** Numbers printed on a line (cells split on whitespace and CJK text), as printed. */
function printedNumbers(text: string): string[] {
  return text.match(/[-+]?\d[\d,]*(\.\d+)?/g) ?? []
}

const AMOUNT_UNITS = ['元', '万元', '亿元'] as const

/**
 * Which figure on a line prints an amount of `yuan` 元, and in which unit.
 * The document's unit is tried first; 绩效自评表 print 万元 inside a report in
 * 元 (jincheng-2022-final.txt line 685: "90 90 97.2 97.2"), so the others follow.
 */
export function findPrintedAmount(text: string, yuan: string, preferred = ''): { raw: string; unit: string } | null {
  const units = [preferred, ...AMOUNT_UNITS.filter((u) => u !== preferred)].filter((u) => u !== '')
  const numbers = printedNumbers(text)
  for (const unit of units) {
    for (const raw of numbers) {
      const n = parseNumber(raw)
      if (n !== null && cmp(toYuan(n, unit), yuan) === 0) return { raw, unit }
    }
  }
  return null
}

/** The unit an amount was printed in, told by arithmetic: raw × unit = value. */
export function printedUnitOf(raw: string, yuan: string, preferred: string): string {
  const n = parseNumber(raw)
  if (n === null) return preferred
  for (const unit of [preferred, ...AMOUNT_UNITS]) {
    if (unit && (AMOUNT_UNITS as readonly string[]).includes(unit) && cmp(toYuan(n, unit), yuan) === 0) return unit
  }
  return preferred
}

export function lineText(source: SourceText, line: number): string {
  return linesOf(source)[line - 1] ?? ''
}
