/**
 * The Back button walks back through what the reader did inside a view
 * (drill level, document, mode, unit), a default a view fills in is no extra
 * step, and a link the app cannot use says so and shows a sane default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, waitForDb, type Page, type StartedApp } from './harness'

let app: StartedApp
let page: Page
const CZ = 'changzhi-2026-budget'
const JC = 'jincheng-2024-budget'

beforeAll(async () => {
  app = await startApp()
  page = app.page
})

afterAll(async () => { await app?.close() })

const hash = () => page.evaluate(() => decodeURIComponent(location.hash))

/** The structure view shows this document at this node, with this row among its children. */
async function seesStructure(doc: string, node: string, child: string): Promise<void> {
  await page.waitForSelector(`[data-testid="structure-table"][data-node="${node}"] tr[data-code="${child}"]`)
  expect(await page.inputValue('[data-testid="structure-doc"]')).toBe(doc)
}

describe('Back through a view’s own states', () => {
  it('drills Structure three levels, switches document, then Back four times sees each state again', async () => {
    await page.goto(app.url + '#/')
    await page.waitForSelector('[data-testid="view-overview"]')
    await page.click('[data-nav="structure"]')
    // State 1: the 类 of 长治 2026 (the default document, filled in without a history entry of its own).
    await seesStructure(CZ, '', '208')
    await page.click('[data-testid="structure-table"] tr[data-code="208"] a')
    await seesStructure(CZ, '208', '20801') // state 2: its 款
    await page.click('[data-testid="structure-table"] tr[data-code="20801"] a')
    await seesStructure(CZ, '20801', '2080101') // state 3: the 项 of 20801
    await page.selectOption('[data-testid="structure-doc"]', JC)
    await seesStructure(JC, '', '208') // state 4: another document, from its top
    expect(await hash()).toBe(`#/structure?doc=${JC}`)

    await page.goBack()
    await seesStructure(CZ, '20801', '2080101')
    expect(await hash()).toBe(`#/structure?doc=${CZ}&node=20801`)
    await page.goBack()
    await seesStructure(CZ, '208', '20801')
    await page.goBack()
    await seesStructure(CZ, '', '208')
    await page.goBack()
    await page.waitForSelector('[data-testid="view-overview"]')
    expect(await hash()).toBe('#/')
    // … and Forward again, to the drill level.
    await page.goForward()
    await seesStructure(CZ, '', '208')
    await page.goForward()
    await seesStructure(CZ, '208', '20801')
  })

  it('goes back through a change of mode and of unit in Compare', async () => {
    await page.goto(app.url + `#/compare?docs=${CZ},${JC}`)
    await waitForDb(page)
    await page.waitForSelector('[data-testid="pivot"] tr[data-key="208"]')
    const cell = () => page.locator(`tr[data-key="208"] td[data-doc="${CZ}"]`).innerText()
    expect(await cell()).toBe('19,290.76')
    await page.click('[data-testid="mode"] button[data-mode="share"]')
    await page.waitForFunction(() => location.hash.includes('mode=share'))
    await page.selectOption('[data-testid="unit-picker"]', '亿元')
    await page.waitForFunction(() => location.hash.includes('unit='))
    await page.goBack()
    await page.waitForFunction(() => !location.hash.includes('unit=') && location.hash.includes('mode=share'))
    expect(await page.locator('[data-testid="unit-picker"]').inputValue()).toBe('万元')
    await page.goBack()
    await page.waitForFunction(() => !location.hash.includes('mode='))
    await page.waitForFunction((cz) => document.querySelector(`tr[data-key="208"] td[data-doc="${cz}"]`)?.textContent?.trim() === '19,290.76', CZ)
  })
})

describe('links the app cannot use', () => {
  it('says so for an unknown document and compares the 部门 budgets instead', async () => {
    await page.goto(app.url + '#/compare?docs=nonsense')
    await waitForDb(page)
    await page.waitForSelector('[data-testid="pivot"] tr[data-key="208"]')
    expect(await page.locator('[data-testid="url-notice"]').innerText()).toContain('docs=nonsense')
    expect(await page.locator('[data-testid="doc-chips"] input:checked').evaluateAll((els) => els.map((e) => e.getAttribute('data-doc')).sort())).toEqual([CZ, JC])
    // The default replaced the bad link: Back leaves the page rather than returning to it.
    expect(await hash()).toBe(`#/compare?docs=${JC},${CZ}`)
  })

  it('says so for an unknown parameter (the README once said dim=) and a bad value, keeping the rest', async () => {
    await page.goto(app.url + `#/compare?docs=${CZ}&dim=class5&unit=斤`)
    await page.waitForSelector('[data-testid="url-notice"]')
    const notice = await page.locator('[data-testid="url-notice"]').innerText()
    expect(notice).toContain('未知参数 dim=class5')
    expect(notice).toContain('unit=斤 无法使用')
    expect(await page.locator('[data-testid="unit-picker"]').inputValue()).toBe('万元')
    expect(await page.locator('[data-testid="doc-chips"] input:checked').count()).toBe(1)
    // A choice of the reader's own clears the notice.
    await page.click('[data-testid="mode"] button[data-mode="share"]')
    await page.waitForSelector('[data-testid="url-notice"]', { state: 'detached' })
  })

  it('keeps the last ticked document ticked, so ticks, table and chart agree', async () => {
    await page.goto(app.url + `#/compare?docs=${CZ}`)
    // The pivot of the earlier link may still be on screen: wait for the one-document pivot.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="pivot"] thead th[data-export]').length === 1)
    await page.click(`[data-testid="doc-chips"] input[data-doc="${CZ}"]`)
    expect(await page.locator(`[data-testid="doc-chips"] input[data-doc="${CZ}"]`).isChecked()).toBe(true)
    expect(await page.locator('[data-testid="pivot"] thead th[data-export]').allInnerTexts()).toEqual([expect.stringContaining('长治 2026 预算')])
    // The chart draws the chosen documents only: its data table (read from the option) has one series column.
    expect(await page.locator('[data-testid="view-compare"] [data-testid="chart-twin"] thead th').allTextContents()).toEqual(['行', '长治 2026 预算'])
    // Tick a second and untick it again: ticks and the chart's option follow (the canvas itself is set without merging, EChart.vue).
    await page.click(`[data-testid="doc-chips"] input[data-doc="${JC}"]`)
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="view-compare"] [data-testid="chart-twin"] thead th').length === 3)
    await page.click(`[data-testid="doc-chips"] input[data-doc="${JC}"]`)
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="view-compare"] [data-testid="chart-twin"] thead th').length === 2)
    expect(await page.locator('[data-testid="doc-chips"] input:checked').count()).toBe(1)
    expect(await hash()).toBe(`#/compare?docs=${CZ}`)
    expect(app.foreign).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
