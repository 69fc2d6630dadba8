import { describe, expect, it } from 'vitest'
import { chartRows, compareChartOption } from '../../src/charts/compare'
import { executionChartOption, rateColour } from '../../src/charts/execution'
import { quickChartColumns, quickChartOption } from '../../src/charts/quick'
import { sangongChartOption, sangongSeries } from '../../src/charts/sangong'
import { buildClassTree, findNode, pathTo, structureChartOption } from '../../src/charts/structure'
import type { CompareRow } from '../../src/db/queries/compare'
import type { SangongPoint } from '../../src/db/queries/sangong'
import type { ClassRow } from '../../src/db/queries/structure'
import { comparisonCaveats, type CaveatDoc } from '../../src/db/caveats'

const row = (key: string, label: string, a: number | null, b: number | null): CompareRow => ({
  dim_key: key, dim_label: label, values: { a, b }, lines: { a: 1, b: 2 },
})

describe('compareChartOption', () => {
  it('makes an ECharts dataset with one column per document, amounts in the chosen unit', () => {
    const o = compareChartOption({
      rows: [row('205', '教育支出', 42659500, 102135800), row('208', '社会保障和就业支出', 192907600, 300282600)],
      docs: ['a', 'b'], labels: { a: '长治 2026 预算', b: '晋城 2024 预算' }, mode: 'amount', unit: '万元', title: 't', source: 's',
    })
    expect(o.dataset.dimensions).toEqual(['dim_label', '长治 2026 预算', '晋城 2024 预算'])
    expect(o.dataset.source).toEqual([['教育支出', 4265.95, 10213.58], ['社会保障和就业支出', 19290.76, 30028.26]])
    expect(o.series).toHaveLength(2)
    expect(o.title.subtext).toContain('万元')
  })

  it('keeps shares in percent and a missing figure empty', () => {
    const o = compareChartOption({ rows: [row('x', 'x', 12.3456, null)], docs: ['a', 'b'], labels: {}, mode: 'share', unit: '万元', title: '', source: '' })
    expect(o.dataset.source).toEqual([['x', 12.35, null]])
  })

  it('draws only the largest rows when there are many, in their order', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(String(i), String(i), i, null))
    expect(chartRows(rows, ['a', 'b'], 3).map((r) => r.dim_key)).toEqual(['17', '18', '19'])
  })
})

const classRow = (class_code: string, amount: number, part = '合计'): ClassRow => ({
  class_code, class_name: `n${class_code}`, level: class_code.length === 3 ? '类' : class_code.length === 5 ? '款' : '项', part, amount, line: 1,
})

describe('buildClassTree / structureChartOption', () => {
  const rows = [classRow('208', 100), classRow('20801', 60), classRow('2080101', 60), classRow('20805', 40), classRow('205', 50), classRow('208', 30, '基本支出')]
  const tree = buildClassTree(rows)

  it('nests 项 under 款 under 类 for one part', () => {
    expect(tree.children.map((c) => c.code)).toEqual(['205', '208'])
    expect(findNode(tree, '208').children.map((c) => c.code)).toEqual(['20801', '20805'])
    expect(findNode(tree, '20801').children.map((c) => c.code)).toEqual(['2080101'])
    expect(tree.value).toBe(150)
    expect(buildClassTree(rows, '基本支出').value).toBe(30)
  })

  it('gives the path back up for the breadcrumb', () => {
    expect(pathTo(tree, '2080101').map((n) => n.code)).toEqual(['208', '20801', '2080101'])
    expect(pathTo(tree, '')).toEqual([])
  })

  it('charts the children of the node drilled into', () => {
    const o = structureChartOption({ node: findNode(tree, '208'), kind: 'treemap', unit: '元', title: '', source: '' })
    expect(o.series[0]!.data.map((d) => d.code)).toEqual(['20801', '20805'])
    const s = structureChartOption({ node: tree, kind: 'sunburst', unit: '元', title: '', source: '' })
    expect(s.series[0]!.type).toBe('sunburst')
  })
})

