/**
 * Where a figure on screen comes from: the dataset rows standing on its
 * source line, the one that prints the figure, its citation (src/publish),
 * and the identity checks that fail on it. Shared by FigureLink, the chart
 * wrapper and the quality notices.
 *
 * The SQL it runs is in src/db/queries (rows-on-line, document, all-checks,
 * running-costs).
 */
import { shallowRef } from 'vue'
import type { CheckRow, DocumentRow } from '../ingest/types'
import { cite, contextLines, partsText, sourceLine, usesOf, type CitableRow, type Citation, type ContextLine, type SourceUse } from '../publish/citation'
import { qualityFindings, type FigureRef, type QualityFinding } from '../publish/data-quality'
import { tableNumber, TABLE_NAMES, isTableCode } from '../publish/templates'
import { documentSource, sourceText } from '../db/sources'
import type { Db } from '../db/types'
import { allChecks as queryAllChecks } from '../db/queries/all-checks'
import { documentRow } from '../db/queries/document'
import { isLineItem, isSangong, rowsOnLine } from '../db/queries/rows-on-line'
import { rowsById } from '../db/queries/rows-by-id'
import { cellRowIds, type CompareCell } from '../db/queries/compare'
import { formatAmount, formatChange, formatPct, type AmountUnit } from '../format/amount'

export type FigureKind = 'amount' | 'pct' | 'change' | 'text'

/** The text a figure shows, the same in a table cell, a citation and an exported table. */
export function figureText(value: number | string | null | undefined, kind: FigureKind = 'amount', unit: AmountUnit = '万元'): string {
  if (kind === 'pct') return formatPct(value)
  if (kind === 'change') return formatChange(value === null || value === undefined ? null : Number(value), unit)
  if (kind === 'text') return value === null || value === undefined ? '' : String(value)
  return formatAmount(value, unit)
}

// ---------------------------------------------------------------- queries

const checksCache = new WeakMap<Db, Promise<CheckRow[]>>()

/** All identity checks, loaded once per engine (every figure on screen is matched against them). */
export function allChecks(db: Db): Promise<CheckRow[]> {
  let p = checksCache.get(db)
  if (!p) {
    p = queryAllChecks(db)
    // A failed load is not remembered: the next figure asks again.
    p.catch(() => checksCache.delete(db))
    checksCache.set(db, p)
  }
  return p
}

// ---------------------------------------------------------------- matching

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

// ---------------------------------------------------------------- provenance

/**
 * Which rows a figure on screen was made from, when the view knows: their ids
 * (a row of a table the view read), or a Compare cell (the facts summed into
 * it, asked for when the citation opens). Without it the figure is matched to
 * a row on its line by value — the way of figures no view has given ids yet.
 */
export type RowRef = { ids: readonly string[] } | { cell: CompareCell }

/** The RowRef of figures read from these rows (none when no id is known: matched by value then). */
export function rowsOf(...ids: ReadonlyArray<string | null | undefined>): RowRef | undefined {
  const known = ids.filter((id): id is string => !!id)
  return known.length > 0 ? { ids: known } : undefined
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

async function idsOf(db: Db, ref: RowRef): Promise<string[]> {
  return 'ids' in ref ? [...ref.ids] : cellRowIds(db, ref.cell)
}

export async function provenance(db: Db, target: CiteTarget): Promise<Provenance> {
  const docId = target.doc
  const [doc, checks, byId] = await Promise.all([
    documentRow(db, docId), allChecks(db), target.rows ? idsOf(db, target.rows).then((ids) => rowsById(db, ids)) : Promise.resolve(null),
  ])
  // By identity when the view gave the rows; a figure no row prints (a share, a change) is cited by its line only.
  const rows = byId ?? (await rowsOnLine(db, docId, target.line))
  const line = byId?.length ? Number(byId[0]!.line) : target.line
  // Bundled reports ship in data/raw; an imported report keeps its text in IndexedDB.
  const text = doc ? (await sourceText(doc.source)) ?? (await documentSource(doc.doc_id))?.text ?? null : null
  const lines = text === null ? [] : text.split(/\r?\n/)
  // One given row is the citation when it prints the figure (any amount or text of it; a rate only when the row prints that rate).
  const one = byId?.length === 1 ? byId[0]! : null
  const row = !doc ? null : byId ? (one && (target.kind === 'amount' || target.kind === 'text') ? one : one && target.kind === 'pct' ? pickRow([one], target.value, 'pct') : null) : pickRow(rows, target.value, target.kind)
  const computed = !row && (target.kind === 'pct' || target.kind === 'change')
  const citation = row && doc ? cite(row, doc, lines) : null
  // A sum cites every row it adds; a share or change of given rows names the rows it was computed from.
  const parts = byId && doc && !row && (byId.length > 1 || computed) ? byId.map((r) => cite(r, doc, lines)) : []
  const findings = qualityFindings(checks, (byId ?? [{ line }]).map((r) => ({ doc_id: docId, line: Number(r.line) })))
  let lineReference = ''
  if (!citation && doc) {
    const code = rows.find(isLineItem)?.table_code ?? ''
    const where = isTableCode(code) ? `，${tableNumber(code)}《${TABLE_NAMES[code]}》` : ''
    const at = [...new Set(rows.map((r) => Number(r.line)))].join('、') || String(line)
    lineReference = parts.length > 0 ? partsText(parts, 'zh', computed ? 'from' : 'sum') : `来源：${doc.title}${where}（原文第${at}行）`
  }
  return { doc, line, citation, parts, partsHow: computed ? 'from' : 'sum', lineReference, context: citation?.context ?? parts[0]?.context ?? contextLines(lines, line), findings }
}

/** Failing checks touching any of the figures (for a chart's or table's notice). */
export async function findingsFor(db: Db, figures: readonly FigureRef[]): Promise<QualityFinding[]> {
  return qualityFindings(await allChecks(db), figures.filter((f) => f.line !== null && f.line !== undefined && Number(f.line) > 0))
}

/** The source line of a chart or table, naming the documents (by title) and tables used. */
export function sourceOf(docs: readonly { doc_id: string; title: string; source?: string }[], uses: readonly SourceUse[], lang: 'zh' | 'en' = 'zh'): string {
  // A long-table CSV import has no title and no tables: it is cited by its file name alone.
  const bare = new Set(docs.filter((d) => !d.title).map((d) => d.doc_id))
  const named = docs.map((d) => (d.title ? d : { ...d, title: d.source || d.doc_id }))
  return sourceLine(named as unknown as DocumentRow[], uses.map((u) => (bare.has(u.doc_id) ? { ...u, table: '' } : u)), lang)
}

export { usesOf }

// ---------------------------------------------------------------- the open citation

export interface CiteTarget {
  doc: string
  line: number
  value: number | string | null | undefined
  kind: FigureKind
  unit: AmountUnit
  /** The rows behind the figure, when the view knows them (cited by identity). */
  rows?: RowRef
}

/** Which citation popover is open (one at a time, app-wide): its owner and the element focus returns to. */
export const openCitation = shallowRef<{ owner: number; target: CiteTarget; anchor: HTMLElement | null } | null>(null)

let nextOwner = 0
export function newOwner(): number {
  return ++nextOwner
}
