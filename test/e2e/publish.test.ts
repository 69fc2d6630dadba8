/**
 * Publish and cite, in the built app in headless Chromium: charts export PNG
 * (2×, canvas) and SVG carrying title, unit and source; the Compare pivot
 * exports to CSV exactly as displayed and copies as TSV; a figure's citation
 * shows the line of data/raw that prints it; a figure failing an identity
 * check carries a notice linking to that check.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, startApp, type Page, type StartedApp } from './harness'

let app: StartedApp
let server: StartedApp['server']
let page: Page
let foreign: string[]
let pageErrors: string[]
const SHOTS = '/tmp/shots'

const CZ = 'changzhi-2026-budget'
const JC24 = 'jincheng-2024-budget'
const rawLines = (file: string) => readFileSync(join(ROOT, 'data', 'raw', file), 'utf8').split(/\r?\n/)

beforeAll(async () => {
  app = await startApp({ permissions: ['clipboard-read', 'clipboard-write'] })
  ;({ server, page, foreign, pageErrors } = app)
  mkdirSync(SHOTS, { recursive: true })
})

afterAll(async () => { await app?.close() })

/** Clicks a control and returns the file it downloads. */
async function downloadOf(selector: string): Promise<{ name: string; body: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
  const path = await dl.path()
  return { name: dl.suggestedFilename(), body: readFileSync(path) }
}

/** RFC 4180 CSV/TSV to rows (quotes, doubled quotes, CRLF), read by PapaParse as an outside tool would. */
function parseDelimited(text: string, sep: string): string[][] {
  return Papa.parse<string[]>(text, { delimiter: sep, skipEmptyLines: true }).data
}

/** The pivot as displayed: header labels (doc columns by their label) and body cells' visible text. */
async function pivotOnScreen(): Promise<{ head: string[]; body: string[][] }> {
  return page.evaluate(() => {
    const table = document.querySelector('[data-testid="pivot"]') as HTMLTableElement
    const text = (el: HTMLElement) => (el.getAttribute('data-export') ?? el.innerText.replace(/\s+/g, ' ')).trim()
    const head = [...table.tHead!.rows[0]!.cells].map((c) => text(c))
    const body = [...table.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.innerText.replace(/\s+/g, ' ').trim()))
    return { head, body }
  })
}

