/**
 * The workbench's own DuckDB: a second instance, in its own worker, holding a
 * copy of the tables the app has loaded. User SQL runs here and nowhere else,
 * so that
 * - nothing it does reaches the views: `DELETE FROM line_items` or `DROP
 *   TABLE` changes the copy only (Reset makes a fresh one);
 * - it cannot reach the network or a file: after the copy is loaded the
 *   instance is locked (`enable_external_access = false`,
 *   `lock_configuration = true`), so `read_csv('http://…')`, `ATTACH 'x.db'`,
 *   `COPY … TO` and `LOAD httpfs` fail with DuckDB's permission error, and no
 *   SQL can unlock it (the app's own instance cannot be locked: it loads
 *   imports from registered CSV text, which a locked instance refuses);
 * - a query that runs away can be stopped: Cancel, or the time limit,
 *   terminates the worker (memory and all) and the next run starts a new copy;
 *   the views' DuckDB never waits behind it.
 *
 * Browser-only (a worker), Vue-free.
 */
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm'
import { tableToIPC, type Table } from 'apache-arrow'
import { engineFromConnection } from '../engine'
import { loadDataset } from '../load'
import { TABLES } from '../schema'
import { viewStatements } from '../views.sql'
import { LINKS_TABLE } from '../views-years.sql'
import type { Db } from '../types'

/** Why a run ended without DuckDB's answer. */
export class SandboxStopped extends Error {
  readonly reason: 'cancelled' | 'timeout'
  constructor(reason: 'cancelled' | 'timeout') {
    super(reason === 'cancelled' ? 'the query was cancelled' : 'the query ran past the time limit')
    this.name = 'SandboxStopped'
    this.reason = reason
  }
}

export interface SandboxOptions {
  /** Starts a DuckDB-Wasm instance (in its own worker). */
  instantiate(): Promise<AsyncDuckDB>
  /** The app's tables as they are now (one Arrow table per dataset table). */
  snapshot(table: string): Promise<Table>
  /** A run taking longer is stopped (milliseconds). */
  timeoutMs: number
  /** DuckDB's memory_limit for the copy, e.g. '1GB': a query needing more fails with DuckDB's out-of-memory error. */
  memoryLimit: string
}

interface Live {
  db: AsyncDuckDB
  engine: Db
}

export interface Sandbox {
  /** Runs `fn` on the copy; rejects with SandboxStopped when cancelled or over the time limit. */
  run<T>(fn: (db: Db) => Promise<T>): Promise<T>
  /** Stops the running query (terminates the copy's worker). */
  cancel(): void
  /** The app's data changed (or the user asked for a fresh copy): the next run copies it again. */
  reset(): void
  /** A run is in progress. */
  busy(): boolean
}

/** The SQL that locks an instance: after it, no file or network access and no setting can be changed. */
export const LOCK_SQL = ['SET enable_external_access = false', 'SET lock_configuration = true']

export function createSandbox(opts: SandboxOptions): Sandbox {
  let live: Promise<Live> | null = null
  let stop: ((e: SandboxStopped) => void) | null = null
  let running = 0

  async function start(): Promise<Live> {
    const db = await opts.instantiate()
    try {
      const conn = await db.connect()
      const engine = engineFromConnection(conn, (name, text) => db.registerFileText(name, text))
      // Empty tables and the views first (the same definitions as the app's), then each table's rows.
      await loadDataset(engine, {})
      // The links made by hand too, so the workbench's v_publisher_docs matches the app's.
      for (const name of [...TABLES, LINKS_TABLE]) {
        const table = await opts.snapshot(name)
        if (table.numRows === 0) continue
        await conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name: 'kanzhang_copy', create: true })
        await conn.query(`CREATE OR REPLACE TABLE "${name}" AS SELECT * FROM kanzhang_copy`)
        await conn.query('DROP TABLE kanzhang_copy')
      }
      // Again over the copied rows: the tables the views materialise (facts) were made from empty ones.
      await engine.query(viewStatements().join(';\n'))
      await conn.query(`SET memory_limit = '${opts.memoryLimit.replace(/'/g, '')}'`)
      for (const sql of LOCK_SQL) await conn.query(sql)
      return { db, engine }
    } catch (e) {
      await db.terminate().catch(() => undefined)
      throw e
    }
  }

  function discard(): void {
    const old = live
    live = null
    void old?.then((l) => l.db.terminate()).catch(() => undefined)
  }

  function halt(reason: SandboxStopped['reason']): void {
    stop?.(new SandboxStopped(reason))
    stop = null
    discard()
  }

  return {
    async run<T>(fn: (db: Db) => Promise<T>): Promise<T> {
      running++
      const stopped = new Promise<never>((_, reject) => { stop = reject })
      const timer = setTimeout(() => halt('timeout'), opts.timeoutMs)
      try {
        live ??= start()
        const mine = live
        mine.catch(() => { if (live === mine) live = null })
        return await Promise.race([mine.then((l) => fn(l.engine)), stopped])
      } finally {
        clearTimeout(timer)
        stop = null
        running--
      }
    },
    cancel: () => halt('cancelled'),
    reset: () => { if (running === 0) discard(); else halt('cancelled') },
    busy: () => running > 0,
  }
}
