/**
 * DuckDB-Wasm in Node, the same wasm as the browser through the blocking
 * bundle: for the build (scripts/build-dataset-arrow.ts) and the SQL tests.
 * Instantiation costs about a second.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings } from '@duckdb/duckdb-wasm/blocking'

/** A started DuckDB (blocking bindings); `reset()` frees it. */
export async function nodeDuckDB(): Promise<DuckDBBindings> {
  const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'))
  const bindings = await createDuckDB({
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  }, new VoidLogger(), NODE_RUNTIME)
  await bindings.instantiate()
  return bindings
}
