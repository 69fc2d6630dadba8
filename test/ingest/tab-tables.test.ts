/**
 * The table grids of the three tab-separated reports, read by the real parser.
 * Every expected figure below was read off data/raw/<file> by hand, with the
 * line it stands on; amounts are the printed figure converted to 元.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReport, type LineItemRow, type ParsedReport, type TableCode } from '../../src/ingest/index'

const cache = new Map<string, ParsedReport>()
function report(source: string): ParsedReport {
  let r = cache.get(source)
  if (!r) {
    r = parseReport(readFileSync(join(import.meta.dirname, '../../data/raw', source), 'utf8'), { source })
    cache.set(source, r)
  }
  return r
}

/** A figure as read from the source: where it stands and what it is. */
interface Figure {
  table: TableCode
  side?: '收入' | '支出'
  label?: string
  class_code?: string
  econ_code?: string
  measure: string
  value: string
  raw: string
  line: number
  unit?: string
  row_kind?: LineItemRow['row_kind']
  unit_name?: string
  project_name?: string
}

/** The one item the figure names (by table, side, label or code, measure and line). */
function itemFor(items: readonly LineItemRow[], f: Figure): LineItemRow {
  const found = items.filter(
    (i) =>
      i.table_code === f.table &&
      i.measure === f.measure &&
      i.line === f.line &&
      (f.side === undefined || i.side === f.side) &&
      (f.label === undefined || i.row_label === f.label) &&
      (f.class_code === undefined || i.class_code === f.class_code) &&
      (f.econ_code === undefined || i.econ_code === f.econ_code),
  )
  expect(found, `${f.table} ${f.label ?? f.class_code ?? f.econ_code} ${f.measure} @${f.line}`).toHaveLength(1)
  return found[0]!
}

function expectFigures(source: string, figures: readonly Figure[]): void {
  const { lineItems } = report(source)
  for (const f of figures) {
    const item = itemFor(lineItems, f)
    expect(item, `${f.table} ${f.label ?? f.class_code ?? f.econ_code} ${f.measure} @${f.line}`).toMatchObject({
      value: f.value,
      raw: f.raw,
      unit: f.unit ?? '元',
      side: f.side ?? '',
      ...(f.row_kind !== undefined && { row_kind: f.row_kind }),
      ...(f.unit_name !== undefined && { unit_name: f.unit_name }),
      ...(f.project_name !== undefined && { project_name: f.project_name }),
    })
  }
}

function countByTable(source: string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const i of report(source).lineItems) counts[i.table_code] = (counts[i.table_code] ?? 0) + 1
  return counts
}

function itemsAt(source: string, table: TableCode, line: number): LineItemRow[] {
  return report(source).lineItems.filter((i) => i.table_code === table && i.line === line)
}

function tableProblems(source: string): string[] {
  return report(source)
    .problems.filter((p) => /^[BF]\d\d$/.test(p.where) || p.where === 'tables')
    .map((p) => `${p.where}:${p.line} ${p.message}`)
}

