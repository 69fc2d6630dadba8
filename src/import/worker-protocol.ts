/** Messages between worker-client.ts and report.worker.ts (structured-clone friendly). */
import type { IdentityHints } from '../ingest/identity'
import type { DecodedText } from './decode'
import type { ImportIssue } from './issues'
import type { ReportPreview } from './report-import'
import type { PreparedImport } from './types'

/** Either text, or the file's bytes (decoded in the worker: GBK/UTF-16 detection included). */
export type ImportInput = { text: string } | { bytes: ArrayBuffer }

/** doc_ids the import may not take (bundled; for a pasted text, imported too): its documents are renamed in the worker. */
interface Reserved {
  reserved: readonly string[]
}

export type WorkerRequest =
  | ({ id: number; kind: 'report'; fileName: string; overrides?: IdentityHints['overrides'] } & Reserved & ImportInput)
  /** Every CSV file of one import at once: a line_items file takes its documents' identity from a documents file beside it. */
  | ({ id: number; kind: 'csv'; files: Array<{ fileName: string } & ImportInput> } & Reserved)

/** A report read: its preview, and the document ready to save (CSV text, not rows). */
export interface ReportRead {
  preview: ReportPreview
  prepared: PreparedImport
}

/** CSV files read: what each held, and the documents ready to save. */
export interface CsvRead {
  files: Array<{ fileName: string; encoding: DecodedText['encoding'] | null; kind: string; rows: number }>
  imports: PreparedImport[]
  /** Original doc_ids whose city/year/stage no documents CSV gave: the user fills them in. */
  withoutIdentity: string[]
}

export type WorkerResponse =
  | { id: number; ok: true; kind: 'report'; encoding: DecodedText['encoding'] | null; result: ReportRead }
  | { id: number; ok: true; kind: 'csv'; result: CsvRead }
  /** Bad input (issues, each naming file, line and column), or an unexpected crash (message). */
  | { id: number; ok: false; issues: ImportIssue[]; message: string }
