/**
 * The benchmarks' reference (built only with KANZHANG_BENCH_REFERENCE=1): a
 * bare start of the app's own DuckDB — the same loader, worker and wasm files
 * of the same build — then `SELECT 42`, with nothing else on the page. The
 * app's start-up is reported as a ratio to this, timed in the same browser in
 * the same run, because absolute times drift 3–5× between machines.
 */
import { instantiateDuckDB } from '../src/db/bundles'

performance.mark('reference:start')
const db = await instantiateDuckDB()
performance.mark('reference:instantiated')
const conn = await db.connect()
performance.mark('reference:connected')
await conn.query('SELECT 42 AS answer')
performance.mark('reference:ready')
document.getElementById('status')!.textContent = 'ready'
