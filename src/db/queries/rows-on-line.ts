/** Provenance: the dataset rows of every kind that stand on one line of a document. */
import type { EvaluationFieldRow, EvaluationRow, LineItemRow, NarrativeRow, SangongRow, TargetRow } from '../../ingest/types'
import { ident } from '../sql'
import type { Db } from '../types'
import { asText } from './text-rows'

/** The tables whose rows carry a printed figure and its line (the ones a citation can name). */
export const CITABLE_TABLES = ['line_items', 'sangong', 'narrative', 'evaluations', 'targets', 'evaluation_fields'] as const
export type CitableTable = (typeof CITABLE_TABLES)[number]

/** A dataset row a citation can name: it carries a printed figure and its line. */
export type CitableRow = LineItemRow | SangongRow | NarrativeRow | EvaluationRow | TargetRow | EvaluationFieldRow

/** A 三公 row (it carries a table_code too, so it is told apart first). */
export function isSangong(row: CitableRow): row is SangongRow {
  return 'category' in row && 'amount_yuan' in row
}

/** A line_items row. */
export function isLineItem(row: CitableRow): row is LineItemRow {
  return 'table_code' in row && 'measure' in row && !isSangong(row)
}

/** One table's rows on a line; the table name goes through the allowlist, the document and line are bound. */
export const ROWS_ON_LINE_SQL = (table: CitableTable) =>
  `SELECT COLUMNS(*)::VARCHAR FROM ${ident(table, CITABLE_TABLES)} WHERE doc_id = ? AND line = ?`

export async function rowsOnLine(db: Db, docId: string, line: number): Promise<CitableRow[]> {
  const all = await Promise.all(CITABLE_TABLES.map((t) => db.query<Record<string, unknown>>(ROWS_ON_LINE_SQL(t), [docId, line])))
  return all.flatMap((rows) => asText(rows) as unknown as CitableRow[])
}