/** The text an SVG draws, in document order: a line ECharts wrapped (overflow 'break') reads whole again. */
function svgText(svg: string): string {
  const parts = [...svg.replace(/<title>[\s\S]*?<\/title>/g, '').matchAll(/>([^<]+)</g)].map((m) => m[1]!).filter((p) => p.trim() !== '')
  return parts.join('').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

const COMPARE = `#/compare?docs=${CZ},${JC24}&dimension=class3`

describe('chart export', () => {
  it('exports the Compare chart as SVG with its title, unit and a source line naming both documents and table 3', async () => {
    await page.goto(server.url + COMPARE)
    await page.waitForSelector('[data-testid="pivot"] tr[data-key="208"]')
    const { name, body } = await downloadOf('[data-testid="view-compare"] button[data-export="svg"]')
    expect(name).toMatch(/\.svg$/)
    const svg = body.toString('utf8')
    expect(svg.startsWith('<svg')).toBe(true)
    const text = svgText(svg)
    expect(text).toContain('长治 2026 预算 / 晋城 2024 预算：功能分类·类 · 金额')
    expect(text).toContain('单位：万元')
    expect(text).toContain('来源：长治市人力资源和社会保障局2026年部门预算公开，表3；晋城市人力资源和社会保障局2024年部门预算公开，表3')
    // The caveat that the years differ travels with the image.
    expect(text).toContain('年度不同')
    // Screen readers get the chart's description in the standalone SVG too.
    expect(svg).toMatch(/role="img" aria-label="[^"]*社会保障和就业支出/)
    // How the SVG looks on its own, with no page around it (for the reviewer's eyes).
    const view = await app.browser.newPage()
    await view.setContent(`<body style="margin:0">${svg}</body>`)
    await view.screenshot({ path: `${SHOTS}/publish-export-svg.png` })
    await view.close()
  })

  it('exports the Compare chart as a PNG at twice its size on screen (taller if its notes need room), drawn (not blank), through the canvas renderer', async () => {
    const box = (await page.locator('[data-testid="view-compare"] [data-testid="chart"]').boundingBox())!
    const { name, body } = await downloadOf('[data-testid="view-compare"] button[data-export="png"]')
    expect(name).toMatch(/\.png$/)
    expect(body.subarray(1, 4).toString('latin1')).toBe('PNG')
    writeFileSync(`${SHOTS}/publish-export-png.png`, body)
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(body.readUInt32BE(16)).toBe(2 * Math.round(box.width))
    // As tall as on screen, or taller where title, source and caveats would squash the plot (export-chart.ts exportLayout).
    const layout = (await page.locator('[data-testid="view-compare"] .chart-box').first().getAttribute('data-export-layout'))!
    expect(body.readUInt32BE(20)).toBe(2 * Number(layout.split(' ')[0]!.split('x')[1]))
    expect(body.readUInt32BE(20)).toBeGreaterThanOrEqual(2 * Math.round(box.height))
    const stats = await page.evaluate(async (b64) => {
      const img = new Image()
      img.src = 'data:image/png;base64,' + b64
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.width; c.height = img.height
      const ctx = c.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const d = ctx.getImageData(0, 0, c.width, c.height).data
      const colours = new Set<number>()
      let ink = 0
      for (let i = 0; i < d.length; i += 16) {
        colours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!)
        if (d[i]! < 200 || d[i + 1]! < 200 || d[i + 2]! < 200) ink++
      }
      return { colours: colours.size, ink: ink / (d.length / 16) }
    }, body.toString('base64'))
    expect(stats.colours).toBeGreaterThan(50)
    expect(stats.ink).toBeGreaterThan(0.01)
    await page.screenshot({ path: `${SHOTS}/publish-compare.png`, fullPage: true })
  })

  it('exports every chart of Structure, 三公经费 and Execution as SVG with a source line', async () => {
    const views: [string, string, string][] = [
      [`#/structure?doc=${CZ}`, 'view-structure', '来源：长治市人力资源和社会保障局2026年部门预算公开，表3'],
      ['#/sangong', 'view-sangong', '来源：'],
      ['#/execution', 'view-execution', '来源：晋城市人力资源和社会保障局2022年单位决算公开，项目支出绩效自评表'],
    ]
    for (const [hash, view, source] of views) {
      await page.goto(server.url + hash)
      await page.waitForSelector(`[data-testid="${view}"] button[data-export="svg"]`)
      const n = await page.locator(`[data-testid="${view}"] button[data-export="svg"]`).count()
      // One chart a view; Structure draws its treemap and the 基本/项目 and 人员/公用 splits.
      expect(n).toBe(view === 'view-structure' ? 3 : 1)
      for (let i = 0; i < n; i++) {
        const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${view}"] button[data-export="svg"]`).nth(i).click()])
        const svg = readFileSync(await dl.path(), 'utf8')
        expect(svgText(svg), `${view} chart ${i}`).toContain(source)
      }
    }
  })
})

