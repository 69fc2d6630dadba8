/**
 * A figure on screen back to the rows it was read from: which row prints it
 * (by identity when the view knows its rows, else by value on its line), its
 * citation, the parts of a sum, and the identity checks that fail on it.
 * Pure, like citation.ts; the I/O is src/composables/provenance.ts.
 */
import type { CitableRow } from '../db/queries/rows-on-line'
import { isLineItem, isSangong } from '../db/queries/rows-on-line'
import type { CheckRow, DocumentRow } from '../ingest/types'
import { cite, contextLines, partsText, type Citation, type ContextLine } from './citation'
import { qualityFindings, type QualityFinding } from './data-quality'
import { isTableCode, tableNumber, TABLE_NAMES } from './templates'

export type FigureKind = 'amount' | 'pct' | 'change' | 'text'

function near(a: string | undefined, v: number): boolean {
  if (a === undefined || a === '') return false
  const n = Number(a)
  return Number.isFinite(n) && Math.abs(n - v) < 0.005
}

/**
 * The row whose figure is the one shown: an amount in 元 equal to the value,
 * a printed rate, or an indicator's text. A line often holds several
 * (B11 line 463 prints 合计 and 一般公共预算 alike): 合计 comes first.
 */
export function pickRow(rows: readonly CitableRow[], value: number | string | null | undefined, kind: FigureKind): CitableRow | null {
  if (value === null || value === undefined || value === '') return null
  const ordered = [...rows].sort((a, b) => rank(a) - rank(b))
  if (kind === 'text') {
    const s = String(value)
    // A 指标值 of a target, or a 绩效自评 field printed as text (总分 "66.32", 等级 "中").
    return ordered.find((r) => ('level1' in r && r.target === s) || ('field' in r && r.raw === s)) ?? null
  }
  const v = Number(value)
  if (!Number.isFinite(v)) return null
  if (kind === 'pct') {
    return ordered.find((r) => ('relation' in r && r.unit === '%' && near(r.value, v)) || ('executed_yuan' in r && near(r.rate_pct, v))
      || ('field' in r && r.unit === '%' && near(r.value, v))) ?? null
  }
  // 'change' values are differences: no row prints them.
  if (kind === 'change') return null
  return ordered.find((r) => {
    if (isSangong(r)) return near(r.amount_yuan, v)
    if (isLineItem(r)) return r.unit === '元' && near(r.value, v)
    if ('relation' in r) return r.unit === '元' && r.relation === 'stated' && near(r.value, v)
    if ('executed_yuan' in r) return near(r.executed_yuan, v)
    // A 绩效自评 field: a 资金 cell or a figure of the analysis sentence (evaluation_fields).
    if ('field' in r) return r.unit === '元' && near(r.value, v)
    return false
  }) ?? null
}

function rank(r: CitableRow): number {
  if (isLineItem(r)) return r.measure === '合计' ? 0 : 1
  return 2
}

export interface Provenance {
  doc: DocumentRow | null
  line: number
  /** The citation of the row printing the figure; null when the figure is computed (a sum, share or change). */
  citation: Citation | null
  /** Every row a summed figure adds up (two or more), or the rows a share or change was computed from, each cited. */
  parts: Citation[]
  /** Whether the parts add up to the figure ('sum') or the figure was computed from them ('from'). */
  partsHow: 'sum' | 'from'
  /** A line-level reference when no row prints the figure. */
  lineReference: string
  context: ContextLine[]
  findings: QualityFinding[]
}

/**
 * What a clicked figure is cited by (pure: the rows and text in, the citation
 * out; src/composables/provenance.ts fetches them). `given` are the rows the
 * view said the figure was made from (by id), `onLine` the rows on its line
 * (the same rows when given): one given row that prints the figure is its
 * citation; several are the parts of a sum, or the rows a share or change was
 * computed from; without given rows the figure is matched on its line by value.
 */
export function citeFigure(q: {
  doc: DocumentRow | null
  lines: readonly string[]
  checks: readonly CheckRow[]
  given: readonly CitableRow[] | null
  onLine: readonly CitableRow[]
  line: number
  value: number | string | null | undefined
  kind: FigureKind
}): Provenance {
  const { doc, lines, given, onLine, kind, value } = q
  const line = given?.length ? Number(given[0]!.line) : q.line
  // One given row is the citation when it prints the figure (any amount or text of it; a rate only when the row prints that rate).
  const one = given?.length === 1 ? given[0]! : null
  const row = !doc ? null : given ? (one && (kind === 'amount' || kind === 'text') ? one : one && kind === 'pct' ? pickRow([one], value, 'pct') : null) : pickRow(onLine, value, kind)
  const computed = !row && (kind === 'pct' || kind === 'change')
  const citation = row && doc ? cite(row, doc, lines) : null
  // A sum cites every row it adds; a share or change of given rows names the rows it was computed from.
  const parts = given && doc && !row && (given.length > 1 || computed) ? given.map((r) => cite(r, doc, lines)) : []
  const findings = qualityFindings(q.checks, (given ?? [{ line }]).map((r) => ({ doc_id: doc?.doc_id ?? '', line: Number(r.line) })))
  let lineReference = ''
  if (!citation && doc) {
    const code = onLine.find(isLineItem)?.table_code ?? ''
    const where = isTableCode(code) ? `，${tableNumber(code)}《${TABLE_NAMES[code]}》` : ''
    const at = [...new Set(onLine.map((r) => Number(r.line)))].join('、') || String(line)
    lineReference = parts.length > 0 ? partsText(parts, 'zh', computed ? 'from' : 'sum') : `来源：${doc.title}${where}（原文第${at}行）`
  }
  return { doc, line, citation, parts, partsHow: computed ? 'from' : 'sum', lineReference, context: citation?.context ?? parts[0]?.context ?? contextLines(lines, line), findings }
}
