/**
 * The app's one DuckDB: created on first use behind a memoised promise, so
 * concurrent callers share a single start-up; the dataset — bundled files plus
 * the user's imports kept in IndexedDB — is loaded before the promise resolves.
 * After an import or a removal `reloadDataset` swaps the tables in place (same
 * DuckDB, no page reload); if the new data cannot be loaded the old stays.
 */
import type { Table } from 'apache-arrow'
import { loadAllImports } from '../import/store-idb'
import type { DatasetCsvFiles } from '../import/types'
import { instantiateDuckDB } from './bundles'
import { DATASET_FILES } from './datasetFiles'
import { engineFromConnection } from './engine'
import { datasetWithImports, loadDataset, replaceDataset } from './load'
import type { Engine, SqlValue } from './types'
import { createSandbox, type Sandbox } from './workbench/sandbox'

export type AppDb = Engine & { queryTable(sql: string, params?: readonly SqlValue[]): Promise<Table> }

/** One stored import as the loader needs it. */
export interface ImportFiles {
  docId: string
  files: DatasetCsvFiles
}

/** What start-up restored from IndexedDB. */
export interface RestoreReport {
  /** doc_ids loaded. */
  restored: string[]
  /** Imports that were kept in IndexedDB but could not be loaded (they stay stored; the user may remove them). */
  failed: Array<{ docId: string; error: string }>
  /** IndexedDB itself failed (unavailable, blocked): no import was restored. */
  error: string | null
  /** Milliseconds spent reading IndexedDB and loading the imports. */
  ms: number
}

let started: Promise<AppDb> | null = null
/** A second connection, used only to swap tables: the app's queries keep seeing the old tables until the commit. */
let loader: Engine | null = null
/** doc_ids of the imports currently loaded. */
let loadedImports: string[] = []
let restore: RestoreReport | null = null
/** Reloads run one after another. */
let queue: Promise<unknown> = Promise.resolve()
let sandbox: Sandbox | null = null

async function readStoredImports(): Promise<ImportFiles[]> {
  return (await loadAllImports()).map((r) => ({ docId: r.docId, files: r.files }))
}

/** Loads the imports onto the bundled data; one that fails is skipped (and reported) so the others still load. */
async function restoreImports(): Promise<RestoreReport> {
  const t0 = performance.now()
  let stored: ImportFiles[]
  try {
    stored = await readStoredImports()
  } catch (e) {
    return { restored: [], failed: [], error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 }
  }
  const failed: RestoreReport['failed'] = []
  if (stored.length > 0) {
    try {
      await replaceDataset(loader!, datasetWithImports(DATASET_FILES, stored.map((s) => s.files)))
      loadedImports = stored.map((s) => s.docId)
    } catch {
      // Find the culprit(s): add the imports one at a time.
      const ok: ImportFiles[] = []
      for (const s of stored) {
        try {
          await replaceDataset(loader!, datasetWithImports(DATASET_FILES, [...ok, s].map((x) => x.files)))
          ok.push(s)
        } catch (e) {
          failed.push({ docId: s.docId, error: e instanceof Error ? e.message : String(e) })
        }
      }
      loadedImports = ok.map((s) => s.docId)
    }
  }
  return { restored: [...loadedImports], failed, error: null, ms: performance.now() - t0 }
}

async function start(): Promise<AppDb> {
  const db = await instantiateDuckDB()
  const conn = await db.connect()
  const register = (name: string, text: string) => db.registerFileText(name, text)
  const engine = engineFromConnection(conn, register)
  await loadDataset(engine, DATASET_FILES)
  loader = engineFromConnection(await db.connect(), register)
  performance.mark('kanzhang:restore-start')
  restore = await restoreImports()
  performance.mark('kanzhang:restore-end')
  return engine
}

/** The DuckDB engine with the dataset loaded (started once). */
export function getDb(): Promise<AppDb> {
  started ??= start()
  return started
}

/**
 * The SQL workbench's DuckDB (workbench/sandbox.ts): a locked copy of the
 * loaded tables in a second worker, started on the workbench's first run.
 */
export function workbenchSandbox(): Sandbox {
  sandbox ??= createSandbox({
    instantiate: instantiateDuckDB,
    snapshot: async (table) => (await getDb()).queryTable(`SELECT * FROM "${table}"`),
    // Long enough for any honest question on this data; a runaway query is stopped, not left to fill the memory.
    timeoutMs: 120_000,
    memoryLimit: '1GB',
  })
  return sandbox
}

/** What start-up restored from IndexedDB (null until the database is ready). */
export function restoreReport(): RestoreReport | null {
  return restore
}

/** doc_ids of the imported documents now loaded. */
export function loadedImportIds(): readonly string[] {
  return loadedImports
}

/**
 * Makes the loaded dataset the bundled files plus exactly `imports`, in place.
 * Rejects (with the tables unchanged) when the merged data does not load.
 */
export function reloadDataset(imports: readonly ImportFiles[]): Promise<void> {
  const run = queue.then(async () => {
    await getDb()
    await replaceDataset(loader!, datasetWithImports(DATASET_FILES, imports.map((i) => i.files)))
    loadedImports = imports.map((i) => i.docId)
    // The workbench's copy is of the old tables now.
    sandbox?.reset()
  })
  queue = run.catch(() => undefined)
  return run
}
