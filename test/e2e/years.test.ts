/**
 * Years and execution across documents in Chromium: a corpus 部门预算 PDF
 * (read from ../shared/corpus at test time) and a canonical CSV made here —
 * the same publisher's 2024 and 2025 决算, its name spelled with an
 * ideographic space — are one publisher on the Overview; the Years view shows
 * the 决算 series with its change and denominator beside the 预算; the
 * Execution view rates 决算 ÷ 预算 of 2025 citing both documents. Unlinking by
 * hand makes two publishers, and that survives a reload; undo brings them back.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusFile } from '../ingest/corpus'
import { actOnImport, chooseReport, startApp, waitForDb, type StartedApp } from './harness'

let app: StartedApp
const PDF_DOC = 'shangwuwei-2025'
const PUBLISHER = '上海市普陀区\u3000商务委员会'
const DOCS_CSV = 'doc_id,city,county_of,publisher,scope,year,stage,unit,source,title\n'
  + `sww-2024-final,普陀区,,${PUBLISHER},部门,2024,决算,元,made-in-test.csv,\n`
  + `sww-2025-final,普陀区,,${PUBLISHER},部门,2025,决算,元,made-in-test.csv,\n`
const ACTUAL_2024 = 3000000
const ACTUAL_2025 = 3500000
const LINES_CSV = 'doc_id,table_code,side,row_label,class_code,econ_code,unit_name,project_name,measure,value,unit,raw,line,row_kind\n'
  + `sww-2024-final,F03,,社会保障和就业支出,208,,,,本年支出合计,${ACTUAL_2024}.00,元,${ACTUAL_2024}.00,2,\n`
  + `sww-2025-final,F03,,社会保障和就业支出,208,,,,本年支出合计,${ACTUAL_2025}.00,元,${ACTUAL_2025}.00,3,\n`
  + 'sww-2025-final,F03,,其他支出,299,,,,本年支出合计,12345.00,元,12345.00,4,\n'

beforeAll(async () => { app = await startApp({ path: '#/import' }) })
afterAll(async () => { await app?.close() })

const act = (action: () => Promise<unknown>) => actOnImport(app.page, action)

async function open(path: string): Promise<void> {
  await app.page.goto(app.url + path)
  await waitForDb(app.page)
}

const amount = (text: string) => Number(text.replace(/,/g, ''))
const row = (docId: string) => `[data-testid="publisher-row"]:has([data-testid="pub-doc"][data-doc="${docId}"])`

describe('the same publisher across two imports', () => {
  it('imports the corpus 部门预算 PDF and a canonical CSV of two 决算 years', async () => {
    expect(await chooseReport(app.page, app.url, { name: `${PDF_DOC}.pdf`, buffer: readFileSync(corpusFile('shanghai-putuo-shangwuwei-2025-budget-dept.pdf')) })).toBe('preview')
    expect(await act(() => app.page.click('[data-testid="import-confirm"]'))).toBe('done')
    await open('#/import')
    expect(await act(() => app.page.setInputFiles('[data-testid="csv-file"]', [
      { name: 'documents.csv', mimeType: 'text/csv', buffer: Buffer.from(DOCS_CSV) },
      { name: 'line_items.csv', mimeType: 'text/csv', buffer: Buffer.from(LINES_CSV) },
    ]))).toBe('preview')
    expect(await act(() => app.page.click('[data-testid="import-confirm"]'))).toBe('done')
  })

  it('shows them as one publisher on the Overview (the name’s ideographic space ignored)', async () => {
    await open('#/')
    const r = app.page.locator(row(PDF_DOC))
    await app.page.waitForSelector(`${row(PDF_DOC)}[data-docs="3"]`)
    // By year, then stage: 2024 决算, 2025 决算, 2025 预算.
    expect(await r.locator('[data-testid="pub-doc"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-doc')))).toEqual(['sww-2024-final', 'sww-2025-final', PDF_DOC])
    // The bundled 晋城 bureau is one row with both its documents, its scope difference stated.
    const jc = app.page.locator(row('jincheng-2024-budget'))
    expect(await jc.getAttribute('data-docs')).toBe('2')
    expect(await jc.locator('[data-testid="pub-scope-note"]').count()).toBe(1)
  })

  it('shows the year series: 决算 2024 → 2025 with its change and denominator, the 预算 a series of its own', async () => {
    await app.page.locator(row(PDF_DOC)).locator('[data-testid="pub-years"]').click()
    await app.page.waitForSelector('[data-testid="years-table"]')
    const key = new URL(app.page.url().replace('#/', '')).searchParams.get('pubs')!
    await open(`#/years?pubs=${encodeURIComponent(key)}&ydim=class3&item=208&unit=${encodeURIComponent('元')}`)
    const rows = app.page.locator('[data-testid="years-row"][data-key="208"]')
    await app.page.waitForSelector('[data-testid="years-row"][data-key="208"][data-doc="sww-2025-final"]')
    const final2025 = app.page.locator('[data-testid="years-row"][data-key="208"][data-doc="sww-2025-final"]')
    expect(await final2025.getAttribute('data-stage')).toBe('决算')
    expect(amount(await final2025.locator('[data-testid="years-change"]').innerText())).toBe(ACTUAL_2025 - ACTUAL_2024)
    expect(await final2025.locator('[data-testid="years-change-pct"]').innerText()).toBe(`+${((ACTUAL_2025 - ACTUAL_2024) * 100 / ACTUAL_2024).toFixed(2)}%`)
    const den = final2025.locator('[data-testid="years-denominator"]')
    expect(await den.innerText()).toContain('2024')
    expect(await den.locator('button.fig').getAttribute('data-doc')).toBe('sww-2024-final')
    // The 预算 2025 point is its own series: no change from a 决算.
    const budget = app.page.locator(`[data-testid="years-row"][data-key="208"][data-doc="${PDF_DOC}"]`)
    expect(await budget.getAttribute('data-stage')).toBe('预算')
    expect(await budget.locator('[data-testid="years-change"]').innerText()).toBe('—')
    expect(await rows.count()).toBe(3)
    await app.page.waitForSelector('[data-testid="years-caveats"]')
  })

  it('rates 2025 决算 ÷ 预算 per 类 citing both documents; a 类 only in the 决算 is listed without a rate', async () => {
    await open(`#/execution?unit=${encodeURIComponent('元')}`)
    const pair = app.page.locator(`[data-testid="cross-pair"][data-budget="${PDF_DOC}"][data-final="sww-2025-final"]`)
    await pair.waitFor()
    const r208 = pair.locator('[data-testid="cross-row"][data-key="208"]')
    const budgetFig = r208.locator('[data-testid="cross-budget"] button.fig')
    const actualFig = r208.locator('[data-testid="cross-actual"] button.fig')
    expect(await budgetFig.getAttribute('data-doc')).toBe(PDF_DOC)
    expect(await actualFig.getAttribute('data-doc')).toBe('sww-2025-final')
    expect(await actualFig.getAttribute('data-line')).toBe('3')
    const budget = amount(await budgetFig.innerText())
    // B03 208 社会保障和就业支出, printed 3,808,085.00 元 on page 12 of the PDF.
    expect(budget).toBe(3808085)
    expect(await r208.locator('[data-testid="cross-rate"]').innerText()).toBe(`${(ACTUAL_2025 * 100 / budget).toFixed(2)}%`)
    // Both citations open: the 预算 figure to the PDF's line, the 决算 figure to the CSV's line 3.
    await budgetFig.click()
    await app.page.waitForSelector(`[data-testid="citation"][data-doc="${PDF_DOC}"]`)
    await app.page.keyboard.press('Escape')
    await actualFig.click()
    await app.page.waitForSelector('[data-testid="citation"][data-doc="sww-2025-final"][data-line="3"]')
    await app.page.keyboard.press('Escape')
    const r299 = pair.locator('[data-testid="cross-row"][data-key="299"]')
    expect(await r299.locator('[data-testid="cross-rate"]').innerText()).toBe('—')
    expect(await r299.locator('[data-testid="cross-budget"] button.fig').count()).toBe(0)
    // The 2024 决算 has no 2024 预算: it is paired with nothing.
    expect(await app.page.locator('[data-testid="cross-pair"][data-final="sww-2024-final"]').count()).toBe(0)
  })

  it('unlinks the 2025 决算 by hand: two publishers, no rate; the link state survives a reload; undo joins them again', async () => {
    await open('#/')
    await app.page.waitForSelector(`${row(PDF_DOC)}[data-docs="3"]`)
    await app.page.locator(row(PDF_DOC)).locator('[data-testid="pub-doc"][data-doc="sww-2025-final"] [data-testid="pub-unlink"]').click()
    await app.page.waitForSelector(`${row(PDF_DOC)}[data-docs="2"]`)
    await app.page.waitForSelector(`${row('sww-2025-final')}[data-docs="1"]`)
    await app.page.reload()
    await waitForDb(app.page)
    await app.page.waitForSelector(`${row('sww-2025-final')}[data-docs="1"]`)
    expect(await app.page.locator(`${row(PDF_DOC)}`).getAttribute('data-docs')).toBe('2')
    await open('#/execution')
    await app.page.waitForSelector('[data-testid="cross-none"]')
    expect(await app.page.locator('[data-testid="cross-pair"]').count()).toBe(0)
    await open('#/')
    await app.page.click('[data-testid="pub-undo"]')
    await app.page.waitForSelector(`${row(PDF_DOC)}[data-docs="3"]`)
    await app.page.reload()
    await waitForDb(app.page)
    await app.page.waitForSelector(`${row(PDF_DOC)}[data-docs="3"]`)
  })

  it('links two publishers by hand (the 长治 and 晋城 bureaus only when a person says so), and undoes it', async () => {
    await open('#/')
    await app.page.waitForSelector(`${row('changzhi-2026-budget')}[data-docs="1"]`)
    const target = await app.page.locator(row('jincheng-2024-budget')).getAttribute('data-key')
    await app.page.locator(row('changzhi-2026-budget')).locator('[data-testid="pub-link"]').selectOption(target!)
    await app.page.waitForSelector(`${row('jincheng-2024-budget')}[data-docs="3"]`)
    expect(await app.page.locator(row('changzhi-2026-budget')).getAttribute('data-key')).toBe(target)
    await app.page.click('[data-testid="pub-undo"]')
    await app.page.waitForSelector(`${row('changzhi-2026-budget')}[data-docs="1"]`)
    expect(await app.page.locator(row('jincheng-2024-budget')).getAttribute('data-docs')).toBe('2')
  })

  it('shows 晋城’s bureau over the years: two scope series, the 2021 figure derived from the prose marked, the scope difference stated', async () => {
    await open('#/')
    const key = await app.page.locator(row('jincheng-2024-budget')).getAttribute('data-key')
    await open(`#/years?pubs=${encodeURIComponent(key!)}&ydim=class3&item=208`)
    const derived = app.page.locator('[data-testid="years-row"][data-key="208"][data-origin="derived"]')
    await derived.waitFor()
    expect(await derived.getAttribute('data-year')).toBe('2021')
    expect(await derived.getAttribute('data-scope')).toBe('单位')
    expect(await derived.locator('[data-testid="years-derived"]').count()).toBe(1)
    const scopes = await app.page.locator('[data-testid="years-row"][data-key="208"]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-scope')))].sort())
    expect(scopes).toEqual(['单位', '部门'].sort())
    expect(await app.page.locator('[data-testid="years-scope-note"]').count()).toBe(1)
    // The chart draws the series (hollow derived points: the 三公 chart's builder).
    await app.page.waitForSelector('[data-testid="view-years"] [data-testid="chart"]')
  })

  it('tells another tab: a link changed in one shows in the other without a reload', async () => {
    const other = await app.browser.newPage()
    try {
      await other.goto(app.url + '#/')
      await waitForDb(other)
      await other.waitForSelector(`${row(PDF_DOC)}[data-docs="3"]`)
      await open('#/')
      await app.page.waitForSelector(`${row(PDF_DOC)}[data-docs="3"]`)
      await app.page.locator(row(PDF_DOC)).locator('[data-testid="pub-doc"][data-doc="sww-2024-final"] [data-testid="pub-unlink"]').click()
      await other.waitForSelector(`${row('sww-2024-final')}[data-docs="1"]`)
      await app.page.click('[data-testid="pub-undo"]')
      await other.waitForSelector(`${row(PDF_DOC)}[data-docs="3"]`)
    } finally {
      await other.close()
    }
  })

  it('made no foreign request and threw no error', () => {
    expect(app.foreign).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
