/**
 * Rows as the dataset CSVs print them: every column as text ('' for empty),
 * so a citation compares exact decimals (DECIMAL → '192907600.00', never a
 * float). Shared by the provenance queries.
 */

export function asText(rows: readonly Record<string, unknown>[]): Record<string, string>[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])))
}