describe('parseTabTables: gaoping-2026-budget.txt (tab, 万元)', () => {
  const src = 'gaoping-2026-budget.txt'

  it('reads the figures of every non-empty table, in 元, on the line they stand', () => {
    expectFigures(src, [
      // B01, two-sided: 收入 "2026年" becomes 预算数; 支出 2026年合计 → 合计.
      { table: 'B01', side: '收入', label: '一、一般公共预算', measure: '预算数', value: '44723200.00', raw: '4472.32', line: 72 },
      { table: 'B01', side: '支出', label: '八、社会保障和就业支出', measure: '合计', value: '51045900.00', raw: '5104.59', line: 79 },
      { table: 'B01', side: '支出', label: '八、社会保障和就业支出', measure: '当年预算安排', value: '44456400.00', raw: '4445.64', line: 79 },
      // 上年结转安排 is printed on the first header row, with nothing under it.
      { table: 'B01', side: '支出', label: '八、社会保障和就业支出', measure: '上年结转安排', value: '6589500.00', raw: '658.95', line: 79 },
      { table: 'B01', side: '支出', label: '十、卫生健康支出', measure: '当年预算安排', value: '115900.00', raw: '11.59', line: 81 },
      { table: 'B01', side: '收入', label: '上年结转', measure: '预算数', value: '6589500.00', raw: '658.95', line: 104 },
      { table: 'B01', side: '收入', label: '收入总计', measure: '预算数', value: '51312700.00', raw: '5131.27', line: 105, row_kind: '合计' },
      { table: 'B01', side: '支出', label: '支出总计', measure: '合计', value: '51312700.00', raw: '5131.27', line: 105, row_kind: '合计' },
      // B02: 本年收入 spans six of the seven value columns, so it stays in the measure.
      { table: 'B02', label: '合计', measure: '本年收入/合计', value: '44723200.00', raw: '4472.32', line: 117, row_kind: '合计' },
      { table: 'B02', class_code: '20807', label: '就业补助', measure: '本年收入/一般公共预算', value: '39959500.00', raw: '3995.95', line: 124 },
      { table: 'B02', class_code: '2080799', measure: '上年结转', value: '6589500.00', raw: '658.95', line: 126 },
      { table: 'B02', class_code: '2101103', label: '公务员医疗补助', measure: '本年收入/合计', value: '36600.00', raw: '3.66', line: 130 },
      // B03: the table-wide 2026年预算数 is dropped.
      { table: 'B03', label: '合计', measure: '项目支出', value: '48005000.00', raw: '4800.50', line: 143, row_kind: '合计' },
      { table: 'B03', class_code: '2080111', measure: '基本支出', value: '2748000.00', raw: '274.80', line: 146 },
      { table: 'B03', class_code: '2080705', measure: '项目支出', value: '22009500.00', raw: '2200.95', line: 151 },
      // B04: 收入 keeps 金额; the 金额 over all four 支出 columns is dropped.
      { table: 'B04', side: '收入', label: '一、一般公共预算', measure: '金额', value: '44723200.00', raw: '4472.32', line: 170 },
      { table: 'B04', side: '支出', label: '八、社会保障和就业支出', measure: '小计', value: '51045900.00', raw: '5104.59', line: 177 },
      { table: 'B04', side: '支出', label: '八、社会保障和就业支出', measure: '一般公共预算', value: '51045900.00', raw: '5104.59', line: 177 },
      { table: 'B04', side: '收入', label: '上年财政拨款结转', measure: '金额', value: '6589500.00', raw: '658.95', line: 202 },
      { table: 'B04', side: '收入', label: '一、一般公共预算', measure: '金额', value: '6589500.00', raw: '658.95', line: 203 },
      { table: 'B04', side: '支出', label: '支出总计', measure: '一般公共预算', value: '51312700.00', raw: '5131.27', line: 206 },
      { table: 'B05', label: '合计', measure: '项目支出', value: '41415500.00', raw: '4141.55', line: 216 },
      { table: 'B05', class_code: '2080799', measure: '合计', value: '17950000.00', raw: '1795.00', line: 225 },
      { table: 'B05', class_code: '2210201', label: '住房公积金', measure: '基本支出', value: '150900.00', raw: '15.09', line: 232 },
      // B06: 部门 / 政府 经济科目 joined with '/'.
      { table: 'B06', label: '合计', measure: '人员经费', value: '3160100.00', raw: '316.01', line: 242, row_kind: '合计' },
      { table: 'B06', label: '基本工资/工资福利支出', measure: '合计', value: '875400.00', raw: '87.54', line: 244 },
      { table: 'B06', label: '其他社会保障缴费/工资福利支出', measure: '人员经费', value: '6300.00', raw: '0.63', line: 251 },
      { table: 'B06', label: '办公费/商品和服务支出', measure: '公用经费', value: '70100.00', raw: '7.01', line: 254 },
      { table: 'B06', label: '生活补助/社会福利和救助', measure: '人员经费', value: '15200.00', raw: '1.52', line: 258 },
      // B12: a 单位 report: the first row is the unit itself (4141.55 = the fifteen projects below).
      { table: 'B12', label: '高平市就业和人才服务中心', measure: '合计', value: '41415500.00', raw: '4141.55', line: 338, row_kind: '单位', unit_name: '高平市就业和人才服务中心', project_name: '' },
      { table: 'B12', label: '三支一扶人员慰问金', measure: '财政拨款/一般公共预算', value: '9500.00', raw: '0.95', line: 344, row_kind: '项目', unit_name: '高平市就业和人才服务中心', project_name: '三支一扶人员慰问金' },
      { table: 'B12', label: '技能培训业务费', measure: '合计', value: '50000.00', raw: '5.00', line: 353, row_kind: '项目' },
      // B13: the department (658.95) over the unit (658.95) over two projects that add to 658.96.
      { table: 'B13', label: '高平市人力资源和社会保障局(高平市医疗保障局)', measure: '合计', value: '6589500.00', raw: '658.95', line: 364, row_kind: '合计', unit_name: '' },
      { table: 'B13', label: '高平市就业和人才服务中心', measure: '合计', value: '6589500.00', raw: '658.95', line: 365, row_kind: '单位', unit_name: '高平市就业和人才服务中心' },
      {
        table: 'B13',
        label: '(晋财社[2024]187号)山西省财政厅关于提前下达2025年中央财政就业补助资金预算的通知—2025年7-12月就业见习补贴',
        measure: '财政拨款/一般公共预算',
        value: '2186100.00',
        raw: '218.61',
        line: 367,
        row_kind: '项目',
        unit_name: '高平市就业和人才服务中心',
      },
    ])
  })

  it('gives every table the number of figures counted by hand, and none to the empty ones', () => {
    // B01: 1+3+2+2+4+1+4; B02: 38 cells over lines 117–133; B12: 16 rows × 2; B13: 4 rows × 2.
    expect(countByTable(src)).toEqual({ B01: 17, B02: 38, B03: 38, B04: 15, B05: 38, B06: 35, B12: 32, B13: 8 })
  })

  it('makes no row of an empty cell', () => {
    // Line 81: 十、卫生健康支出 11.59 11.59 and an empty 上年结转安排.
    expect(itemsAt(src, 'B01', 81).map((i) => i.measure)).toEqual(['合计', '当年预算安排'])
    // Line 147: 20805 29.29 29.29 with 项目支出 empty.
    expect(itemsAt(src, 'B03', 147).map((i) => i.measure)).toEqual(['合计', '基本支出'])
  })

  it('reads "注：本表无数据" tables (B07–B11) as no rows and no problems', () => {
    expect(report(src).tables.filter((t) => ['B07', 'B08', 'B09', 'B10', 'B11'].includes(t.code))).toHaveLength(5)
    expect(tableProblems(src)).toEqual([])
  })
})

