import { describe, expect, it } from 'vitest'
import { shift } from '../../src/ingest/decimal'
import { sourceLine, usesOf } from '../../src/publish/citation'
import { exportFileName, exportLayout, exportOption, exportSvg, FONT_FAMILY, renderSvg } from '../../src/publish/export-chart'
import { ariaOption, PALETTE } from '../../src/publish/palette'
import { doc, lineItems, only } from './dataset'

const CZ = 'changzhi-2026-budget'
const JC24 = 'jincheng-2024-budget'

/** A real bar chart: B03 社会保障和就业支出 合计 of 晋城 2024 and 长治 2026, in 万元. */
function socialSecurityChart() {
  const rows = [JC24, CZ].map((id) => only(lineItems, { doc_id: id, table_code: 'B03', class_code: '208', measure: '合计' }))
  const label = (id: string) => `${doc(id).city} ${doc(id).year}`
  return {
    rows,
    option: {
      color: [...PALETTE],
      title: { text: 'on-screen title' },
      toolbox: { feature: { saveAsImage: {} } },
      legend: {},
      tooltip: {},
      dataset: { source: [['文件', '社会保障和就业支出'], ...rows.map((r) => [label(r.doc_id), Number(shift(r.value, -4))])] },
      xAxis: { type: 'category' },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: '社会保障和就业支出' }],
    },
  }
}

