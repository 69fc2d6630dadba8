/**
 * The app's tables and views as one SQL script for the DuckDB CLI, run in a
 * folder holding the canonical CSVs (数据 → 导出全部数据, or data/dataset):
 * `duckdb -init views.sql` (print it with `npm run -s views:sql > views.sql`).
 * The same statements the app runs (schema.ts, views.sql.ts), so a question
 * asked of the app's views gives the same rows there.
 */
import { createTableSql, TABLES } from './schema'
import { STARTUP_SQL } from './load'
import { viewStatements } from './views.sql'

/** The script: settings, one typed table per CSV in `dir` (canonical columns), then every view. */
export function cliSql(dir = '.'): string {
  const prefix = dir === '.' || dir === '' ? '' : dir.replace(/\/?$/, '/')
  const statements = [
    ...STARTUP_SQL,
    ...TABLES.map((t) => createTableSql(t, `${prefix}${t}.csv`, [])),
    ...viewStatements(),
  ]
  return statements.map((s) => s.trim() + ';').join('\n\n') + '\n'
}
