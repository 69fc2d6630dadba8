/**
 * Promise API over report.worker.ts. One worker, started on first use and
 * reused; each call gets its own request id. Browser-only (Worker).
 */
import { startWorker } from 'virtual:kanzhang-files'
import type { IdentityHints } from '../ingest/identity'
import type { DecodedText } from './decode'
import { ImportFailure } from './issues'
import type { CsvRead, ImportInput, ReportRead, WorkerRequest, WorkerResponse } from './worker-protocol'
// Vite bundles the worker: a separate, cacheable file in the hosted build; inside the page in the single file.
import reportWorkerUrl from './report.worker.ts?worker&url'

type Pending = { resolve: (r: Extract<WorkerResponse, { ok: true }>) => void; reject: (e: Error) => void }
/** A request without its id (per kind: Omit over a union would drop the kinds' own fields). */
type Request<R = WorkerRequest> = R extends WorkerRequest ? Omit<R, 'id'> : never

let worker: Promise<Worker> | null = null
let nextId = 1
const pending = new Map<number, Pending>()

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err)
  pending.clear()
}

function getWorker(): Promise<Worker> {
  if (worker) return worker
  const started = startWorker(reportWorkerUrl, 'kanzhang-import').then((w) => {
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const res = event.data
      const p = pending.get(res.id)
      if (!p) return
      pending.delete(res.id)
      if (res.ok) p.resolve(res)
      else p.reject(res.issues.length > 0 ? new ImportFailure(res.issues) : new Error(res.message))
    }
    // A worker that fails to load or crashes fails every call in flight; the next call starts a new one.
    w.onerror = (event: ErrorEvent) => {
      failAll(new Error(event.message || 'import worker failed'))
      w.terminate()
      if (worker === started) worker = null
    }
    return w
  })
  // A worker that could not be started fails the calls waiting for it (call() rejects them); the next call tries again.
  started.catch(() => {
    if (worker === started) worker = null
  })
  worker = started
  return started
}

function call(req: Request): Promise<Extract<WorkerResponse, { ok: true }>> {
  const id = nextId++
  const message = { ...req, id } as WorkerRequest
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject })
    // Bytes are transferred, not copied: a 50 MB file is not duplicated.
    const inputs: ImportInput[] = message.kind === 'csv' ? message.files : [message]
    const transfer = inputs.flatMap((i) => ('bytes' in i ? [i.bytes] : []))
    getWorker().then((w) => w.postMessage(message, transfer), (e: unknown) => {
      pending.delete(id)
      reject(e instanceof Error ? e : new Error(String(e)))
    })
  })
}

/**
 * Parses a report (text, or file bytes of any supported encoding) in the
 * worker; its document never takes a `reserved` doc_id. Rejects with
 * ImportFailure for undecodable bytes.
 */
export async function importReportInWorker(input: ImportInput, fileName: string, reserved: readonly string[], overrides?: IdentityHints['overrides']): Promise<{ result: ReportRead; encoding: DecodedText['encoding'] | null }> {
  const res = await call({ kind: 'report', fileName, reserved: [...reserved], ...input, ...(overrides ? { overrides } : {}) })
  if (res.kind !== 'report') throw new Error('unexpected worker response')
  return { result: res.result, encoding: res.encoding }
}

/** Parses the CSV files of one import (text, or file bytes) in the worker. Rejects with ImportFailure naming every bad file's problems. */
export async function importCsvInWorker(files: Array<{ fileName: string } & ImportInput>, reserved: readonly string[]): Promise<CsvRead> {
  const res = await call({ kind: 'csv', files, reserved: [...reserved] })
  if (res.kind !== 'csv') throw new Error('unexpected worker response')
  return res.result
}

/** Stops the worker (e.g. when the import page is left); calls in flight are rejected. */
export function stopImportWorker(): void {
  if (!worker) return
  void worker.then((w) => w.terminate(), () => undefined)
  worker = null
  failAll(new Error('import worker stopped'))
}