describe('parseTabTables: changzhi-2026-budget.txt (markdown-ish, 万元)', () => {
  const src = 'changzhi-2026-budget.txt'

  it('reads the figures of every non-empty table, in 元, on the line they stand', () => {
    expectFigures(src, [
      // 23743.71 万元 is exactly 237437100.00 元.
      { table: 'B01', side: '收入', label: '一、一般公共预算', measure: '预算数', value: '237437100.00', raw: '23743.71', line: 81 },
      { table: 'B01', side: '收入', label: '四、财政专户管理资金', measure: '预算数', value: '540600.00', raw: '54.06', line: 84 },
      // Line 85 holds both sides: 五、单位资金 267.80 | 五、教育支出 4265.95 4032.60 233.35.
      { table: 'B01', side: '收入', label: '五、单位资金', measure: '预算数', value: '2678000.00', raw: '267.80', line: 85 },
      { table: 'B01', side: '支出', label: '五、教育支出', measure: '合计', value: '42659500.00', raw: '4265.95', line: 85 },
      { table: 'B01', side: '支出', label: '五、教育支出', measure: '上年结转安排', value: '2333500.00', raw: '233.35', line: 85 },
      { table: 'B01', side: '支出', label: '本年支出合计', measure: '上年结转安排', value: '6706600.00', raw: '670.66', line: 112, row_kind: '合计' },
      { table: 'B02', label: '合计', measure: '本年收入/单位资金', value: '2678000.00', raw: '267.80', line: 126, row_kind: '合计' },
      { table: 'B02', class_code: '2050303', label: '技校教育', measure: '本年收入/财政专户管理资金', value: '540600.00', raw: '54.06', line: 131 },
      { table: 'B02', class_code: '2080199', measure: '本年收入/合计', value: '3914400.00', raw: '391.44', line: 144 },
      { table: 'B02', class_code: '2080704', label: '社会保险补贴', measure: '上年结转', value: '1130000.00', raw: '113.00', line: 152 },
      { table: 'B03', label: '合计', measure: '基本支出', value: '90028900.00', raw: '9002.89', line: 181 },
      { table: 'B03', class_code: '2101199', measure: '项目支出', value: '800.00', raw: '0.08', line: 218 },
      { table: 'B03', class_code: '2130599', measure: '合计', value: '555000.00', raw: '55.50', line: 222 },
      { table: 'B04', side: '支出', label: '五、教育支出', measure: '小计', value: '42032100.00', raw: '4203.21', line: 240 },
      { table: 'B04', side: '支出', label: '本年支出合计', measure: '一般公共预算', value: '244056900.00', raw: '24405.69', line: 266 },
      { table: 'B04', side: '收入', label: '上年财政拨款结转', measure: '金额', value: '6619800.00', raw: '661.98', line: 268 },
      { table: 'B05', label: '合计', measure: '项目支出', value: '150713600.00', raw: '15071.36', line: 282 },
      { table: 'B05', class_code: '2080111', measure: '基本支出', value: '613700.00', raw: '61.37', line: 296 },
      { table: 'B06', label: '伙食补助费/其他工资福利支出', measure: '公用经费', value: '143400.00', raw: '14.34', line: 341 },
      { table: 'B06', label: '公务接待费/公务接待费', measure: '合计', value: '15000.00', raw: '1.50', line: 376 },
      { table: 'B06', label: '公务接待费/公务接待费', measure: '合计', value: '6000.00', raw: '0.60', line: 377 },
      { table: 'B06', label: '退休费/离退休费', measure: '人员经费', value: '4595500.00', raw: '459.55', line: 393 },
      { table: 'B06', label: '资本性支出', measure: '公用经费', value: '35800.00', raw: '3.58', line: 397 },
      { table: 'B10', label: '公务接待费', measure: '合计', value: '26000.00', raw: '2.60', line: 449 },
      { table: 'B10', label: '②公务用车运行维护费', measure: '一般公共预算', value: '137200.00', raw: '13.72', line: 452 },
      { table: 'B10', label: '合计', measure: '合计', value: '163200.00', raw: '16.32', line: 453, row_kind: '合计' },
      // B11: 2026预算数 over all four columns is dropped; 部门合计 is the total, the rest are units.
      { table: 'B11', label: '部门合计', measure: '合计', value: '4252800.00', raw: '425.28', line: 463, row_kind: '合计', unit_name: '' },
      { table: 'B11', label: '长治市社会保险中心', measure: '一般公共预算', value: '2143300.00', raw: '214.33', line: 465, row_kind: '单位', unit_name: '长治市社会保险中心' },
      // B12: the bureau's name twice, first the department total, then the bureau as a unit.
      { table: 'B12', label: '长治市人力资源和社会保障局', measure: '合计', value: '150713600.00', raw: '15071.36', line: 478, row_kind: '合计', unit_name: '', project_name: '' },
      { table: 'B12', label: '长治市人力资源和社会保障局', measure: '财政拨款/一般公共预算', value: '49296100.00', raw: '4929.61', line: 479, row_kind: '单位', unit_name: '长治市人力资源和社会保障局', project_name: '' },
      // The same project name under three units, each with its own amount.
      { table: 'B12', label: '遗属补助', measure: '合计', value: '52700.00', raw: '5.27', line: 490, row_kind: '项目', unit_name: '长治市人力资源和社会保障局', project_name: '遗属补助' },
      { table: 'B12', label: '遗属补助', measure: '合计', value: '7700.00', raw: '0.77', line: 522, row_kind: '项目', unit_name: '长治市人事人才发展中心', project_name: '遗属补助' },
      { table: 'B12', label: '遗属补助', measure: '合计', value: '16000.00', raw: '1.60', line: 546, row_kind: '项目', unit_name: '长治技师学院', project_name: '遗属补助' },
      // A name wrapped inside its cell: "96改革人员生活困难补助及烤火 费".
      { table: 'B12', label: '96改革人员生活困难补助及烤火费', measure: '合计', value: '1381100.00', raw: '138.11', line: 511, row_kind: '项目', unit_name: '长治市就业管理服务中心' },
      { table: 'B12', label: '长治市就业管理服务中心', measure: '合计', value: '1546100.00', raw: '154.61', line: 510, row_kind: '单位' },
      // A unit and its only project print the same 391.44.
      { table: 'B12', label: '长治市人事考试中心', measure: '合计', value: '3914400.00', raw: '391.44', line: 523, row_kind: '单位', project_name: '' },
      { table: 'B12', label: '考试业务经费', measure: '合计', value: '3914400.00', raw: '391.44', line: 524, row_kind: '项目', unit_name: '长治市人事考试中心' },
      { table: 'B13', label: '长治市人力资源和社会保障局', measure: '合计', value: '6619800.00', raw: '661.98', line: 558, row_kind: '合计' },
      { table: 'B13', label: '长治市人力资源和社会保障局', measure: '合计', value: '4373100.00', raw: '437.31', line: 559, row_kind: '单位' },
      { table: 'B13', label: '长治技师学院', measure: '合计', value: '2246700.00', raw: '224.67', line: 563, row_kind: '单位', unit_name: '长治技师学院' },
      { table: 'B13', label: '中职免学费省级资金', measure: '财政拨款/一般公共预算', value: '4100.00', raw: '0.41', line: 565, row_kind: '项目', unit_name: '长治技师学院' },
    ])
  })

  it('gives the summary and per-unit tables the number of figures counted by hand', () => {
    const counts = countByTable(src)
    // B01: 1+1+4+3+2+2+2+4+1+4; B04: 1+2×5+3+1+1+3; B12: 69 rows × 2; B13: 11 rows × 2.
    expect(counts).toMatchObject({ B01: 24, B04: 19, B10: 8, B11: 10, B12: 138, B13: 22 })
    expect(Object.keys(counts).sort()).toEqual(['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B10', 'B11', 'B12', 'B13'])
  })

  it('names B12 columns from headers wrapped inside their cells', () => {
    // "财政专户管理 资金" and "政府性 基金预 算" have no figures; 财政拨款/一般公共预算 comes from "2026年财政拨款" over "一般公共预算".
    const measures = new Set(report(src).lineItems.filter((i) => i.table_code === 'B12').map((i) => i.measure))
    expect([...measures].sort()).toEqual(['合计', '财政拨款/一般公共预算'])
  })

  it('makes no row of a row whose cells are all empty (B10 因公出国（境）费, line 448)', () => {
    expect(itemsAt(src, 'B10', 448)).toEqual([])
    expect(itemsAt(src, 'B10', 451)).toEqual([])
    // Line 152: 2080704 with only 上年结转 printed.
    expect(itemsAt(src, 'B02', 152).map((i) => i.measure)).toEqual(['上年结转'])
  })

  it('reads the empty B07–B09 as no rows and reports no table problem', () => {
    expect(tableProblems(src)).toEqual([])
  })
})

