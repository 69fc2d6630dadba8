import { describe, expect, it } from 'vitest'
import { chartRows, compareChartOption } from '../../src/charts/compare'
import { executionChartOption, rateColour } from '../../src/charts/execution'
import { quickChartColumns, quickChartOption } from '../../src/charts/quick'
import { sangongChartOption, sangongSeries } from '../../src/charts/sangong'
import { buildClassTree, findNode, pathTo, structureChartOption } from '../../src/charts/structure'
import type { CompareRow } from '../../src/db/queries/compare'
import type { SangongPoint } from '../../src/db/queries/sangong'
import type { ClassRow } from '../../src/db/queries/structure'
import { comparisonCaveats, trendCaveats, type CaveatDoc } from '../../src/db/caveats'
import { renderSvg } from '../../src/publish/export-chart'

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

  it('on a phone, keeps the value axis’ labels apart (they ran together: "5,00010,000")', () => {
    // 晋城 2024 and 长治 2026, B03 205/208/210 in 元; the chart laid out, as the app does, for its own width.
    const rows = [row('205', '教育支出', 42659500, 102135800), row('208', '社会保障和就业支出', 192907600, 300282600), row('210', '卫生健康支出', 3880200, 10852300)]
    const width = 358
    const title = '晋城 2024 预算 / 长治 2026 预算：功能分类・类 · 金额'
    const o = compareChartOption({ rows, docs: ['a', 'b'], labels: { a: '长治 2026 预算', b: '晋城 2024 预算' }, mode: 'amount', unit: '万元', title, source: 's', width })
    const svg = renderSvg(o, { width, height: 420 })
    // The title wraps rather than running off the edge, and the plot moves down to make room for its second line.
    const titleLines = [...svg.matchAll(/<text\b[^>]*font-size:14px[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!)
    expect(titleLines.length).toBe(2)
    expect(titleLines.join('')).toBe(title)
    expect(o.grid.top).toBe(84)
    // The axis' numbers: "<text …transform="translate(x y)"…>10,000</text>", one row of them.
    const ticks = [...svg.matchAll(/<text\b[^>]*transform="translate\(([\d.]+) ([\d.]+)\)"[^>]*>([\d,]+)<\/text>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }))
    expect(ticks.length).toBeGreaterThanOrEqual(3)
    expect(new Set(ticks.map((t) => t.y)).size).toBe(1)
    ticks.sort((a, b) => a.x - b.x)
    // Centred labels need half of each one's width between their centres, and a gap: at 12 px a digit is ≈ 6.7 px wide, a comma ≈ 3.4.
    const textWidth = (t: string) => [...t].reduce((w, c) => w + (c === ',' ? 3.4 : 6.7), 0)
    for (let i = 1; i < ticks.length; i++) {
      const [a, b] = [ticks[i - 1]!, ticks[i]!]
      expect(b.x - a.x).toBeGreaterThanOrEqual((textWidth(a.text) + textWidth(b.text)) / 2 + 4)
    }
  })

  it('draws only the largest rows when there are many, in their order', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(String(i), String(i), i, null))
    expect(chartRows(rows, ['a', 'b'], 3).map((r) => r.dim_key)).toEqual(['17', '18', '19'])
  })
})

