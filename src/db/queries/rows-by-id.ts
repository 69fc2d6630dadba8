/** Provenance by identity: the dataset rows a figure was made from, by their row ids (src/ingest/provenance.ts). */
import { tableOfRowId } from '../../ingest/provenance'
import { ident, placeholders } from '../sql'
import type { Db } from '../types'
import { CITABLE_TABLES, type CitableRow, type CitableTable } from './rows-on-line'
import { asText } from './text-rows'

/** One table's rows by id; the table goes through the allowlist, each id is bound. */
export const ROWS_BY_ID_SQL = (table: CitableTable, count: number) =>
  `SELECT COLUMNS(*)::VARCHAR FROM ${ident(table, CITABLE_TABLES)} WHERE row_id IN (${placeholders(count)})`

/**
 * The rows with these ids, in the order asked (an id that names no citable
 * row is left out). An id names its table, so each table is asked once.
 */
export async function rowsById(db: Db, ids: readonly string[]): Promise<CitableRow[]> {
  const byTable = new Map<CitableTable, string[]>()
  for (const id of new Set(ids)) {
    const table = tableOfRowId(id)
    if (table && (CITABLE_TABLES as readonly string[]).includes(table)) {
      const list = byTable.get(table as CitableTable) ?? []
      list.push(id)
      byTable.set(table as CitableTable, list)
    }
  }
  const found = await Promise.all([...byTable].map(([table, list]) => db.query<Record<string, unknown>>(ROWS_BY_ID_SQL(table, list.length), list)))
  const rows = found.flatMap((r) => asText(r) as unknown as CitableRow[])
  const at = new Map(rows.map((r) => [r.row_id, r]))
  return ids.flatMap((id) => at.get(id) ?? [])
}
