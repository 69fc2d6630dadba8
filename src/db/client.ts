/**
 * The app's one DuckDB: created on first use behind a memoised promise, so
 * concurrent callers share a single start-up; the dataset is loaded before the
 * promise resolves.
 */
import type { Table } from 'apache-arrow'
import { instantiateDuckDB } from './bundles'
import { DATASET_FILES } from './datasetFiles'
import { engineFromConnection } from './engine'
import { loadDataset } from './load'
import type { Engine, SqlValue } from './types'

export type AppDb = Engine & { queryTable(sql: string, params?: readonly SqlValue[]): Promise<Table> }

let started: Promise<AppDb> | null = null

async function start(): Promise<AppDb> {
  const db = await instantiateDuckDB()
  const conn = await db.connect()
  const engine = engineFromConnection(conn, (name, text) => db.registerFileText(name, text))
  await loadDataset(engine, DATASET_FILES)
  return engine
}

/** The DuckDB engine with the dataset loaded (started once). */
export function getDb(): Promise<AppDb> {
  started ??= start()
  return started
}
