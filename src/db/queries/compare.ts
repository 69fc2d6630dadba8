/**
 * Compare: documents side by side, rows by a dimension (功能分类 类/款/项, 经济分类,
 * 基本/项目, fund source, unit), values as amount, share of the document's
 * total, or change against the first document. Computed with a DuckDB PIVOT
 * whose columns are the chosen documents.
 */
import { FACT_DIMENSIONS, type FactDimension } from '../../ingest/vocabulary'
import { literal } from '../sql'
import type { BoundQuery, Db } from '../types'

export const VALUE_MODES = ['amount', 'share', 'change'] as const
export type ValueMode = (typeof VALUE_MODES)[number]

export interface CompareOptions {
  /** Document ids, in column order; the first is the baseline of `change`. */
  docs: string[]
  dimension: FactDimension
  mode: ValueMode
}

/** One row of the pivot: the dimension's key and label, then per document its value and source line. */
export interface CompareRow {
  dim_key: string
  dim_label: string
  /** Amount in 元, share in %, or change in 元 against the first document, per doc_id. */
  values: Record<string, number | null>
  /** Source line of the figure (the first, when several rows add up to it), per doc_id. */
  lines: Record<string, number | null>
}

export interface CompareResult {
  docs: string[]
  rows: CompareRow[]
  /** The table each document's figures were read from (B03, F06 …; IMPORT for a long-table import), for the source line. */
  tables: Record<string, string>
  query: BoundQuery
}

const MODE_EXPR: Record<ValueMode, string> = { amount: 'amount', share: 'share', change: 'change' }

/**
 * The PIVOT for the options. Its every value is one of an allowlist — the
 * dimension one of FACT_DIMENSIONS, each document a loaded doc_id — written in as a
 * checked literal (`literal`): the pivot's `IN` list must be literal anyway,
 * and a statement without parameters is one round trip to DuckDB's worker
 * where a prepared one takes three (prepare, run, close), which is most of a
 * re-render when the machine is busy.
 */
export function compareQuery(opts: CompareOptions, knownDocs: readonly string[]): BoundQuery {
  if (!FACT_DIMENSIONS.includes(opts.dimension)) throw new Error(`unknown dimension: ${opts.dimension}`)
  if (!VALUE_MODES.includes(opts.mode)) throw new Error(`unknown value mode: ${opts.mode}`)
  const docs = opts.docs.filter((d) => knownDocs.includes(d))
  if (docs.length === 0) throw new Error('no documents chosen')
  // facts is v_facts materialised at load (views.sql.ts); f is read twice, so it is materialised too.
  const sql = `WITH f AS MATERIALIZED (
  SELECT doc_id, dim_key, any_value(dim_label) AS dim_label, sum(amount) AS amount, min(line) AS line, min(table_code) AS table_code
  FROM facts
  WHERE dimension = ${literal(opts.dimension, FACT_DIMENSIONS)} AND doc_id IN (${docs.map((d) => literal(d, knownDocs)).join(', ')})
  GROUP BY doc_id, dim_key
), m AS (
  SELECT f.doc_id, f.dim_key, f.line, f.table_code,
    first_value(f.dim_label) OVER (PARTITION BY f.dim_key ORDER BY f.doc_id) AS dim_label,
    f.amount::DOUBLE AS amount,
    (f.amount * 100 / nullif(sum(f.amount) OVER (PARTITION BY f.doc_id), 0))::DOUBLE AS share,
    (f.amount - b.amount)::DOUBLE AS change
  FROM f LEFT JOIN f AS b ON b.doc_id = ${literal(docs[0]!, knownDocs)} AND b.dim_key = f.dim_key
)
PIVOT m
ON doc_id IN (${docs.map((d) => literal(d, knownDocs)).join(', ')})
USING first(${MODE_EXPR[opts.mode]}) AS v, min(line) AS line, min(table_code) AS tbl
GROUP BY dim_key, dim_label
ORDER BY dim_key`
  return { sql, params: [] }
}

export async function runCompare(db: Db, opts: CompareOptions, knownDocs: readonly string[]): Promise<CompareResult> {
  const query = compareQuery(opts, knownDocs)
  const docs = opts.docs.filter((d) => knownDocs.includes(d))
  const raw = await db.query<Record<string, unknown>>(query.sql, query.params)
  const tables: Record<string, string> = {}
  const rows = raw.map((r) => {
    const values: Record<string, number | null> = {}
    const lines: Record<string, number | null> = {}
    for (const d of docs) {
      values[d] = r[`${d}_v`] == null ? null : Number(r[`${d}_v`])
      lines[d] = r[`${d}_line`] == null ? null : Number(r[`${d}_line`])
      if (r[`${d}_tbl`] != null) tables[d] ??= String(r[`${d}_tbl`])
    }
    return { dim_key: String(r.dim_key), dim_label: String(r.dim_label), values, lines }
  })
  return { docs, rows, tables, query }
}

/** A pivot cell: one document's figure of one row of a dimension. */
export interface CompareCell {
  dimension: FactDimension
  doc: string
  dimKey: string
}

/** The facts behind a pivot cell (its value is their sum), by row id in line order: what its citation lists. */
export const CELL_ROWS_SQL = `SELECT row_id FROM facts WHERE dimension = ? AND doc_id = ? AND dim_key = ? ORDER BY line, row_id`

export async function cellRowIds(db: Db, cell: CompareCell): Promise<string[]> {
  if (!FACT_DIMENSIONS.includes(cell.dimension)) throw new Error(`unknown dimension: ${cell.dimension}`)
  const rows = await db.query<{ row_id: string }>(CELL_ROWS_SQL, [cell.dimension, cell.doc, cell.dimKey])
  return rows.map((r) => String(r.row_id))
}
