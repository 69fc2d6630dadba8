/**
 * Where the browser gets DuckDB-Wasm — the one place the build mode decides it:
 *
 * - hosted build and dev (`bundles-hosted.ts`): the wasm and worker as local
 *   asset files (no CDN), eh or mvp as the browser allows;
 * - single-file build, `vite build --mode single` (`bundles-single.ts`): the
 *   worker from a Blob and the eh wasm embedded in the page, for file://.
 *
 * `import.meta.env.MODE` is a build-time constant, so the other loader and its
 * files are dropped from the build.
 */
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm'

/** A started AsyncDuckDB (the bundle chosen for this browser and build). */
export async function instantiateDuckDB(): Promise<AsyncDuckDB> {
  const loader = import.meta.env.MODE === 'single' ? await import('./bundles-single') : await import('./bundles-hosted')
  return loader.instantiate()
}
