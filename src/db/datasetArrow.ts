/**
 * The bundled dataset as Arrow IPC, made at build time
 * (scripts/build-dataset-arrow.ts): DuckDB inserts these at start instead of
 * parsing and casting the CSV text. One file per table, read beside DuckDB's
 * start (fetched when hosted, decoded from the page in the single file).
 */
import tables from 'virtual:kanzhang-dataset-arrow'
import { fileBytes } from 'virtual:kanzhang-files'
import type { DatasetArrow } from './load'

/** Each table's Arrow IPC stream, the materialised views' too (null: the table has no rows). */
export async function datasetArrow(): Promise<DatasetArrow> {
  return Object.fromEntries(await Promise.all(Object.entries(tables).map(async ([t, url]) => [t, url === null ? null : await fileBytes(url)] as const)))
}