describe('table export', () => {
  it('exports the Compare pivot to CSV exactly as on screen: title, unit, every header and cell, the sum row, the source', async () => {
    await page.goto(server.url + COMPARE)
    await page.waitForSelector('[data-testid="pivot"] tr[data-key="208"]')
    const screen = await pivotOnScreen()
    const { body } = await downloadOf('[data-testid="table-csv"]')
    const text = body.toString('utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const grid = parseDelimited(text.slice(1), ',')
    expect(grid[0]).toEqual(['长治 2026 预算 / 晋城 2024 预算：功能分类·类 · 金额'])
    expect(grid[1]).toEqual(['单位：万元'])
    expect(grid[2]).toEqual(screen.head)
    // Numbers as plain numbers (a spreadsheet reads them as numbers): the screen's text without its grouping commas.
    expect(grid.slice(3, 3 + screen.body.length)).toEqual(screen.body.map((r) => [r[0], ...r.slice(1).map((c) => c.replace(/,/g, ''))]))
    // Cell by cell, one figure read from each report: changzhi line 187, jincheng-2024 line 376.
    const row208 = grid.find((r) => r[0] === '208 社会保障和就业支出')!
    expect(row208.slice(1)).toEqual(['19290.76', '30028.26'])
    expect(text).toContain('\r\n208 社会保障和就业支出,19290.76,30028.26\r\n')
    expect(grid[3 + screen.body.length - 1]![0]).toBe('各行相加')
    expect(grid.some((r) => r[0] === '来源：长治市人力资源和社会保障局2026年部门预算公开，表3；晋城市人力资源和社会保障局2024年部门预算公开，表3')).toBe(true)
  })

  it('exports the rows underneath the pivot with exact values in 元 and their source lines', async () => {
    const { body } = await downloadOf('[data-testid="table-rows-csv"]')
    const grid = parseDelimited(body.toString('utf8').replace(/^\uFEFF/, ''), ',')
    expect(grid[0]).toEqual(['doc_id', 'document', 'source_file', 'dimension', 'dim_key', 'dim_label', 'measure', 'value', 'unit', 'shown', 'shown_unit', 'line'])
    const cz208 = grid.find((r) => r[0] === CZ && r[4] === '208')!
    expect(Number(cz208[7])).toBe(192907600)
    expect(cz208[8]).toBe('元')
    expect(cz208.slice(9, 11)).toEqual(['19,290.76', '万元'])
    expect(cz208[11]).toBe('187')
    expect(rawLines('changzhi-2026-budget.txt')[186]).toContain('19290.76')
  })

  it('copies the pivot to the clipboard as tab-separated text, header and cells as displayed', async () => {
    const screen = await pivotOnScreen()
    await page.click('[data-testid="table-tsv"]')
    await page.waitForFunction(() => document.querySelector('.table-tools [role="status"]')?.textContent !== '')
    const tsv = await page.evaluate(() => navigator.clipboard.readText())
    const grid = parseDelimited(tsv, '\t')
    expect(grid[0]).toEqual(screen.head)
    expect(grid.slice(1)).toEqual(screen.body)
  })
})

describe('citations', () => {
  it('opens a figure’s citation: document, table, row, column, printed figure, and the very line of data/raw that prints it', async () => {
    await page.goto(server.url + COMPARE)
    await page.click(`tr[data-key="208"] td[data-doc="${CZ}"] button.fig`)
    const pop = page.locator('[data-testid="citation"]')
    await pop.locator('[data-testid="citation-text"]').waitFor()
    expect(await pop.locator('[data-testid="citation-document"]').innerText()).toBe('长治市人力资源和社会保障局2026年部门预算公开')
    expect(await pop.locator('[data-testid="citation-printed"]').innerText()).toBe('19290.76万元')
    const cited = pop.locator('[data-testid="citation-context"] li.cited')
    expect(await cited.getAttribute('data-line')).toBe('187')
    const raw = rawLines('changzhi-2026-budget.txt')[186]!
    expect(raw).toContain('19290.76')
    expect(await cited.locator('.tx').textContent()).toBe(raw)
    const text = await pop.locator('[data-testid="citation-text"]').innerText()
    expect(text).toBe('来源：长治市人力资源和社会保障局2026年部门预算公开，预算公开表3《预算支出总表》，“208 社会保障和就业支出”行“合计”列，19290.76万元（原文第187行）')
    await page.screenshot({ path: `${SHOTS}/publish-citation.png` })
  })

  it('copies the one-line citation to the clipboard', async () => {
    await page.click('[data-testid="citation-copy"]')
    await page.waitForFunction(() => /已复制/.test(document.querySelector('[data-testid="citation"] .cite-actions [role="status"]')?.textContent ?? ''))
    const clip = await page.evaluate(() => navigator.clipboard.readText())
    expect(clip).toBe(await page.locator('[data-testid="citation-text"]').innerText())
  })

  it('closes with Esc and gives focus back to the figure', async () => {
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid="citation"]', { state: 'detached' })
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('data-line'))).toBe('187')
  })

  it('jumps from the citation to the highlighted source line', async () => {
    await page.click(`tr[data-key="208"] td[data-doc="${CZ}"] button.fig`)
    await page.click('[data-testid="citation-jump"]')
    await page.waitForSelector('[data-testid="view-source"] .src-line.hl')
    expect(page.url()).toContain(`#/data/source/${CZ}?line=187`)
  })

  it('cites a 三公 figure of the 2022 决算 (printed in 元) at its F07 line', async () => {
    await page.goto(server.url + '#/execution')
    await page.waitForSelector('[data-testid="sangong-execution"] tr[data-category="合计"] button.fig')
    const fig = page.locator('[data-testid="sangong-execution"] tr[data-category="合计"] button.fig').last()
    const line = Number(await fig.getAttribute('data-line'))
    await fig.click()
    const pop = page.locator('[data-testid="citation"]')
    await pop.locator('[data-testid="citation-text"]').waitFor()
    const printed = await pop.locator('[data-testid="citation-printed"]').innerText()
    expect(printed).toMatch(/元$/)
    // The printed figure stands on the cited line of the report.
    expect(rawLines('jincheng-2022-final.txt')[line - 1]).toContain(printed.replace(/元$/, ''))
    expect(await pop.locator('[data-testid="citation-text"]').innerText()).toContain('公开07表《“三公”经费支出决算表》')
    await page.keyboard.press('Escape')
  })
})

