/**
 * The single file's files (`npm run build:single`). A file that a hosted build
 * writes beside the page travels inside the page as an inert element —
 * `<script type="application/octet-stream" data-kanzhang-file="name">`, gzip
 * then base64 (scripts/offline-build.ts, `inertFiles`) — because under file://
 * the page can fetch no file and start no worker from one. The browser does not
 * parse that text as JavaScript, so none of it delays the first view; a file is
 * decoded when it is first asked for.
 */

const ATTRIBUTE = 'data-kanzhang-file'

/** The base64 text of each file read so far (the element itself is dropped: the page need not hold it twice). */
const read = new Map<string, Promise<string>>()

/** The file name a URL of the build ends with: the single file's files have no folders. */
function fileName(url: string): string {
  return new URL(url, document.baseURI).pathname.split('/').pop()!
}

function parsed(): Promise<void> {
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
}

async function readElement(name: string): Promise<string> {
  const find = () => document.querySelector(`script[${ATTRIBUTE}="${CSS.escape(name)}"]`)
  // The app runs while the page is still being parsed (the loader stands right after the mount point): an
  // element is whole once the parser has put a node after it, or has finished the page.
  let el = find()
  if (!el?.nextSibling && document.readyState === 'loading') {
    await parsed()
    el = find()
  }
  if (!el?.textContent) throw new Error(`${name} is missing from the page`)
  const text = el.textContent
  el.remove()
  return text
}

/** The file as the page carries it: gzip, base64 (DuckDB's worker fetches its wasm so, as a data: URL). */
export function fileGzipBase64(url: string): Promise<string> {
  const name = fileName(url)
  let text = read.get(name)
  if (!text) {
    text = readElement(name)
    read.set(name, text)
  }
  return text
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}

async function gunzipped(url: string): Promise<Response> {
  const bytes = decodeBase64(await fileGzipBase64(url))
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')))
}

export async function fileBytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await gunzipped(url)).arrayBuffer())
}

export async function fileText(url: string): Promise<string> {
  return (await gunzipped(url)).text()
}

/**
 * A classic worker running `code`, started from a Blob (a worker-src the page's
 * policy allows; the worker inherits that policy). The worker revokes its own
 * URL once it runs, as Vite's inline workers do.
 */
export function workerFromSource(code: string, name: string): Worker {
  const url = URL.createObjectURL(new Blob(['URL.revokeObjectURL(self.location.href);\n', code], { type: 'text/javascript' }))
  const worker = new Worker(url, { name })
  worker.addEventListener('error', () => URL.revokeObjectURL(url), { once: true })
  return worker
}

/** The single file's workers are classic scripts: its build bundles them as IIFE (vite.config.ts, worker.format). */
export async function startWorker(url: string, name: string): Promise<Worker> {
  return workerFromSource(await fileText(url), name)
}
