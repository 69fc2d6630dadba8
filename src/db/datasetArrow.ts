/**
 * The bundled dataset as Arrow IPC, made at build time
 * (scripts/build-dataset-arrow.ts): DuckDB inserts these instead of parsing
 * and casting the CSV text. One file per table (fetched when hosted, decoded
 * from the page in the single file), read when its table is first asked for.
 */
import tables from 'virtual:kanzhang-dataset-arrow'
import { fileBytes } from 'virtual:kanzhang-files'
import type { DatasetArrow } from './load'

/**
 * Each table's Arrow IPC stream, the materialised views' too (null: the table
 * has no rows), as a function that reads it: a table is inserted when a query
 * first names it (lazy-catalog.ts), and its file is read then, not during
 * DuckDB's start.
 */
export function datasetArrow(): DatasetArrow {
  return Object.fromEntries(Object.entries(tables).map(([t, url]) => [t, url === null ? null : () => fileBytes(url)] as const))
}
