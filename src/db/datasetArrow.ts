/**
 * The bundled dataset as Arrow IPC, made at build time
 * (scripts/build-dataset-arrow.ts): DuckDB inserts these at start instead of
 * parsing and casting the CSV text. Fetched beside DuckDB's start, like the CSV.
 */
import encoded from 'virtual:kanzhang-dataset-arrow'
import type { DatasetArrow } from './load'

function bytes(base64: string): Uint8Array {
  const bin = atob(base64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** Each table's Arrow IPC stream, the materialised views' too (null: the table has no rows). */
export function datasetArrow(): DatasetArrow {
  return Object.fromEntries(Object.entries(encoded).map(([t, b64]) => [t, b64 === null ? null : bytes(b64)]))
}