describe('data quality where it matters', () => {
  it('marks 长治 2026 机关运行经费 (表11 425.28万元 against the prose’s 425.27万元) with a notice linking to its check', async () => {
    await page.goto(server.url + '#/sangong')
    const card = page.locator('[data-testid="running-costs"]')
    // The notice is complete once it lists the failed check of checks.csv for these two lines.
    await card.locator('[data-testid="quality-notice"] li[data-check="文字说明（第629行）机关运行经费 = B11 部门合计 合计"]').waitFor()
    const notice = await card.locator('[data-testid="quality-notice"]').innerText()
    expect(notice).toContain('机关运行经费 = B11 部门合计 合计')
    expect(notice).toContain('第463、629行')
    // In the view's unit (万元), as the figures beside it; the difference of 100 元 in 元, which 万元 would round to 0.01.
    expect(notice).toContain('预期425.28万元，实际425.27万元，差-100.00元')
    // The figures themselves, as printed: changzhi line 463 "部门合计 425.28", line 629 "…预算425.27万元…".
    const lines = rawLines('changzhi-2026-budget.txt')
    expect(lines[462]).toContain('425.28')
    expect(lines[628]).toContain('425.27万元')
    expect(await card.locator(`tr[data-doc="${CZ}"][data-origin="table"] button.fig`).innerText()).toBe('425.28')
    expect(await card.locator(`tr[data-doc="${CZ}"][data-origin="narrative"] button.fig`).innerText()).toBe('425.27')
    await page.screenshot({ path: `${SHOTS}/publish-quality.png`, fullPage: true })
  })

  it('shows the finding in the B11 figure’s citation too', async () => {
    const card = page.locator('[data-testid="running-costs"]')
    await card.locator(`tr[data-doc="${CZ}"][data-origin="table"] button.fig`).click()
    const pop = page.locator('[data-testid="citation"]')
    await pop.locator('[data-testid="citation-quality"]').waitFor()
    expect(await pop.locator('[data-testid="citation-quality"]').innerText()).toContain('预期425.28万元，实际425.27万元')
    expect(await pop.locator('[data-testid="citation-text"]').innerText()).toContain('预算公开表11《机关运行经费预算表》，“部门合计”行“合计”列，425.28万元（原文第463行）')
    await page.keyboard.press('Escape')
  })

  it('follows the notice’s link to the Data view, which highlights and scrolls to that check', async () => {
    await page.locator('[data-testid="running-costs"] [data-testid="quality-link"]').first().click()
    await page.waitForSelector('[data-testid="checks"] tr.check-focus')
    expect(page.url()).toContain('#/data?')
    const row = page.locator('[data-testid="checks"] tr.check-focus')
    expect(await row.count()).toBe(1)
    expect(await row.innerText()).toContain('机关运行经费 = B11 部门合计 合计')
    expect(await row.isVisible()).toBe(true)
    const inView = await row.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })
    expect(inView).toBe(true)
    await page.screenshot({ path: `${SHOTS}/publish-data-check.png` })
  })
})

describe('offline', () => {
  it('never requested a host other than its own, and raised no page error', () => {
    expect(foreign).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
