/**
 * The one place identifiers and allowlisted literals enter SQL text. User
 * values go in as bind parameters (`?`); an identifier the user picks (a
 * dimension, a measure, a pivot column) must be in an allowlist first.
 */

/** Quotes an identifier ("name") after checking it against the allowlist. */
export function ident(name: string, allowed: readonly string[]): string {
  if (!allowed.includes(name)) throw new Error(`identifier not allowed: ${name}`)
  return '"' + name.replace(/"/g, '""') + '"'
}

/**
 * Quotes a string literal after checking it against the allowlist. Only for
 * places where DuckDB accepts no parameter, such as the `IN (…)` list of a
 * PIVOT whose values become column names.
 */
export function literal(value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new Error(`value not allowed: ${value}`)
  return "'" + value.replace(/'/g, "''") + "'"
}

/** `?, ?, ?` for a list of n bind parameters (at least one, so `IN ()` never occurs). */
export function placeholders(n: number): string {
  return Array.from({ length: Math.max(1, n) }, () => '?').join(', ')
}

/**
 * The SQL with its parameters written in as literals — only to hand a query to
 * the user (the workbench), never to run the app's own queries.
 */
export function inlineParams(sql: string, params: readonly (string | number | boolean | null)[]): string {
  let i = 0
  return sql.replace(/\?/g, () => {
    const v = params[i++]
    if (v === null || v === undefined) return 'NULL'
    if (typeof v === 'number' || typeof v === 'boolean') return String(v)
    return "'" + v.replace(/'/g, "''") + "'"
  })
}
