/**
 * The 自评 part of the Execution view in headless Chromium (issue 16): the
 * 职业技能提升工程工作经费 table (jincheng-2022-final line 909) beside its analysis
 * sentence (line 922), each figure opening its own citation, and the rates over
 * 100% / under 60% as notices naming their denominator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type Page, type StartedApp } from './harness'

let app: StartedApp
let page: Page

beforeAll(async () => {
  app = await startApp({ path: '#/execution' })
  page = app.page
})

afterAll(async () => { await app?.close() })

const PAIR = '[data-testid="self-eval-disagreement"][data-project="职业技能提升工程工作经费"]'

describe('the Execution view: a 自评表 against its own analysis sentence', () => {
  it('shows the 职业技能提升工程工作经费 disagreement with both citations: table line 909, sentence line 922', async () => {
    await page.waitForSelector(PAIR)
    const pair = page.locator(PAIR)
    expect(await pair.locator('[data-testid="self-eval-table-line"]').innerText()).toBe('第909行')
    expect(await pair.locator('[data-testid="self-eval-sentence-line"]').innerText()).toBe('第922行')
    // The table's 全年执行数 35.457万元 on line 909; the sentence's 实际执行 125.45万元 on line 922.
    const tableExecuted = pair.locator('[data-testid="self-eval-table"] tr[data-field="全年执行数"] button.fig')
    const saidExecuted = pair.locator('[data-testid="self-eval-sentence"] tr[data-field="执行数"] button.fig')
    expect([await tableExecuted.getAttribute('data-line'), await tableExecuted.innerText()]).toEqual(['909', '35.46'])
    expect([await saidExecuted.getAttribute('data-line'), await saidExecuted.innerText()]).toEqual(['922', '125.45'])
    expect(await pair.locator('[data-testid="self-eval-sentence"] tr[data-field="执行率"] [data-testid="self-eval-denominator"]').innerText()).toBe('分母：年初预算')
    expect(await pair.locator('[data-testid="self-eval-sentence"]').innerText()).toContain('该项目预算下达900万元, 实际执行125.45万元, 预算执行率为13.9%')
    const checks = await pair.locator('[data-testid="self-eval-check"]').allInnerTexts()
    expect(checks).toHaveLength(2)
    expect(checks[0]).toContain('分析句执行数 = 自评表全年执行数')
    expect(checks[0]).toContain('第909, 922行')
  })

  it('opens each side\'s citation at its own line', async () => {
    for (const [side, field, line] of [['self-eval-table', '全年执行数', '909'], ['self-eval-sentence', '执行数', '922']] as const) {
      await page.locator(`${PAIR} [data-testid="${side}"] tr[data-field="${field}"] button.fig`).click()
      const cite = page.locator('[data-testid="citation"]')
      await cite.waitFor()
      expect(await cite.getAttribute('data-line')).toBe(line)
      expect(await cite.locator('[data-testid="citation-context"]').innerText()).toContain(line === '909' ? '35.457' : '125.45')
      // The figure as printed on that line: the table's cell in 万元, the sentence's amount with its unit.
      expect(await cite.locator('[data-testid="citation-printed"]').innerText()).toBe(line === '909' ? '35.457万元' : '125.45万元')
      await page.click('[data-testid="citation-close"]')
      await cite.waitFor({ state: 'detached' })
    }
  })

  it('cites 总分 and 等级 on the 总分 row (人才工作专项经费: line 696), the amounts on the 资金总额 row (685)', async () => {
    const table = page.locator('[data-testid="evaluations"]')
    await table.waitFor()
    expect(await table.locator('button.fig[data-line="696"]').allInnerTexts()).toEqual(['100', '优'])
    // 年初预算数, 全年预算数, 全年执行数 and 执行率 of the 资金总额 row.
    expect(await table.locator('button.fig[data-line="685"]').count()).toBe(4)
    await table.locator('button.fig[data-line="696"]').first().click()
    const cite = page.locator('[data-testid="citation"]')
    await cite.waitFor()
    expect(await cite.locator('[data-testid="citation-printed"]').innerText()).toBe('100')
    expect(await cite.locator('[data-testid="citation-text"]').innerText()).toContain('“人才工作专项经费”项目总分100（原文第696行）')
    await page.click('[data-testid="citation-close"]')
    await cite.waitFor({ state: 'detached' })
  })

  it('lists the 108% of 人才工作专项经费 as a notice over 100%, against 年初预算', async () => {
    const row = page.locator('[data-testid="self-eval-notices"] tr[data-project="人才工作专项经费"][data-part="分析"]')
    await row.waitFor()
    const text = await row.innerText()
    expect(text).toContain('108.00%')
    expect(text).toContain('年初预算')
    expect(text).toContain('超过100%')
  })
})
