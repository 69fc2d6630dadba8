/**
 * Where the browser gets DuckDB-Wasm — the one place the build mode decides it:
 *
 * - hosted build and dev (`bundles-hosted.ts`): the wasm and worker as local
 *   asset files (no CDN), eh or mvp as the browser allows;
 * - single-file build, `vite build --mode single` (`bundles-single.ts`): the
 *   worker from a Blob and the eh wasm embedded in the page, for file://.
 *
 * `virtual:kanzhang-duckdb-bundle` is an alias vite.config.ts points at one of
 * the two files by build mode, so the other loader and its files are not in
 * the build — and the loader is a static import: DuckDB's start does not wait
 * for one more request after the app's script.
 */
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm'
import { instantiate } from 'virtual:kanzhang-duckdb-bundle'

/** A started AsyncDuckDB (the bundle chosen for this browser and build). */
export function instantiateDuckDB(): Promise<AsyncDuckDB> {
  return instantiate()
}
