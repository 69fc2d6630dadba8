/**
 * A choice asks DuckDB once. Every statement the page hands DuckDB's worker is
 * counted (a hook on Worker.prototype.postMessage, installed before the app's
 * scripts run): changing Compare's dimension must send exactly one statement,
 * the pivot — not the pivot twice and the document-level questions again, as
 * when writing the choice to the URL made the views see "new" documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, waitForDb, type Page, type StartedApp } from './harness'

let app: StartedApp
let page: Page

/** SQL statements posted to DuckDB's worker since the last reset (prepared or not). */
const sent = () => page.evaluate(() => [...((window as unknown as { __sql: string[] }).__sql)])
const reset = () => page.evaluate(() => { (window as unknown as { __sql: string[] }).__sql.length = 0 })

beforeAll(async () => {
  app = await startApp()
  page = app.page
  await page.addInitScript(() => {
    const log: string[] = ((window as unknown as { __sql: string[] }).__sql = [])
    const post = Worker.prototype.postMessage
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      const m = message as { type?: string; data?: unknown }
      // DuckDB-Wasm's requests: RUN_QUERY carries [connection, sql]; CREATE_PREPARED too.
      if ((m?.type === 'RUN_QUERY' || m?.type === 'CREATE_PREPARED') && Array.isArray(m.data)) log.push(String(m.data[1]))
      return (post as (this: Worker, ...a: unknown[]) => void).call(this, message, ...rest)
    } as typeof Worker.prototype.postMessage
  })
  await page.reload()
  await waitForDb(page)
})

afterAll(async () => { await app?.close() })

describe('a choice asks DuckDB once', () => {
  it('changing Compare’s dimension sends one statement, the pivot, and the table shows its answer', async () => {
    await page.click('[data-nav="compare"]')
    await page.waitForSelector('[data-testid="pivot"] tbody tr')
    // Let the first view's questions (pivot, totals, unclassified items, quality notes) finish.
    await page.waitForFunction(() => document.querySelector('[data-testid="pivot"]')?.getAttribute('data-seq') !== '0')
    for (const dimension of ['class5', 'fund', 'class3']) {
      await reset()
      const seq = await page.getAttribute('[data-testid="pivot"]', 'data-seq')
      await page.selectOption('[data-testid="dimension"]', dimension)
      await page.waitForFunction((s) => document.querySelector('[data-testid="pivot"]')?.getAttribute('data-seq') !== s, seq)
      // The choice is written to the URL (the default, 类, is left out of it) and read back from it.
      await page.waitForFunction((d) => location.hash.includes(`dimension=${d}`) === (d !== 'class3'), dimension)
      const pivots = (await sent()).filter((sql) => /^PIVOT m$/m.test(sql))
      expect(pivots).toHaveLength(1)
      expect(pivots[0]).toContain(`dimension = '${dimension}'`)
      // Nothing but the pivot and the quality notes of its figures.
      const others = (await sent()).filter((sql) => !/^PIVOT m$/m.test(sql))
      expect(others.filter((sql) => /v_import_unclassified|v_totals/.test(sql))).toEqual([])
    }
  })
})