describe('parseTabTables: jincheng-2022-final.txt (tab, 决算, 元)', () => {
  const src = 'jincheng-2022-final.txt'

  it('reads the figures of every non-empty table on the line they stand', () => {
    expectFigures(src, [
      { table: 'F01', side: '收入', label: '一、一般公共预算财政拨款收入', measure: '决算数', value: '62281177.64', raw: '62281177.64', line: 154 },
      // Line 161, both sides.
      { table: 'F01', side: '收入', label: '八、其他收入', measure: '决算数', value: '17000.00', raw: '17000.00', line: 161 },
      { table: 'F01', side: '支出', label: '八、社会保障和就业支出', measure: '决算数', value: '61449664.55', raw: '61449664.55', line: 161 },
      // Line 162: only the 支出 side has a figure; 9.00 is the 收入 side's 行次.
      { table: 'F01', side: '支出', label: '九、卫生健康支出', measure: '决算数', value: '345419.33', raw: '345419.33', line: 162 },
      { table: 'F01', side: '收入', label: '本年收入合计', measure: '决算数', value: '62298177.64', raw: '62298177.64', line: 181, row_kind: '合计' },
      { table: 'F01', side: '支出', label: '年末结转和结余', measure: '决算数', value: '86005.00', raw: '86005.00', line: 183 },
      { table: 'F01', side: '支出', label: '总计', measure: '决算数', value: '62373182.64', raw: '62373182.64', line: 185, row_kind: '合计' },
      { table: 'F02', label: '合计', measure: '本年收入合计', value: '62298177.64', raw: '62298177.64', line: 202, row_kind: '合计' },
      { table: 'F02', class_code: '20801', label: '人力资源和社会管理事务', measure: '其他收入', value: '17000.00', raw: '17000.00', line: 204 },
      { table: 'F02', class_code: '2101103', measure: '财政拨款收入', value: '108261.09', raw: '108261.09', line: 221 },
      { table: 'F03', label: '合计', measure: '项目支出', value: '53573013.70', raw: '53573013.70', line: 241, row_kind: '合计' },
      // Labels wrapped inside their cells: "人力资源和 社会保障管 理事务", "机关事业单 位基本养老 保险缴费支 出".
      { table: 'F03', class_code: '20801', label: '人力资源和社会保障管理事务', measure: '项目支出', value: '4386834.20', raw: '4386834.20', line: 243 },
      { table: 'F03', class_code: '2080505', label: '机关事业单位基本养老保险缴费支出', measure: '本年支出合计', value: '358523.84', raw: '358523.84', line: 250 },
      { table: 'F03', class_code: '210', label: '卫生健康支出', measure: '基本支出', value: '345419.33', raw: '345419.33', line: 255 },
      { table: 'F04', side: '收入', label: '一、一般公共预算财政拨款', measure: '金额', value: '62281177.64', raw: '62281177.64', line: 280 },
      { table: 'F04', side: '支出', label: '八、社会保障和就业支出', measure: '一般公共预算财政拨款', value: '61443664.55', raw: '61443664.55', line: 287 },
      { table: 'F04', side: '支出', label: '总计', measure: '合计', value: '62281177.64', raw: '62281177.64', line: 312, row_kind: '合计' },
      // F05: 本年支出 spans all three value columns and is dropped.
      { table: 'F05', label: '合计', measure: '小计', value: '62281177.64', raw: '62281177.64', line: 329, row_kind: '合计' },
      { table: 'F05', label: '合计', measure: '项目支出', value: '53567013.70', raw: '53567013.70', line: 329 },
      { table: 'F05', class_code: '2080104', measure: '小计', value: '1884513.00', raw: '1884513.00', line: 334 },
      // F06: four panels side by side, each figure with its 经济分类 code.
      { table: 'F06', econ_code: '301', label: '工资福利支出', measure: '人员经费/金额', value: '30603667.43', raw: '30603667.43', line: 367 },
      { table: 'F06', econ_code: '302', label: '商品和服务支出', measure: '公用经费/其中：基本支出', value: '1050304.34', raw: '1050304.34', line: 367 },
      { table: 'F06', econ_code: '310', label: '资本性支出', measure: '公用经费/金额', value: '67980.00', raw: '67980.00', line: 386 },
      { table: 'F06', econ_code: '312', label: '对企业补助', measure: '公用经费/金额', value: '11372737.00', raw: '11372737.00', line: 377 },
      { table: 'F06', econ_code: '31204', label: '费用补贴', measure: '公用经费/金额', value: '11372737.00', raw: '11372737.00', line: 380 },
      { table: 'F06', econ_code: '31002', label: '办公设备购置', measure: '公用经费/金额', value: '67980.00', raw: '67980.00', line: 388 },
      // Line 395: the 人员经费 panel is empty, the second panel is not.
      { table: 'F06', econ_code: '30299', label: '其他商品和服务支出', measure: '公用经费/其中：基本支出', value: '79590.79', raw: '79590.79', line: 395 },
      // Line 396: the 合计 row, printed out of its columns.
      { table: 'F06', label: '人员经费合计', measure: '人员经费/金额', value: '46638830.63', raw: '46638830.63', line: 396, row_kind: '合计' },
      { table: 'F06', label: '人员经费合计', measure: '人员经费/其中：基本支出', value: '7663859.60', raw: '7663859.60', line: 396, row_kind: '合计' },
      { table: 'F06', label: '公用经费合计', measure: '公用经费/金额', value: '15642347.01', raw: '15642347.01', line: 396, row_kind: '合计' },
      { table: 'F06', label: '公用经费合计', measure: '公用经费/其中：基本支出', value: '1050304.34', raw: '1050304.34', line: 396, row_kind: '合计' },
      // F07: one data row under 预算数 / 决算数.
      { table: 'F07', measure: '预算数/合计', value: '71000.00', raw: '71000.00', line: 414 },
      { table: 'F07', measure: '预算数/公务用车购置及运行维护费/小计', value: '51000.00', raw: '51000.00', line: 414 },
      { table: 'F07', measure: '预算数/公务用车购置及运行维护费/公务用车运行维护费', value: '51000.00', raw: '51000.00', line: 414 },
      { table: 'F07', measure: '预算数/公务接待费', value: '20000.00', raw: '20000.00', line: 414 },
      { table: 'F07', measure: '决算数/合计', value: '20288.20', raw: '20288.20', line: 414 },
      { table: 'F07', measure: '决算数/公务接待费', value: '8703.00', raw: '8703.00', line: 414 },
      // F10: amounts and counts; the 行次 column is not a figure.
      { table: 'F10', label: '合计', measure: '采购金额', value: '67980.00', raw: '67980.00', line: 466, row_kind: '合计' },
      { table: 'F10', label: '货物', measure: '采购金额', value: '67980.00', raw: '67980.00', line: 467 },
      { table: 'F10', label: '(一)行政单位', measure: '统计数', value: '1050304.34', raw: '1050304.34', line: 472 },
      { table: 'F10', label: '(一)车辆数合计(辆)', measure: '统计数', value: '7', raw: '7', line: 475, unit: '辆' },
      { table: 'F10', label: '8.其他用车', measure: '统计数', value: '7', raw: '7', line: 483, unit: '辆' },
    ])
  })

  it('gives every table the number of figures counted by hand', () => {
    // F06: 74 figures over lines 367–396 (dashes "——" are no figure); F07: the 8 printed figures of line 414.
    expect(countByTable(src)).toEqual({ F01: 11, F02: 50, F03: 49, F04: 13, F05: 49, F06: 74, F07: 8, F10: 5 })
  })

  it('takes no 行次, 栏次 or column number for a figure', () => {
    const items = report(src).lineItems
    expect(items.filter((i) => i.line === 153 || i.line === 413 || i.line === 201)).toEqual([])
    expect(itemsAt(src, 'F01', 162).map((i) => i.raw)).toEqual(['345419.33'])
    expect(itemsAt(src, 'F10', 475).map((i) => i.raw)).toEqual(['7'])
  })

  it('makes no row of an empty cell or a dash', () => {
    // F07 line 414: 因公出国 (境) 费 and 公务用车购置费 are empty under both groups.
    const f07 = new Set(itemsAt(src, 'F07', 414).map((i) => i.measure))
    expect(f07.has('预算数/因公出国(境)费')).toBe(false)
    expect(f07.has('决算数/公务用车购置及运行维护费/公务用车购置费')).toBe(false)
    // F06 line 372: "309→资本性支出（基本建设）→→——".
    expect(report(src).lineItems.filter((i) => i.table_code === 'F06' && i.econ_code === '309')).toEqual([])
  })

  it('reads "说明：本表无数据" tables (F08, F09) as no rows and no problems', () => {
    expect(report(src).tables.map((t) => t.code)).toContain('F08')
    expect(report(src).tables.map((t) => t.code)).toContain('F09')
    expect(tableProblems(src)).toEqual([])
  })
})

