/**
 * The views made on first use (src/db/lazy-views.ts) answer as the views made
 * at load do, each one made with exactly what it reads; a view asked twice at
 * once is made once; a statement that fails is tried again. Real DuckDB, the
 * bundled dataset from its build-time Arrow copy, as the browser starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datasetAsArrow } from '../../scripts/build-dataset-arrow'
import { nodeDuckDB } from '../../scripts/duckdb-node'
import { engineFromConnection } from '../../src/db/engine'
import { LazyViews } from '../../src/db/lazy-views'
import { loadDatasetArrow, type DatasetArrow } from '../../src/db/load'
import { VIEW_NAMES } from '../../src/db/views.sql'
import { LINKS_TABLE } from '../../src/db/views-years.sql'
import type { Engine } from '../../src/db/types'
import { openEngine, readDatasetFiles } from './engine'

let eager: Engine & { close(): void }
let arrows: DatasetArrow
const opened: Array<() => void> = []

/** A fresh DuckDB loaded from Arrow with the views left for later; `statements` counts what reached DuckDB. */
async function lazyStart(data: DatasetArrow = arrows): Promise<{ engine: Engine; later: string[]; statements: string[] }> {
  const bindings = await nodeDuckDB()
  const conn = bindings.connect()
  opened.push(() => { conn.close(); bindings.reset() })
  const inner = engineFromConnection(conn, (name, text) => bindings.registerFileText(name, text))
  const statements: string[] = []
  const engine: Engine = { ...inner, query: (sql, params) => { statements.push(sql); return inner.query(sql, params) } }
  const later = await loadDatasetArrow(engine, async (name, bytes) => { conn.insertArrowFromIPCStream(bytes, { name, create: true }) }, data, { views: 'later' })
  return { engine, later, statements }
}

/** Drops every view and the links table: the catalog as it is right after a lazy start. */
async function dropViews(engine: Engine): Promise<void> {
  const views = await engine.query<{ view_name: string }>('SELECT view_name FROM duckdb_views() WHERE NOT internal')
  await engine.query([...views.map((v) => `DROP VIEW IF EXISTS ${v.view_name}`), `DROP TABLE IF EXISTS ${LINKS_TABLE}`].join(';\n'))
}

const userViews = async (engine: Engine) =>
  (await engine.query<{ view_name: string }>('SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name')).map((v) => v.view_name)

beforeAll(async () => {
  eager = await openEngine()
  arrows = await datasetAsArrow(readDatasetFiles())
}, 120_000)

afterAll(() => { eager?.close(); opened.forEach((close) => close()) })

describe('views made on first use', () => {
  it('a lazy start makes no view and no links table, and returns every view statement for later', async () => {
    const { engine, later } = await lazyStart()
    expect(await userViews(engine)).toEqual([])
    expect(await engine.query(`SELECT table_name FROM duckdb_tables() WHERE table_name = '${LINKS_TABLE}'`)).toEqual([])
    const views = new LazyViews(engine, later)
    expect([...views.names].sort()).toEqual([...VIEW_NAMES, LINKS_TABLE].sort())
  }, 60_000)

  it('each view, asked first, is made with what it reads and answers as the view made at load', async () => {
    const { engine, later } = await lazyStart()
    const made: Record<string, string[]> = {}
    for (const name of VIEW_NAMES) {
      await dropViews(engine)
      const views = new LazyViews(engine, later)
      const sql = `SELECT * FROM ${name} ORDER BY ALL`
      await views.ensure(sql)
      made[name] = await userViews(engine)
      expect(await engine.query(sql), name).toEqual(await eager.query(sql))
    }
    // Only what each reads: the documents view alone; v_function with the imports' item views it unions.
    expect(made.v_documents).toEqual(['v_documents'])
    expect(made.v_function).toEqual(['v_class_names', 'v_function', 'v_import_items'])
    expect(made.v_import_unclassified).toEqual(['v_class_names', 'v_import_items', 'v_import_unclassified'])
    expect(made.v_publisher_docs).toEqual(['v_publisher_docs'])
    expect(made.v_cross_execution!.length).toBeGreaterThan(3)
    expect(made.v_cross_execution!.length).toBeLessThan(VIEW_NAMES.length)
  }, 120_000)

  it('finds names by word: v_facts is not facts, a query naming no view makes nothing', async () => {
    const { engine, later, statements } = await lazyStart()
    const views = new LazyViews(engine, later)
    const before = statements.length
    await views.ensure('SELECT count(*) FROM facts')
    await views.ensure("SELECT 'v_factsx' AS s FROM line_items")
    expect(statements.length).toBe(before)
    expect(await userViews(engine)).toEqual([])
  }, 60_000)

  it('two queries asking for the same view at once make it once', async () => {
    const { engine, later, statements } = await lazyStart()
    const views = new LazyViews(engine, later)
    const before = statements.length
    await Promise.all([views.ensure('SELECT * FROM v_publisher_docs'), views.ensure('SELECT * FROM v_publisher_docs JOIN v_documents USING (doc_id)')])
    const creating = statements.slice(before)
    expect(creating.length).toBe(2)
    expect(creating.join('\n').match(/CREATE OR REPLACE VIEW v_publisher_docs/g)).toHaveLength(1)
    expect(creating.join('\n').match(/CREATE OR REPLACE VIEW v_documents/g)).toHaveLength(1)
    await views.ensure('SELECT * FROM v_documents')
    expect(statements.length).toBe(before + 2)
  }, 60_000)

  it('a statement that fails is tried again by the next query', async () => {
    const { engine, later } = await lazyStart()
    let fail = true
    const flaky: Engine = { ...engine, query: (sql, params) => (fail ? Promise.reject(new Error('worker busy')) : engine.query(sql, params)) }
    const views = new LazyViews(flaky, later)
    await expect(views.ensure('SELECT * FROM v_documents')).rejects.toThrow('worker busy')
    expect(views.madeCount).toBe(0)
    fail = false
    await views.ensure('SELECT * FROM v_documents')
    expect(await userViews(engine)).toEqual(['v_documents'])
  }, 60_000)

  it('a materialised table that did not come ready-made is made on first use from its view', async () => {
    const withoutFacts = { ...arrows, facts: null }
    const { engine, later } = await lazyStart(withoutFacts)
    expect(later.some((s) => /CREATE OR REPLACE TABLE facts AS SELECT \* FROM v_facts/.test(s))).toBe(true)
    expect(await engine.query("SELECT table_name FROM duckdb_tables() WHERE table_name = 'facts'")).toEqual([])
    const views = new LazyViews(engine, later)
    await views.ensure('SELECT * FROM facts')
    const sql = 'SELECT * FROM facts ORDER BY ALL'
    const rows = await engine.query(sql)
    expect(rows.length).toBe(325)
    expect(rows).toEqual(await eager.query(sql))
  }, 60_000)

  it('ensureAll makes every view, and the script run again over them changes nothing', async () => {
    const { engine, later } = await lazyStart()
    const views = new LazyViews(engine, later)
    await views.ensureAll()
    expect(await userViews(engine)).toEqual([...VIEW_NAMES].sort())
    expect(views.madeCount).toBe(later.length)
  }, 60_000)
})
