/**
 * The real DuckDB engine in Node for the SQL tests: the blocking bundle runs
 * the same wasm as the browser. Instantiation costs about a second, so each
 * test file opens one engine in beforeAll.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { nodeDuckDB } from '../../scripts/duckdb-node'
import { engineFromConnection } from '../../src/db/engine'
import { loadDataset, type DatasetFiles } from '../../src/db/load'
import { TABLES } from '../../src/db/schema'
import type { Engine } from '../../src/db/types'

const root = join(import.meta.dirname, '..', '..')

/** Where the dataset CSVs are read from (KANZHANG_DATASET_DIR overrides, for trying other data). */
export const DATASET_DIR = process.env.KANZHANG_DATASET_DIR ?? join(root, 'data', 'dataset')

export function readDatasetFiles(dir = DATASET_DIR): DatasetFiles {
  const files: DatasetFiles = {}
  for (const t of TABLES) {
    const path = join(dir, `${t}.csv`)
    if (existsSync(path)) files[t] = readFileSync(path, 'utf8')
  }
  return files
}

/** A fresh in-memory engine, optionally loaded with the dataset. */
export async function openEngine(files: DatasetFiles | null = readDatasetFiles()): Promise<Engine & { close(): void }> {
  const bindings = await nodeDuckDB()
  const conn = bindings.connect()
  const engine = engineFromConnection(conn, (name, text) => bindings.registerFileText(name, text))
  if (files) await loadDataset(engine, files)
  return { ...engine, close: () => { conn.close(); bindings.reset() } }
}
