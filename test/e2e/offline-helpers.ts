/**
 * Shared by the offline browser tests and bench:offline: watch a browser for
 * requests that leave the machine, Content-Security-Policy violations and page
 * errors, and drive the app through every view, a Compare pivot and a SQL query.
 */
import { expect } from 'vitest'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_ARGS } from './harness'

export const VIEWS = ['compare', 'structure', 'sangong', 'execution', 'projects', 'workbench', 'data', 'overview'] as const

/** Everything that went wrong in a browser context, for tests to assert empty. */
export interface Problems {
  /** Requests to a host other than `ownHost` (or, with ownHost null, any http(s)/ws request). */
  foreign: string[]
  /** CSP violations reported to the console of the page or of one of its workers, or as events. */
  csp: string[]
  pageErrors: string[]
}

const CSP_RE = /Content Security Policy|Content-Security-Policy/i

/**
 * Watches every page and worker of a context. ownHost: the app's host
 * ("127.0.0.1:1234"), or null when the app runs from file:// and no network
 * request is allowed at all.
 */
export function watchProblems(context: BrowserContext, ownHost: string | null): Problems {
  const problems: Problems = { foreign: [], csp: [], pageErrors: [] }
  context.on('request', (req) => {
    const u = new URL(req.url())
    if (/^(https?|wss?):$/.test(u.protocol) && u.host !== ownHost) problems.foreign.push(req.url())
  })
  const watchPage = (page: Page) => {
    page.on('console', (m) => { if (CSP_RE.test(m.text())) problems.csp.push(m.text()) })
    page.on('pageerror', (e) => problems.pageErrors.push(String(e)))
    page.on('worker', (w) => w.on('console', (m) => { if (CSP_RE.test(m.text())) problems.csp.push(`worker: ${m.text()}`) }))
  }
  context.pages().forEach(watchPage)
  context.on('page', watchPage)
  void context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  return problems
}

/** Aborts every request that is not file:, data: or blob: (the single file must need none). */
export async function blockNetwork(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = []
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (/^(file|data|blob):/.test(url)) await route.continue()
    else { blocked.push(url); await route.abort('internetdisconnected') }
  })
  return blocked
}

/**
 * Asks the page to fetch from another host: the CSP must refuse it before it
 * reaches the network. Returns the violated directive (null if none fired).
 */
export function tryForeignFetch(page: Page, url = 'https://example.com/kanzhang-csp-probe'): Promise<string | null> {
  return page.evaluate(async (u) => {
    const seen = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }))
    const fetched = await fetch(u).then(() => true, () => false)
    if (fetched) return null
    return Promise.race([seen, new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000))])
  }, url)
}

/** The policy the page enforces (from its <meta>). */
export function cspOf(page: Page): Promise<string | null> {
  return page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')
}

/** Opens every view from the navigation. */
export async function visitEveryView(page: Page): Promise<void> {
  for (const name of VIEWS) {
    await page.click(`[data-nav="${name}"]`)
    await page.waitForSelector(`[data-testid="view-${name}"]`)
  }
}

/** Compares 长治 2026 with 晋城 2024 by 类 and checks the reports' figures for 208. */
export async function checkComparePivot(page: Page, base: string): Promise<void> {
  await page.goto(base + '#/compare?docs=changzhi-2026-budget,jincheng-2024-budget&dimension=class3')
  await page.waitForSelector('[data-testid="pivot"] tr[data-key="208"]', { timeout: 60_000 })
  const cell = (doc: string) => page.locator(`tr[data-key="208"] td[data-doc="${doc}"]`).first().innerText()
  // changzhi-2026-budget.txt:187 / jincheng-2024-budget.txt:376 (万元)
  expect(await cell('changzhi-2026-budget')).toBe('19,290.76')
  expect(await cell('jincheng-2024-budget')).toBe('30,028.26')
  expect(await page.locator('[data-testid="sql-text"]').textContent()).toContain('PIVOT')
}

/** Opens 长治 2026's source text at the line of 208 (a file of the build, read only when the source view asks for it). */
export async function checkSourceLine(page: Page, base: string): Promise<void> {
  await page.goto(base + '#/data/source/changzhi-2026-budget?line=187')
  const line = await page.locator('.src-line.hl').innerText({ timeout: 60_000 })
  // changzhi-2026-budget.txt:187
  expect(line).toContain('社会保障和就业支出')
  expect(line).toContain('19290.76')
}

/**
 * Runs SQL in the workbench and returns the result grid's text (or throws with DuckDB's error).
 * It waits for the view's run counter (`data-runs`) to move: the previous run's error or grid
 * stays on screen while this one runs, so their presence says nothing about this run.
 */
export async function runSql(page: Page, sql: string): Promise<string> {
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
  if (await error.count()) throw new Error(await error.innerText())
  return page.locator('[data-testid="sql-grid"] tbody').innerText()
}

/** 长治 2026 B03 208 合计 in 元, as DuckDB returns it (changzhi-2026-budget.txt:187, 19290.76 万元). */
export const CHANGZHI_208_SQL = "SELECT class_code, value FROM line_items WHERE doc_id = 'changzhi-2026-budget' AND table_code = 'B03' AND class_code = '208' AND measure = '合计'"
export const CHANGZHI_208_YUAN = '192907600.00'

/** Headless Chromium (the harness's flags) on a given profile directory, which survives close: a browser restart. */
export function launchWithProfile(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  })
}

/** Waits until the page's service worker is activated (its install, which precaches, has finished); returns the precached paths. */
export async function waitForPrecache(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready
    const sw = reg.active!
    if (sw.state !== 'activated') await new Promise<void>((ok) => sw.addEventListener('statechange', () => { if (sw.state === 'activated') ok() }))
    const cache = await caches.open('kanzhang-precache')
    return (await cache.keys()).map((r) => new URL(r.url).pathname)
  })
}
