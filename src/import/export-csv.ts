/**
 * CSV export in the canonical format (src/ingest/csv.ts: LF, quoted only when
 * needed), optionally with a UTF-8 BOM so Excel on Windows opens Chinese text
 * correctly instead of guessing GBK.
 */
import { mergeCsvFiles, toCsv } from '../ingest/csv'
import { DATASET_COLUMNS, type DatasetTable } from '../ingest/dataset'
import type { DocumentRow } from '../ingest/types'
export { mergeCsvFiles }
import type { DatasetCsvFiles, ImportedDocument, ImportedRows, PreparedImport, TableCounts } from './types'

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

/** How many line items a prepared import keeps for its preview. */
export const SAMPLE_ROWS = 20

/**
 * An imported document as what is saved and loaded: canonical CSV text per
 * table, with its row counts and first line items for the preview. Runs in the
 * import worker, so the page never holds the rows. `originalDocId` is the
 * doc_id the input gave when the document was renamed since.
 */
export function prepareImport(doc: ImportedDocument, originalDocId: string = doc.document.doc_id): PreparedImport {
  const counts = {} as TableCounts
  for (const table of TABLES) counts[table] = doc.rows[table].length
  return {
    document: doc.document,
    originalDocId,
    files: importToCsvFiles(doc),
    counts,
    sample: doc.rows.line_items.slice(0, SAMPLE_ROWS),
    kind: doc.kind,
    fileName: doc.fileName,
    ...(doc.sourceText !== undefined ? { sourceText: doc.sourceText } : {}),
  }
}

/** A prepared import with another identity (a field the user filled in): its documents CSV is its one document row. */
export function withDocument(prep: PreparedImport, document: DocumentRow): PreparedImport {
  return { ...prep, document, files: { ...prep.files, documents: rowsToCsv(DATASET_COLUMNS.documents, [document]) } }
}

/**
 * Whether every record of a CSV text (after its header row) has `value` as its
 * first field, as written by toCsv (quoted only when needed). Reads the text
 * without splitting it: a quoted cell may hold line breaks, so a record ends
 * at the first line break after an even number of quotes. Linear in the text.
 */
export function everyFirstField(csv: string, value: string): boolean {
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv
  const len = text.length
  const headerEnd = text.indexOf('\n')
  if (headerEnd === -1) return true
  const plain = /[",\r\n]/.test(value) ? null : value + ','
  const quoted = '"' + value.replace(/"/g, '""') + '",'
  let pos = headerEnd + 1
  let nextQuote = text.indexOf('"', pos)
  while (pos < len) {
    if (!((plain !== null && text.startsWith(plain, pos)) || text.startsWith(quoted, pos))) return false
    let quotes = 0
    for (;;) {
      const nl = text.indexOf('\n', pos)
      const end = nl === -1 ? len : nl
      while (nextQuote !== -1 && nextQuote < end) {
        quotes++
        nextQuote = text.indexOf('"', nextQuote + 1)
      }
      pos = end + 1
      if (quotes % 2 === 0 || nl === -1) break
    }
  }
  return true
}

/**
 * The whole dataset (bundled files plus every import) as one CSV per table:
 * documents.csv, line_items.csv … ready to download.
 */
export function exportDataset(bundled: DatasetCsvFiles, imports: readonly DatasetCsvFiles[], options: ExportOptions = {}): ExportedFile[] {
  const merged = mergeCsvFiles([bundled, ...imports])
  return TABLES.map((table) => ({ fileName: `${table}.csv`, text: withBom(merged[table] ?? '', options) }))
}
