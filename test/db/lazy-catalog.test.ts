/**
 * The tables and views made on first use (src/db/lazy-catalog.ts) answer as
 * those made at load do, each one made with exactly what it reads; an object
 * asked twice at once is made once; what fails is tried again. Real DuckDB,
 * the bundled dataset from its build-time Arrow copy, as the browser starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datasetAsArrow } from '../../scripts/build-dataset-arrow'
import { nodeDuckDB } from '../../scripts/duckdb-node'
import { engineFromConnection } from '../../src/db/engine'
import { LazyCatalog, type LazyObject } from '../../src/db/lazy-catalog'
import { loadDatasetArrow, replaceDataset, type DatasetArrow } from '../../src/db/load'
import { TABLES } from '../../src/db/schema'
import { VIEW_NAMES } from '../../src/db/views.sql'
import { LINKS_TABLE } from '../../src/db/views-years.sql'
import type { Engine } from '../../src/db/types'
import { openEngine, readDatasetFiles } from './engine'

let eager: Engine & { close(): void }
let arrows: DatasetArrow
const opened: Array<() => void> = []

/** A fresh DuckDB started from Arrow with every table and view left for later; `statements` and `inserts` count what reached DuckDB. */
async function lazyStart(data: DatasetArrow = arrows): Promise<{ engine: Engine; later: LazyObject[]; statements: string[]; inserts: string[] }> {
  const bindings = await nodeDuckDB()
  const conn = bindings.connect()
  opened.push(() => { conn.close(); bindings.reset() })
  const inner = engineFromConnection(conn, (name, text) => bindings.registerFileText(name, text))
  const statements: string[] = []
  const inserts: string[] = []
  const engine: Engine = { ...inner, query: (sql, params) => { statements.push(sql); return inner.query(sql, params) } }
  const insert = async (name: string, bytes: Uint8Array) => { inserts.push(name); conn.insertArrowFromIPCStream(bytes, { name, create: true }) }
  const later = await loadDatasetArrow(engine, insert, data, { make: 'on-first-use' })
  return { engine, later, statements, inserts }
}

/** Drops every table and view: the catalog as it is right after a lazy start. */
async function dropAll(engine: Engine): Promise<void> {
  const views = await engine.query<{ view_name: string }>('SELECT view_name FROM duckdb_views() WHERE NOT internal')
  const tables = await engine.query<{ table_name: string }>('SELECT table_name FROM duckdb_tables()')
  await engine.query([...views.map((v) => `DROP VIEW ${v.view_name}`), ...tables.map((t) => `DROP TABLE "${t.table_name}"`)].join(';\n'))
}

const userViews = async (engine: Engine) =>
  (await engine.query<{ view_name: string }>('SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name')).map((v) => v.view_name)
const userTables = async (engine: Engine) =>
  (await engine.query<{ table_name: string }>('SELECT table_name FROM duckdb_tables() ORDER BY table_name')).map((t) => t.table_name)

beforeAll(async () => {
  eager = await openEngine()
  arrows = await datasetAsArrow(readDatasetFiles())
}, 120_000)

afterAll(() => { eager?.close(); opened.forEach((close) => close()) })

