/**
 * RFC 4180 CSV writing, deterministic to the byte: LF line endings, UTF-8
 * without BOM, a field quoted only when it holds a comma, quote or line break;
 * and merging sets of dataset CSVs (the bundled files and each import).
 */
import { DATASET_COLUMNS, type DatasetTable } from './dataset'

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

/** CSV text per dataset table (header row included): a set of dataset files, bundled or imported. */
export type DatasetFileSet = Partial<Record<DatasetTable, string>>

const TABLES = Object.keys(DATASET_COLUMNS) as DatasetTable[]

/** The body of a CSV text: everything after its header line ('' for a header-only or empty text). */
function body(csv: string): string {
  const text = csv.replace(/^\ufeff/, '')
  const nl = text.indexOf('\n')
  if (nl === -1) return ''
  const rest = text.slice(nl + 1)
  return rest === '' || rest.endsWith('\n') ? rest : rest + '\n'
}

function header(csv: string): string {
  const text = csv.replace(/^\ufeff/, '')
  const nl = text.indexOf('\n')
  return nl === -1 ? text : text.slice(0, nl)
}

/**
 * Several sets of dataset CSVs (the bundled files, then each import) as one
 * set: per table, one header and every body in order. All sets must be in the
 * canonical column order (as every exporter here writes them); a set whose
 * header differs is refused rather than silently misaligned.
 */
export function mergeCsvFiles(sets: readonly DatasetFileSet[]): DatasetFileSet {
  const merged: DatasetFileSet = {}
  for (const table of TABLES) {
    const canonical = DATASET_COLUMNS[table].join(',')
    const parts = [canonical + '\n']
    for (const set of sets) {
      const text = set[table]
      if (text === undefined || text === '') continue
      const h = header(text)
      if (h !== canonical) throw new Error(`${table}: header "${h}" is not the canonical "${canonical}"`)
      parts.push(body(text))
    }
    merged[table] = parts.join('')
  }
  return merged
}
