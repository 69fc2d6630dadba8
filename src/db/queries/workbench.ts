/** The SQL workbench: run what the user wrote, keep DuckDB's error as reported. */
import type { Db } from '../types'

export interface WorkbenchResult {
  columns: string[]
  rows: Record<string, unknown>[]
  ms: number
  error: string | null
}

export const WORKBENCH_EXAMPLE = `SELECT d.label, f.class_name, f.amount
FROM v_function f JOIN v_documents d USING (doc_id)
WHERE f.level = '类' AND f.part = '合计'
ORDER BY f.amount DESC
LIMIT 20`

export async function runWorkbench(db: Db, sql: string): Promise<WorkbenchResult> {
  const t0 = performance.now()
  try {
    const rows = await db.query<Record<string, unknown>>(sql)
    return { columns: rows.length ? Object.keys(rows[0]!) : [], rows, ms: performance.now() - t0, error: null }
  } catch (e) {
    return { columns: [], rows: [], ms: performance.now() - t0, error: oneCaret(e instanceof Error ? e.message : String(e)) }
  }
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

/** Tables and views a user can query, with their columns. */
export function listTables(db: Db): Promise<{ table_name: string; columns: string }[]> {
  return db.query(`SELECT table_name, string_agg(column_name, ', ' ORDER BY ordinal_position) AS columns
FROM information_schema.columns WHERE table_schema = 'main' GROUP BY table_name ORDER BY table_name`)
}