describe('tables and views made on first use', () => {
  it('a lazy start makes no table and no view, and returns every one for later', async () => {
    const { engine, later, inserts } = await lazyStart()
    expect(await userViews(engine)).toEqual([])
    expect(await userTables(engine)).toEqual([])
    expect(inserts).toEqual([])
    const catalog = new LazyCatalog(engine, later)
    expect([...catalog.names].sort()).toEqual([...TABLES, 'facts', ...VIEW_NAMES, LINKS_TABLE].sort())
  }, 60_000)

  it('reads a table\'s bytes only when the table is first asked for (the browser reads its file then)', async () => {
    const read: string[] = []
    const lazyBytes: DatasetArrow = Object.fromEntries(Object.entries(arrows).map(([t, ipc]) => [t, ipc ? async () => { read.push(t); return ipc as Uint8Array } : null]))
    const { engine, later } = await lazyStart(lazyBytes)
    expect(read).toEqual([])
    const catalog = new LazyCatalog(engine, later)
    await catalog.ensure('SELECT * FROM v_documents')
    expect(read).toEqual(['documents'])
    expect((await engine.query('SELECT * FROM v_documents ORDER BY ALL')).length).toBe(4)
  }, 60_000)

  it('each table and view, asked first, is made with what it reads and answers as the one made at load', async () => {
    const { engine, later } = await lazyStart()
    const made: Record<string, { tables: string[]; views: string[] }> = {}
    for (const name of [...TABLES, 'facts', ...VIEW_NAMES]) {
      await dropAll(engine)
      const catalog = new LazyCatalog(engine, later)
      const sql = `SELECT * FROM "${name}" ORDER BY ALL`
      await catalog.ensure(sql)
      made[name] = { tables: await userTables(engine), views: await userViews(engine) }
      expect(await engine.query(sql), name).toEqual(await eager.query(sql))
    }
    // Only what each reads: a table alone; the documents view with its table; v_function with the imports' item views it unions.
    expect(made.line_items).toEqual({ tables: ['line_items'], views: [] })
    expect(made.facts).toEqual({ tables: ['facts'], views: [] })
    expect(made.v_documents).toEqual({ tables: ['documents'], views: ['v_documents'] })
    expect(made.v_function).toEqual({ tables: ['line_items'], views: ['v_class_names', 'v_function', 'v_import_items'] })
    expect(made.v_publisher_docs).toEqual({ tables: ['documents', LINKS_TABLE], views: ['v_publisher_docs'] })
    expect(made.v_cross_execution!.views.length).toBeGreaterThan(3)
    expect(made.v_cross_execution!.views.length).toBeLessThan(VIEW_NAMES.length)
  }, 180_000)

  it('finds names by word: v_facts is not facts, a query naming nothing makes nothing', async () => {
    const { engine, later, statements, inserts } = await lazyStart()
    const catalog = new LazyCatalog(engine, later)
    const before = statements.length
    await catalog.ensure("SELECT 'v_factsx' AS s, 'line_itemsx' AS t")
    expect(statements.length).toBe(before)
    expect(inserts).toEqual([])
    await catalog.ensure('SELECT count(*) FROM facts')
    expect(inserts).toEqual(['facts'])
    expect(statements.length).toBe(before)
    expect(await userViews(engine)).toEqual([])
  }, 60_000)

  it('a query of the catalog itself (the workbench lists the tables) makes every object first', async () => {
    const { engine, later } = await lazyStart()
    const catalog = new LazyCatalog(engine, later)
    const sql = "SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name"
    await catalog.ensure(sql)
    expect((await engine.query<{ table_name: string }>(sql)).map((r) => r.table_name)).toEqual([...TABLES, 'facts', LINKS_TABLE, ...VIEW_NAMES].sort())
  }, 60_000)

  it('two queries asking for the same objects at once make each once', async () => {
    const { engine, later, statements, inserts } = await lazyStart()
    const catalog = new LazyCatalog(engine, later)
    const before = statements.length
    await Promise.all([catalog.ensure('SELECT * FROM v_publisher_docs'), catalog.ensure('SELECT * FROM v_publisher_docs JOIN v_documents USING (doc_id)')])
    const creating = statements.slice(before)
    expect(creating.length).toBe(2)
    expect(creating.join('\n').match(/CREATE OR REPLACE VIEW v_publisher_docs/g)).toHaveLength(1)
    expect(creating.join('\n').match(/CREATE OR REPLACE VIEW v_documents/g)).toHaveLength(1)
    expect(inserts).toEqual(['documents'])
    await catalog.ensure('SELECT * FROM v_documents JOIN documents USING (doc_id)')
    expect(statements.length).toBe(before + 2)
    expect(inserts).toEqual(['documents'])
  }, 60_000)

  it('a statement that fails is tried again by the next query; the table it read stays made', async () => {
    const { engine, later, inserts } = await lazyStart()
    let fail = true
    const flaky: Engine = { ...engine, query: (sql, params) => (fail ? Promise.reject(new Error('worker busy')) : engine.query(sql, params)) }
    const catalog = new LazyCatalog(flaky, later)
    await expect(catalog.ensure('SELECT * FROM v_documents')).rejects.toThrow('worker busy')
    expect(catalog.madeCount).toBe(1)
    fail = false
    await catalog.ensure('SELECT * FROM v_documents')
    expect(await userViews(engine)).toEqual(['v_documents'])
    expect(inserts).toEqual(['documents'])
  }, 60_000)

  it('a materialised table that did not come ready-made is made on first use from its view', async () => {
    const withoutFacts = { ...arrows, facts: null }
    const { engine, later } = await lazyStart(withoutFacts)
    expect(later.some((o) => 'sql' in o && /CREATE OR REPLACE TABLE facts AS SELECT \* FROM v_facts/.test(o.sql))).toBe(true)
    expect(await engine.query("SELECT table_name FROM duckdb_tables() WHERE table_name = 'facts'")).toEqual([])
    const catalog = new LazyCatalog(engine, later)
    await catalog.ensure('SELECT * FROM facts')
    const sql = 'SELECT * FROM facts ORDER BY ALL'
    const rows = await engine.query(sql)
    expect(rows.length).toBe(325)
    expect(rows).toEqual(await eager.query(sql))
  }, 60_000)

  it('an import\'s swap makes what is not made yet itself: nothing is inserted first, a query during it waits for it', async () => {
    const { engine, later, inserts } = await lazyStart()
    const catalog = new LazyCatalog(engine, later)
    await catalog.ensure('SELECT * FROM v_documents')
    expect(inserts).toEqual(['documents'])
    const swap = catalog.replaceAll(() => replaceDataset(engine, readDatasetFiles()))
    const during = catalog.ensure('SELECT * FROM v_function JOIN line_items USING (doc_id)')
    await Promise.all([swap, during])
    // The swap created every table from the CSV text: none was inserted from Arrow only to be replaced.
    expect(inserts).toEqual(['documents'])
    expect(await userViews(engine)).toEqual([...VIEW_NAMES].sort())
    const sql = 'SELECT * FROM v_function ORDER BY ALL'
    expect(await engine.query(sql)).toEqual(await eager.query(sql))
  }, 60_000)

  it('a swap that fails leaves what was not made to be made on first use again', async () => {
    const { engine, later, inserts } = await lazyStart()
    const catalog = new LazyCatalog(engine, later)
    await catalog.ensure('SELECT * FROM documents')
    await expect(catalog.replaceAll(() => Promise.reject(new Error('the merged dataset is inconsistent')))).rejects.toThrow('inconsistent')
    expect(catalog.madeCount).toBe(1)
    await catalog.ensure('SELECT count(*) FROM line_items')
    expect(inserts).toEqual(['documents', 'line_items'])
  }, 60_000)

  it('ensureAll makes every table and view', async () => {
    const { engine, later } = await lazyStart()
    const catalog = new LazyCatalog(engine, later)
    await catalog.ensureAll()
    expect(await userViews(engine)).toEqual([...VIEW_NAMES].sort())
    expect(await userTables(engine)).toEqual([...TABLES, 'facts', LINKS_TABLE].sort())
    expect(catalog.madeCount).toBe(later.length)
  }, 60_000)
})
