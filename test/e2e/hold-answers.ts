/**
 * Plays DuckDB's answers back out of order in the real app, to show that a
 * view keeps the answer to the latest selection. `holdAnswers` is a page init
 * script: it wraps `Worker` so that the answer of DuckDB-Wasm's worker to one
 * chosen query is kept from the app until the test releases it, and it logs
 * every query answer in the order the app received it.
 *
 * DuckDB-Wasm's async bindings talk to their worker in request objects
 * `{ messageId, type, data }` (worker_request.d.ts): a query with parameters is
 * CREATE_PREPARED `[connection, sql]`, answered by PREPARED_STATEMENT_ID with the
 * statement id, then RUN_PREPARED `[connection, statement, params]`; one without
 * is RUN_QUERY `[connection, sql]`. Each response names its request in
 * `requestId`; QUERY_RESULT (or ERROR) is the answer. The bindings listen with
 * `worker.addEventListener('message', …)`, which is where an answer is held.
 */
import type { Page } from 'playwright-core'

/** One query answer as the app received it (or as it was held back). */
export interface AnswerEvent {
  event: 'held' | 'delivered'
  sql: string
  params: unknown[]
}

/** Which answer to hold: the next query whose SQL is `sql` and, if given, whose parameters are `params`. */
export interface HoldRule {
  sql: string
  params?: unknown[]
}

interface HoldApi {
  arm(rule: HoldRule): void
  release(): void
  log: AnswerEvent[]
  /** Requests sent to a DuckDB worker that it has not answered yet (a held answer is an answer). */
  outstanding(): number
}

/** The init script (self-contained: Playwright sends its source to the page). */
export function holdAnswers(): void {
  const api: HoldApi = {
    log: [],
    arm: (r) => { rule = r },
    release: () => {
      const deliver = held
      held = []
      for (const d of deliver) d()
    },
    outstanding: () => workers.reduce((n, w) => n + w.open.size, 0),
  }
  let rule: HoldRule | null = null
  let held: Array<() => void> = []
  const workers: Watched[] = []
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  type Query = { sql: string; params: unknown[]; hold: boolean }

  class Watched extends Worker {
    /** `${connection}:${statement}` → SQL of a prepared statement. */
    readonly statements = new Map<string, string>()
    /** CREATE_PREPARED requests waiting for their statement id. */
    readonly preparing = new Map<number, [unknown, string]>()
    readonly queries = new Map<number, Query>()
    /** messageIds of DuckDB requests the worker has not answered yet. */
    readonly open = new Set<number>()

    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options)
      workers.push(this)
    }

    override postMessage(message: unknown, transfer?: unknown): void {
      const m = message as { messageId?: unknown; type?: unknown; data?: unknown } | null
      // Only DuckDB's requests look like this; other workers' messages pass untouched.
      if (m && typeof m.messageId === 'number' && typeof m.type === 'string' && /^[A-Z_]+$/.test(m.type)) {
        this.open.add(m.messageId)
        const d = Array.isArray(m.data) ? m.data : []
        if (m.type === 'CREATE_PREPARED') this.preparing.set(m.messageId, [d[0], String(d[1])])
        let q: Query | null = null
        if (m.type === 'RUN_QUERY') q = { sql: String(d[1]), params: [], hold: false }
        if (m.type === 'RUN_PREPARED') q = { sql: this.statements.get(`${d[0]}:${d[1]}`) ?? '', params: (d[2] as unknown[]) ?? [], hold: false }
        if (q) {
          if (rule && q.sql === rule.sql && (rule.params === undefined || same(rule.params, q.params))) {
            q.hold = true
            rule = null
          }
          this.queries.set(m.messageId, q)
        }
      }
      super.postMessage(message, transfer as Transferable[])
    }

    override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void {
      if (type !== 'message' || typeof listener !== 'function') {
        super.addEventListener(type, listener, options)
        return
      }
      super.addEventListener('message', (ev) => {
        const r = (ev as MessageEvent).data as { requestId?: unknown; type?: unknown; data?: unknown } | null
        const id = typeof r?.requestId === 'number' ? r.requestId : -1
        const prepared = this.preparing.get(id)
        if (prepared && r!.type === 'PREPARED_STATEMENT_ID') this.statements.set(`${prepared[0]}:${r!.data}`, prepared[1])
        const q = this.queries.get(id)
        const answer = !!q && (r!.type === 'QUERY_RESULT' || r!.type === 'ERROR')
        const deliver = () => {
          // Before the listener: what it starts (the next request) must find this one answered.
          // Logs and progress reports name a request that is still running.
          if (!/^(LOG|PROGRESS_UPDATE|INSTANTIATE_PROGRESS)$/.test(String(r?.type))) this.open.delete(id)
          if (answer) api.log.push({ event: 'delivered', sql: q!.sql, params: q!.params })
          listener.call(this, ev)
        }
        if (answer && q!.hold) {
          q!.hold = false
          this.open.delete(id)
          api.log.push({ event: 'held', sql: q!.sql, params: q!.params })
          held.push(deliver)
          return
        }
        deliver()
      }, options)
    }
  }

  Object.defineProperty(window, '__kanzhangHold', { value: api })
  window.Worker = Watched
}

/** Holds the answer to the next query with this SQL (and parameters). */
export async function armHold(page: Page, rule: HoldRule): Promise<void> {
  await page.evaluate((r) => (window as unknown as { __kanzhangHold: HoldApi }).__kanzhangHold.arm(r), rule)
}

/** Hands the held answer to the app. */
export async function releaseHeld(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __kanzhangHold: HoldApi }).__kanzhangHold.release())
}

/** The query answers so far, in the order the app received them. */
export function answerLog(page: Page): Promise<AnswerEvent[]> {
  return page.evaluate(() => (window as unknown as { __kanzhangHold: HoldApi }).__kanzhangHold.log)
}

/** Waits until an answer to `sql` (with `params`, if given) has been held back. */
export async function waitForHeld(page: Page, sql: string, params?: unknown[]): Promise<void> {
  await page.waitForFunction(([s, p]) => (window as unknown as { __kanzhangHold: HoldApi }).__kanzhangHold.log
    .some((e) => e.event === 'held' && e.sql === s && (p === null || JSON.stringify(e.params) === JSON.stringify(p))), [sql, params ?? null] as const, { timeout: 60_000 })
}

/**
 * Waits until the answer to `sql` (with `params`) has reached the app and every
 * request to DuckDB is answered: the work the answer set off (closing its
 * statement, the view's decision, Vue's re-render — all in the same task or
 * its microtasks) is done by then.
 */
export async function waitForDelivered(page: Page, sql: string, params: unknown[]): Promise<void> {
  await page.waitForFunction(([s, p]) => {
    const h = (window as unknown as { __kanzhangHold: HoldApi }).__kanzhangHold
    return h.outstanding() === 0 && h.log.some((e) => e.event === 'delivered' && e.sql === s && JSON.stringify(e.params) === JSON.stringify(p))
  }, [sql, params] as const, { timeout: 60_000 })
}

/** Index in the log of the first event matching. */
export function indexOf(log: AnswerEvent[], event: AnswerEvent['event'], sql: string, params?: unknown[]): number {
  return log.findIndex((e) => e.event === event && e.sql === sql && (params === undefined || JSON.stringify(e.params) === JSON.stringify(params)))
}
