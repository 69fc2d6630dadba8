/**
 * Citations by identity in the built app (issue #10): a Compare cell that adds
 * two rows of the report cites both, each with its line and printed figure,
 * and each links to its own source line; a cell of one row cites that row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type Page, type StartedApp } from './harness'

let app: StartedApp
let page: Page
const CZ = 'changzhi-2026-budget'

beforeAll(async () => {
  app = await startApp()
  page = app.page
})
afterAll(async () => { await app?.close() })

describe('a Compare cell cites every row behind it', () => {
  it('基本工资 (经济分类·款) of 长治 2026 adds 表6 lines 336 and 337: both listed, each linking to its line', async () => {
    await page.goto(`${app.url}#/compare?docs=${CZ}&dimension=econ2`)
    await page.click(`tr[data-key="基本工资"] td[data-doc="${CZ}"] button.fig`)
    const pop = page.locator('[data-testid="citation"]')
    const parts = pop.locator('[data-testid="citation-parts"] li')
    await parts.first().waitFor()
    expect(await parts.count()).toBe(2)
    expect(await parts.evaluateAll((els) => els.map((e) => e.getAttribute('data-line')))).toEqual(['336', '337'])
    expect(await parts.nth(0).innerText()).toContain('877.51万元')
    expect(await parts.nth(1).innerText()).toContain('1824.30万元')
    expect(await pop.locator('[data-testid="citation-parts"] p').innerText()).toBe('由以下 2 个原文数字相加')
    const text = await pop.locator('[data-testid="citation-text"]').innerText()
    expect(text).toMatch(/^以下2项之和：.*“基本工资\/工资奖金津补贴”行“合计”列，877\.51万元（原文第336行）；.*1824\.30万元（原文第337行）$/)
    await page.screenshot({ path: '/tmp/shots/citation-parts.png' })

    await parts.nth(1).locator('a').click()
    await page.waitForFunction(() => location.hash.includes('line=337'))
    expect(page.url()).toContain(`#/data/source/${CZ}?line=337`)
    expect(app.foreign).toEqual([])
    expect(app.pageErrors).toEqual([])
  })

  it('a cell of one row cites that row, not a list', async () => {
    await page.goto(`${app.url}#/compare?docs=${CZ}&dimension=econ2`)
    await page.click(`tr[data-key="奖金"] td[data-doc="${CZ}"] button.fig`)
    const pop = page.locator('[data-testid="citation"]')
    await pop.locator('[data-testid="citation-text"]').waitFor()
    expect(await pop.locator('[data-testid="citation-parts"]').count()).toBe(0)
    expect(await pop.locator('[data-testid="citation-printed"]').innerText()).toBe('397.13万元')
    expect(await pop.locator('[data-testid="citation-context"] li.cited').getAttribute('data-line')).toBe('340')
  })
})
