/**
 * Loads the dataset CSVs into an engine: settings first (no extension
 * downloads: offline they hang or trap), then one typed table per CSV, then the
 * views. Used by the browser start-up and by the Node tests alike.
 */
import type { DatasetTable } from '../ingest/dataset'
import { createTableSql, csvHeader, TABLES } from './schema'
import type { Engine } from './types'
import { viewStatements } from './views.sql'

/** Settings run before anything else: extensions are not available offline, so fail fast instead. */
export const STARTUP_SQL = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false']

/** CSV text of each dataset table, keyed by table name. */
export type DatasetFiles = Partial<Record<DatasetTable, string>>

export async function loadDataset(engine: Engine, files: DatasetFiles): Promise<void> {
  for (const sql of STARTUP_SQL) await engine.query(sql)
  for (const table of TABLES) {
    const text = files[table] ?? ''
    const fileName = `${table}.csv`
    await engine.registerFileText(fileName, text === '' ? '\n' : text)
    await engine.query(createTableSql(table, fileName, csvHeader(text)))
  }
  for (const sql of viewStatements()) await engine.query(sql)
}
