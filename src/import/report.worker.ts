/**
 * Web Worker entry: parses an import off the main thread, so a large report
 * or CSV never freezes the page. Receives a WorkerRequest ({ text | bytes,
 * fileName }, kind 'report' or 'csv'); posts back a WorkerResponse (preview + canonical CSV text).
 */
import { handleImportRequest } from './worker-handler'
import type { WorkerRequest } from './worker-protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  scope.postMessage(handleImportRequest(event.data))
}
