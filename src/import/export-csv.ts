/**
 * CSV export in the canonical format (src/ingest/csv.ts: LF, quoted only when
 * needed), optionally with a UTF-8 BOM so Excel on Windows opens Chinese text
 * correctly instead of guessing GBK.
 */
import { toCsv } from '../ingest/csv'
import { DATASET_COLUMNS, type DatasetTable } from '../ingest/dataset'
import type { DatasetCsvFiles, ImportedDocument, ImportedRows } from './types'

export interface ExportOptions {
  /** Prefix the text with U+FEFF (Excel reads the file as UTF-8 only with it). */
  bom?: boolean
}

export interface ExportedFile {
  fileName: string
  text: string
}

const TABLES = Object.keys(DATASET_COLUMNS) as DatasetTable[]

function withBom(text: string, options: ExportOptions): string {
  return options.bom ? '\ufeff' + text : text
}

/** Any table (query results, a view's grid) as CSV with a header row, columns in the given order. */
export function rowsToCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[], options: ExportOptions = {}): string {
  return withBom(toCsv(columns, rows), options)
}

/** Rows of every dataset table as canonical CSV texts (a table with no rows still gets its header). */
export function rowsToCsvFiles(rows: ImportedRows): DatasetCsvFiles {
  const files: DatasetCsvFiles = {}
  for (const table of TABLES) {
    const columns = DATASET_COLUMNS[table] as readonly string[]
    files[table] = toCsv(columns as never, rows[table] as readonly object[])
  }
  return files
}

/** An imported document's rows as canonical CSV texts (what store-idb keeps). */
export function importToCsvFiles(doc: ImportedDocument): DatasetCsvFiles {
  return rowsToCsvFiles(doc.rows)
}

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
export function mergeCsvFiles(sets: readonly DatasetCsvFiles[]): DatasetCsvFiles {
  const merged: DatasetCsvFiles = {}
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

/**
 * The whole dataset (bundled files plus every import) as one CSV per table:
 * documents.csv, line_items.csv … ready to download.
 */
export function exportDataset(bundled: DatasetCsvFiles, imports: readonly DatasetCsvFiles[], options: ExportOptions = {}): ExportedFile[] {
  const merged = mergeCsvFiles([bundled, ...imports])
  return TABLES.map((table) => ({ fileName: `${table}.csv`, text: withBom(merged[table] ?? '', options) }))
}
