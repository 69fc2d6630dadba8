/**
 * Two tabs of the app, one browser profile (one IndexedDB): imports made in
 * both are never lost and both tabs come to list — and load — the same ones.
 * - Same file name (same doc_id) confirmed in both: the second tab is told
 *   that another tab has just imported it and chooses (here: keep both).
 * - Different files: each tab hears of the other's import (BroadcastChannel)
 *   and loads it without a reload.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actOnImport, ROOT, startApp, waitForDb, type Page, type StartedApp } from './harness'
import { runSql } from './offline-helpers'

const GAOPING = readFileSync(join(ROOT, 'data', 'raw', 'gaoping-2026-budget.txt'))
const VIEW = '[data-testid="view-import"]'

let app: StartedApp
let a: Page
let b: Page
let bundledRows: number
let rowsPerImport: number

beforeAll(async () => {
  app = await startApp({ path: '#/import' })
  a = app.page
  b = await app.browser.newPage()
  await b.goto(app.url + '#/import')
  await waitForDb(b)
  bundledRows = await lineItems(a)
  rowsPerImport = Number((await runSql(a, "SELECT count(*) FROM line_items WHERE doc_id = 'gaoping-2026-budget'")).trim())
})

afterAll(async () => { await app?.close() })

async function lineItems(page: Page): Promise<number> {
  return Number((await runSql(page, 'SELECT count(*) AS n FROM line_items')).trim())
}

async function openImport(page: Page): Promise<void> {
  if (!(await page.locator(VIEW).count())) {
    await page.click('[data-nav="import"]')
    await page.waitForSelector(VIEW)
  }
}

const act = (page: Page, action: () => Promise<unknown>) => actOnImport(page, action)

async function chooseReport(page: Page, name: string): Promise<string> {
  await openImport(page)
  return act(page, () => page.setInputFiles('[data-testid="report-file"]', { name, mimeType: 'text/plain', buffer: GAOPING }))
}

async function listed(page: Page): Promise<string[]> {
  await openImport(page)
  return (await page.locator('[data-testid="import-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-doc') ?? ''))).sort()
}

async function reloadBoth(): Promise<void> {
  for (const page of [a, b]) {
    await page.reload()
    await waitForDb(page)
  }
}

describe('two tabs', () => {
  it('same file name in both: the second tab is asked instead of overwriting, keeps both, and nothing is lost', async () => {
    expect(await chooseReport(a, 'same-name.txt')).toBe('preview')
    expect(await chooseReport(b, 'same-name.txt')).toBe('preview')
    expect(await b.locator('[data-testid="import-replaces"]').count()).toBe(0)

    expect(await act(a, () => a.click('[data-testid="import-confirm"]'))).toBe('done')
    // b saw no stored import of that name when it previewed: it must not replace a's unseen.
    expect(await act(b, () => b.click('[data-testid="import-confirm"]'))).toBe('preview')
    expect(await b.locator('[data-testid="import-failure"]').innerText()).toContain('另一个标签页')
    expect(await b.locator('[data-testid="import-replaces"]').innerText()).toContain('same-name')
    expect(await act(b, () => b.click('[data-testid="import-keep-both"]'))).toBe('preview')
    expect(await b.locator('[data-testid="import-replaces"]').count()).toBe(0)
    expect(await act(b, () => b.click('[data-testid="import-confirm"]'))).toBe('done')

    await reloadBoth()
    expect(await listed(a)).toEqual(['same-name', 'same-name-2'])
    expect(await listed(b)).toEqual(['same-name', 'same-name-2'])
    expect(await lineItems(a)).toBe(bundledRows + 2 * rowsPerImport)
    expect(await lineItems(b)).toBe(bundledRows + 2 * rowsPerImport)
  })

  it('different files: each tab loads the other’s import without a reload, and both agree after one', async () => {
    expect(await chooseReport(a, 'tab-a.txt')).toBe('preview')
    expect(await chooseReport(b, 'tab-b.txt')).toBe('preview')
    expect(await act(a, () => a.click('[data-testid="import-confirm"]'))).toBe('done')
    expect(await act(b, () => b.click('[data-testid="import-confirm"]'))).toBe('done')

    const all = ['same-name', 'same-name-2', 'tab-a', 'tab-b']
    await a.waitForSelector('[data-testid="import-row"][data-doc="tab-b"]')
    expect(await listed(a)).toEqual(all)
    expect(await listed(b)).toEqual(all)
    expect(await lineItems(a)).toBe(bundledRows + 4 * rowsPerImport)
    expect(await lineItems(b)).toBe(bundledRows + 4 * rowsPerImport)

    await reloadBoth()
    expect(await listed(a)).toEqual(all)
    expect(await listed(b)).toEqual(all)
    expect(await lineItems(a)).toBe(bundledRows + 4 * rowsPerImport)
  })

  it('a removal in one tab leaves the other tab’s list and tables in step', async () => {
    await openImport(a)
    expect(await act(a, () => a.click('[data-testid="import-row"][data-doc="tab-a"] [data-testid="import-remove"]'))).toBe('idle')
    await openImport(b)
    await b.waitForSelector('[data-testid="import-row"][data-doc="tab-a"]', { state: 'detached' })
    expect(await lineItems(b)).toBe(bundledRows + 3 * rowsPerImport)
    expect(app.foreign).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
