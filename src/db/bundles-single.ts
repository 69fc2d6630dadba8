/**
 * DuckDB-Wasm for the single-file build (`npm run build:single`), which must
 * run from file:// where the page can neither fetch a file nor start a worker
 * from one. Worker and wasm are files of the build (`?url&no-inline`) that the
 * single file carries gzipped and base64-encoded in inert elements
 * (src/platform/files-single.ts; the wasm 34 MB → ≈ 10 MB). The worker starts
 * from a Blob of its source; the wasm reaches it as a `data:` URL of the
 * carried text, which a Blob worker under file:// may fetch (a `blob:` URL made
 * by the page it may not). A shim put before the worker's code decompresses
 * that URL with DecompressionStream when DuckDB fetches it.
 *
 * Only the eh bundle is shipped (WebAssembly exceptions: Chrome/Edge 95+,
 * Firefox 100+, Safari 15.2+): the mvp wasm would add another ≈ 11 MB.
 */
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url&no-inline'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url&no-inline'
import { fileGzipBase64, fileText, workerFromSource } from '../platform/files-single'

const WASM_GZ_PREFIX = 'data:application/x-kanzhang-wasm-gzip;base64,'

// Runs in the worker before DuckDB's code: its fetch of the wasm URL gets the decompressed bytes as application/wasm.
const FETCH_SHIM = `(() => {
  const PREFIX = ${JSON.stringify(WASM_GZ_PREFIX)};
  const fetch0 = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input);
    if (!url.startsWith(PREFIX)) return fetch0(input, init);
    return fetch0(url).then((res) => new Response(res.body.pipeThrough(new DecompressionStream('gzip')),
      { status: 200, headers: { 'content-type': 'application/wasm' } }));
  };
})();
`

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
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), workerFromSource(FETCH_SHIM + source, 'kanzhang-duckdb'))
  await db.instantiate(WASM_GZ_PREFIX + await fileGzipBase64(ehWasm))
  return db
}
