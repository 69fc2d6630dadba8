/** DuckDB's loader for this build: bundles-hosted.ts or bundles-single.ts (alias in vite.config.ts). */
declare module 'virtual:kanzhang-duckdb-bundle' {
  export function instantiate(): Promise<import('@duckdb/duckdb-wasm').AsyncDuckDB>
}

/** The bundled dataset as Arrow IPC streams, base64, per table (null: no rows); scripts/build-dataset-arrow.ts. */
declare module 'virtual:kanzhang-dataset-arrow' {
  const tables: Record<string, string | null>
  export default tables
}
