/**
 * Loads the dataset CSVs into an engine: settings first (no extension
 * downloads: offline they hang or trap), then one typed table per CSV, then the
 * views. Used by the browser start-up and by the Node tests alike.
 *
 * Imported documents are more CSV text in the same canonical
 * columns: `datasetWithImports` appends them to the bundled files and
 * `replaceDataset` swaps the loaded tables for the merged ones in one
 * transaction, so a load that fails leaves what was loaded before untouched.
 */
import type { DatasetTable } from '../ingest/dataset'
import { mergeCsvFiles } from '../ingest/csv'
import { createTableSql, csvHeader, TABLES } from './schema'
import { createdName, LazyCatalog, type LazyObject } from './lazy-catalog'
import type { Engine } from './types'
import { MATERIALISED, viewStatements, type MaterialisedTable } from './views.sql'

/** Settings run before anything else: extensions are not available offline, so fail fast instead. */
export const STARTUP_SQL = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false']

/** CSV text of each dataset table, keyed by table name. */
export type DatasetFiles = Partial<Record<DatasetTable, string>>

/**
 * Registers every file, then creates every table and view in one round trip
 * to the worker: each message to DuckDB's worker waits its turn behind the
 * page's other work, and fifteen of them cost more than the statements.
 */
async function createTables(engine: Engine, files: DatasetFiles, prefix: string): Promise<void> {
  const statements: string[] = []
  await Promise.all(TABLES.map((table) => {
    const text = files[table] ?? ''
    const fileName = `${prefix}${table}.csv`
    statements.push(createTableSql(table, fileName, csvHeader(text)))
    return engine.registerFileText(fileName, text === '' ? '\n' : text)
  }))
  performance.mark('kanzhang:files-registered')
  await engine.query([...statements, ...viewStatements()].join(';\n'))
}

export async function loadDataset(engine: Engine, files: DatasetFiles): Promise<void> {
  for (const sql of STARTUP_SQL) await engine.query(sql)
  await createTables(engine, files, '')
}

/**
 * Arrow IPC streams of the dataset tables and of the materialised views (null:
 * no rows): the bytes, or a function that reads them — the browser's start
 * reads a table's file only when the table is first asked for.
 */
export type DatasetArrow = Partial<Record<DatasetTable | MaterialisedTable, Uint8Array | (() => Promise<Uint8Array>) | null>>

const bytesOf = async (source: Uint8Array | (() => Promise<Uint8Array>)): Promise<Uint8Array> => (typeof source === 'function' ? source() : source)

/**
 * Loads the dataset from Arrow IPC streams made at build time (one per
 * table, already typed as createTableSql types them): `insert` creates a
 * table from its stream; a table without one is created empty; then the
 * views, and the materialised tables that came without a stream.
 *
 * With `make: 'on-first-use'` nothing is inserted or bound: the tables and
 * views are returned instead, for a LazyCatalog (lazy-catalog.ts) to make
 * when a query first names each — the browser's start-up does this.
 */
export async function loadDatasetArrow(
  engine: Engine,
  insert: (table: string, ipc: Uint8Array) => Promise<void>,
  arrows: DatasetArrow,
  options: { make?: 'now' | 'on-first-use' } = {},
): Promise<LazyObject[]> {
  await engine.query(STARTUP_SQL.join(';\n'))
  const objects: LazyObject[] = []
  for (const table of TABLES) {
    const ipc = arrows[table]
    if (ipc) {
      objects.push({ name: table, make: async () => insert(table, await bytesOf(ipc)) })
    } else {
      await engine.registerFileText(`empty_${table}.csv`, '\n')
      objects.push({ name: table, sql: createTableSql(table, `empty_${table}.csv`, []) })
    }
  }
  const given: MaterialisedTable[] = []
  for (const { table } of MATERIALISED) {
    const ipc = arrows[table]
    if (!ipc) continue
    objects.push({ name: table, make: async () => insert(table, await bytesOf(ipc)) })
    given.push(table)
  }
  for (const sql of viewStatements(given)) objects.push({ name: createdName(sql), sql })
  if (options.make === 'on-first-use') return objects
  await new LazyCatalog(engine, objects).ensureAll()
  return []
}

/** The bundled files with every import's files appended (one header per table). Throws on a non-canonical header. */
export function datasetWithImports(bundled: DatasetFiles, imports: readonly DatasetFiles[]): DatasetFiles {
  return imports.length === 0 ? bundled : mergeCsvFiles([bundled, ...imports])
}

/** Why merged tables may not replace the loaded ones: one text per problem ('' when there is none). */
const INTEGRITY_SQL: Array<{ sql: string; what: string }> = [
  // A doc_id twice would merge two documents' figures in every view.
  { sql: `SELECT 'doc_id ' || doc_id || ' appears ' || count(*) || ' times in documents' AS problem FROM documents GROUP BY doc_id HAVING count(*) > 1 LIMIT 5`, what: 'duplicate documents' },
  // Rows of a document that is not there would be counted nowhere (or everywhere).
  { sql: `SELECT DISTINCT 'line_items rows of unknown doc_id ' || doc_id AS problem FROM line_items WHERE doc_id NOT IN (SELECT doc_id FROM documents) LIMIT 5`, what: 'orphan rows' },
]

/** Counts replaceDataset calls, naming each load's registered files apart. */
let loads = 0

/**
 * Replaces every dataset table with `files` (the bundled dataset plus imports)
 * inside one transaction: the tables are created from the new text, checked
 * (unique doc_ids, no rows of unknown documents), and only then committed. Any
 * failure rolls back, so the tables loaded before stay exactly as they were.
 * Run it on a connection of its own: queries on other connections keep seeing
 * the old tables until the commit.
 */
export async function replaceDataset(engine: Engine, files: DatasetFiles): Promise<void> {
  const generation = ++loads
  await engine.query('BEGIN TRANSACTION')
  try {
    // A fresh file name per load: DuckDB-Wasm may keep a registered file's old buffer.
    await createTables(engine, files, `g${generation}_`)
    const problems: string[] = []
    for (const check of INTEGRITY_SQL) {
      const rows = await engine.query<{ problem: string }>(check.sql)
      problems.push(...rows.map((r) => r.problem))
    }
    if (problems.length > 0) throw new Error(`the merged dataset is inconsistent: ${problems.join('; ')}`)
    await engine.query('COMMIT')
  } catch (err) {
    await engine.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    // The text was copied into the tables; drop the registered copies so a 50 MB import is not held twice.
    for (const table of TABLES) await engine.registerFileText(`g${generation}_${table}.csv`, '\n').catch(() => undefined)
  }
}
