/**
 * Web Worker entry: parses an import off the main thread, so a large report
 * or CSV never freezes the page. Receives a WorkerRequest ({ text | bytes,
 * fileName }, kind 'report' or 'csv'); posts back a WorkerResponse (preview + canonical CSV text).
 * A PDF is read here too: pdf.js is imported only when the first PDF arrives.
 */
import { handleImportRequestAsync } from './worker-handler'
import type { WorkerRequest } from './worker-protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  scope.postMessage(await handleImportRequestAsync(event.data, async (bytes) => (await import('./pdf-read')).readPdfLayout(bytes)))
}
