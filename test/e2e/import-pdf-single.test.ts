/**
 * The single-file build from file://, network blocked: a report's PDF imports
 * there too (pdf.js inside the inline import worker, CMaps as data: URLs),
 * with no request and no CSP violation.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusFile } from '../ingest/corpus'
import { actOnImport, buildApp, launch, waitForDb, type Page } from './harness'
import { blockNetwork, watchProblems, type Problems } from './offline-helpers'

let dist: string
let chromium: Awaited<ReturnType<typeof launch>>
let page: Page
let problems: Problems
let blocked: string[]
const VIEW = '[data-testid="view-import"]'

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'kanzhang-single-pdf-'))
  buildApp(dist, {}, ['--mode', 'single'])
  chromium = await launch()
  problems = watchProblems(chromium.browser, null)
  blocked = await blockNetwork(chromium.browser)
  page = await chromium.browser.newPage()
  await page.goto(pathToFileURL(join(dist, 'kanzhang.html')).href + '#/import')
  await page.waitForSelector(VIEW)
  await waitForDb(page, 60_000)
})

afterAll(async () => {
  await chromium?.close()
  if (dist) rmSync(dist, { recursive: true, force: true })
})

describe('PDF import in the single file, from file://', () => {
  it('previews the corpus 单位预算 PDF with its figures, requesting nothing', async () => {
    const t0 = Date.now()
    const status = await actOnImport(page, () => page.setInputFiles('[data-testid="report-file"]', {
      name: 'shangwuwei-unit.pdf', mimeType: 'application/pdf', buffer: readFileSync(corpusFile('shanghai-putuo-shangwuwei-2025-budget-unit.pdf')),
    }))
    console.log(`single file: PDF (22 pages) → preview in ${Date.now() - t0} ms`)
    expect(status).toBe('preview')
    const identity = await page.locator('[data-testid="preview-identity"]').innerText()
    for (const v of ['上海市普陀区商务委员会', '2025', '单位', '元']) expect(identity).toContain(v)
    expect(await page.locator('[data-testid="preview-checks"] .badge.fail').innerText()).toBe('不符 0')
    expect(blocked).toEqual([])
    expect(problems).toEqual({ foreign: [], csp: [], pageErrors: [] })
  })
})
