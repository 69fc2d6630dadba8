/**
 * Runs a user's SQL script with bounded results: every statement runs in
 * order; the last one, when it returns rows, is wrapped so that DuckDB itself
 * stops after `maxRows + 1` rows and cuts long text to `maxChars + 1`
 * characters — `SELECT * FROM range(100000000)` or `SELECT repeat('x',
 * 100000000)` then hands the page a thousand rows of short cells instead of
 * gigabytes. The wrapper needs the result's columns, which `DESCRIBE` of the
 * query gives without running it.
 *
 * Runs on any `Db`; the app gives it the workbench's own locked DuckDB
 * (sandbox.ts), never the one the views read.
 */
import type { Db } from '../types'
import { leadingKeyword, splitStatements } from './statements'

export interface WorkbenchLimits {
  /** Rows handed to the page at most (default 1,000). */
  maxRows: number
  /** Characters kept of a text cell (default 2,000); longer ones end in '…'. */
  maxChars: number
}

export const DEFAULT_LIMITS: WorkbenchLimits = { maxRows: 1000, maxChars: 2000 }

export interface WorkbenchResult {
  columns: string[]
  rows: Record<string, unknown>[]
  ms: number
  error: string | null
  /** Statements the script held (all ran, in order, unless one failed). */
  statements: number
  /** The result had more than `maxRows` rows; only the first `maxRows` are here. */
  more: boolean
  /** Cells cut to `maxChars` characters. */
  cutCells: number
  /** The last statement, when it returns rows and can be counted (countRows). */
  rowQuery: string | null
}

/** Statements whose result can be read as a subquery: `SELECT * FROM (…)`. */
const ROW_STATEMENTS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'PIVOT', 'UNPIVOT', 'DESCRIBE', 'SHOW', 'SUMMARIZE'])

/** Column types the page receives as they are; every other type arrives as (cut) text. */
const KEPT_TYPE = /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\)|DATE|TIMESTAMP( WITH TIME ZONE)?)$/

function q(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"'
}

/** The statement as a subquery (a newline before ')' so a trailing -- comment cannot swallow it). */
function subquery(statement: string): string {
  return `(\n${statement}\n) AS kanzhang_q`
}

/** The bounded form of a row-returning statement, given its columns as DESCRIBE reports them. */
export function boundedSelect(statement: string, columns: readonly { column_name: string; column_type: string }[], limits: WorkbenchLimits): string {
  const projection = columns.map(({ column_name: name, column_type: type }) => {
    const col = q(name)
    if (KEPT_TYPE.test(type)) return col
    const text = type === 'VARCHAR' ? col : `CAST(${col} AS VARCHAR)`
    return `left(${text}, ${limits.maxChars + 1}) AS ${col}`
  })
  return `SELECT ${projection.join(', ') || '*'} FROM ${subquery(statement)} LIMIT ${limits.maxRows + 1}`
}

/** `SELECT count(*)` of a row-returning statement, to say how many rows were not shown. */
export function countSql(statement: string): string {
  return `SELECT count(*)::BIGINT AS n FROM ${subquery(statement)}`
}

function cut(rows: Record<string, unknown>[], limits: WorkbenchLimits): number {
  let cutCells = 0
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      if (typeof v === 'string' && v.length > limits.maxChars) {
        row[k] = v.slice(0, limits.maxChars) + '…'
        cutCells++
      }
    }
  }
  return cutCells
}

/** Runs the script; DuckDB's error is kept as reported (the first failing statement stops the script). */
export async function runWorkbench(db: Db, sql: string, limits: WorkbenchLimits = DEFAULT_LIMITS): Promise<WorkbenchResult> {
  const t0 = performance.now()
  const statements = splitStatements(sql)
  const result: WorkbenchResult = { columns: [], rows: [], ms: 0, error: null, statements: statements.length, more: false, cutCells: 0, rowQuery: null }
  try {
    for (const [i, { text }] of statements.entries()) {
      const last = i === statements.length - 1
      let rows: Record<string, unknown>[]
      let columns: string[] | null = null
      if (last && ROW_STATEMENTS.has(leadingKeyword(text))) {
        const described = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${subquery(text)}`)
        columns = described.map((c) => c.column_name)
        rows = await db.query<Record<string, unknown>>(boundedSelect(text, described, limits))
        result.rowQuery = text
      } else {
        rows = await db.query<Record<string, unknown>>(text)
      }
      if (!last) continue
      result.columns = columns ?? (rows.length ? Object.keys(rows[0]!) : [])
      result.more = rows.length > limits.maxRows
      result.rows = rows.slice(0, limits.maxRows)
      result.cutCells = cut(result.rows, limits)
    }
  } catch (e) {
    result.error = oneCaret(e instanceof Error ? e.message : String(e))
    result.columns = []
    result.rows = []
  }
  result.ms = performance.now() - t0
  return result
}

/** How many rows the statement returns in all (for "first N of M rows"). */
export async function countRows(db: Db, statement: string): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(countSql(statement))
  return Number(row?.n ?? 0)
}

export const WORKBENCH_EXAMPLE = `SELECT d.label, f.class_name, f.amount
FROM v_function f JOIN v_documents d USING (doc_id)
WHERE f.level = '类' AND f.part = '合计'
ORDER BY f.amount DESC
LIMIT 20`

/** Tables and views a user can query, with their columns. */
export function listTables(db: Db): Promise<{ table_name: string; columns: string }[]> {
  return db.query(`SELECT table_name, string_agg(column_name, ', ' ORDER BY ordinal_position) AS columns
FROM information_schema.columns WHERE table_schema = 'main' GROUP BY table_name ORDER BY table_name`)
}

/**
 * DuckDB-Wasm 1.32 repeats the "LINE 1: …\n        ^" block of a parser error
 * ("syntax error at or near …"): the message is kept as reported, the second
 * copy of a block that ends it dropped.
 */
export function oneCaret(message: string): string {
  const m = message.match(/(\n\nLINE \d+:[^\n]*\n *\^)\1$/)
  return m ? message.slice(0, message.length - m[1]!.length) : message
}