describe('parseTabTables on text it cannot fully place', () => {
  const text = [
    '2026年度部门预算公开',
    '2026年预算支出总表',
    '部门名称：某市某局',
    '单位：万元',
    '项目\t\t2026年预算数\t\t',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    '\t合计\t10.00\t4.00\t6.00',
    '208\t社会保障和就业支出\t10.00\t4.00\t6.00\t99.00',
    '\t\t3.00\t\t',
    '210\t卫生健康支出\t十元\t\t',
    // Enough tab lines for the text to be told apart from a pdftotext extraction.
    ...Array.from({ length: 20 }, (_, i) => `21011${String(i + 10)}\t其他${i + 1}\t1.00\t1.00\t`),
  ].join('\n')

  it('reports a figure outside the header, a figure without a label and an unreadable figure, and keeps the rest', () => {
    const r = parseReport(text, { source: 'synthetic.txt' })
    const b03 = r.lineItems.filter((i) => i.table_code === 'B03' && i.line <= 10)
    expect(r.lineItems.filter((i) => i.line > 10)).toHaveLength(40)
    expect(b03.map((i) => `${i.line} ${i.row_label} ${i.measure} ${i.value}`)).toEqual([
      '7 合计 合计 100000.00',
      '7 合计 基本支出 40000.00',
      '7 合计 项目支出 60000.00',
      '8 社会保障和就业支出 合计 100000.00',
      '8 社会保障和就业支出 基本支出 40000.00',
      '8 社会保障和就业支出 项目支出 60000.00',
    ])
    const problems = r.problems.filter((p) => p.where === 'B03')
    expect(problems.map((p) => p.line)).toEqual([8, 9, 10])
    expect(problems.every((p) => p.severity === 'error' && /[\u4e00-\u9fff]/.test(p.message))).toBe(true)
  })
})

