/**
 * The hosted build (`npm run build`) as an installed-by-visiting PWA: one visit
 * over http://127.0.0.1 (`vite preview`, CSP header and all) precaches it (service worker), then with the server
 * gone the page reloads and works — pivot and SQL — and still does after the
 * browser is closed and started again on the same profile. Nothing is ever
 * requested from another host, and DuckDB runs under the page's CSP.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostedBuild, previewApp, waitForDb, type AppServer, type Page } from './harness'
import {
  CHANGZHI_208_SQL, CHANGZHI_208_YUAN, checkComparePivot, checkSourceLine, cspOf, launchWithProfile, runSql, tryForeignFetch, visitEveryView,
  waitForPrecache, watchProblems, type Problems,
} from './offline-helpers'
import type { BrowserContext } from 'playwright-core'

let build: ReturnType<typeof hostedBuild>
let profile: string
// Its own preview server of the run's build, not startApp's: the test stops it to go offline.
let server: AppServer | null
let url: string
let host: string
let browser: BrowserContext | null
let page: Page
const runs: Problems[] = []

/** Opens the app in a (re)started browser on the shared profile. */
async function open(): Promise<void> {
  browser = await launchWithProfile(profile)
  runs.push(watchProblems(browser, host))
  page = browser.pages()[0] ?? await browser.newPage()
  await page.goto(url)
}

beforeAll(async () => {
  build = hostedBuild()
  profile = mkdtempSync(join(tmpdir(), 'kanzhang-pwa-profile-'))
  server = await previewApp(build.dir)
  url = server.url
  host = new URL(url).host
  await open()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  build?.remove()
  if (profile) rmSync(profile, { recursive: true, force: true })
})

describe('the hosted build as a PWA', () => {
  it('works on the first visit and precaches itself, with one DuckDB bundle', async () => {
    await waitForDb(page)
    const cached = await waitForPrecache(page)
    expect(cached.some((p) => /\/assets\/duckdb-eh-[^/]*\.wasm$/.test(p))).toBe(true)
    expect(cached.some((p) => /\/assets\/duckdb-browser-eh\.worker-[^/]*\.js$/.test(p))).toBe(true)
    // The app's own files, each separate and cacheable: the import worker, the dataset's Arrow tables, the report texts.
    expect(cached.some((p) => /\/assets\/report\.worker-[^/]*\.js$/.test(p))).toBe(true)
    expect(cached.some((p) => /\/assets\/line_items-[^/]*\.arrow$/.test(p))).toBe(true)
    expect(cached.some((p) => /\/assets\/changzhi-2026-budget-[^/]*\.txt$/.test(p))).toBe(true)
    // Chromium has WebAssembly exceptions: the mvp pair (39 MB) is not downloaded.
    expect(cached.some((p) => p.includes('duckdb-mvp') || p.includes('duckdb-browser-mvp'))).toBe(false)
    expect(cached).toContain('/index.html')
  })

  it('becomes installable once DuckDB is ready: the manifest is linked then, not in the HTML', async () => {
    // The served page carries no manifest (the browser's install check would compete with DuckDB's start) …
    const html = await (await fetch(url)).text()
    expect(html).not.toMatch(/<link[^>]+rel="manifest"/)
    // … the app links it once ready, and Chromium reads it without errors.
    await waitForDb(page)
    const cdp = await page.context().newCDPSession(page)
    const manifest = await cdp.send('Page.getAppManifest')
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/)
    expect(manifest.errors).toEqual([])
    expect(manifest.manifest.name).toBe('看账 Kanzhang')
    await cdp.detach()
  })

  it('reloads and works with the server gone', async () => {
    await server!.close()
    server = null
    await expect(fetch(url)).rejects.toThrow()
    await page.reload()
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    await waitForDb(page)
    await visitEveryView(page)
    await checkComparePivot(page, url)
    await checkSourceLine(page, url)
    expect(await runSql(page, CHANGZHI_208_SQL)).toContain(CHANGZHI_208_YUAN)
  })

  it('works again after the browser is closed and started again, server still gone', async () => {
    await browser!.close()
    browser = null
    await open()
    await page.waitForSelector('[data-testid="view-overview"]')
    await waitForDb(page)
    await checkComparePivot(page, url)
    expect((await runSql(page, 'SELECT count(*) AS n FROM documents')).trim()).toBe('4')
  })

  it('declares a Content-Security-Policy that allows no other host, and DuckDB runs under it', async () => {
    const csp = await cspOf(page)
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("'wasm-unsafe-eval'")
    expect(csp).not.toMatch(/https?:|\*/)
    for (const r of runs) expect(r.csp).toEqual([])
  })

  it('never requested another host, and raised no page error', () => {
    for (const r of runs) {
      expect(r.foreign).toEqual([])
      expect(r.pageErrors).toEqual([])
    }
  })

  it('refuses, by its policy, a fetch to another host', async () => {
    expect(await tryForeignFetch(page)).toBe('connect-src')
    expect(runs.at(-1)!.foreign).toEqual([])
  })
})
