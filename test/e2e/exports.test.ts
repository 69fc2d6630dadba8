/**
 * Exports a spreadsheet and a newsroom can use: the Compare pivot and the rows
 * behind it as XLSX, read back here (numeric cells, the totals of the screen,
 * title, unit and source as rows), and every chart's PNG with a plot that
 * keeps at least half of the image's height however long its notes.
 */
import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type Page, type StartedApp } from './harness'

let app: StartedApp
let page: Page
const CZ = 'changzhi-2026-budget'
const JC = 'jincheng-2024-budget'

beforeAll(async () => {
  app = await startApp()
  page = app.page
})

afterAll(async () => { await app?.close() })

async function download(selector: string): Promise<{ name: string; body: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
  return { name: dl.suggestedFilename(), body: readFileSync(await dl.path()) }
}

type XCell = { text: string; numeric: boolean }

/** The first sheet of an .xlsx as rows of cells, read from its XML: numeric cells apart from strings. */
function readXlsx(bytes: Buffer): XCell[][] {
  const files = unzipSync(new Uint8Array(bytes))
  const xml = (name: string) => (files[name] ? strFromU8(files[name]) : '')
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  const shared = [...xml('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescape([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')))
  const sheet = xml('xl/worksheets/sheet1.xml')
  const rows: XCell[][] = []
  for (const row of sheet.matchAll(/<row[^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: XCell[] = []
    for (const c of row[2]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = [...c[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
      const type = c[2]!.match(/\bt="(\w+)"/)?.[1]
      const body = c[3] ?? ''
      const v = body.match(/<v>([\s\S]*?)<\/v>/)?.[1]
      const text = type === 's' ? shared[Number(v)]! : type === 'inlineStr' ? unescape(body.replace(/<[^>]+>/g, '')) : unescape(v ?? '')
      cells[col] = { text, numeric: type === undefined || type === 'n' ? v !== undefined : false }
    }
    rows[Number(row[1]) - 1] = [...cells].map((x) => x ?? { text: '', numeric: false })
  }
  return [...rows].map((r) => r ?? [])
}

const texts = (r: XCell[] | undefined) => (r ?? []).map((c) => c.text)

describe('XLSX export', () => {
  it('writes the Compare pivot as displayed: title, unit, headers, numeric cells, the sum row equal to the screen, the source', async () => {
    await page.goto(app.url + `#/compare?docs=${CZ},${JC}&dimension=class3`)
    await page.waitForSelector('[data-testid="pivot"] tr[data-key="208"]')
    const screenSum = await page.locator('[data-testid="pivot"] tr.total td.num').allInnerTexts()
    const { name, body } = await download('[data-testid="table-xlsx"]')
    expect(name).toMatch(/\.xlsx$/)
    const rows = readXlsx(body)
    expect(texts(rows[0])).toEqual(['长治 2026 预算 / 晋城 2024 预算：功能分类·类 · 金额'])
    expect(texts(rows[1])).toEqual(['单位：万元'])
    expect(texts(rows[2])).toEqual(['行', '长治 2026 预算', '晋城 2024 预算'])
    // changzhi-2026-budget.txt:187 19290.76, jincheng-2024-budget.txt:376 30028.26 (万元), as numbers.
    const r208 = rows.find((r) => r[0]?.text === '208 社会保障和就业支出')!
    expect(r208.slice(1)).toEqual([{ text: '19290.76', numeric: true }, { text: '30028.26', numeric: true }])
    const data = rows.slice(3).filter((r) => /^\d{3} /.test(r[0]?.text ?? ''))
    expect(data.length).toBe(5)
    for (const r of data) for (const c of r.slice(1)) if (c.text !== '') expect(c.numeric).toBe(true)
    const sum = rows.find((r) => r[0]?.text === '各行相加')!
    expect(sum.slice(1).map((c) => c.numeric)).toEqual([true, true])
    // The sum row equals the screen's, and the rows above add up to it (to the cent).
    expect(sum.slice(1).map((c) => Number(c.text).toFixed(2))).toEqual(screenSum.map((s) => s.replace(/,/g, '')))
    for (const col of [1, 2]) expect(data.reduce((t, r) => t + Number(r[col]?.text || 0), 0).toFixed(2)).toBe(Number(sum[col]!.text).toFixed(2))
    expect(rows.some((r) => r[0]?.text === '来源：长治市人力资源和社会保障局2026年部门预算公开，表3；晋城市人力资源和社会保障局2024年部门预算公开，表3')).toBe(true)
    expect(rows.some((r) => /^年度不同/.test(r[0]?.text ?? ''))).toBe(true)
  })

  it('writes the rows behind the pivot: exact values in 元 as numbers, the figure as shown, the line, then title and source', async () => {
    const rows = readXlsx((await download('[data-testid="table-rows-xlsx"]')).body)
    expect(texts(rows[0])).toEqual(['doc_id', 'document', 'source_file', 'dimension', 'dim_key', 'dim_label', 'measure', 'value', 'unit', 'shown', 'shown_unit', 'line'])
    const cz208 = rows.find((r) => r[0]?.text === CZ && r[4]?.text === '208')!
    expect(cz208[7]).toEqual({ text: '192907600', numeric: true })
    expect(texts(cz208.slice(8, 11))).toEqual(['元', '19,290.76', '万元'])
    expect(cz208[11]).toEqual({ text: '187', numeric: true })
    expect(rows.some((r) => (r[0]?.text ?? '').startsWith('来源：长治市人力资源和社会保障局2026年部门预算公开'))).toBe(true)
  })
})

describe('the Compare pivot', () => {
  it('says where the rows’ sum differs from the printed 合计 by rounding (长治 2026: 24,736.23 against 24,736.24)', async () => {
    await page.goto(app.url + `#/compare?docs=${CZ},${JC}&dimension=class3`)
    const note = page.locator(`[data-testid="rounding-note"] li[data-doc="${CZ}"]`)
    await note.waitFor()
    // changzhi-2026-budget.txt:181 B03 合计 24736.24 (万元); its five 类 rows add up to 24736.23.
    expect(await note.innerText()).toContain('原表合计 24,736.24，各行相加 24,736.23，相差 0.01万元——原表各行分别四舍五入')
    expect(await note.locator('button.fig').getAttribute('data-line')).toBe('181')
    // 晋城 2024's rows add up to its printed total: no note.
    expect(await page.locator(`[data-testid="rounding-note"] li[data-doc="${JC}"]`).count()).toBe(0)
  })

  it('filters 款 rows to one 类, with a subtotal per 类 that adds up its rows', async () => {
    await page.goto(app.url + `#/compare?docs=${CZ},${JC}&dimension=class5`)
    await page.waitForSelector('[data-testid="pivot"] tr[data-subtotal="208"]')
    const subtotal208 = await page.locator(`[data-testid="pivot"] tr[data-subtotal="208"] td.num`).first().innerText()
    // The 208 subtotal of 长治 is its 类 row: 19,290.76 (changzhi-2026-budget.txt:187).
    expect(subtotal208).toBe('19,290.76')
    await page.selectOption('[data-testid="class-filter"]', '208')
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="pivot"] tr[data-key]')].every((tr) => tr.getAttribute('data-key')!.startsWith('208')))
    expect(await page.locator('[data-testid="pivot"] tr[data-subtotal]').evaluateAll((els) => els.map((e) => e.getAttribute('data-subtotal')))).toEqual(['208'])
    expect(await page.locator('[data-testid="pivot"] tr.total td.num').first().innerText()).toBe('19,290.76')
  })

  it('sorts by a document’s column, largest first, then smallest first', async () => {
    await page.goto(app.url + `#/compare?docs=${CZ},${JC}&dimension=class3`)
    await page.waitForSelector('[data-testid="pivot"] tr[data-key="208"]')
    await page.click(`[data-testid="pivot"] button[data-sort="${CZ}"]`)
    const keys = () => page.locator('[data-testid="pivot"] tbody tr[data-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))
    // 长治 2026 (万元): 208 19,290.76 > 205 4,265.95 > 221 736.00 > 210 388.02 > 213 55.50
    expect(await keys()).toEqual(['208', '205', '221', '210', '213'])
    await page.click(`[data-testid="pivot"] button[data-sort="${CZ}"]`)
    expect(await keys()).toEqual(['213', '210', '221', '205', '208'])
    expect(await page.locator(`[data-testid="pivot"] th[aria-sort="ascending"]`).count()).toBe(1)
  })
})

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(b: Buffer): { width: number; height: number } {
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}

describe('PNG export of every chart', () => {
  for (const [view, path] of [
    ['compare', `#/compare?docs=${CZ},${JC}`], ['structure', `#/structure?doc=${CZ}`], ['sangong', '#/sangong'], ['execution', '#/execution'],
  ] as const) {
    it(`${view}: each chart's image keeps its plot at least half of its height`, async () => {
      await page.goto(app.url + path)
      const boxes = page.locator(`[data-testid="view-${view}"] .chart-box:has(button[data-export="png"])`)
      await boxes.first().waitFor()
      const n = await boxes.count()
      // One chart a view; Structure draws its treemap and the 基本/项目 and 人员/公用 splits.
      expect(n).toBe(view === 'structure' ? 3 : 1)
      for (let i = 0; i < n; i++) {
        const [dl] = await Promise.all([page.waitForEvent('download'), boxes.nth(i).locator('button[data-export="png"]').click()])
        const size = pngSize(readFileSync(await dl.path()))
        const layout = await boxes.nth(i).getAttribute('data-export-layout')
        const [wh, header, footer] = layout!.split(' ')
        const [w, h] = wh!.split('x').map(Number)
        // 2× pixels of the layout the image was drawn at.
        expect(size).toEqual({ width: 2 * w!, height: 2 * h! })
        const plot = h! - Number(header) - Number(footer)
        expect(plot / h!, `${view} chart ${i}: plot ${plot} of ${h}`).toBeGreaterThanOrEqual(0.5)
      }
    })
  }

  it('made no foreign request and threw no error', () => {
    expect(app.foreign).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
