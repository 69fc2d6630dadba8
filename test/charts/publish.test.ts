/**
 * The chart builders for publishing: colour-blind-safe colours, a screen-reader
 * description that carries the unit and the source, and a data-table twin read
 * from the option itself.
 */
import { describe, expect, it } from 'vitest'
import { compareChartOption } from '../../src/charts/compare'
import { PALETTE } from '../../src/charts/common'
import { executionChartOption, rateColour } from '../../src/charts/execution'
import { sangongChartOption } from '../../src/charts/sangong'
import { buildClassTree, splitChartOption, structureChartOption } from '../../src/charts/structure'
import { twinTable } from '../../src/charts/twin'
import type { CompareRow } from '../../src/db/queries/compare'
import type { SangongPoint } from '../../src/db/queries/sangong'
import type { ClassRow } from '../../src/db/queries/structure'
import { OKABE_ITO } from '../../src/publish/palette'

// changzhi-2026-budget.txt B03 (万元): line 182 "205 教育支出 4265.95", line 187 "208 社会保障和就业支出 19290.76";
// jincheng-2024-budget.txt line 376 社会保障和就业支出 30028.26.
const rows: CompareRow[] = [
  { dim_key: '205', dim_label: '教育支出', values: { cz: 42_659_500, jc: null }, lines: { cz: 182, jc: null } },
  { dim_key: '208', dim_label: '社会保障和就业支出', values: { cz: 192_907_600, jc: 300_282_600 }, lines: { cz: 187, jc: 376 } },
]
const compare = compareChartOption({
  rows, docs: ['cz', 'jc'], labels: { cz: '长治 2026 预算', jc: '晋城 2024 预算' }, mode: 'amount', unit: '万元',
  title: '功能分类·类', source: '来源：长治市人力资源和社会保障局2026年部门预算公开，表3',
})

describe('palette', () => {
  it('draws every chart in the Okabe–Ito colours', () => {
    expect(PALETTE).toEqual([...OKABE_ITO])
    expect(compare.color).toEqual([...OKABE_ITO])
  })

  it('colours execution with Okabe–Ito too, under and over apart from on-target', () => {
    for (const r of [28.57, 100, 119.09]) expect(OKABE_ITO).toContain(rateColour(r))
    expect(new Set([rateColour(28.57), rateColour(100), rateColour(119.09)]).size).toBe(3)
  })
})

describe('aria', () => {
  it('turns ECharts aria on with a description naming the documents, the unit, the largest rows and the source', () => {
    expect(compare.aria.enabled).toBe(true)
    const d = compare.aria.label.description
    expect(d).toMatch(/^功能分类·类。/)
    expect(d).toContain('长治 2026 预算、晋城 2024 预算，共2行，单位：万元')
    expect(d).toContain('长治 2026 预算最大的是：社会保障和就业支出 19,290.76万元')
    expect(d).toContain('来源：长治市人力资源和社会保障局2026年部门预算公开，表3')
    // Bars carry decal patterns, so series stay apart in greyscale.
    expect(compare.aria.decal.show).toBe(true)
  })

  it('describes a 三公 line per series with its years, and draws no decals on lines', () => {
    const points: SangongPoint[] = [
      { doc_id: 'jc22', city: '晋城', year: 2022, figure: '决算', category: '合计', amount: 20_288.2, line: 0, origin: 'table', quote: '', row_id: 'jc22:S414' },
    ]
    const o = sangongChartOption(points, '合计', '元', '三公经费 · 合计', '')
    expect(o.aria.label.description).toContain('晋城 决算：2022年 20,288.20元')
    expect(o.aria.decal.show).toBe(false)
  })

  it('describes a structure chart by its parts and a split by both parts', () => {
    const cls: ClassRow[] = [
      { doc_id: 'cz', table_code: 'B03', class_code: '208', class_name: '社会保障和就业支出', level: '类', part: '合计', amount: 192_907_600, line: 187, row_id: 'cz:L187' } as ClassRow,
      { doc_id: 'cz', table_code: 'B03', class_code: '205', class_name: '教育支出', level: '类', part: '合计', amount: 42_659_500, line: 182, row_id: 'cz:L182' } as ClassRow,
    ]
    const o = structureChartOption({ node: buildClassTree(cls), kind: 'treemap', unit: '万元', title: 't', source: '' })
    expect(o.aria.label.description).toContain('共2项，合计23,556.71万元；最大的是：社会保障和就业支出 19,290.76万元')
    const split = splitChartOption([{ part: '基本支出', amount: 48_683_600 }, { part: '项目支出', amount: 144_223_900 }], '万元', '基本/项目')
    expect(split.aria.label.description).toContain('基本支出 4,868.36万元，项目支出 14,422.39万元')
  })

  it('counts under- and over-executed projects in the execution chart’s description', () => {
    const o = executionChartOption([{ label: 'a', rate: 50 }, { label: 'b', rate: 120 }, { label: 'c', rate: 100 }], 't', '')
    expect(o.aria.label.description).toContain('共3项，执行不足（低于95%）1项，超支（高于105%）1项')
  })
})

describe('twinTable(option)', () => {
  it('reads a dataset chart back as its table, with a readable first header', () => {
    expect(twinTable(compare, { category: '行' })).toEqual({
      columns: ['行', '长治 2026 预算', '晋城 2024 预算'],
      rows: [['教育支出', '4265.95', ''], ['社会保障和就业支出', '19290.76', '30028.26']],
    })
  })

  it('reads line series point by point, and pies by name', () => {
    const line = { xAxis: { name: '' }, yAxis: {}, series: [{ type: 'line', name: '晋城 决算', data: [{ value: [2022, 20288.2] }] }] }
    expect(twinTable(line, { series: '系列', category: '年度', value: '金额' })).toEqual({ columns: ['系列', '年度', '金额'], rows: [['晋城 决算', '2022', '20288.2']] })
    const pie = { series: [{ type: 'pie', data: [{ name: '基本支出', value: 4868.36 }, { name: '项目支出', value: 14422.39 }] }] }
    expect(twinTable(pie).rows).toEqual([['基本支出', '4868.36'], ['项目支出', '14422.39']])
  })

  it('flattens a sunburst’s rings with the path in each name', () => {
    const sun = { series: [{ type: 'sunburst', data: [{ name: '社会保障和就业支出', value: 19290.76, children: [{ name: '人力资源和社会保障管理事务', value: 4528.82 }] }] }] }
    expect(twinTable(sun).rows).toEqual([['社会保障和就业支出', '19290.76'], ['社会保障和就业支出 › 人力资源和社会保障管理事务', '4528.82']])
  })
})
