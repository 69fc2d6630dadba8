/**
 * Importing a report's PDF in Chromium: a corpus PDF (read from ../shared/corpus
 * at test time) goes through the import worker, pdf.js loading only then, with
 * no request off the app's origin; the document joins Compare beside a bundled
 * 万元 report, survives a reload and cites its figures to page and line. A PDF
 * that cannot be read is a clear error.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blankPdf, encryptedPdf } from '../import/pdf-fixtures'
import { corpusFile } from '../ingest/corpus'
import { actOnImport, chooseReport, startApp, waitForDb, type StartedApp } from './harness'

let app: StartedApp
/** Script URLs the page and its workers requested. */
const scripts: string[] = []

beforeAll(async () => {
  app = await startApp({ path: '#/import', onPage: (p) => p.on('request', (r) => { if (/\.m?js$/.test(r.url())) scripts.push(r.url()) }) })
})
afterAll(async () => {
  await app?.close()
})

const act = (action: () => Promise<unknown>) => actOnImport(app.page, action)
const choosePdf = (name: string, buffer: Buffer | Uint8Array) => chooseReport(app.page, app.url, { name, buffer })

describe('importing a report’s PDF', () => {
  it('loads no pdf.js before a PDF is imported', () => {
    expect(scripts.filter((u) => /pdf/i.test(u))).toEqual([])
  })

  it('previews the corpus 部门预算 PDF: identity, tables and figures by position, within seconds', async () => {
    const t0 = Date.now()
    expect(await choosePdf('shangwuwei-2025.pdf', readFileSync(corpusFile('shanghai-putuo-shangwuwei-2025-budget-dept.pdf')))).toBe('preview')
    const ms = Date.now() - t0
    console.log(`PDF (26 pages) → preview in Chromium: ${ms} ms`)
    const identity = await app.page.locator('[data-testid="preview-identity"]').innerText()
    for (const v of ['shangwuwei-2025', '上海市普陀区商务委员会', '普陀区', '2025', '预算', '部门', '元']) expect(identity).toContain(v)
    expect(await app.page.locator('[data-testid="preview-tables"] tr[data-code="B03"]').innerText()).toContain('2025年部门支出预算总表')
    expect(await app.page.locator('[data-testid="preview-checks"] .badge.fail').innerText()).toBe('不符 0')
    expect(scripts.some((u) => /pdf/i.test(u))).toBe(true)
  })

  it('adds it to Compare beside 长治 2026 (a 万元 report), the 元 amounts converted', async () => {
    expect(await act(() => app.page.click('[data-testid="import-confirm"]'))).toBe('done')
    await app.page.goto(app.url + '#/compare?docs=changzhi-2026-budget,shangwuwei-2025&dimension=class3')
    const cell = app.page.locator('[data-testid="pivot"] tr[data-key="208"] td[data-doc="shangwuwei-2025"]')
    await cell.waitFor()
    // B03 208 社会保障和就业支出 3,808,085.00 元, shown in 万元 beside 长治's own 208 row.
    expect(await cell.innerText()).toBe('380.81')
    expect(await app.page.locator('[data-testid="pivot"] tr[data-key="208"] td[data-doc="changzhi-2026-budget"]').innerText()).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/)
  })

  it('keeps it after a reload', async () => {
    await app.page.reload()
    await waitForDb(app.page)
    const cell = app.page.locator('[data-testid="pivot"] tr[data-key="208"] td[data-doc="shangwuwei-2025"]')
    await cell.waitFor()
    expect(await cell.innerText()).toBe('380.81')
  })

  it('cites a figure of the PDF to its page and row, and shows that line of the PDF’s text', async () => {
    const { page } = app
    await page.click('tr[data-key="208"] td[data-doc="shangwuwei-2025"] button.fig')
    const pop = page.locator('[data-testid="citation"]')
    await pop.locator('[data-testid="citation-text"]').waitFor()
    const text = await pop.locator('[data-testid="citation-text"]').innerText()
    // B03 支出预算总表 is page 12 of the PDF; 208 社会保障和就业支出 prints 3,808,085.00 there.
    expect(text).toMatch(/“208 社会保障和就业支出”行“合计”列，.*（原文第12页，第\d+行）$/)
    expect(await pop.locator('[data-testid="citation-context"] li.cited .tx').textContent()).toContain('3,808,085.00')
    await page.click('[data-testid="citation-jump"]')
    await page.waitForSelector('[data-testid="view-source"] .src-line.hl')
    expect(await page.locator('.src-line.hl').innerText()).toContain('社会保障和就业支出')
    // The text shows where each of the PDF's 26 pages begins; the cited line is on page 12.
    expect(await page.locator('[data-testid="source-page"]').count()).toBe(25)
    const hl = Number(await page.getAttribute('.src-line.hl', 'data-line'))
    const starts = await page.locator('[data-testid="source-page"] + .src-line').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-line'))))
    expect(starts.filter((n) => n <= hl)).toHaveLength(11)
    expect(await page.locator('[data-testid="source-page"][data-page="12"]').innerText()).toBe('第 12 页')
  })

  it('imports the corpus 部门决算 PDF (万元, national 决算 tables): its 总计 9,859.38 万元 stands on both sides of F01, in 元', async () => {
    expect(await choosePdf('guihua-2024.pdf', readFileSync(corpusFile('shanghai-putuo-guihua-ziranziyuanju-2024-final-dept.pdf')))).toBe('preview')
    const identity = await app.page.locator('[data-testid="preview-identity"]').innerText()
    for (const v of ['guihua-2024', '上海市普陀区规划和自然资源局', '2024', '决算', '部门', '万元']) expect(identity).toContain(v)
    expect(await app.page.locator('[data-testid="preview-tables"] tr[data-code="F01"]').count()).toBe(1)
    // Where each table is, in the PDF's pages (pdftotext: 收入支出决算总表 is printed on page 7).
    expect(await app.page.locator('[data-testid="preview-tables"] tr[data-code="F01"] td.place').innerText()).toBe('第 7 页')
    // The report's own sum that does not add up (F06 302 商品和服务支出 = its 款 rows), in the report's unit, its lines as runs.
    const failed = await app.page.locator('[data-testid="preview-failed-check"]').allInnerTexts()
    expect(failed.find((x) => x.startsWith('F06 公用经费/决算数：302 商品和服务支出'))).toContain('440.90万元 ≠ 440.88万元（第 321–326、328、330–350 行）')
    expect(await act(() => app.page.click('[data-testid="import-confirm"]'))).toBe('done')
    // F01 总计 9,859.38 万元 (both sides), read by hand from the PDF (../shared/corpus/README.md).
    await app.page.goto(app.url + '#/workbench')
    await app.page.fill('[data-testid="sql-input"]', "SELECT string_agg(DISTINCT side, ',' ORDER BY side) AS sides FROM line_items WHERE doc_id = 'guihua-2024' AND table_code = 'F01' AND value = 98593800.00")
    await app.page.click('[data-testid="run-sql"]')
    await app.page.waitForSelector('[data-testid="sql-grid"] tbody tr')
    expect((await app.page.locator('[data-testid="sql-grid"] tbody').innerText()).trim()).toBe('支出,收入')
  })

  it('says what is wrong with a PDF it cannot read, adding nothing', async () => {
    expect(await choosePdf('scan.pdf', blankPdf(2))).toBe('error')
    expect(await app.page.locator('[data-testid="import-issue"]').first().innerText()).toContain('scan.pdf：PDF 没有文字层（扫描件）；不支持 OCR')
    expect(await choosePdf('locked.pdf', encryptedPdf())).toBe('error')
    expect(await app.page.locator('[data-testid="import-issue"]').first().innerText()).toContain('locked.pdf：PDF 已加密')
    expect(await choosePdf('blank.pdf', readFileSync(corpusFile('shanghai-2024-final-dept-template-blank.pdf')))).toBe('preview')
    expect(await app.page.locator('[data-testid="import-confirm"]').isDisabled()).toBe(true)
    expect(app.pageErrors).toEqual([])
    expect(app.foreign).toEqual([])
  })
})
