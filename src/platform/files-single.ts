/**
 * The single file's files (`npm run build:single`). A file that a hosted build
 * writes beside the page travels inside the page as inert elements —
 * `<script type="application/octet-stream" data-kanzhang-file="name"
 * data-part="i" data-parts="n">`, gzip then base64 (scripts/offline-build.ts,
 * `inertFiles`) — because under file://
 * the page can fetch no file and start no worker from one. The browser does not
 * parse that text as JavaScript, so none of it delays the first view; a file is
 * decoded when it is first asked for.
 */

const ATTRIBUTE = 'data-kanzhang-file'

/**
 * The base64 text of each part read so far (the element itself is dropped: the
 * page need not hold it twice). A large file comes in parts (data-part i of
 * data-parts n), so a reader can start on the first while the parser is still
 * reading the rest.
 */
const read = new Map<string, Promise<{ text: string; parts: number }>>()

/** The file name a URL of the build ends with: the single file's files have no folders. */
function fileName(url: string): string {
  return new URL(url, document.baseURI).pathname.split('/').pop()!
}

/**
 * The element `find` finds, once it is whole. The app runs while the page is
 * still being parsed (the loader stands right after the mount point): an
 * element is whole once the parser has put a node after it, or has finished
 * the page (null if it is not there then).
 */
function whole(find: () => Element | null): Promise<Element | null> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => check())
    const check = () => {
      const el = find()
      if (!el?.nextSibling && document.readyState === 'loading') return false
      observer.disconnect()
      document.removeEventListener('DOMContentLoaded', check)
      resolve(el)
      return true
    }
    if (check()) return
    observer.observe(document.body, { childList: true })
    document.addEventListener('DOMContentLoaded', check)
  })
}

async function readPart(name: string, i: number): Promise<{ text: string; parts: number }> {
  const el = await whole(() => document.querySelector(`script[${ATTRIBUTE}="${CSS.escape(name)}"][data-part="${i}"]`))
  if (!el) throw new Error(`${name} is missing from the page`)
  const text = el.textContent ?? ''
  const parts = Number(el.getAttribute('data-parts'))
  el.remove()
  return { text, parts }
}

function part(name: string, i: number): Promise<{ text: string; parts: number }> {
  const key = `${name}#${i}`
  let p = read.get(key)
  if (!p) {
    p = readPart(name, i)
    read.set(key, p)
  }
  return p
}

/** The file as the page carries it (gzip, base64), part by part as the parser reaches each. */
export async function* fileGzipBase64Parts(url: string): AsyncGenerator<string> {
  const name = fileName(url)
  const first = await part(name, 0)
  yield first.text
  for (let i = 1; i < first.parts; i++) yield (await part(name, i)).text
}

/** The file as the page carries it: gzip, base64. */
export async function fileGzipBase64(url: string): Promise<string> {
  let text = ''
  for await (const p of fileGzipBase64Parts(url)) text += p
  return text
}

/** Uint8Array.fromBase64 where the browser has it (Chrome 140+, Firefox 133+, Safari 18.2+): ≈ 4× faster than atob and a loop. */
const fromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  if (fromBase64) return fromBase64(text)
  const bin = atob(text)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}

async function gunzipped(url: string): Promise<Response> {
  const bytes = decodeBase64(await fileGzipBase64(url))
  // Written to the decompressor at once: read back from a Blob, the bytes would
  // come in chunks, each a round trip through the browser's blob storage.
  const gunzip = new DecompressionStream('gzip')
  const writer = gunzip.writable.getWriter()
  // Corrupt bytes fail the read of the response; the writer's own rejections would only repeat it.
  writer.write(bytes).catch(() => undefined)
  writer.close().catch(() => undefined)
  return new Response(gunzip.readable)
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
