/**
 * The single-file build (`npm run build:single`) opened the way a user opens a
 * downloaded file: from file://, in headless Chromium, with every network
 * request aborted. The whole app must work — every view, DuckDB's pivot and SQL
 * over the bundled dataset — under its Content-Security-Policy, with no request
 * to anywhere.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, launch, ROOT, waitForDb, type Page } from './harness'
import { blockNetwork, CHANGZHI_208_SQL, CHANGZHI_208_YUAN, checkComparePivot, checkSourceLine, cspOf, runSql, tryForeignFetch, visitEveryView, watchProblems, type Problems } from './offline-helpers'

// Issue 11 raised the budget from 12 to 14 MB for pdf.js and the Chinese CMaps (PDF import).
const BUDGET_BYTES = 14 * 1000 * 1000

let dist: string
let fileUrl: string
let chromium: Awaited<ReturnType<typeof launch>>
let page: Page
let problems: Problems
let blocked: string[]

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'kanzhang-single-'))
  buildApp(dist, {}, ['--mode', 'single'])
  fileUrl = pathToFileURL(join(dist, 'kanzhang.html')).href
  chromium = await launch()
  problems = watchProblems(chromium.browser, null)
  blocked = await blockNetwork(chromium.browser)
  page = await chromium.browser.newPage()
  await page.goto(fileUrl)
})

afterAll(async () => {
  await chromium?.close()
  if (dist) rmSync(dist, { recursive: true, force: true })
})

describe('the single-file build opened from file:// with the network blocked', () => {
  it('is one HTML file within the 14 MB budget', () => {
    expect(readdirSync(dist)).toEqual(['kanzhang.html'])
    expect(statSync(join(dist, 'kanzhang.html')).size).toBeLessThanOrEqual(BUDGET_BYTES)
  })

  it('carries its workers, wasm, dataset tables and report texts as inert elements, not in the script it runs first', () => {
    const html = readFileSync(join(dist, 'kanzhang.html'), 'utf8')
    const parts = [...html.matchAll(/<script type="application\/octet-stream" data-kanzhang-file="([^"]+)" data-part="(\d+)" data-parts="(\d+)">/g)]
    const names = new Set(parts.map((m) => m[1]!))
    for (const file of [/^report\.worker-.*\.js$/, /^duckdb-browser-eh\.worker-.*\.js$/, /^duckdb-eh-.*\.wasm$/, /^line_items-.*\.arrow$/, /^changzhi-2026-budget-.*\.txt$/]) {
      expect([...names].some((n) => file.test(n)), String(file)).toBe(true)
    }
    // The wasm comes in parts, so DuckDB's compiler can start on the first while the page is still parsed.
    expect(parts.filter((m) => /\.wasm$/.test(m[1]!)).length).toBeGreaterThan(1)
    // The first script (the self-extracting loader, a classic script) holds the app's code only: it was ≈ 3 MB
    // of base64 with the workers, dataset and texts inside, ≈ 0.6 MB without.
    const loader = /<script>([\s\S]*?)<\/script>/.exec(html)
    expect(loader).not.toBeNull()
    expect(loader![1]!.length).toBeLessThan(1_000_000)
  })

  it('paints the Overview from the build-time summary before DuckDB is ready', async () => {
    await page.waitForSelector('[data-testid="view-overview"]')
    const text = await page.locator('[data-testid="view-overview"]').innerText()
    // changzhi-2026-budget.txt:181 合计 24736.24 (万元)
    expect(text).toContain('24,736.24')
    const marks = await page.evaluate(() => {
      const at = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? null
      return { firstView: at('kanzhang:first-view'), dbReady: at('kanzhang:db-ready') }
    })
    expect(marks.firstView).not.toBeNull()
    // Either DuckDB is still starting, or it became ready after the first view had painted.
    if (marks.dbReady !== null) expect(marks.dbReady).toBeGreaterThan(marks.firstView!)
  })

  it('starts DuckDB from the embedded wasm', async () => {
    await waitForDb(page, 60_000)
  })

  it('opens every view from the navigation', async () => {
    await visitEveryView(page)
    expect(problems.pageErrors).toEqual([])
  })

  it('compares 长治 2026 with 晋城 2024 by 类 and shows the reports’ figures', async () => {
    await checkComparePivot(page, fileUrl)
  })

  it('shows a report’s source line, its text read from the page only now', async () => {
    await checkSourceLine(page, fileUrl)
  })

  it('runs SQL in the workbench', async () => {
    await page.goto(fileUrl + '#/workbench')
    await page.waitForSelector('[data-testid="sql-input"]')
    expect(await runSql(page, CHANGZHI_208_SQL)).toContain(CHANGZHI_208_YUAN)
    expect((await runSql(page, 'SELECT count(*) AS n FROM documents')).trim()).toBe('4')
  })

  it('fails fast, without a download, on SQL that needs a DuckDB extension', async () => {
    await expect(runSql(page, "SELECT * FROM read_parquet('x.parquet')")).rejects.toThrow(/parquet/i)
  })

  it('parses a pasted report in the import worker, which the page carries and starts as a Blob worker', async () => {
    // Lines 135–160 of gaoping-2026-budget.txt: table B03 alone.
    const trimmed = readFileSync(join(ROOT, 'data', 'raw', 'gaoping-2026-budget.txt'), 'utf8').split('\n').slice(134, 160).join('\n')
    await page.goto(fileUrl + '#/import')
    await page.waitForSelector('[data-testid="view-import"]')
    const view = '[data-testid="view-import"]'
    const before = Number(await page.getAttribute(view, 'data-finished'))
    await page.fill('[data-testid="report-text"]', trimmed)
    await page.fill('[data-testid="report-name"]', 'gaoping-b03.txt')
    await page.click('[data-testid="report-read"]')
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="view-import"]')?.getAttribute('data-finished')) > n, before, { timeout: 60_000 })
    expect(await page.getAttribute(view, 'data-status')).toBe('preview')
    expect(await page.locator('[data-testid="preview-tables"] tbody tr').count()).toBe(1)
  })

  it('declares a Content-Security-Policy that allows no other host, and DuckDB runs under it', async () => {
    const csp = await cspOf(page)
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("'wasm-unsafe-eval'")
    expect(csp).not.toMatch(/https?:|\*/)
    // Scripts by hash only: an injected inline script would not run.
    const scriptSrc = /script-src ([^;]*)/.exec(csp ?? '')?.[1] ?? ''
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(scriptSrc.match(/'sha256-[A-Za-z0-9+/=]+'/g)?.length).toBeGreaterThanOrEqual(2)
    expect(problems.csp).toEqual([])
  })

  it('never made a network request, and raised no page error', () => {
    expect(blocked).toEqual([])
    expect(problems.foreign).toEqual([])
    expect(problems.pageErrors).toEqual([])
  })

  it('refuses, by its policy, a fetch to another host', async () => {
    expect(await tryForeignFetch(page)).toBe('connect-src')
    expect(blocked).toEqual([])
    // The violation reached the watcher: the earlier "no CSP violations" check could have failed.
    await expect.poll(() => problems.csp.some((m) => m.includes('example.com'))).toBe(true)
  })
})
