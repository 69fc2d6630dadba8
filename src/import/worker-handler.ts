/**
 * What report.worker.ts does with a request, as a plain function (so Node
 * tests run it without a Worker). Never throws: failures become responses.
 */
import { parseCsvImport } from './csv-import'
import { decodeBytes, type DecodedText } from './decode'
import { ImportFailure } from './issues'
import { importReportText } from './report-import'
import type { WorkerRequest, WorkerResponse } from './worker-protocol'

function handle(req: WorkerRequest): WorkerResponse {
  let text: string
  let encoding: DecodedText['encoding'] | null = null
  if ('bytes' in req) {
    const decoded = decodeBytes(new Uint8Array(req.bytes), req.fileName)
    text = decoded.text
    encoding = decoded.encoding
  } else {
    text = req.text
  }
  if (req.kind === 'report') return { id: req.id, ok: true, kind: 'report', encoding, result: importReportText(text, req.fileName, req.overrides) }
  return { id: req.id, ok: true, kind: 'csv', encoding, result: parseCsvImport(text, req.fileName) }
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
