/** DuckDB's loader for this build: bundles-hosted.ts or bundles-single.ts (alias in vite.config.ts). */
declare module 'virtual:kanzhang-duckdb-bundle' {
  export function instantiate(): Promise<import('@duckdb/duckdb-wasm').AsyncDuckDB>
}

/**
 * The bundled dataset as Arrow IPC streams, one file of the build per table (its URL; null: no rows),
 * read with virtual:kanzhang-files; scripts/build-dataset-arrow.ts.
 */
declare module 'virtual:kanzhang-dataset-arrow' {
  const tables: Record<string, string | null>
  export default tables
}
