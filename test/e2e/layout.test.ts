/**
 * Every view on a phone (390×844) and on a desktop (1440×900): the page never
 * scrolls sideways, no text is squeezed to one character per line, export
 * buttons and the citation (with its 复制引用) stay inside the viewport, and on
 * the phone every control is a touch target of at least 40 px. Screenshots of
 * every view at both sizes go to test-results/screens/ (git-ignored) for review.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, waitForChartsAtRest, waitForDb, type Page, type StartedApp } from './harness'
import { layoutProblems, SCREENS, VIEWS } from './layout-checks'

let app: StartedApp
let page: Page

beforeAll(async () => {
  app = await startApp()
  page = app.page
  mkdirSync(SCREENS, { recursive: true })
})

afterAll(async () => { await app?.close() })

async function open(path: string): Promise<void> {
  await page.goto(app.url + path)
  await waitForDb(page)
  await page.waitForSelector('[data-testid^="view-"]')
  // A view is settled when its waiting notice has gone and its first table or chart is drawn.
  await page.waitForFunction(() => !document.querySelector('p.waiting') && document.querySelectorAll('table, canvas, textarea').length > 0)
  await page.evaluate(() => document.fonts.ready)
}

for (const size of [{ width: 390, height: 844, name: 'phone' }, { width: 1440, height: 900, name: 'desktop' }]) {
  describe(`every view at ${size.width}×${size.height}`, () => {
    beforeAll(async () => { await page.setViewportSize({ width: size.width, height: size.height }) })

    for (const view of VIEWS) {
      it(`${view.name}: no sideways scroll, no squeezed text, exports and citation inside the viewport`, async () => {
        await open(view.path)
        // Charts animate in; the picture is for people (the checks below do not need it), so it waits for them to finish.
        await waitForChartsAtRest(page)
        await page.screenshot({ path: join(SCREENS, `${view.name}-${size.width}.png`), fullPage: true })
        const problems = await layoutProblems(page, { touch: size.width < 768 })
        expect(problems).toEqual([])

        const fig = page.locator('button.fig:visible').first()
        if (view.figures) {
          await fig.scrollIntoViewIfNeeded()
          await fig.click()
          await page.waitForSelector('[data-testid="citation-copy"]')
          const boxes = await page.evaluate(() => [document.querySelector('[data-testid="citation"]'), document.querySelector('[data-testid="citation-copy"]')]
            .map((el) => { const r = el!.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom].map(Math.round) }))
          for (const [left, top, right, bottom] of boxes) {
            expect(left).toBeGreaterThanOrEqual(0)
            expect(top).toBeGreaterThanOrEqual(0)
            expect(right).toBeLessThanOrEqual(size.width)
            expect(bottom).toBeLessThanOrEqual(size.height)
          }
          if (size.width < 768) await page.screenshot({ path: join(SCREENS, `${view.name}-${size.width}-citation.png`) })
          await page.keyboard.press('Escape')
          await page.waitForSelector('[data-testid="citation"]', { state: 'detached' })
        }
      })
    }
  })
}

describe('审查 on a phone', () => {
  it('shows each finding as a card: message, values and quote at full width, nothing off screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await open('#/review?doc=jincheng-2022-final')
    await page.waitForSelector('[data-testid="finding"]')
    const cells = await page.locator('[data-testid="finding"] td.message, [data-testid="finding-values"]').evaluateAll((els) =>
      els.filter((e) => e.textContent).map((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width } }))
    expect(cells.length).toBeGreaterThan(4)
    for (const c of cells) {
      expect(c.left).toBeGreaterThanOrEqual(0)
      expect(c.right).toBeLessThanOrEqual(390)
      expect(c.width).toBeGreaterThan(300) // the table squeezed the message into ≈ 100 px
    }
    // The values carry their label, since the column heading is gone.
    const label = await page.locator('[data-testid="finding-values"]').first().evaluate((e) => getComputedStyle(e, '::before').content)
    expect(label).toContain('所比数值')
  })
})

describe('项目 on a phone', () => {
  it('shows each project as a card with its amount on screen, also with a project opened', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await open('#/projects?q=职业技能')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="projects"] td.amount').length === 5)
    const amounts = () => page.locator('[data-testid="projects"] td.amount').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))
    expect((await amounts()).length).toBe(5)
    for (const right of await amounts()) expect(right).toBeLessThanOrEqual(390)
    // Opened, its indicator table (five columns) scrolls inside the card instead of widening every card.
    await page.locator('[data-testid="projects"] td.name button').first().click()
    await page.waitForSelector('[data-testid="projects"] tr.expand table')
    for (const right of await amounts()) expect(right).toBeLessThanOrEqual(390)
    expect(await layoutProblems(page, { touch: true })).toEqual([])
  })
})

describe('历年 on a phone', () => {
  it('shows each point as a card with its amount and change on screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await open('#/years')
    await page.waitForSelector('[data-testid="years-row"]')
    const boxes = await page.locator('[data-testid="years-row"] td.amount, [data-testid="years-change-pct"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))
    expect(boxes.length).toBeGreaterThan(4)
    for (const right of boxes) expect(right).toBeLessThanOrEqual(390)
  })
})

describe('执行 on a phone', () => {
  it('reads its tables as cards: every budget, actual and rate on screen, after its column’s name', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await open('#/execution')
    await page.waitForSelector('[data-testid="evaluations"] tbody tr')
    for (const table of ['stated-rates', 'sangong-execution', 'evaluations']) {
      const cells = await page.locator(`[data-testid="${table}"] tbody td.num`).evaluateAll((els) =>
        els.map((e) => ({ right: e.getBoundingClientRect().right, label: getComputedStyle(e, '::before').content })))
      expect(cells.length).toBeGreaterThan(3)
      for (const c of cells) {
        expect(c.right).toBeLessThanOrEqual(390)
        expect(c.label).not.toBe('none')
      }
    }
  })
})

describe('SQL 工作台 on a phone', () => {
  it('puts the list of tables under the editor, at full width', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await open('#/workbench')
    const [editor, list] = await Promise.all(['[data-testid="sql-input"]', '[aria-label="表与视图"]'].map((sel) =>
      page.locator(sel).evaluate((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, width: r.width } })))
    expect(list!.top).toBeGreaterThan(editor!.bottom)
    expect(list!.width).toBeGreaterThan(300) // beside the editor it was ≈ 90 px, a column name a line
  })
})

describe('the phone navigation', () => {
  it('folds into a menu button that opens every view and folds again', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await open('#/')
    expect(await page.locator('[data-nav="compare"]').isVisible()).toBe(false)
    await page.click('[data-testid="nav-toggle"]')
    expect(await page.getAttribute('[data-testid="nav-toggle"]', 'aria-expanded')).toBe('true')
    const heights = await page.locator('.nav-link').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))
    expect(heights.length).toBe(11) // ten views (历年 Years among them) and 审查 Review
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(40)
    await page.click('[data-nav="compare"]')
    await page.waitForSelector('[data-testid="view-compare"]')
    expect(await page.locator('[data-nav="compare"]').isVisible()).toBe(false)
    expect(await page.getAttribute('[data-testid="nav-toggle"]', 'aria-expanded')).toBe('false')
  })

  it('keeps the desktop sidebar open with no menu button', async () => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await open('#/')
    expect(await page.locator('[data-testid="nav-toggle"]').isVisible()).toBe(false)
    expect(await page.locator('[data-nav="compare"]').isVisible()).toBe(true)
    expect(app.foreign).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})


