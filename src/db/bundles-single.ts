/**
 * DuckDB-Wasm for the single-file build (`npm run build:single`), which must
 * run from file:// where the page can neither fetch a file nor start a worker
 * from one. The worker starts from a Blob of its source; the wasm travels in
 * the page gzipped and base64-encoded (34 MB → ≈ 10 MB, in an inert <script>
 * element written by scripts/offline-build.ts) and reaches the worker
 * as a `data:` URL, which a Blob worker under file:// may fetch (a `blob:` URL
 * made by the page it may not). A shim put before the worker's code
 * decompresses that URL with DecompressionStream when DuckDB fetches it.
 *
 * Only the eh bundle is shipped (WebAssembly exceptions: Chrome/Edge 95+,
 * Firefox 100+, Safari 15.2+): the mvp wasm would add another ≈ 11 MB.
 */
import * as duckdb from '@duckdb/duckdb-wasm'
import workerSource from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?raw'
import wasmGzipBase64 from 'virtual:kanzhang-duckdb-wasm-gz'

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
  const code = FETCH_SHIM + workerSource.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))
  const worker = new Worker(url)
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
  try {
    await db.instantiate(WASM_GZ_PREFIX + await wasmGzipBase64())
  } finally {
    URL.revokeObjectURL(url)
  }
  return db
}
