/**
 * The tables and views made when a query first names them, not at start-up.
 *
 * After DuckDB is instantiated, the app's start used to insert 13 tables and
 * bind ≈ 20 views (≈ 0.3 s in Chromium, where the reference start needs none
 * of it), nearly all of it first-time code: the browser compiles DuckDB's wasm
 * functions lazily, on their first call, and each insert and view calls code
 * nothing else has yet. A page asks for a few of them; the others wait for
 * the page that needs them.
 *
 * `LazyCatalog` holds the objects a start left for later: tables to insert
 * (the build's Arrow copies) and the statements of `viewStatements()` (views,
 * the `publisher_links` table, a materialised table that did not come
 * ready-made), each with what it names. `ensure(sql)` makes every object
 * `sql` names, and what those name: the tables one insert each, then the
 * statements in the order of the script in one round trip; a second query
 * naming the same object waits for the first's work instead of making it
 * again. What fails is forgotten, so that the next query tries again and gets
 * DuckDB's error itself.
 *
 * Objects are found by name in the query's text (word bounds, so `facts` is
 * not found in `v_facts`). A name in a comment or a string makes the object
 * too — harmless: it would have been made at start before.
 */
import type { Engine } from './types'

/** A table or view left for later: a statement that makes it, or a function that inserts it. */
export type LazyObject = { name: string; sql: string } | { name: string; make: () => Promise<void> }

/** The name a `CREATE [OR REPLACE] VIEW|TABLE [IF NOT EXISTS] name` statement makes. */
export function createdName(sql: string): string {
  const m = /^CREATE\s+(?:OR\s+REPLACE\s+)?(?:VIEW|TABLE)\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([A-Za-z_][A-Za-z0-9_]*)"?/i.exec(sql.replace(/^(?:\s*--[^\n]*\n)*\s*/, ''))
  if (!m) throw new Error(`not a CREATE VIEW or CREATE TABLE statement: ${sql.slice(0, 80)}`)
  return m[1]!
}

/** A query that lists tables or columns rather than naming them. */
const READS_CATALOG = /\b(?:information_schema|duckdb_(?:tables|views|columns|constraints|dependencies)|sqlite_master|pragma_table_info|SHOW\s+(?:ALL\s+)?TABLES)\b/i

function namesIn(sql: string, pattern: RegExp): Set<string> {
  return new Set([...sql.matchAll(pattern)].map((m) => m[0]))
}

export class LazyCatalog {
  private readonly objects: readonly LazyObject[]
  /** What each object's statement names (a table reads nothing). */
  private readonly reads = new Map<string, string[]>()
  private readonly pattern: RegExp
  private readonly made = new Map<string, Promise<void>>()

  /** `objects` in the order they may be made: a statement only reads objects before it. */
  constructor(private readonly engine: Engine, objects: readonly LazyObject[]) {
    this.objects = objects
    const names = objects.map((o) => o.name)
    // Longest first, so an alternation never stops at a shorter name that is a prefix of a longer one;
    // with no objects, a pattern that matches nothing.
    const alternation = [...new Set(names)].sort((a, b) => b.length - a.length).join('|')
    this.pattern = new RegExp(alternation === '' ? '(?!)' : `\\b(?:${alternation})\\b`, 'g')
    for (const o of objects) this.reads.set(o.name, 'sql' in o ? [...namesIn(o.sql, this.pattern)].filter((n) => n !== o.name) : [])
  }

  /** The names of every object left for later. */
  get names(): string[] {
    return this.objects.map((o) => o.name)
  }

  /**
   * Makes every object `sql` names (and what they read) that is not made yet;
   * resolves when all of them are. A query of the catalog itself (the
   * workbench's list of tables) makes them all: it must see every one.
   */
  ensure(sql: string): Promise<void> {
    return this.make(READS_CATALOG.test(sql) ? new Set(this.names) : namesIn(sql, this.pattern))
  }

  /** Makes every object not made yet. */
  ensureAll(): Promise<void> {
    return this.make(new Set(this.names))
  }

  /**
   * Runs `swap`, which makes every object itself in a transaction of its own
   * on another connection (an import's load runs the whole script). The
   * objects not made yet count as made by it from now on — a query naming one
   * waits for the swap instead of making it alongside — and are forgotten
   * again if it fails (rolled back, they are still missing). It starts once
   * what is being made already is done.
   */
  async replaceAll(swap: () => Promise<void>): Promise<void> {
    const inFlight = [...new Set(this.made.values())]
    let start!: () => void
    const run = new Promise<void>((resolve) => { start = resolve }).then(swap)
    this.remember(this.names.filter((n) => !this.made.has(n)), run)
    await Promise.allSettled(inFlight)
    start()
    await run
  }

  /** `names` and what they read, transitively: each not made yet is made; resolves when all are. */
  private async make(names: Set<string>): Promise<void> {
    const wanted = this.closure(names)
    if (wanted.size === 0) return
    const missing = this.objects.filter((o) => wanted.has(o.name) && !this.made.has(o.name))
    for (const o of missing) if ('make' in o) this.remember([o.name], o.make())
    const statements = missing.flatMap((o) => ('sql' in o ? [o] : []))
    if (statements.length > 0) {
      // After what they read: the tables just asked for, and objects an earlier query is still making.
      const before = [...wanted].filter((n) => !statements.some((o) => o.name === n)).map((n) => this.made.get(n))
      const run = Promise.all(before).then(() => this.engine.query(statements.map((o) => o.sql).join(';\n'))).then(() => undefined)
      this.remember(statements.map((o) => o.name), run)
    }
    await Promise.all([...wanted].map((n) => this.made.get(n)))
  }

  /** Records `names` as made by `run`; forgotten again if it fails, so the next query tries again (and reports DuckDB's error). */
  private remember(names: string[], run: Promise<void>): void {
    for (const n of names) this.made.set(n, run)
    run.catch(() => { for (const n of names) if (this.made.get(n) === run) this.made.delete(n) })
  }

  /** How many objects are made (or being made). */
  get madeCount(): number {
    return this.made.size
  }

  /** `names` and everything they read, transitively. */
  private closure(names: Set<string>): Set<string> {
    const out = new Set<string>()
    const visit = (name: string) => {
      if (out.has(name)) return
      out.add(name)
      this.reads.get(name)?.forEach(visit)
    }
    names.forEach(visit)
    return out
  }
}
