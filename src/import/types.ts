/**
 * Rows of imported data. They follow the canonical dataset (ARCHITECTURE.md) with
 * one widening: an imported line item's `table_code` is any text, not only
 * B01…B13 / F01…F10, because a user's long table (city, year, stage, item,
 * amount, unit) is not one of the national template's tables. Such rows carry
 * `table_code` IMPORT_TABLE_CODE ('IMPORT'); the ingest types stay untouched.
 */
import type { Dataset, DatasetTable } from '../ingest/dataset'
import type { DocumentRow, LineItemRow } from '../ingest/types'

/** table_code of line items that come from a simple long table rather than a template table. */
export const IMPORT_TABLE_CODE = 'IMPORT'

/** LineItemRow with `table_code` widened to string (see above). */
export type ImportedLineItem = Omit<LineItemRow, 'table_code'> & { table_code: string }

/** A dataset whose line items may carry the widened table code. */
export type ImportedRows = Omit<Dataset, 'line_items'> & { line_items: ImportedLineItem[] }

/** CSV text of each dataset table (canonical columns, header row), as the app loads them. */
export type DatasetCsvFiles = Partial<Record<DatasetTable, string>>

/** One imported document with all its rows, ready to be saved and loaded. */
export interface ImportedDocument {
  document: DocumentRow
  /** Rows of every table that belong to this document (all with document.doc_id). */
  rows: ImportedRows
  kind: 'csv' | 'report'
  /** The file the user imported. */
  fileName: string
  /** The report's text, kept so the app can show a figure's source line; absent for CSV imports. */
  sourceText?: string
}

/** Rows per dataset table. */
export type TableCounts = Record<DatasetTable, number>

/**
 * An import ready to be saved and loaded: its document and its rows as
 * canonical CSV text per table, written where the input was parsed (the import
 * worker). A 50 MB file thus crosses to the page as a few strings, never as
 * hundreds of thousands of row objects, and the page writes no CSV itself.
 */
export interface PreparedImport {
  document: DocumentRow
  /** The doc_id the input gave, before any renaming (an import never takes a bundled doc_id). */
  originalDocId: string
  /** Canonical CSV text per dataset table (header row included), every row under document.doc_id. */
  files: DatasetCsvFiles
  /** Rows per dataset table. */
  counts: TableCounts
  /** The first line items, for the preview. */
  sample: ImportedLineItem[]
  kind: 'csv' | 'report'
  fileName: string
  sourceText?: string
}

export function emptyRows(): ImportedRows {
  return { documents: [], line_items: [], sangong: [], targets: [], evaluations: [], evaluation_fields: [], evaluation_indicators: [], target_budgets: [], narrative: [], checks: [], findings: [] }
}
