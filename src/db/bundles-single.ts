/**
 * DuckDB-Wasm for the single-file build (`npm run build:single`), which must
 * run from file:// where the page can neither fetch a file nor start a worker
 * from one. Worker and wasm are files of the build (`?url&no-inline`) that the
 * single file carries gzipped and base64-encoded in inert elements
 * (src/platform/files-single.ts; the wasm 34 MB → ≈ 10 MB, in 1 MB parts). The
 * worker starts from a Blob of its source; the wasm reaches it part by part
 * over a MessagePort (a Blob worker under file:// can fetch no `blob:` URL the
 * page made), and a shim put before the worker's code decompresses the parts
 * into the response DuckDB's fetch of the wasm gets.
 *
 * Only the eh bundle is shipped (WebAssembly exceptions: Chrome/Edge 95+,
 * Firefox 100+, Safari 15.2+): the mvp wasm would add another ≈ 11 MB.
 */
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url&no-inline'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url&no-inline'
import { fileGzipBase64Parts, fileText, workerFromSource } from '../platform/files-single'

/** What DuckDB is told to fetch its wasm from: the shim below answers it. */
const WASM_URL = 'data:application/x-kanzhang-wasm,'

/**
 * Runs in the worker before DuckDB's code. The page hands it a MessagePort
 * (one message, kept from DuckDB's own handler) and then the wasm's gzip as
 * base64 parts, as the parser reaches each: DuckDB's fetch of WASM_URL gets a
 * stream of them decompressed, as application/wasm, so the compiler starts on
 * the first megabytes while the page is still parsing the rest.
 */
const FETCH_SHIM = `(() => {
  const WASM_URL = ${JSON.stringify(WASM_URL)};
  // Uint8Array.fromBase64 where the browser has it (≈ 4× faster), else atob and a loop.
  const base64Bytes = Uint8Array.fromBase64 ? (text) => Uint8Array.fromBase64(text) : (text) => {
    const bin = atob(text);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  };
  const gzip = new ReadableStream({
    start(controller) {
      self.addEventListener('message', (event) => {
        if (!event.data || event.data.kanzhangWasm !== true) return;
        event.stopImmediatePropagation();
        event.data.port.onmessage = ({ data }) => {
          if (data === null) return controller.close();
          if (typeof data !== 'string') return controller.error(new Error(data.error));
          controller.enqueue(base64Bytes(data));
        };
      });
    },
  });
  const fetch0 = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input);
    if (url !== WASM_URL) return fetch0(input, init);
    return Promise.resolve(new Response(gzip.pipeThrough(new DecompressionStream('gzip')),
      { status: 200, headers: { 'content-type': 'application/wasm' } }));
  };
})();
`

/** Sends the wasm's parts down `port` as the page has them; null ends it, { error } fails it. */
async function sendWasm(port: MessagePort): Promise<void> {
  try {
    for await (const part of fileGzipBase64Parts(ehWasm)) port.postMessage(part)
    port.postMessage(null)
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) })
  } finally {
    port.close()
  }
}

/** Resolves after the page has painted once, so DuckDB's start never holds up the first view. */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0)
    requestAnimationFrame(done)
    setTimeout(done, 100) // hidden pages get no animation frames
  })
}

export async function instantiate(): Promise<duckdb.AsyncDuckDB> {
  if (!(await duckdb.getPlatformFeatures()).wasmExceptions) {
    throw new Error('This browser lacks WebAssembly exception handling, which the single-file build needs (Chrome/Edge 95+, Firefox 100+, Safari 15.2+).')
  }
  await afterFirstPaint()
  const source = (await fileText(ehWorker)).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')
  const worker = workerFromSource(FETCH_SHIM + source, 'kanzhang-duckdb')
  const channel = new MessageChannel()
  worker.postMessage({ kanzhangWasm: true, port: channel.port2 }, [channel.port2])
  void sendWasm(channel.port1)
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
  await db.instantiate(WASM_URL)
  return db
}
