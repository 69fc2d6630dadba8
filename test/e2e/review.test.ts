/**
 * The 审查 Review view in Chromium, in Chinese and in English: one document's
 * findings grouped by severity (as findings.csv has them), a jump to the
 * source line, the Overview's counts, and both exports read back — the CSV
 * row for row against findings.csv, the printable page opened as a page.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, startApp, waitForDb, type Page, type StartedApp } from './harness'
import { hanOutsideData } from './layout-checks'
import { corpusFile } from '../ingest/corpus'

let app: StartedApp
let page: Page
const CZ = 'changzhi-2026-budget'
type Row = Record<string, string>
const findings = Papa.parse<Row>(readFileSync(join(ROOT, 'data', 'dataset', 'findings.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
const ofDoc = (doc: string, severity?: string) => findings.filter((f) => f.doc_id === doc && (!severity || f.severity === severity))

beforeAll(async () => {
  app = await startApp()
  page = app.page
})
afterAll(async () => { await app?.close() })

async function download(selector: string): Promise<{ name: string; body: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
  return { name: dl.suggestedFilename(), body: readFileSync(await dl.path(), 'utf8') }
}

async function openReview(doc: string): Promise<void> {
  await page.goto(app.url + `#/review?doc=${doc}`)
  // A fresh load: the language is read from localStorage when the app starts.
  await page.reload()
  await waitForDb(page)
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="finding"]').length === n, ofDoc(doc).length)
}

describe('审查 in Chinese', () => {
  it('groups 长治 2026 findings by severity as findings.csv has them, errors first', async () => {
    await openReview(CZ)
    const counts = await page.locator('[data-testid="review-group"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-severity'), Number(e.querySelector('[data-testid="review-count"]')!.textContent)]))
    expect(counts).toEqual([['error', ofDoc(CZ, 'error').length], ['warning', ofDoc(CZ, 'warning').length], ['notice', ofDoc(CZ, 'notice').length]])
    expect(ofDoc(CZ, 'error').length).toBe(2)
    const change = page.locator('[data-severity="error"] [data-testid="finding"][data-rule="LOGIC-CHANGE"]')
    await expect.poll(() => change.innerText()).toContain('≠ 0.8%')
    expect(await change.innerText()).toContain('变动率不符')
  })

  it('reads compared amounts in the chosen unit, and rates with their %', async () => {
    await openReview(CZ)
    // 长治 line 629: the prose's 机关运行经费 425.27万元 against B11's 425.28万元 (checks.csv: 4252800.00 / 4252700.00 元).
    const prose = page.locator('[data-testid="finding"][data-rule="CHK-PROSE"] [data-testid="finding-values"]')
    await expect.poll(() => prose.innerText()).toBe('425.28万元 | 425.27万元')
    await page.selectOption('[data-testid="unit-picker"]', '元')
    await expect.poll(() => prose.innerText()).toBe('4,252,800.00元 | 4,252,700.00元')
    expect(page.url()).toContain('unit=')
    // A rule whose values carry their units in the text shows them as written.
    expect(await page.locator('[data-testid="finding"][data-rule="LOGIC-CHANGE"] [data-testid="finding-values"]').innerText()).toBe('35.91万元 ÷ 461.18万元 | 0.8%')
    await page.selectOption('[data-testid="unit-picker"]', '万元')
  })

  it('jumps from a finding to its source line (长治 line 629)', async () => {
    await openReview(CZ)
    await page.locator('[data-testid="finding"][data-rule="LOGIC-CHANGE"] [data-testid="finding-jump"]').click()
    await page.waitForSelector('.src-line.hl[data-line="629"]')
    expect(page.url()).toContain(`#/data/source/${CZ}?line=629`)
  })

  it('exports the findings as CSV, row for row as findings.csv', async () => {
    await openReview(CZ)
    const { name, body } = await download('[data-testid="review-export-csv"]')
    expect(name).toBe(`kanzhang-review-${CZ}.csv`)
    const rows = Papa.parse<Row>(body.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
    const key = (r: Row) => `${r.rule}@${r.line}:${r.severity}:${r.message}`
    expect(rows.map(key).sort()).toEqual(ofDoc(CZ).map(key).sort())
  })

  it('exports a printable page that opens as a page with every finding, in Chinese', async () => {
    await openReview(CZ)
    const { name, body } = await download('[data-testid="review-export-print"]')
    expect(name).toBe(`kanzhang-review-${CZ}.html`)
    const printable = await app.browser.newPage()
    await printable.setContent(body)
    expect(await printable.title()).toBe('长治 2026 预算：审查发现')
    expect(await printable.locator('tbody tr').count()).toBe(ofDoc(CZ).length)
    // Its values read as in the view: amounts in the chosen unit (万元).
    expect(await printable.locator('body').innerText()).toContain('425.28万元 | 425.27万元')
    expect(await printable.locator('h2').allInnerTexts()).toEqual([`错误 (${ofDoc(CZ, 'error').length})`, `警告 (${ofDoc(CZ, 'warning').length})`, `提示 (${ofDoc(CZ, 'notice').length})`])
    await printable.close()
  })

  it('shows each document’s counts on its Overview card, linking to its review', async () => {
    await page.goto(app.url + '#/')
    await waitForDb(page)
    const card = page.locator(`[data-testid="overview-doc"][data-doc="${CZ}"] [data-testid="overview-findings"]`)
    await expect.poll(() => card.locator('[data-severity="error"]').innerText()).toBe(`错误 ${ofDoc(CZ, 'error').length}`)
    await card.locator('a').click()
    await page.waitForSelector('[data-testid="view-review"]')
    expect(page.url()).toContain(`#/review?doc=${CZ}`)
  })
})

describe('an imported PDF is reviewed too', () => {
  it('imports the corpus 决算 PDF and shows its findings with page and line (下降（增长） on page 25)', async () => {
    const VIEW = '[data-testid="view-import"]'
    const finished = async () => Number(await page.getAttribute(VIEW, 'data-finished'))
    const settle = (before: number) => page.waitForFunction(({ sel, before }) => {
      const v = document.querySelector(sel)
      return v !== null && Number(v.getAttribute('data-finished')) > before && v.getAttribute('data-active') === '0'
    }, { sel: VIEW, before }, { timeout: 120_000 })
    await page.goto(app.url + '#/import')
    await waitForDb(page)
    let before = await finished()
    await page.setInputFiles('[data-testid="report-file"]', { name: 'guihua-2024.pdf', mimeType: 'application/pdf', buffer: readFileSync(corpusFile('shanghai-putuo-guihua-ziranziyuanju-2024-final-dept.pdf')) })
    await settle(before)
    expect(await page.getAttribute(VIEW, 'data-status')).toBe('preview')
    before = await finished()
    await page.click('[data-testid="import-confirm"]')
    await settle(before)
    expect(await page.getAttribute(VIEW, 'data-status')).toBe('done')
    await page.goto(app.url + '#/review?doc=guihua-2024')
    await page.waitForSelector('[data-testid="finding"][data-rule="LEFT-ALTERNATIVES"]')
    const row = page.locator('[data-testid="finding"][data-rule="LEFT-ALTERNATIVES"]')
    expect(await row.locator('[data-testid="finding-jump"]').innerText()).toBe('第 25 页 · 第 520 行')
    expect(await page.locator('[data-severity="error"] [data-testid="finding"]').count()).toBe(4)
    await row.locator('[data-testid="finding-jump"]').click()
    await page.waitForSelector('.src-line.hl[data-line="520"]')
    expect(await page.locator('.src-line.hl[data-line="520"]').innerText()).toContain('下降（增长）')
  })
})

describe('Review in English', () => {
  beforeAll(async () => {
    await page.evaluate(() => localStorage.setItem('kanzhang.locale', 'en'))
  })
  afterAll(async () => {
    await page.evaluate(() => localStorage.removeItem('kanzhang.locale'))
  })

  it('speaks English: headings, messages, no Chinese outside report data', async () => {
    await openReview(CZ)
    expect(await page.locator('[data-testid="review-group"] h2 .badge').allInnerTexts()).toEqual(['Errors', 'Warnings', 'Notices'])
    expect(await page.locator('[data-testid="finding"][data-rule="LOGIC-CHANGE"]').innerText()).toContain('Rate does not match')
    expect(await hanOutsideData(page, ['晋城', '长治', '高平'])).toEqual([])
  })

  it('exports the printable page in English', async () => {
    await openReview(CZ)
    const { body } = await download('[data-testid="review-export-print"]')
    const printable = await app.browser.newPage()
    await printable.setContent(body)
    expect(await printable.locator('html').getAttribute('lang')).toBe('en')
    expect(await printable.locator('h2').first().innerText()).toBe(`Errors (${ofDoc(CZ, 'error').length})`)
    expect(await printable.locator('body').innerText()).toContain('Rate does not match')
    await printable.close()
  })

  it('made no foreign request and threw no error', () => {
    expect(app.foreign).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
