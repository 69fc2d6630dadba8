/**
 * Years: one or more publishers over every loaded year, a series per
 * (publisher, scope, stage, key) — 部门 and 单位, 预算 and 决算 never in one
 * series — with the change from the series' previous year and its denominator.
 */
import { YEAR_DIMENSIONS, type YearDimension } from '../../ingest/vocabulary'
import { placeholders } from '../sql'
import type { Db, SqlValue } from '../types'

export interface YearPoint {
  publisher_key: string
  scope: string
  stage: string
  year: number
  dimension: YearDimension
  dim_key: string
  dim_label: string
  /** 元, exact decimal text. */
  amount: string
  /** 'table' (a printed table figure) or 'derived' (a prior-year figure computed from the prose). */
  origin: 'table' | 'derived'
  doc_id: string
  line: number
  quote: string
  /** 1 for the point that carries the series in its year (a table figure before a derived one). */
  pick: number
  /** The denominator of the change: the series' previous point (null for its first). */
  prev_year: number | null
  prev_amount: string | null
  prev_doc_id: string | null
  prev_line: number | null
  prev_origin: string | null
  /** amount − prev_amount in 元 (exact text), and the same as a percent of prev_amount. */
  change: string | null
  change_pct: number | null
  /** The rows of the point and of its previous point (src/ingest/provenance.ts). */
  row_id: string
  prev_row_id: string | null
}

export function yearSeriesQuery(publisherKeys: readonly string[], dimension: YearDimension): { sql: string; params: SqlValue[] } {
  if (!YEAR_DIMENSIONS.includes(dimension)) throw new Error(`unknown year dimension: ${String(dimension)}`)
  return {
    sql: `SELECT publisher_key, scope, stage, year, dimension, dim_key, dim_label, amount::VARCHAR AS amount, origin, doc_id, line, quote, pick,
  prev_year, prev_amount::VARCHAR AS prev_amount, prev_doc_id, prev_line, prev_origin,
  change::VARCHAR AS change, change_pct::DOUBLE AS change_pct, row_id, prev_row_id
FROM v_year_series
WHERE dimension = ? AND publisher_key IN (${placeholders(publisherKeys.length)})
ORDER BY publisher_key, dim_key, scope, stage, year, pick`,
    // No key asks for nothing: a NULL never equals a key.
    params: [dimension, ...(publisherKeys.length > 0 ? publisherKeys : [null])],
  }
}

export function yearSeries(db: Db, publisherKeys: readonly string[], dimension: YearDimension): Promise<YearPoint[]> {
  const q = yearSeriesQuery(publisherKeys, dimension)
  return db.query<YearPoint>(q.sql, q.params)
}
