/**
 * A slow answer never overwrites a newer one, in the views themselves: with
 * the real DuckDB in Chromium, the answer to the first of two changes is held
 * back (hold-answers.ts) until the second change's answer has been shown, then
 * handed to the app. The view must still show the second change's figures —
 * and the log proves the first answer really came last.
 * - Structure: the user picks 晋城 2024, then 晋城 2022; 2024's rows come last.
 * - 三公: the loaded documents change twice (another tab imports one report,
 *   then a second); the answer for the first change comes last.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANGONG_SQL } from '../../src/db/queries/sangong'
import { SPLITS_SQL, STRUCTURE_SQL } from '../../src/db/queries/structure'
import { ROOT, startApp, waitForDb, actOnImport, type Page, type StartedApp } from './harness'
import { answerLog, armHold, holdAnswers, indexOf, releaseHeld, waitForDelivered, waitForHeld } from './hold-answers'

const FIRST = 'jincheng-2024-budget'
const SECOND = 'jincheng-2022-final'

describe('Structure keeps the latest document’s answer', () => {
  let app: StartedApp
  let page: Page
  beforeAll(async () => {
    app = await startApp({ path: '#/structure?doc=changzhi-2026-budget', onPage: (p) => p.addInitScript(holdAnswers) })
    page = app.page
  })
  afterAll(async () => { await app?.close() })

  const table = '[data-testid="structure-table"]'
  const cell = (code: string) => page.locator(`${table} tr[data-code="${code}"] td.num`).first().innerText()
  const splits = () => page.locator('[data-testid="view-structure"] .card:has(> h2)').allInnerTexts().then((t) => t.join('\n'))

  it('shows 晋城 2022 after 晋城 2024 was picked first and answered last', async () => {
    // changzhi-2026-budget.txt:187 208 合计 19290.76 (万元)
    await page.waitForFunction(() => document.querySelector('[data-testid="structure-table"] tr[data-code="208"] td.num')?.textContent?.trim() === '19,290.76')

    await armHold(page, { sql: STRUCTURE_SQL, params: [FIRST] })
    await page.selectOption('[data-testid="structure-doc"]', FIRST)
    await waitForHeld(page, STRUCTURE_SQL, [FIRST])
    await page.selectOption('[data-testid="structure-doc"]', SECOND)
    // jincheng-2022-final.txt:242 (F03, 元) 208 社会保障和就业支出 61449664.55 = 6,144.97万元
    await page.waitForFunction(() => document.querySelector('[data-testid="structure-table"] tr[data-code="208"] td.num')?.textContent?.trim() === '6,144.97')
    await waitForDelivered(page, SPLITS_SQL, [SECOND, SECOND, SECOND])
    const shown = { c208: await cell('208'), c221: await cell('221'), splits: await splits() }
    // line 261: 221 住房保障支出 492093.76; line 241: 合计 基本支出 8714163.94, 项目支出 53573013.70
    expect(shown.c221).toBe('49.21')
    expect(shown.splits).toContain('871.42')
    expect(shown.splits).toContain('5,357.30')
    expect(await answerLog(page).then((log) => indexOf(log, 'delivered', STRUCTURE_SQL, [FIRST]))).toBe(-1)

    await releaseHeld(page)
    // The stale answer goes on to ask 2024's splits too: all of it answered, the view has decided.
    await waitForDelivered(page, SPLITS_SQL, [FIRST, FIRST, FIRST])
    const log = await answerLog(page)
    expect(indexOf(log, 'held', STRUCTURE_SQL, [FIRST])).toBeLessThan(indexOf(log, 'delivered', STRUCTURE_SQL, [SECOND]))
    expect(indexOf(log, 'delivered', STRUCTURE_SQL, [FIRST])).toBeGreaterThan(indexOf(log, 'delivered', SPLITS_SQL, [SECOND, SECOND, SECOND]))
    expect({ c208: await cell('208'), c221: await cell('221'), splits: await splits() }).toEqual(shown)
    expect(await page.inputValue('[data-testid="structure-doc"]')).toBe(SECOND)
    expect(app.pageErrors).toEqual([])
  })
})

describe('三公 keeps the answer for the latest documents', () => {
  const GAOPING = readFileSync(join(ROOT, 'data', 'raw', 'gaoping-2026-budget.txt'))
  let app: StartedApp
  let page: Page
  let other: Page
  beforeAll(async () => {
    // The import view starts the tab's sync (the imports store); 三公 is then opened from the navigation.
    app = await startApp({ path: '#/import', onPage: (p) => p.addInitScript(holdAnswers) })
    page = app.page
    await page.click('[data-nav="sangong"]')
    await page.waitForSelector('[data-testid="sangong-table"] button.fig[data-doc="gaoping-2026-budget"]')
    other = await app.browser.newPage()
    await other.goto(app.url + '#/import')
    await waitForDb(other)
  })
  afterAll(async () => { await app?.close() })

  /** Imports 高平 2026's text in the other tab under a new name. */
  async function importInOtherTab(name: string): Promise<void> {
    expect(await actOnImport(other, () => other.setInputFiles('[data-testid="report-file"]', { name, mimeType: 'text/plain', buffer: GAOPING }))).toBe('preview')
    expect(await actOnImport(other, () => other.click('[data-testid="import-confirm"]'))).toBe('done')
  }
  const figures = (doc: string) => page.locator(`[data-testid="sangong-table"] button.fig[data-doc="${doc}"]`).count()

  it('shows both imports after the answer for the first one came last', async () => {
    // One 合计 point per copy of 高平 2026 (gaoping-2026-budget.txt:417 "本单位无“三公”经费预算": 0.00).
    const perDoc = 1
    expect(await figures('gaoping-2026-budget')).toBe(perDoc)

    await armHold(page, { sql: SANGONG_SQL })
    await importInOtherTab('stale-one.txt')
    await waitForHeld(page, SANGONG_SQL)
    await importInOtherTab('stale-two.txt')
    await page.waitForSelector('[data-testid="sangong-table"] button.fig[data-doc="stale-two"]')
    await page.waitForSelector('[data-testid="running-costs"] tr[data-doc="stale-two"]')
    const before = await answerLog(page)
    expect(before.filter((e) => e.sql === SANGONG_SQL).map((e) => e.event)).toEqual(['delivered', 'held', 'delivered'])

    await releaseHeld(page)
    await page.waitForFunction((sql) => {
      const h = (window as unknown as { __kanzhangHold: { outstanding(): number; log: Array<{ sql: string }> } }).__kanzhangHold
      return h.outstanding() === 0 && h.log.filter((e) => e.sql === sql).length === 4
    }, SANGONG_SQL)
    const log = await answerLog(page)
    // The held answer (the first change's) reached the app after the second change's.
    expect(log.filter((e) => e.sql === SANGONG_SQL).map((e) => e.event)).toEqual(['delivered', 'held', 'delivered', 'delivered'])
    expect([await figures('gaoping-2026-budget'), await figures('stale-one'), await figures('stale-two')]).toEqual([perDoc, perDoc, perDoc])
    expect(await page.locator('[data-testid="running-costs"] tr[data-doc="stale-two"]').count()).toBe(
      await page.locator('[data-testid="running-costs"] tr[data-doc="gaoping-2026-budget"]').count())
    expect(app.pageErrors).toEqual([])
    expect(app.foreign).toEqual([])
  })
})