const classRow = (class_code: string, amount: number, part = '合计'): ClassRow => ({
  class_code, class_name: `n${class_code}`, level: class_code.length === 3 ? '类' : class_code.length === 5 ? '款' : '项', part, amount, line: 1, row_id: `t:L${class_code}`,
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
  doc_id: 'd', city: '晋城', year: 2022, figure: '决算', category: '合计', amount: 20288.2, line: 414, origin: 'table', quote: '', row_id: 'd:S414', ...p,
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
    expect(s.find((x) => x.derived)!.points).toEqual([{ year: 2021, value: 27856.79, amount: 27856.79, line: 572, quote: '比上年度减少7,568.59元', doc_id: 'd' }])
  })

  it('draws derived points hollow on a dashed line, with their sentence in the tooltip', () => {
    const o = sangongChartOption(points, '合计', '元', 't', 's')
    const derived = o.series.find((x) => x.name.includes('推算'))!
    expect(derived.lineStyle.type).toBe('dashed')
    expect(derived.itemStyle.color).toBe('#fff')
    expect(o.xAxis.min).toBe(2020)
    const tip = o.tooltip.formatter({ seriesName: derived.name, data: derived.data[0] })
    expect(tip).toContain('“比上年度减少7,568.59元”')
    expect(tip).toContain('2021：27,856.79元')
  })

  // 晋城's 预算 points: 2022 from F07 of the 单位 决算 (jincheng-2022-final.txt:414, 71,000.00元),
  // 2024 from B10 of the 部门 预算 (jincheng-2024-budget.txt:939, 5.49万元), 2023 derived from its prose (line 1378).
  const jincheng = [
    point({ doc_id: 'jc22', year: 2022, figure: '预算', amount: 71000, line: 414 }),
    point({ doc_id: 'jc22', year: 2022, figure: '决算', amount: 20288.2, line: 414 }),
    point({ doc_id: 'jc24', year: 2024, figure: '预算', amount: 54900, line: 939 }),
    point({ doc_id: 'jc24', year: 2023, figure: '预算', amount: 125900, line: 1378, origin: 'derived', quote: '比2023年减少7.10万元' }),
    point({ doc_id: 'gp26', city: '高平', year: 2026, figure: '预算', amount: 0, line: 417 }),
  ]
  const docs = [
    { doc_id: 'jc22', scope: '单位', label: '晋城 2022 决算' },
    { doc_id: 'jc24', scope: '部门', label: '晋城 2024 预算' },
    { doc_id: 'gp26', scope: '单位', label: '高平 2026 预算' },
  ]

  it('never joins points of a 部门 and a 单位 report: one series per scope, named by it', () => {
    const s = sangongSeries(jincheng, '合计', '万元', docs)
    const byName = Object.fromEntries(s.map((x) => [x.name, x.points.map((p) => p.year)]))
    expect(byName).toEqual({
      '晋城 预算（单位）': [2022],
      '晋城 预算（部门）': [2024],
      '晋城 预算（部门，推算）': [2023],
      '晋城 决算（单位）': [2022],
      '高平 预算（单位）': [2026],
    })
    // No series holds points of two scopes.
    const scopeOf = Object.fromEntries(docs.map((d) => [d.doc_id, d.scope]))
    for (const x of s) expect(new Set(x.points.map((p) => scopeOf[p.doc_id])).size).toBe(1)
  })

  it('joins a derived point to the figure of its own document by a dashed segment: 2023 (推算) → 2024, both 部门', () => {
    const o = sangongChartOption(jincheng, '合计', '万元', 't', 's', { docs })
    const derived = o.series.find((x) => x.name === '晋城 预算（部门，推算）')!
    expect(derived.markLine!.data).toEqual([[{ coord: [2023, 12.59] }, { coord: [2024, 5.49] }]])
    expect(derived.markLine!.lineStyle.type).toBe('dashed')
    // No mark line reaches the 单位 point of 2022, and table series carry none.
    expect(o.series.filter((x) => x.markLine).map((x) => x.name)).toEqual(['晋城 预算（部门，推算）'])
  })

  it('tells the scopes apart by symbol too, within one city’s colour', () => {
    const o = sangongChartOption(jincheng, '合计', '万元', 't', 's', { docs })
    const sym = Object.fromEntries(o.series.map((x) => [x.name, x.symbol]))
    expect(sym['晋城 预算（单位）']).not.toBe(sym['晋城 预算（部门）'])
    expect(sym['晋城 决算（单位）']).not.toBe(sym['晋城 预算（单位）'])
  })

  it('labels points for Chinese readers in the chosen unit: grouped digits, two decimals in 元 and 万元', () => {
    const label = (o: ReturnType<typeof sangongChartOption>, name: string) => {
      const x = o.series.find((y) => y.name === name)!
      return x.label.formatter({ data: x.data[0]! })
    }
    const yuan = sangongChartOption(jincheng, '合计', '元', 't', 's', { docs })
    expect(label(yuan, '晋城 决算（单位）')).toBe('20,288.20')
    expect(label(yuan, '晋城 预算（单位）')).toBe('71,000.00')
    const wan = sangongChartOption(jincheng, '合计', '万元', 't', 's', { docs })
    expect(label(wan, '晋城 决算（单位）')).toBe('2.03')
    expect(label(wan, '晋城 预算（部门）')).toBe('5.49')
    expect(label(wan, '晋城 预算（部门，推算）')).toBe('12.59（推算）')
    expect(label(wan, '高平 预算（单位）')).toBe('0.00')
  })

  it('ends every tooltip with the click hint and names the point’s document, escaping text from the reports', () => {
    const o = sangongChartOption(jincheng, '合计', '万元', 't', 's', { docs, hint: 'Click for the source' })
    const x = o.series.find((y) => y.name === '晋城 预算（部门）')!
    const tip = o.tooltip.formatter({ seriesName: x.name, data: x.data[0] })
    expect(tip).toContain('2024：5.49万元')
    expect(tip).toContain('晋城 2024 预算')
    expect(tip).toMatch(/Click for the source<\/div>$/)
    expect(sangongChartOption(jincheng, '合计', '万元', 't', 's').tooltip.formatter({ seriesName: x.name, data: x.data[0] })).toContain('点击查看出处')
    const odd = sangongChartOption([point({ quote: '<b>x</b>', origin: 'derived' })], '合计', '元', 't', 's')
    expect(odd.tooltip.formatter({ seriesName: 'a', data: odd.series[0]!.data[0] })).toContain('&lt;b&gt;x&lt;/b&gt;')
  })
})

