/**
 * The app's one DuckDB: created on first use behind a memoised promise, so
 * concurrent callers share a single start-up; the dataset — bundled files plus
 * the user's imports kept in IndexedDB — is loaded before the promise resolves.
 * After an import or a removal `reloadDataset` swaps the tables in place (same
 * DuckDB, no page reload); if the new data cannot be loaded the old stays.
 *
 * A WebAssembly memory never shrinks: after a 50 MB import is removed, the
 * worker would keep its 1.4 GB until the page reloads. So when the data to
 * load is less than half of the most this instance has held, and that was
 * large, the data goes into a fresh instance instead and the old one's worker
 * is ended once its last query has answered. Callers never notice: they hold
 * `appDb`, which always forwards to the current instance.
 */
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm'
import type { Table } from 'apache-arrow'
import { instantiateDuckDB } from './bundles'
import { engineFromConnection } from './engine'
import { LazyCatalog, type LazyObject } from './lazy-catalog'
import { datasetWithImports, loadDataset, loadDatasetArrow, replaceDataset, type DatasetArrow, type DatasetFiles } from './load'
import type { Engine, SqlValue } from './types'
import { createSandbox, type Sandbox } from './workbench/sandbox'

export type AppDb = Engine & { queryTable(sql: string, params?: readonly SqlValue[]): Promise<Table> }

