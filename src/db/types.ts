/**
 * The small interfaces the query layer depends on, so the same query functions
 * run on DuckDB-Wasm in the browser (async worker) and in Node tests (blocking
 * bundle).
 */

/** Anything that runs SQL and returns plain rows. Values go in as bind parameters. */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>
}

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | boolean | null

/** A Db that can also receive files (CSV text) by name, for loading the dataset. */
export interface Engine extends Db {
  registerFileText(name: string, text: string): Promise<void>
}

/** A query with its SQL and parameters, so the UI can show the SQL it ran. */
export interface BoundQuery {
  sql: string
  params: SqlValue[]
}
