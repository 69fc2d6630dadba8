/** Messages between worker-client.ts and report.worker.ts (structured-clone friendly). */
import type { IdentityHints } from '../ingest/identity'
import type { CsvImportResult } from './csv-import'
import type { DecodedText } from './decode'
import type { ImportIssue } from './issues'
import type { ReportImport } from './report-import'

/** Either text, or the file's bytes (decoded in the worker: GBK/UTF-16 detection included). */
export type ImportInput = { text: string } | { bytes: ArrayBuffer }

export type WorkerRequest =
  | ({ id: number; kind: 'report'; fileName: string; overrides?: IdentityHints['overrides'] } & ImportInput)
  | ({ id: number; kind: 'csv'; fileName: string } & ImportInput)

export type WorkerResponse =
  | { id: number; ok: true; kind: 'report'; encoding: DecodedText['encoding'] | null; result: ReportImport }
  | { id: number; ok: true; kind: 'csv'; encoding: DecodedText['encoding'] | null; result: CsvImportResult }
  /** Undecodable bytes (issues), or an unexpected crash (message). */
  | { id: number; ok: false; issues: ImportIssue[]; message: string }