describe('chart tooltips say a click shows the source', () => {
  it('Compare: the row, each document’s figure in the unit, and the hint', () => {
    const o = compareChartOption({
      rows: [row('208', '社会保障和就业支出', 192907600, 300282600)],
      docs: ['a', 'b'], labels: { a: '长治 2026 预算', b: '晋城 2024 预算' }, mode: 'amount', unit: '万元', title: 't', source: 's',
    })
    const params = ['长治 2026 预算', '晋城 2024 预算'].map((seriesName, seriesIndex) => ({
      seriesName, seriesIndex, marker: '', axisValueLabel: '社会保障和就业支出', value: o.dataset.source[0],
    }))
    const tip = o.tooltip.formatter(params)
    expect(tip).toContain('社会保障和就业支出')
    expect(tip).toContain('长治 2026 预算&nbsp;&nbsp;<b>19,290.76</b>')
    expect(tip).toContain('晋城 2024 预算&nbsp;&nbsp;<b>30,028.26</b>')
    expect(tip).toContain('点击查看出处')
    const en = compareChartOption({ rows: [row('x', 'x', 12.3456, null)], docs: ['a', 'b'], labels: {}, mode: 'share', unit: '万元', title: '', source: '', hint: 'Click for the source' })
    const shareTip = en.tooltip.formatter([{ seriesName: 'a', seriesIndex: 0, value: en.dataset.source[0] }, { seriesName: 'b', seriesIndex: 1, value: en.dataset.source[0] }])
    expect(shareTip).toContain('<b>12.35%</b>')
    expect(shareTip).toContain('<b>—</b>')
    expect(shareTip).toContain('Click for the source')
  })

  it('Execution: the project, its rate, and the hint', () => {
    const o = executionChartOption([{ label: '人才工作专项经费', rate: 100 }], 't', 's')
    const tip = o.tooltip.formatter([{ axisValueLabel: '人才工作专项经费', value: o.dataset.source[0] }])
    expect(tip).toContain('人才工作专项经费')
    expect(tip).toContain('<b>100%</b>')
    expect(tip).toContain('点击查看出处')
    expect(executionChartOption([{ label: 'p', rate: 1 }], 't', 's', 'Click for the source').tooltip.formatter([{ value: ['p', 1] }])).toContain('Click for the source')
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

describe('trendCaveats', () => {
  const doc = (p: Partial<CaveatDoc>): CaveatDoc => ({ doc_id: 'x', city: '晋城', county_of: '', scope: '部门', year: 2024, stage: '预算', unit: '万元', label: 'x', ...p })
  const docs = [
    doc({ doc_id: 'jc22', scope: '单位', stage: '决算', year: 2022, unit: '元', label: '晋城 2022 决算' }),
    doc({ doc_id: 'jc24', label: '晋城 2024 预算' }),
    doc({ doc_id: 'gp26', city: '高平', county_of: '晋城', scope: '单位', year: 2026, label: '高平 2026 预算' }),
    doc({ doc_id: 'cz26', city: '长治', year: 2026, label: '长治 2026 预算' }),
  ]
  const p = (city: string, figure: string, year: number, doc_id: string) => ({ city, figure, year, doc_id })

  it('says when one city’s line mixes a 单位 决算 and a 部门 预算 (晋城 预算 2022 / 2023–2024), naming the years of each', () => {
    const c = trendCaveats([p('晋城', '预算', 2022, 'jc22'), p('晋城', '预算', 2023, 'jc24'), p('晋城', '预算', 2024, 'jc24'), p('晋城', '决算', 2022, 'jc22')], docs)
    expect(c.find((x) => x.key === 'caveat_trend_scope')).toEqual({ key: 'caveat_trend_scope', vars: { series: '晋城 预算', parts: '2022 (单位); 2023, 2024 (部门)' } })
    expect(c.find((x) => x.key === 'caveat_trend_stage')).toEqual({ key: 'caveat_trend_stage', vars: { series: '晋城 预算', parts: '2022 (决算); 2023, 2024 (预算)' } })
    // 晋城 决算 has points of one document: nothing to say about it.
    expect(c.filter((x) => x.vars.series === '晋城 决算')).toEqual([])
    // A trend spans years by design: no "different years" caveat.
    expect(c.some((x) => x.key === 'caveat_years')).toBe(false)
  })

  it('says 高平 is a 县级市 of 晋城 when it stands beside another city, once', () => {
    const c = trendCaveats([p('高平', '预算', 2026, 'gp26'), p('晋城', '预算', 2024, 'jc24')], docs)
    expect(c).toEqual([{ key: 'caveat_county', vars: { county: '高平', parent: '晋城' } }])
  })

  it('says nothing for lines of one scope and stage each', () => {
    expect(trendCaveats([p('长治', '预算', 2026, 'cz26'), p('晋城', '预算', 2024, 'jc24')], docs)).toEqual([])
  })
})

describe('axis labels are never cut with "…" and never skipped', () => {
  it('labels every bar of the SQL quick chart (4 rows: all 4 names), wrapping long ones', () => {
    const rows = ['人力资源和社会保障管理事务', '就业补助', '行政事业单位养老支出', '其他社会保障和就业支出'].map((name, i) => ({ name, amount: i + 1 }))
    const axis = quickChartOption(['name', 'amount'], rows)!.xAxis.axisLabel
    expect(axis.interval).toBe(0)
    expect(axis.overflow).toBe('break')
  })
})