const point = (p: Partial<SangongPoint>): SangongPoint => ({
  doc_id: 'd', city: '晋城', year: 2022, figure: '决算', category: '合计', amount: 20288.2, line: 414, origin: 'table', quote: '', ...p,
})

describe('sangongSeries / sangongChartOption', () => {
  const points = [
    point({}),
    point({ figure: '预算', amount: 71000 }),
    point({ year: 2021, amount: 27856.79, origin: 'derived', line: 572, quote: '比上年度减少7,568.59元' }),
    point({ city: '长治', year: 2026, figure: '预算', amount: 163200, doc_id: 'c', line: 453 }),
    point({ category: '公务接待费', amount: 8703 }),
  ]

  it('makes one series per city × figure, derived points apart, for the chosen category only', () => {
    const s = sangongSeries(points, '合计', '元')
    expect(s.map((x) => x.name)).toEqual(['晋城 决算', '晋城 决算（推算）', '晋城 预算', '长治 预算'].sort((a, b) => a.localeCompare(b, 'zh')))
    expect(s.find((x) => x.derived)!.points).toEqual([[2021, 27856.79, 572, '比上年度减少7,568.59元', 'd']])
  })

  it('draws derived points hollow on a dashed line', () => {
    const o = sangongChartOption(points, '合计', '元', 't', 's')
    const derived = o.series.find((x) => x.name.includes('推算'))!
    expect(derived.lineStyle.type).toBe('dashed')
    expect(derived.itemStyle.color).toBe('#fff')
    expect(o.xAxis.min).toBe(2020)
  })
})

describe('execution chart', () => {
  it('colours under-execution, over-execution and on-target apart', () => {
    expect(rateColour(28.57)).not.toBe(rateColour(100))
    expect(rateColour(119.09)).not.toBe(rateColour(100))
    expect(rateColour(119.09)).not.toBe(rateColour(28.57))
  })

  it('lists one bar per project with a 100% line', () => {
    const o = executionChartOption([{ label: 'p', rate: 108 }], 't', 's')
    expect(o.dataset.source).toEqual([['p', 108]])
    expect(o.series[0]!.markLine.data).toEqual([{ xAxis: 100 }])
  })
})

describe('quickChartOption', () => {
  it('puts the first text column on the axis and numeric columns as bars', () => {
    const rows = [{ label: '长治', amount: '192907600.00', n: 3 }, { label: '晋城', amount: '300282600.00', n: 4 }]
    expect(quickChartColumns(['label', 'amount', 'n'], rows)).toEqual({ category: 'label', numeric: ['amount', 'n'] })
    expect(quickChartOption(['label', 'amount', 'n'], rows)!.dataset.source).toEqual([['长治', 192907600, 3], ['晋城', 300282600, 4]])
  })

  it('gives no chart when nothing is numeric', () => {
    expect(quickChartOption(['a'], [{ a: 'x' }])).toBeNull()
  })
})

describe('comparisonCaveats', () => {
  const doc = (p: Partial<CaveatDoc>): CaveatDoc => ({ doc_id: 'x', city: '长治', county_of: '', scope: '部门', year: 2026, stage: '预算', unit: '万元', label: 'x', ...p })

  it('says nothing for documents of one scope, stage, year and unit', () => {
    expect(comparisonCaveats([doc({}), doc({ city: '晋城' })])).toEqual([])
  })

  it('names scope, stage, years, a 县级市 beside another city, and printed units', () => {
    const keys = comparisonCaveats([
      doc({ label: '长治 2026 预算' }),
      doc({ city: '晋城', scope: '单位', stage: '决算', year: 2022, unit: '元', label: '晋城 2022 决算' }),
      doc({ city: '高平', county_of: '晋城', scope: '单位', label: '高平 2026 预算' }),
    ]).map((c) => c.key)
    expect(keys).toEqual(['caveat_scope', 'caveat_stage', 'caveat_years', 'caveat_county', 'caveat_unit'])
  })
})
