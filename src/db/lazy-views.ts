/**
 * The views made when a query first names them, not at start-up.
 *
 * Binding the ≈ 20 views of views.sql.ts is the largest part of the app's
 * start after DuckDB is instantiated (≈ 0.2 s of ≈ 0.4 s in Chromium), and
 * nearly all of it is first-time code: the browser compiles DuckDB's wasm
 * functions lazily, on their first call, and each view's binder, regular
 * expressions and window functions call code nothing else has yet. A page
 * asks for two or three of the views; the others wait for the page that
 * needs them.
 *
 * `LazyViews` holds the statements of `viewStatements()` (views, the
 * `publisher_links` table, a materialised table that did not come ready-made)
 * with what each one names. `ensure(sql)` makes every object `sql` names, and
 * what those name, in the order of the script, in one round trip; a second
 * query naming the same object waits for the first's statement instead of
 * running it again. A statement that fails is forgotten, so the next query
 * tries again and gets DuckDB's error itself.
 *
 * Objects are found by name in the query's text (word bounds, so `facts` is
 * not found in `v_facts`). A name in a comment or a string makes the object
 * too — harmless: it would have been made at start before.
 */
import type { Engine } from './types'

/** One object of the script: its name and statement, and the objects it reads. */
interface LazyObject {
  name: string
  sql: string
  reads: string[]
}

/** The name a `CREATE [OR REPLACE] VIEW|TABLE [IF NOT EXISTS] name` statement makes. */
function createdName(sql: string): string {
  const m = /^CREATE\s+(?:OR\s+REPLACE\s+)?(?:VIEW|TABLE)\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_][A-Za-z0-9_]*)/i.exec(sql.replace(/^(?:\s*--[^\n]*\n)*\s*/, ''))
  if (!m) throw new Error(`not a CREATE VIEW or CREATE TABLE statement: ${sql.slice(0, 80)}`)
  return m[1]!
}

function namesIn(sql: string, pattern: RegExp): Set<string> {
  return new Set([...sql.matchAll(pattern)].map((m) => m[0]))
}

export class LazyViews {
  private readonly objects: LazyObject[]
  private readonly pattern: RegExp
  private readonly made = new Map<string, Promise<void>>()

  /** `statements`: the view script's statements in order (viewStatements()), each creating one object. */
  constructor(private readonly engine: Engine, statements: readonly string[]) {
    const names = statements.map(createdName)
    // Longest first, so an alternation never stops at a shorter name that is a prefix of a longer one;
    // with no statements, a pattern that matches nothing.
    const alternation = [...new Set(names)].sort((a, b) => b.length - a.length).join('|')
    this.pattern = new RegExp(alternation === '' ? '(?!)' : `\\b(?:${alternation})\\b`, 'g')
    this.objects = statements.map((sql, i) => ({ name: names[i]!, sql, reads: [...namesIn(sql, this.pattern)].filter((n) => n !== names[i]) }))
  }

  /** The names of every object of the script. */
  get names(): string[] {
    return this.objects.map((o) => o.name)
  }

  /** Makes every object `sql` names (and what they read) that is not made yet; resolves when all of them are. */
  async ensure(sql: string): Promise<void> {
    const wanted = this.closure(namesIn(sql, this.pattern))
    if (wanted.size === 0) return
    const missing = this.objects.filter((o) => wanted.has(o.name) && !this.made.has(o.name))
    if (missing.length > 0) {
      const run = this.engine.query(missing.map((o) => o.sql).join(';\n')).then(() => undefined)
      for (const o of missing) this.made.set(o.name, run)
      // Forget a failed statement so that the next query tries again (and reports DuckDB's error).
      run.catch(() => { for (const o of missing) if (this.made.get(o.name) === run) this.made.delete(o.name) })
    }
    await Promise.all([...wanted].map((n) => this.made.get(n)))
  }

  /** Makes every object not made yet (before a load replaces the tables in a transaction of its own). */
  ensureAll(): Promise<void> {
    return this.ensure(this.names.join(' '))
  }

  /** Records that every object exists (a load has just run the whole script). */
  markAllMade(): void {
    for (const o of this.objects) this.made.set(o.name, Promise.resolve())
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
      for (const o of this.objects) if (o.name === name) o.reads.forEach(visit)
    }
    names.forEach(visit)
    return out
  }
}
