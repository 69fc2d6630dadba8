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
import { sourceLine, usesOf, type SourceUse } from '../publish/citation'
import { citeFigure, pickRow, type FigureKind, type Provenance } from '../publish/figure-citation'
import { qualityFindings, type FigureRef, type QualityFinding } from '../publish/data-quality'
import { documentSource, sourceText } from '../db/sources'
import type { Db } from '../db/types'
import { allChecks as queryAllChecks } from '../db/queries/all-checks'
import { documentRow } from '../db/queries/document'
import { rowsOnLine } from '../db/queries/rows-on-line'
import { rowsById } from '../db/queries/rows-by-id'
import { cellRowIds, type CompareCell } from '../db/queries/compare'
import { formatAmount, formatChange, formatPct, type AmountUnit } from '../format/amount'

export type { FigureKind, Provenance }
export { pickRow }

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

async function idsOf(db: Db, ref: RowRef): Promise<string[]> {
  return 'ids' in ref ? [...ref.ids] : cellRowIds(db, ref.cell)
}

export async function provenance(db: Db, target: CiteTarget): Promise<Provenance> {
  const [doc, checks, given] = await Promise.all([
    documentRow(db, target.doc), allChecks(db), target.rows ? idsOf(db, target.rows).then((ids) => rowsById(db, ids)) : Promise.resolve(null),
  ])
  // By identity when the view gave the rows; else the rows standing on the figure's line.
  const onLine = given ?? (await rowsOnLine(db, target.doc, target.line))
  // Bundled reports ship in data/raw; an imported report keeps its text in IndexedDB.
  const text = doc ? (await sourceText(doc.source)) ?? (await documentSource(doc.doc_id))?.text ?? null : null
  return citeFigure({ doc, lines: text === null ? [] : text.split(/\r?\n/), checks, given, onLine, line: target.line, value: target.value, kind: target.kind })
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