/** The text of every <text> element of an SVG. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!)
}

describe('exportSvg', () => {
  const { rows, option } = socialSecurityChart()
  const source = sourceLine([doc(JC24), doc(CZ)], usesOf(rows))
  const svg = exportSvg(option, { title: '社会保障和就业支出：晋城2024与长治2026', unit: '万元', source })
  const texts = svgTexts(svg)

  it('renders a standalone SVG document', () => {
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
    expect(svg).toContain('width="960" height="600"')
  })

  it('carries the title, the unit and the source line as text', () => {
    expect(source).toBe('来源：晋城市人力资源和社会保障局2024年部门预算公开，表3；长治市人力资源和社会保障局2026年部门预算公开，表3')
    expect(texts).toContain('社会保障和就业支出：晋城2024与长治2026')
    expect(texts).toContain('单位：万元')
    expect(texts).toContain(source)
    expect(texts).not.toContain('on-screen title')
  })

  it('draws Chinese characters as <text>, not as outlines, in system CJK fonts with no web font', () => {
    expect(texts).toContain('晋城 2024')
    expect(texts).toContain('长治 2026')
    expect(svg).toContain("font-family:'Noto Sans CJK SC'")
    expect(svg).not.toMatch(/@font-face|url\(\s*['"]?https?:/)
  })

  it('draws one bar per document with the figures of B03 (30028.26 and 19290.76万元)', () => {
    const opt = exportOption(option, { title: 't', unit: '万元', source })
    expect((opt.dataset as { source: unknown[][] }).source.slice(1)).toEqual([['晋城 2024', 30028.26], ['长治 2026', 19290.76]])
    // Two bars in the first palette colour, their heights in the ratio of the figures.
    const bars = [...svg.matchAll(/<path d="M[\d.]+ [\d.]+l[\d.]+ 0l0 -([\d.]+)[^"]*"[^>]*fill="([^"]+)"[^>]*ecmeta_ssr_type="chart"/g)]
    expect(bars.map((b) => b[2])).toEqual([PALETTE[0], PALETTE[0]])
    const [jc, cz] = bars.map((b) => Number(b[1]))
    expect(jc! / cz!).toBeCloseTo(30028.26 / 19290.76, 2)
  })

  it('wraps a long source line inside the image and keeps every character of it', () => {
    const long = `${source}；${source}`
    const wrapped = svgTexts(exportSvg(option, { title: 't', unit: '万元', source: long, notes: ['注：比较的文件口径不同（部门/单位）。'] }))
    const start = wrapped.findIndex((t) => t.startsWith('来源：'))
    expect(start).toBeGreaterThanOrEqual(0)
    expect(wrapped[start]!.length).toBeLessThan(long.length)
    expect(wrapped.slice(start, start + 2).join('')).toBe(long)
    expect(wrapped).toContain('注：比较的文件口径不同（部门/单位）。')
  })

  it('labels the image for screen readers when the option has an aria description', () => {
    const labelled = renderSvg({ ...exportOption(option, { title: 't', source }), ...ariaOption('社会保障和就业支出', '晋城2024年30028.26万元，长治2026年19290.76万元') })
    expect(labelled).toMatch(/^<svg[^>]* role="img" aria-label="社会保障和就业支出。晋城2024年30028.26万元，长治2026年19290.76万元">/)
    expect(labelled).toContain('<title>社会保障和就业支出。晋城2024年30028.26万元，长治2026年19290.76万元</title>')
  })
})

describe('exportOption', () => {
  const { option } = socialSecurityChart()
  const meta = { title: '社会保障和就业支出', unit: '万元', source: '来源：x', width: 800, height: 500 }

  it('leaves the on-screen option unchanged', () => {
    const before = JSON.stringify(option)
    exportOption(option, meta)
    expect(JSON.stringify(option)).toBe(before)
  })

  it('puts the legend under the title and the plot under the legend, above the source', () => {
    const out = exportOption(option, meta)
    const title = out.title as { top: number; textStyle: { fontFamily: string } }
    const legend = out.legend as { top: number; type: string }
    const grid = out.grid as { top: number; bottom: number }
    expect(title.textStyle.fontFamily).toBe(FONT_FAMILY)
    expect(legend.top).toBeGreaterThan(title.top + 40)
    expect(legend.type).toBe('plain')
    expect(grid.top).toBeGreaterThan(legend.top + 20)
    expect(grid.bottom).toBeGreaterThan(24)
    expect(out.toolbox).toBeUndefined()
    expect(out.animation).toBe(false)
    expect(out.backgroundColor).toBe('#fff')
    const graphic = out.graphic as { id: string; style: { text: string } }[]
    expect(graphic.find((g) => g.id === 'export-source')!.style.text).toBe('来源：x')
  })

  it('fits a pie or sunburst between header and footer and hides the treemap breadcrumb', () => {
    const out = exportOption({ series: [{ type: 'sunburst', radius: ['15%', '90%'] }, { type: 'treemap' }] }, meta)
    const [sun, tree] = out.series as Record<string, unknown>[]
    const center = sun!.center as [string, number]
    const radius = sun!.radius as [number, number]
    expect(center[0]).toBe('50%')
    // The circle stays inside the image, below the title and above the source.
    expect(center[1] - radius[1]).toBeGreaterThan(40)
    expect(center[1] + radius[1]).toBeLessThan(500 - 16)
    expect((tree!.breadcrumb as { show: boolean }).show).toBe(false)
  })

  it('keeps pies that stand side by side apart', () => {
    const out = exportOption({ series: [{ type: 'pie', center: ['25%', '50%'], radius: '40%' }, { type: 'pie', center: ['75%', '50%'], radius: '40%' }] }, meta)
    const [a, b] = (out.series as { center: [string, number]; radius: [number, number] }[])
    expect([a!.center[0], b!.center[0]]).toEqual(['25%', '75%'])
    // 40% of half the smaller side of the plot, which is under 800 × 25% = 200 px: the two do not touch.
    expect(a!.radius[1]).toBeLessThan(200)
  })

  it('writes "Unit:" in English', () => {
    const out = exportOption(option, { ...meta, lang: 'en' })
    expect((out.title as { subtext: string }).subtext).toBe('Unit: 万元')
  })
})

describe('exportFileName', () => {
  it('keeps Chinese titles and drops characters file systems reject', () => {
    expect(exportFileName('社会保障和就业支出：晋城/长治 2026', 'svg')).toBe('社会保障和就业支出：晋城_长治_2026.svg')
    expect(exportFileName('', '.png')).toBe('chart.png')
  })
})

describe('exportLayout(option, meta)', () => {
  const option = { legend: { type: 'plain' }, series: [{ type: 'line', name: '晋城 预算（部门）', data: [[2022, 1]] }], xAxis: { type: 'value' }, yAxis: { type: 'value' } }
  const note = '晋城 预算：2022 (单位); 2023, 2024 (部门)——范围不同（部门公开含下属单位，单位公开只含本单位），不是同一口径的时间序列，图中不相连。'

  it('keeps the requested size when the plot has half of it or more', () => {
    const l = exportLayout(option, { title: '三公经费 · 合计', unit: '万元', source: '来源：长治…', width: 960, height: 600 })
    expect([l.width, l.height]).toEqual([960, 600])
    expect(l.plot / l.height).toBeGreaterThanOrEqual(0.5)
  })

  it('lengthens the image, never squashes the plot, when source and caveats run long (the 三公 chart was 1162×400 with six notes)', () => {
    const l = exportLayout(option, { title: '三公经费 · 合计', unit: '万元', source: '来源：' + '晋城市人力资源和社会保障局2022年单位决算公开，公开07表；'.repeat(4), notes: Array(6).fill(note), width: 1162, height: 400 })
    expect(l.height).toBeGreaterThan(400)
    expect(l.plot / l.height).toBeGreaterThanOrEqual(0.5)
    expect(l.height).toBe(Math.max(Math.ceil((l.header + l.footer) / 0.5), Math.ceil(l.header + l.footer + 0.7 * 400)))
    expect(l.plot).toBeGreaterThanOrEqual(0.7 * 400 - 1)
  })
})
