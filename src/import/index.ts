/**
 * The framework-free import API (runs in Node, a Worker or the page).
 * Browser-only pieces are imported from their own files: store-idb.ts
 * (IndexedDB), worker-client.ts (Worker) and report.worker.ts (the worker).
 */
export { assembleCsvImports, type AssembleResult } from './assemble'
export { MAX_ERRORS, normaliseStage, normaliseYear, parseCsvImport, type CsvImportResult, type CsvKind } from './csv-import'
export { decodeBytes, type DecodedText, type TextEncodingName } from './decode'
export { docIdsOfDocumentsCsv, planDocIds, renameImport, saveConflict, uniqueDocId } from './doc-id'
export { everyFirstField, exportDataset, importToCsvFiles, mergeCsvFiles, prepareImport, rowsToCsv, rowsToCsvFiles, SAMPLE_ROWS, withDocument, type ExportedFile, type ExportOptions } from './export-csv'
export { ImportFailure, type Bilingual, type ImportIssue, type IssueCode } from './issues'
export { normaliseUnit, readAmountCell, type AmountCell, type AmountUnit } from './numbers'
export { IDENTITY_FIELDS, importReportText, type IdentityField, type ReportImport, type ReportPreview, type TablePreview } from './report-import'
export { emptyRows, IMPORT_TABLE_CODE, type DatasetCsvFiles, type ImportedDocument, type ImportedLineItem, type ImportedRows, type PreparedImport, type TableCounts } from './types'
