/**
 * The interface in English, every view: no Chinese left in its own text
 * (report data — names, quotes, the source text — excepted, see
 * hanOutsideData), including an open citation.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, startApp, waitForDb, type Page, type StartedApp } from './harness'
import { hanOutsideData, VIEWS } from './layout-checks'

let app: StartedApp
let page: Page
const docs = Papa.parse<Record<string, string>>(readFileSync(join(ROOT, 'data', 'dataset', 'documents.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
const CITIES = [...new Set(docs.flatMap((d) => [d.city!, d.county_of!]).filter(Boolean))]

beforeAll(async () => {
  app = await startApp({ onPage: (p) => p.addInitScript(() => localStorage.setItem('kanzhang.locale', 'en')) })
  page = app.page
})

afterAll(async () => { await app?.close() })

describe('the interface in English', () => {
  it('knows the cities of the bundled reports (the only names allowed outside data)', () => {
    expect(CITIES.sort()).toEqual(['晋城', '长治', '高平'].sort())
  })

  for (const view of VIEWS) {
    it(`${view.name}: no Chinese outside report data`, async () => {
      await page.goto(app.url + view.path)
      await waitForDb(page)
      await page.waitForFunction(() => !document.querySelector('p.waiting') && document.querySelectorAll('table, canvas, textarea').length > 0)
      expect(await page.locator('html').getAttribute('lang')).toBe('en')
      expect(await hanOutsideData(page, CITIES)).toEqual([])
      // What a screen reader says of each chart is English too (its names and source stay as printed).
      if (['compare', 'structure', 'sangong', 'execution'].includes(view.name)) await page.waitForSelector('[data-testid="chart"] [aria-label]', { state: 'attached' })
      const described = await page.locator('[data-testid="chart"] [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
      if (['compare', 'structure', 'sangong', 'execution'].includes(view.name)) expect(described.length).toBeGreaterThan(0)
      for (const d of described) expect(d).not.toMatch(/单位：|最大的是|执行不足|无数据|共\d+[行项]/)
      if (view.figures) {
        await page.locator('button.fig:visible').first().click()
        await page.waitForSelector('[data-testid="citation-copy"]')
        expect(await hanOutsideData(page, CITIES)).toEqual([])
        await page.keyboard.press('Escape')
      }
    })
  }

  it('made no foreign request and threw no error', () => {
    expect(app.foreign).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
