/**
 * Wraps a DuckDB-Wasm connection (async in the browser, blocking in Node) as
 * the app's `Engine`: rows as plain objects, values as bind parameters through
 * prepared statements.
 */
import type { Table } from 'apache-arrow'
import { rowsFromTable } from './arrow'
import type { Engine, SqlValue } from './types'

/** The parts of a DuckDB-Wasm connection the engine needs (sync or async). */
export interface ConnectionLike {
  query(sql: string): Table | Promise<Table>
  prepare(sql: string): PreparedLike | Promise<PreparedLike>
}
interface PreparedLike {
  query(...params: unknown[]): Table | Promise<Table>
  close(): unknown
}

export function engineFromConnection(
  conn: ConnectionLike,
  registerFileText: (name: string, text: string) => unknown,
): Engine & { queryTable(sql: string, params?: readonly SqlValue[]): Promise<Table> } {
  async function queryTable(sql: string, params: readonly SqlValue[] = []): Promise<Table> {
    if (params.length === 0) return await conn.query(sql)
    const stmt = await conn.prepare(sql)
    try {
      return await stmt.query(...params)
    } finally {
      await stmt.close()
    }
  }
  return {
    queryTable,
    async query<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
      return rowsFromTable<T>(await queryTable(sql, params))
    },
    async registerFileText(name: string, text: string): Promise<void> {
      await registerFileText(name, text)
    },
  }
}
