/**
 * The built app in a real headless Chromium: every view opens, a comparison
 * shows the reports' figures, structure drills down, SQL runs, a figure leads
 * to its source line, a shared URL reproduces the view — and the page never
 * asks any host but its own.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, launch, serve, waitForDb, watchForeignRequests, type Page } from './harness'

let dist: string
let server: Awaited<ReturnType<typeof serve>>
let chromium: Awaited<ReturnType<typeof launch>>
let page: Page
let foreign: string[]
const pageErrors: string[] = []

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'kanzhang-dist-'))
  buildApp(dist)
  server = await serve(dist)
  chromium = await launch()
  page = await chromium.browser.newPage()
  foreign = watchForeignRequests(page, server.url)
  page.on('pageerror', (e) => pageErrors.push(String(e)))
  await page.goto(server.url)
  await waitForDb(page)
})

afterAll(async () => {
  await chromium?.close()
  await server?.close()
  if (dist) rmSync(dist, { recursive: true, force: true })
})

const cellText = (sel: string) => page.locator(sel).first().innerText()

describe('the built app in headless Chromium', () => {
  it('paints the Overview from the build-time summary, with 高平 shown as a 县级市 of 晋城', async () => {
    await page.goto(server.url + '#/')
    await page.waitForSelector('[data-testid="view-overview"]')
    const text = await page.locator('[data-testid="view-overview"]').innerText()
    expect(text).toContain('长治 2026 预算')
    expect(text).toContain('县级市（晋城代管）')
    // changzhi-2026-budget.txt:181 合计 24736.24 (万元)
    expect(text).toContain('24,736.24')
  })

  it('opens every view from the navigation', async () => {
    for (const name of ['compare', 'structure', 'sangong', 'execution', 'projects', 'workbench', 'data', 'overview']) {
      await page.click(`[data-nav="${name}"]`)
      await page.waitForSelector(`[data-testid="view-${name}"]`)
    }
    expect(pageErrors).toEqual([])
  })

  it('compares 长治 2026 with 晋城 2024 by 类 and shows the reports’ figures', async () => {
    await page.goto(server.url + '#/compare?docs=changzhi-2026-budget,jincheng-2024-budget&dimension=class3')
    await page.waitForSelector('[data-testid="pivot"] tr[data-key="208"]')
    // changzhi-2026-budget.txt:187 / jincheng-2024-budget.txt:376 (万元)
    expect(await cellText('tr[data-key="208"] td[data-doc="changzhi-2026-budget"]')).toBe('19,290.76')
    expect(await cellText('tr[data-key="208"] td[data-doc="jincheng-2024-budget"]')).toBe('30,028.26')
    expect(await page.locator('[data-testid="caveats"]').innerText()).toContain('年度不同')
    expect(await page.locator('[data-testid="sql-text"]').textContent()).toContain('PIVOT')
  })

  it('changes the unit and keeps the view in the URL, so a reload reproduces it', async () => {
    await page.selectOption('[data-testid="unit-picker"]', '亿元')
    await page.waitForFunction(() => location.hash.includes('unit='))
    expect(await cellText('tr[data-key="208"] td[data-doc="changzhi-2026-budget"]')).toBe('1.9291')
    const shared = page.url()
    await page.reload()
    await waitForDb(page)
    await page.waitForSelector('[data-testid="pivot"] tr[data-key="208"]')
    expect(page.url()).toBe(shared)
    expect(await cellText('tr[data-key="208"] td[data-doc="changzhi-2026-budget"]')).toBe('1.9291')
    expect(await page.locator('[data-testid="doc-chips"] input:checked').count()).toBe(2)
  })

  it('follows a figure to its source line, highlighted', async () => {
    await page.goto(server.url + '#/compare?docs=changzhi-2026-budget,jincheng-2024-budget')
    // A figure opens its citation; from there, jump to the line it was printed on.
    await page.click('tr[data-key="208"] td[data-doc="changzhi-2026-budget"] button.fig')
    await page.click('[data-testid="citation-jump"]')
    await page.waitForSelector('[data-testid="view-source"] .src-line.hl')
    expect(page.url()).toContain('#/data/source/changzhi-2026-budget?line=187')
    const line = await page.locator('.src-line.hl').innerText()
    expect(line).toContain('社会保障和就业支出')
    expect(line).toContain('19290.76')
  })

  it('drills the structure down 类 → 款 and back up', async () => {
    await page.goto(server.url + '#/structure?doc=changzhi-2026-budget')
    await page.waitForSelector('[data-testid="structure-table"] tr[data-code="208"]')
    await page.click('[data-testid="structure-table"] tr[data-code="208"] a')
    await page.waitForSelector('[data-testid="structure-table"][data-node="208"] tr[data-code="20801"]')
    expect(page.url()).toContain('node=208')
    // changzhi-2026-budget.txt B03 "20899 其他社会保障和就业支出 6868.55"
    expect(await cellText('[data-testid="structure-table"] tr[data-code="20899"] td.num')).toBe('6,868.55')
    await page.click('[data-testid="drill-up"]')
    await page.waitForSelector('[data-testid="structure-table"][data-node=""] tr[data-code="205"]')
  })

  it('runs SQL in the workbench, shows DuckDB’s error for a bad query, and keeps working', async () => {
    await page.goto(server.url + '#/workbench')
    await page.waitForSelector('[data-testid="sql-input"]')
    await page.fill('[data-testid="sql-input"]', "SELECT class_code, value FROM line_items WHERE doc_id = 'changzhi-2026-budget' AND table_code = 'B03' AND class_code = '208' AND measure = '合计'")
    await page.click('[data-testid="run-sql"]')
    await page.waitForSelector('[data-testid="sql-grid"] tbody tr')
    expect(await page.locator('[data-testid="sql-grid"] tbody').innerText()).toContain('192907600.00')

    await page.fill('[data-testid="sql-input"]', 'SELEC nonsense')
    await page.click('[data-testid="run-sql"]')
    await page.waitForSelector('[data-testid="sql-error"]')
    expect(await page.locator('[data-testid="sql-error"]').innerText()).toMatch(/Parser Error/)

    await page.fill('[data-testid="sql-input"]', 'SELECT count(*) AS n FROM documents')
    await page.click('[data-testid="run-sql"]')
    await page.waitForSelector('[data-testid="sql-grid"] tbody tr')
    expect(await page.locator('[data-testid="sql-grid"] tbody').innerText()).toContain('4')
  })

  it('shows 晋城 2022 三公 execution 28.57% against its 全年预算', async () => {
    await page.goto(server.url + '#/execution')
    await page.waitForSelector('[data-testid="sangong-execution"] tr[data-category="合计"]')
    expect(await cellText('[data-testid="sangong-execution"] tr[data-category="合计"] [data-testid="sangong-rate"]')).toBe('28.57%')
  })

  it('switches the interface to English and back', async () => {
    await page.click('[data-testid="lang-toggle"]')
    expect(await page.locator('[data-nav="compare"]').innerText()).toBe('Compare')
    await page.click('[data-testid="lang-toggle"]')
    expect(await page.locator('[data-nav="compare"]').innerText()).toBe('比较')
  })

  it('never requested a host other than its own', () => {
    expect(foreign).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
