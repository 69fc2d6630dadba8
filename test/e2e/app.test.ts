/**
 * The built app in a real headless Chromium: every view opens, a comparison
 * shows the reports' figures, structure drills down, SQL runs, a figure leads
 * to its source line, a shared URL reproduces the view — and the page never
 * asks any host but its own.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, waitForChartsAtRest, waitForDb, type Page, type StartedApp } from './harness'

let app: StartedApp
let server: StartedApp['server']
let page: Page
let foreign: string[]
let pageErrors: string[]

beforeAll(async () => {
  app = await startApp()
  ;({ server, page, foreign, pageErrors } = app)
})

afterAll(async () => { await app?.close() })

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
    expect((await page.locator('[data-testid="sql-grid"] tbody').innerText()).trim()).toBe('4')

    // The workbench's copy has the materialised facts of the copied rows, not of the empty tables it started with.
    await page.fill('[data-testid="sql-input"]', 'SELECT (SELECT count(*) FROM facts) || \'/\' || (SELECT count(*) FROM v_facts) AS n')
    await page.click('[data-testid="run-sql"]')
    await page.waitForFunction(() => /^\d+\/\d+$/.test(document.querySelector('[data-testid="sql-grid"] tbody')?.textContent?.trim() ?? ''))
    const [facts, view] = (await page.locator('[data-testid="sql-grid"] tbody').innerText()).trim().split('/').map(Number)
    // facts.csv has no file: v_facts of the bundled data is 325 rows (test/db/load-arrow.test.ts).
    expect(facts).toBe(325)
    expect(facts).toBe(view)
  })

  it('shows 晋城 2022 三公 execution 28.57% against its 全年预算', async () => {
    await page.goto(server.url + '#/execution')
    await page.waitForSelector('[data-testid="sangong-execution"] tr[data-category="合计"]')
    expect(await cellText('[data-testid="sangong-execution"] tr[data-category="合计"] [data-testid="sangong-rate"]')).toBe('28.57%')
  })

  it('lists the checks 200 at a time, failures first; a link to one further down shows it, highlighted', async () => {
    const total = readFileSync('data/dataset/checks.csv', 'utf8').trim().split('\n').length - 1
    const rows = page.locator('[data-testid="checks"] tbody tr')
    await page.goto(server.url + '#/data')
    await page.waitForSelector('[data-testid="checks-more"]')
    expect(await rows.count()).toBe(200)
    expect(await rows.first().locator('.badge').innerText()).toBe('不符')
    expect(await page.locator('[data-testid="checks-more"]').innerText()).toContain(`显示 200 / ${total} 条`)
    await page.click('[data-testid="checks-more"] button:has-text("再显示 200 条")')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="checks"] tbody tr').length === 400)
    await page.click('[data-testid="checks-all"]')
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="checks"] tbody tr').length === n, total)
    expect(await page.locator('[data-testid="checks-more"]').count()).toBe(0)
    // The last check, linked to as a data-quality notice links: the list opens far enough to show it.
    const last = rows.last()
    const [check, doc] = [await last.getAttribute('data-check'), await last.getAttribute('data-doc')]
    await page.goto(server.url + '#/')
    await page.goto(server.url + `#/data?doc=${encodeURIComponent(doc!)}&check=${encodeURIComponent(check!)}`)
    await page.waitForSelector('[data-testid="checks"] tr.check-focus')
    expect(await page.locator('[data-testid="checks"] tr.check-focus').getAttribute('data-check')).toBe(check)
  })

  it('says on the 三公 view that 晋城’s 预算 line joins a 单位 决算 to a 部门 预算, and that 高平 is a 县级市 of 晋城', async () => {
    await page.goto(server.url + '#/sangong?category=合计&unit=万元')
    await page.waitForSelector('[data-testid="view-sangong"] [data-testid="caveats"]')
    const caveats = await page.locator('[data-testid="view-sangong"] [data-testid="caveats"]').innerText()
    // 2022: F07 of the 单位 决算 (jincheng-2022-final.txt:414); 2023 (derived, line 1378) and 2024 (B10, line 939): the 部门 预算.
    expect(caveats).toContain('晋城 预算：2022 (单位); 2023, 2024 (部门)')
    expect(caveats).toContain('高平 是县级市，由 晋城 代管')
    // The table beside the chart names each point's scope; 晋城 2022 决算 三公 合计 20,288.20元 = 2.03万元.
    const rows = await page.locator('[data-testid="sangong-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.innerText.trim())))
    expect(rows.find((r) => r[0] === '晋城' && r[1] === '2022' && r[2] === '决算')?.slice(3, 5)).toEqual(['单位', '2.03'])
    expect(rows.find((r) => r[0] === '晋城' && r[1] === '2024' && r[2] === '预算')?.slice(3, 5)).toEqual(['部门', '5.49'])
    await page.waitForSelector('[data-testid="view-sangong"] [data-testid="chart"] [role="img"][aria-label]')
    const label = await page.locator('[data-testid="view-sangong"] [data-testid="chart"] [role="img"]').getAttribute('aria-label')
    expect(label).toContain('晋城 预算（单位）：2022年 7.10万元')
    expect(label).toContain('晋城 预算（部门）：2024年 5.49万元')
    mkdirSync('/tmp/shots', { recursive: true })
    // The lines have finished drawing before the picture for review.
    await waitForChartsAtRest(page)
    await page.screenshot({ path: '/tmp/shots/polish-sangong.png', fullPage: true })
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
