/**
 * RFC 4180 CSV writing, deterministic to the byte: LF line endings, UTF-8
 * without BOM, a field quoted only when it holds a comma, quote or line break.
 */

function field(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
}

/** Rows as CSV text with a header row, in the given column order. */
export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const out = [columns.join(',')]
  for (const row of rows) out.push(columns.map((c) => field(row[c])).join(','))
  return out.join('\n') + '\n'
}
