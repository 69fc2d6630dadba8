/**
 * A long-table CSV, as a journalist would type it, joins the views: the item
 * 社会保障和就业支出 is 类 208, so 阳城 2025 shows in Compare on that row, in
 * Structure as its 类, and an item that names no 类/款/项 is listed with the
 * reason instead of leaving an empty column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { startApp, waitForDb, type Page, type StartedApp } from './harness'
import { SCREENS } from './layout-checks'

let app: StartedApp
let page: Page

const CSV = '城市,年度,阶段,项目,金额,单位\n阳城,2025,预算,社会保障和就业支出,"1,234.5万",万元\n阳城,2025,预算,办公楼修缮,3,万元\n'

beforeAll(async () => {
  app = await startApp({ path: '#/import' })
  page = app.page
})

afterAll(async () => { await app?.close() })

describe('a long-table CSV import in Compare and Structure', () => {
  let doc = ''

  it('imports 阳城 2025 预算 from the long table; the first visit made no IndexedDB database until then', async () => {
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
    // Reading the stored imports and links finds nothing to read: nothing is created during DuckDB's start.
    await waitForDb(page)
    expect(await databases()).toEqual([])
    await page.setInputFiles('[data-testid="csv-file"]', { name: 'yangcheng.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') })
    await page.waitForSelector('[data-testid="view-import"][data-status="preview"]')
    await page.click('[data-testid="import-confirm"]')
    await page.waitForSelector('[data-testid="view-import"][data-status="done"]')
    doc = (await page.locator('[data-testid="import-row"]').first().getAttribute('data-doc'))!
    expect(doc).toMatch(/\S/)
    expect(await databases()).toEqual(['kanzhang'])
  })

  it('shows 阳城 2025 in Compare under 208 社会保障和就业支出, 1,234.50万元, and lists the item it could not place', async () => {
    await page.goto(app.url + `#/compare?docs=changzhi-2026-budget,${doc}&dimension=class3`)
    await waitForDb(page)
    const cell = page.locator(`[data-testid="pivot"] tr[data-key="208"] td[data-doc="${doc}"]`)
    await cell.waitFor()
    expect(await cell.innerText()).toBe('1,234.50')
    expect(await page.locator(`[data-testid="pivot"] th[data-export]`).allInnerTexts()).toEqual([expect.stringContaining('长治 2026 预算'), expect.stringContaining('阳城 2025 预算')])
    // The imported column adds up to what was imported and classified, not 0.00.
    expect(await page.locator('[data-testid="pivot"] tr.total td.num').nth(1).innerText()).toBe('1,234.50')
    const unplaced = await page.locator(`[data-testid="unclassified"] li[data-doc="${doc}"]`).innerText()
    expect(unplaced).toContain('办公楼修缮')
    expect(unplaced).toContain('不是任何类/款/项的名称或编码')
    // Its citation leads to the CSV line it was read from (line 2 of yangcheng.csv).
    expect(await cell.locator('button.fig').getAttribute('data-line')).toBe('2')
    // Cited by its file name (it has no title and no tables), not as "；，表3".
    expect(await page.locator('[data-testid="view-compare"] [data-testid="chart-source"]').innerText()).toBe('来源：长治市人力资源和社会保障局2026年部门预算公开，表3；yangcheng.csv')
    await page.screenshot({ path: join(SCREENS, 'compare-import-1440.png'), fullPage: true })
  })

  it('shows it in Structure as its 类', async () => {
    await page.goto(app.url + `#/structure?doc=${doc}`)
    const row = page.locator('[data-testid="structure-table"] tr[data-code="208"]')
    await row.waitFor()
    expect(await row.locator('td.num').first().innerText()).toBe('1,234.50')
    expect(app.foreign).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
