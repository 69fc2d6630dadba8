/**
 * What report.worker.ts does with a request, as a plain function (so Node
 * tests run it without a Worker). Never throws: failures become responses.
 *
 * All the heavy work stays here, off the page: decoding, parsing, grouping by
 * document, renaming away from reserved doc_ids and writing the canonical CSV
 * text. The page receives that text and a small preview, never the rows.
 */
import { assembleCsvImports } from './assemble'
import { parseCsvImport, type CsvImportResult } from './csv-import'
import { decodeBytes, type DecodedText } from './decode'
import { planDocIds } from './doc-id'
import { prepareImport } from './export-csv'
import { ImportFailure, issue, type ImportIssue } from './issues'
import { importReportText } from './report-import'
import type { CsvRead, ImportInput, WorkerRequest, WorkerResponse } from './worker-protocol'

function decode(input: ImportInput, fileName: string): { text: string; encoding: DecodedText['encoding'] | null } {
  if (!('bytes' in input)) return { text: input.text, encoding: null }
  const decoded = decodeBytes(new Uint8Array(input.bytes), fileName)
  return { text: decoded.text, encoding: decoded.encoding }
}

function readCsv(req: Extract<WorkerRequest, { kind: 'csv' }>): WorkerResponse {
  const issues: ImportIssue[] = []
  const ok: Array<Extract<CsvImportResult, { ok: true }>> = []
  const files: CsvRead['files'] = []
  for (const file of req.files) {
    try {
      const { text, encoding } = decode(file, file.fileName)
      const result = parseCsvImport(text, file.fileName)
      if (!result.ok) {
        issues.push(...result.errors)
        continue
      }
      ok.push(result)
      files.push({ fileName: file.fileName, encoding, kind: result.kind, rows: result.kind === 'documents' ? result.documents.length : result.lineItems.length })
    } catch (err) {
      // An undecodable file is named with the others; anything else is a crash.
      if (err instanceof ImportFailure) issues.push(...err.issues)
      else throw err
    }
  }
  if (issues.length > 0) return { id: req.id, ok: false, issues, message: issues[0]!.message.en }
  const assembled = assembleCsvImports(ok)
  if (!assembled.ok) return { id: req.id, ok: false, issues: assembled.errors, message: assembled.errors[0]!.message.en }
  const originals = assembled.imports.map((d) => d.document.doc_id)
  const planned = planDocIds(assembled.imports, new Set(req.reserved))
  const imports = planned.map((doc, i) => prepareImport(doc, originals[i]))
  return { id: req.id, ok: true, kind: 'csv', result: { files, imports, withoutIdentity: assembled.withoutIdentity } }
}

function handle(req: WorkerRequest): WorkerResponse {
  if (req.kind === 'csv') return readCsv(req)
  const { text, encoding } = decode(req, req.fileName)
  // An empty file (or one of blanks) is not a report with nothing recognised: say what it is.
  if (text.trim() === '') throw new ImportFailure([issue('empty', { file: req.fileName }, '文件为空，没有可读的文字', 'the file is empty: there is no text to read')])
  const { preview, imported } = importReportText(text, req.fileName, req.overrides)
  const [planned] = planDocIds([imported], new Set(req.reserved))
  return { id: req.id, ok: true, kind: 'report', encoding, result: { preview, prepared: prepareImport(planned!, imported.document.doc_id) } }
}

export function handleImportRequest(req: WorkerRequest): WorkerResponse {
  try {
    return handle(req)
  } catch (err) {
    return err instanceof ImportFailure
      ? { id: req.id, ok: false, issues: err.issues, message: err.message }
      : { id: req.id, ok: false, issues: [], message: err instanceof Error ? err.message : String(err) }
  }
}
