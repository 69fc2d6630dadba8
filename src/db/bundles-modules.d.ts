/** The single-file build's embedded DuckDB wasm (gzip, base64), read from the page (scripts/offline-build.ts). */
declare module 'virtual:kanzhang-duckdb-wasm-gz' {
  const wasmGzipBase64: () => string
  export default wasmGzipBase64
}