/** One stored import as the loader needs it. */
export interface ImportFiles {
  docId: string
  files: DatasetFiles
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

/** One DuckDB-Wasm instance with the dataset loaded. */
interface Instance {
  db: AsyncDuckDB
  engine: AppDb
  /**
   * A second connection, used only to swap tables: the app's queries keep
   * seeing the old tables until the commit. Opened on the first swap, not at
   * start (most visits import nothing).
   */
  loader: () => Promise<Engine>
  /** The tables and views not made at start, made when a query first names them. */
  catalog: LazyCatalog
  /** The most CSV text (characters) this instance has loaded at once. */
  peak: number
  /** Queries not yet answered, and whether a newer instance has taken over. */
  inflight: number
  retired: boolean
}

/** Above this much CSV text held at once (≈ 30 MB), shrinking the data to less than half restarts DuckDB. */
const RESTART_PEAK_CHARS = 30_000_000

let started: Promise<AppDb> | null = null
let current: Instance | null = null

/**
 * The bundled dataset's CSV text (≈ 1 MB), read only when imports are merged
 * with it: a start with none inserts the build's Arrow tables instead.
 */
let bundled: Promise<DatasetFiles> | null = null
function bundledFiles(): Promise<DatasetFiles> {
  bundled ??= import('./datasetFiles').then((m) => m.datasetFiles())
  return bundled
}
/** doc_ids of the imports currently loaded. */
let loadedImports: string[] = []
let restore: RestoreReport | null = null
/** Reloads run one after another. */
let queue: Promise<unknown> = Promise.resolve()
let sandbox: Sandbox | null = null

/**
 * Where start-up finds the user's stored imports. The app sets it once
 * (src/main.ts: IndexedDB, src/import/store-idb.ts); this layer knows no
 * storage. Unset, start-up restores nothing.
 */
let readStoredImports: () => Promise<ImportFiles[]> = () => Promise.resolve([])

/** Sets where start-up reads the stored imports from (before the first getDb()). */
export function setStoredImports(read: () => Promise<ImportFiles[]>): void {
  readStoredImports = read
}

/** Loads the imports onto the bundled data; one that fails is skipped (and reported) so the others still load. */
async function restoreImports(reading: Promise<ImportFiles[]>): Promise<RestoreReport> {
  const t0 = performance.now()
  let stored: ImportFiles[]
  try {
    stored = await reading
  } catch (e) {
    return { restored: [], failed: [], error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 }
  }
  const failed: RestoreReport['failed'] = []
  if (stored.length > 0) {
    try {
      await replaceInPlace(datasetWithImports(await bundledFiles(), stored.map((s) => s.files)))
      loadedImports = stored.map((s) => s.docId)
    } catch {
      // Find the culprit(s): add the imports one at a time.
      const ok: ImportFiles[] = []
      for (const s of stored) {
        try {
          await replaceInPlace(datasetWithImports(await bundledFiles(), [...ok, s].map((x) => x.files)))
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

function size(files: DatasetFiles): number {
  return Object.values(files).reduce((n, text) => n + (text?.length ?? 0), 0)
}


/**
 * A new instance with the dataset loaded: from `arrow` (the bundled data as
 * Arrow IPC) at start, else from `files` (its worker ended again if loading fails).
 */
async function newInstance(data: { files: DatasetFiles } | { arrow: Promise<DatasetArrow> }): Promise<Instance> {
  // Marks for bench:app's phases (a restart marks them again).
  performance.mark('kanzhang:duckdb-start')
  const db = await instantiateDuckDB()
  performance.mark('kanzhang:duckdb-instantiated')
  try {
    const register = (name: string, text: string) => db.registerFileText(name, text)
    const conn = await db.connect()
    const engine = engineFromConnection(conn, register)
    performance.mark('kanzhang:duckdb-connected')
    // The start (from Arrow) leaves each table and view to the first query that names it; a restart makes them all.
    let later: LazyObject[] = []
    if ('arrow' in data) later = await loadDatasetArrow(engine, (name, ipc) => conn.insertArrowFromIPCStream(ipc, { name, create: true }), await data.arrow, { make: 'on-first-use' })
    else await loadDataset(engine, data.files)
    performance.mark('kanzhang:dataset-loaded')
    let connecting: Promise<Engine> | null = null
    const loader = () => {
      if (!connecting) {
        connecting = db.connect().then((c) => engineFromConnection(c, register))
        connecting.catch(() => { connecting = null }) // a failed connect is tried again by the next swap
      }
      return connecting
    }
    // The bundled data alone can never shrink: the CSV text (a megabyte to parse) is not needed to start.
    return { db, engine, loader, catalog: new LazyCatalog(engine, later), peak: 'files' in data ? size(data.files) : 0, inflight: 0, retired: false }
  } catch (e) {
    await db.terminate().catch(() => undefined)
    throw e
  }
}

function endIfIdle(i: Instance): void {
  if (i.retired && i.inflight === 0) void i.db.terminate().catch(() => undefined)
}

/**
 * Runs a query on the current instance, after making the tables and views `sql` names;
 * counted, so that a retired instance ends only when idle.
 */
async function onCurrent<T>(sql: string, fn: (engine: AppDb) => Promise<T>): Promise<T> {
  const i = current!
  i.inflight++
  try {
    await i.catalog.ensure(sql)
    return await fn(i.engine)
  } finally {
    i.inflight--
    endIfIdle(i)
  }
}

/** What every caller holds: always the current instance. */
const appDb: AppDb = {
  query: <T>(sql: string, params?: readonly SqlValue[]) => onCurrent(sql, (e) => e.query<T>(sql, params)),
  queryTable: (sql, params) => onCurrent(sql, (e) => e.queryTable(sql, params)),
  registerFileText: (name, text) => onCurrent('', (e) => e.registerFileText(name, text)),
}

/**
 * Swaps the current instance's tables for `files` in one transaction, which
 * makes every table and view again: those not made yet are not made first
 * (they would be replaced at once), and none is made on the app's connection
 * while the swap runs (LazyCatalog.replaceAll).
 */
async function replaceInPlace(files: DatasetFiles): Promise<void> {
  const i = current!
  const loader = await i.loader()
  await i.catalog.replaceAll(() => replaceDataset(loader, files))
  i.peak = Math.max(i.peak, size(files))
}

/** Loads `files` into a fresh instance and makes it current; the old one ends when its queries have answered. */
async function restartWith(files: DatasetFiles): Promise<void> {
  const next = await newInstance({ files })
  const old = current!
  current = next
  old.retired = true
  endIfIdle(old)
  performance.mark('kanzhang:db-restarted')
}

async function start(): Promise<AppDb> {
  // IndexedDB is read while DuckDB starts, not after.
  const reading = readStoredImports()
  reading.catch(() => undefined)
  current = await newInstance({ arrow: import('./datasetArrow').then((m) => m.datasetArrow()) })
  performance.mark('kanzhang:restore-start')
  restore = await restoreImports(reading)
  performance.mark('kanzhang:restore-end')
  return appDb
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
    const files = datasetWithImports(await bundledFiles(), imports.map((i) => i.files))
    const chars = size(files)
    if (current!.peak > RESTART_PEAK_CHARS && chars < current!.peak / 2) await restartWith(files)
    else await replaceInPlace(files)
    loadedImports = imports.map((i) => i.docId)
    // The workbench's copy is of the old tables now.
    sandbox?.reset()
  })
  queue = run.catch(() => undefined)
  return run
}