describe('parseTabTables across a page break', () => {
  const text = [
    '2026年度部门预算公开',
    '2026年预算支出总表',
    '部门名称：长治市某局',
    '单位：万元',
    '<b>项目</b>\t\t<b>2026年预算数</b>\t\t',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    '\t合计\t30.00\t10.00\t20.00',
    ...Array.from({ length: 10 }, (_, i) => `20801${String(i + 10)}\t事务${i + 1}\t1.00\t1.00\t`),
    '',
    '预算公开表3',
    '项目\t\t2026年预算数\t\t',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    ...Array.from({ length: 10 }, (_, i) => `20802${String(i + 10)}\t事务${i + 11}\t2.00\t\t2.00`),
  ].join('\n')

  it('takes a header repeated after a page break as a header, not as data, and reads on', () => {
    const r = parseReport(text, { source: 'page-break.txt' })
    const b03 = r.lineItems.filter((i) => i.table_code === 'B03')
    // 3 on the 合计 row, 2 × 10 before the break, 2 × 10 after it.
    expect(b03).toHaveLength(43)
    expect(b03.filter((i) => i.line === 20 || i.line === 21)).toEqual([])
    expect(b03.find((i) => i.line === 22 && i.measure === '项目支出')).toMatchObject({ class_code: '2080210', row_label: '事务11', value: '20000.00', raw: '2.00' })
    expect(r.problems.filter((p) => p.where === 'B03')).toEqual([])
  })

  it('keeps the sides of a two-sided table whose header is repeated after a page break', () => {
    const lines = [
      '2026年度部门预算公开',
      '2026年预算收支总表',
      '部门名称：长治市某局',
      '单位：万元',
      '收入\t\t支出\t\t\t',
      '项目\t2026年\t项目\t2026年合计\t当年预算安排\t上年结转安排',
      '一、一般公共预算\t10.00\t一、一般公共服务支出\t\t\t',
      // Enough tab lines (20) for the text to be read as a tab extraction.
      ...Array.from({ length: 14 }, (_, i) => `\t\t${i + 2}号支出\t\t\t`),
      '',
      '收入\t\t支出\t\t\t',
      '项目\t2026年\t项目\t2026年合计\t当年预算安排\t上年结转安排',
      '\t\t二十、住房保障支出\t10.00\t9.00\t1.00',
      '本年收入合计\t10.00\t本年支出合计\t10.00\t9.00\t1.00',
    ]
    const r = parseReport(lines.join('\n'), { source: 'two-sided.txt' })
    const b01 = r.lineItems.filter((i) => i.table_code === 'B01')
    expect(b01.map((i) => `${i.line} ${i.side} ${i.row_label} ${i.measure} ${i.raw}`)).toEqual([
      '7 收入 一、一般公共预算 预算数 10.00',
      '25 支出 二十、住房保障支出 合计 10.00',
      '25 支出 二十、住房保障支出 当年预算安排 9.00',
      '25 支出 二十、住房保障支出 上年结转安排 1.00',
      '26 收入 本年收入合计 预算数 10.00',
      '26 支出 本年支出合计 合计 10.00',
      '26 支出 本年支出合计 当年预算安排 9.00',
      '26 支出 本年支出合计 上年结转安排 1.00',
    ])
    expect(r.problems.filter((p) => p.where === 'B01')).toEqual([])
  })
})
