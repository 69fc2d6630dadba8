/**
 * Accessibility of the built app, checked by axe-core (injected from
 * node_modules: no network) on every view, with the citation dialog open
 * too; and the keyboard path through a figure's citation.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type Page, type StartedApp } from './harness'

const require = createRequire(import.meta.url)
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const SHOTS = '/tmp/shots'

let app: StartedApp
let server: StartedApp['server']
let page: Page
let foreign: string[]
let pageErrors: string[]

beforeAll(async () => {
  app = await startApp()
  ;({ server, page, foreign, pageErrors } = app)
  mkdirSync(SHOTS, { recursive: true })
})

afterAll(async () => { await app?.close() })

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

/** axe-core's serious and critical violations on the page as it stands. */
async function seriousViolations(): Promise<string[]> {
  // The app's Content-Security-Policy forbids inline <script> (addScriptTag): the source is evaluated
  // through the DevTools protocol instead, which the policy does not govern. Still no network.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe
    const r = await axe.run(document, { resultTypes: ['violations'] })
    return r.violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} (${v.nodes.length} nodes)`)
}

/** name, link, what shows it is ready, and what to click first (a workbench link fills the editor but never runs it). */
const VIEWS: [string, string, string, string?][] = [
  ['overview', '#/', '[data-testid="coverage"]'],
  ['compare', '#/compare?docs=changzhi-2026-budget,jincheng-2024-budget&dimension=class3', '[data-testid="pivot"] tr[data-key="208"]'],
  ['structure', '#/structure?doc=changzhi-2026-budget', '[data-testid="structure-table"] tr[data-code="208"]'],
  ['sangong', '#/sangong', '[data-testid="running-costs"] table'],
  ['execution', '#/execution', '[data-testid="evaluations"]'],
  ['projects', '#/projects', '[data-testid="projects"] tbody tr'],
  ['workbench', '#/workbench?sql=SELECT%20doc_id%2C%20count(*)%20AS%20n%20FROM%20line_items%20GROUP%20BY%20doc_id', '[data-testid="sql-grid"] tbody tr', '[data-testid="run-sql"]'],
  ['data', '#/data', '[data-testid="checks"] tbody tr'],
  ['source', '#/data/source/changzhi-2026-budget?line=187', '.src-line.hl'],
  ['import', '#/import', '[data-testid="view-import"]'],
]

describe('axe-core on every view', () => {
  for (const [name, hash, ready, click] of VIEWS) {
    it(`finds no serious or critical violation on ${name}`, async () => {
      await page.goto(server.url + hash)
      if (click) await page.click(click)
      await page.waitForSelector(ready)
      // Charts settle: each has its aria label once drawn.
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="chart"]')].every((c) => c.querySelector('[role="img"][aria-label]')))
      expect(await seriousViolations()).toEqual([])
    })
  }

  it('finds none with the citation dialog open, nor in English', async () => {
    await page.goto(server.url + VIEWS[1]![1])
    await page.click('tr[data-key="208"] td[data-doc="changzhi-2026-budget"] button.fig')
    await page.waitForSelector('[data-testid="citation-text"]')
    expect(await seriousViolations()).toEqual([])
    await page.keyboard.press('Escape')
    await page.click('[data-testid="lang-toggle"]')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await seriousViolations()).toEqual([])
    await page.click('[data-testid="lang-toggle"]')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
  })
})

describe('charts a screen reader can read', () => {
  it('gives every chart an aria description and a data-table twin with a caption', async () => {
    for (const [hash, ready] of [[VIEWS[1]![1], VIEWS[1]![2]], [VIEWS[2]![1], VIEWS[2]![2]], [VIEWS[3]![1], VIEWS[3]![2]], [VIEWS[4]![1], VIEWS[4]![2]]] as const) {
      await page.goto(server.url + hash)
      await page.waitForSelector(ready)
      await page.waitForSelector('[data-testid="chart"] [role="img"][aria-label]')
      const charts = await page.locator('[data-testid="chart"]').count()
      // One chart a view; Structure draws its treemap and the 基本/项目 and 人员/公用 splits.
      expect(charts).toBe(hash.startsWith('#/structure') ? 3 : 1)
      expect(await page.locator('[data-testid="chart"] [role="img"][aria-label]').count()).toBe(charts)
      expect(await page.locator('[data-testid="chart-twin"] table caption').count()).toBe(charts)
    }
  })

  it('reads the Compare chart’s figures in its twin table, as drawn (万元)', async () => {
    await page.goto(server.url + VIEWS[1]![1])
    await page.waitForSelector('[data-testid="chart-twin"]')
    await page.click('[data-testid="chart-twin"] summary')
    const row = page.locator('[data-testid="chart-twin"] tbody tr', { hasText: '社会保障和就业支出' })
    // changzhi-2026-budget.txt:187 19290.76, jincheng-2024-budget.txt:376 30028.26
    expect((await row.innerText()).split('\t').map((s) => s.trim())).toEqual(['社会保障和就业支出', '19290.76', '30028.26'])
    const label = await page.locator('[data-testid="chart"] [role="img"]').getAttribute('aria-label')
    expect(label).toContain('社会保障和就业支出')
  })
})

describe('keyboard', () => {
  it('reaches a figure by Tab, opens its citation with Enter, keeps Tab inside the dialog, and Esc returns focus', async () => {
    await page.goto(server.url + VIEWS[1]![1])
    await page.waitForSelector(VIEWS[1]![2])
    const fig = page.locator('tr[data-key="208"] td[data-doc="changzhi-2026-budget"] button.fig')
    await fig.focus()
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="citation-text"]')
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true)
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true)
    }
    await page.keyboard.press('Shift+Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true)
    await page.screenshot({ path: `${SHOTS}/publish-a11y-dialog.png` })
    await page.keyboard.press('Escape')
    await page.waitForSelector('[role="dialog"]', { state: 'detached' })
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.line)).toBe('187')
  })

  it('shows a visible focus ring on the chart export buttons', async () => {
    await page.focus('[data-testid="view-compare"] button[data-export="png"]')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
    expect(outline).not.toBe('none')
  })
})

describe('offline', () => {
  it('never requested a host other than its own', () => {
    expect(foreign).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
