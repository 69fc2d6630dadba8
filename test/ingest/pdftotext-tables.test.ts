/**
 * The table grids of the pdftotext-like extraction, against the real
 * jincheng-2024-budget.txt. Every expectation below was read off the source
 * text by hand (line numbers are the file's 1-based lines); amounts in 元 are
 * the printed 万元 × 10000.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ParseContext } from '../../src/ingest/context'
import { parseReport } from '../../src/ingest/index'
import { isWatermark, toLines } from '../../src/ingest/lines'
import { locateTables } from '../../src/ingest/locate'
import { rowPlacements, solveGroups } from '../../src/ingest/tables/pdf-place'
import { isNoise, tokenize } from '../../src/ingest/tables/pdf-rows'
import { parsePdftotextTables } from '../../src/ingest/tables/pdftotext'
import type { LineItemRow, Problem, TableCode } from '../../src/ingest/types'

const SOURCE = 'jincheng-2024-budget.txt'
const text = readFileSync(`data/raw/${SOURCE}`, 'utf8')
const report = parseReport(text, { source: SOURCE })
const lines = text.split(/\r\n|\n|\r/)
const items = report.lineItems.filter((r) => r.doc_id === 'jincheng-2024-budget')
const tableProblems = report.problems.filter((p) => /^B(0\d|1[0-3])$/.test(p.where))

type Golden = [table: TableCode, side: LineItemRow['side'], label: string, measure: string, raw: string, yuan: string, line: number]

/** `label` is a 功能分类 code when it is all digits, else the row_label. */
function rowsAt(table: TableCode, side: string, label: string, line: number): LineItemRow[] {
  const byCode = /^\d+$/.test(label)
  return items.filter(
    (r) => r.table_code === table && r.side === side && r.line === line && (byCode ? r.class_code === label : r.row_label === label),
  )
}

const GOLDEN: Golden[] = [
  // B01: 收入 figure glued to the 支出 label (`39330.81一、一般公共服务支出`, line 117).
  ['B01', '收入', '一、一般公共预算', '预算数', '39330.81', '393308100.00', 117],
  ['B01', '收入', '五、单位资金', '预算数', '550.00', '5500000.00', 125],
  ['B01', '支出', '五、教育支出', '上年结转安排', '614.44', '6144400.00', 125],
  ['B01', '支出', '八、社会保障和就业支出', '当年预算安排', '28224.78', '282247800.00', 135],
  // `2417.91年终结转` (line 214): the figure is 上年结转's, 年终结转 is empty.
  ['B01', '收入', '上年结转', '预算数', '2417.91', '24179100.00', 214],
  ['B01', '支出', '支出总计', '合计', '42298.72', '422987200.00', 216],
  // B02: the total row prints `39330.81       550.00 2417.91` — seven spaces, three empty cells.
  ['B02', '', '合计', '本年收入/合计', '39880.81', '398808100.00', 237],
  ['B02', '', '合计', '本年收入/一般公共预算', '39330.81', '393308100.00', 237],
  ['B02', '', '合计', '本年收入/单位资金', '550.00', '5500000.00', 237],
  ['B02', '', '合计', '上年结转', '2417.91', '24179100.00', 237],
  ['B02', '', '205', '本年收入/单位资金', '550.00', '5500000.00', 239],
  ['B02', '', '208', '上年结转', '1803.48', '18034800.00', 245],
  // 2080199 (line 269), its name on lines 270–271, its figures on line 273.
  ['B02', '', '2080199', '本年收入/一般公共预算', '1108.10', '11081000.00', 273],
  ['B02', '', '2080701', '上年结转', '110.00', '1100000.00', 286],
  ['B03', '', '合计', '项目支出', '31041.87', '310418700.00', 368],
  ['B03', '', '2080101', '基本支出', '468.12', '4681200.00', 380],
  ['B03', '', '2080102', '项目支出', '185.65', '1856500.00', 382],
  ['B03', '', '2080199', '基本支出', '598.20', '5982000.00', 404],
  ['B03', '', '2080505', '基本支出', '1004.64', '10046400.00', 416],
  ['B03', '', '20807', '项目支出', '4863.48', '48634800.00', 420],
  ['B03', '', '2210201', '基本支出', '971.65', '9716500.00', 486],
  ['B04', '收入', '一、一般公共预算', '金额', '39330.81', '393308100.00', 507],
  // `八、社会保障和就业` / `支出` (lines 533–534), figures on line 536.
  ['B04', '支出', '八、社会保障和就业支出', '小计', '30028.26', '300282600.00', 536],
  ['B04', '支出', '八、社会保障和就业支出', '一般公共预算', '30028.26', '300282600.00', 536],
  ['B04', '收入', '上年财政拨款结转', '金额', '2417.91', '24179100.00', 630],
  ['B04', '收入', '一、一般公共预算', '金额', '2417.91', '24179100.00', 632],
  ['B04', '支出', '支出总计', '一般公共预算', '41748.72', '417487200.00', 643],
  ['B05', '', '合计', '合计', '39330.81', '393308100.00', 656],
  ['B05', '', '20807', '项目支出', '3060.00', '30600000.00', 708],
  ['B05', '', '2100799', '基本支出', '409.37', '4093700.00', 721],
  ['B05', '', '2080112', '项目支出', '2.50', '25000.00', 684],
  ['B06', '', '合计', '公用经费', '1060.91', '10609100.00', 749],
  ['B06', '', '工资福利支出', '人员经费', '9827.04', '98270400.00', 751],
  ['B06', '', '基本工资/工资奖金津补贴', '人员经费', '385.17', '3851700.00', 753],
  ['B06', '', '办公费/办公经费', '公用经费', '14.50', '145000.00', 793],
  ['B06', '', '劳务费/商品和服务支出', '公用经费', '10.00', '100000.00', 820],
  ['B06', '', '退休费/离退休费', '人员经费', '352.31', '3523100.00', 846],
  ['B10', '', '公务接待费', '一般公共预算', '1.59', '15900.00', 931],
  ['B10', '', '②公务用车运行维护费', '合计', '3.90', '39000.00', 937],
  ['B10', '', '合计', '合计', '5.49', '54900.00', 939],
  ['B11', '', '部门合计', '一般公共预算', '278.03', '2780300.00', 955],
  ['B11', '', '晋城市人才服务中心', '合计', '62.01', '620100.00', 963],
  ['B12', '', '晋城市人力资源和社会保障局', '财政拨款/一般公共预算', '28073.96', '280739600.00', 991],
  ['B12', '', '晋城市人力资源和社会保障局', '单位资金', '550.00', '5500000.00', 991],
  ['B12', '', '事业单位招聘专业技术人员经费', '财政拨款/一般公共预算', '60.00', '600000.00', 998],
  ['B12', '', '晋城技师学院', '单位资金', '550.00', '5500000.00', 1131],
  ['B12', '', '中等职业教育免学费', '财政拨款/一般公共预算', '867.00', '8670000.00', 1149],
  ['B13', '', '晋城市人力资源和社会保障局', '合计', '2417.91', '24179100.00', 1268],
  ['B13', '', '就业补助资金', '财政拨款/一般公共预算', '1693.48', '16934800.00', 1274],
  ['B13', '', '汽车钣金与涂装高水平实训基地', '合计', '300.00', '3000000.00', 1288],
]

describe('parsePdftotextTables on jincheng-2024-budget.txt', () => {
  it.each(GOLDEN)('%s %s “%s” %s is %s 万元 = %s 元 on line %i', (table, side, label, measure, raw, yuan, line) => {
    const hits = rowsAt(table, side, label, line).filter((r) => r.measure === measure)
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({ raw, value: yuan, unit: '元', line })
  })

  it('reads figures from every non-empty table B01–B06 and B10–B13', () => {
    const tables = new Set(items.map((r) => r.table_code))
    for (const code of ['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B10', 'B11', 'B12', 'B13'] as const) {
      expect(tables.has(code), code).toBe(true)
    }
  })

  it('yields no rows and no problems for the empty tables B07, B08 and B09', () => {
    const located = report.tables.map((t) => t.code)
    expect(located).toEqual(expect.arrayContaining(['B07', 'B08', 'B09']))
    expect(items.filter((r) => ['B07', 'B08', 'B09'].includes(r.table_code))).toEqual([])
    expect(tableProblems.filter((p) => ['B07', 'B08', 'B09'].includes(p.where))).toEqual([])
  })

  it('cites for every row a line that holds its printed figure and is not a watermark, page header or footer', () => {
    for (const r of items) {
      const src = lines[r.line - 1]!
      expect(isWatermark(src), `line ${r.line}`).toBe(false)
      expect(src.trim()).not.toMatch(/^-\d+-$|公开报告$|^第二部分/)
      expect(src, `line ${r.line}`).toContain(r.raw)
    }
  })

  it('never reads a figure from the 仅供 / 内部 / 审核 watermark lines between B02 and B03', () => {
    expect(lines.slice(317, 352).filter((l) => isWatermark(l)).length).toBe(27)
    expect(items.filter((r) => r.line >= 314 && r.line <= 355)).toEqual([])
  })

  it('un-glues a figure from the next cell: `2417.91年终结转` gives 上年结转 and no 年终结转 figure', () => {
    const l214 = items.filter((r) => r.table_code === 'B01' && r.line === 214)
    expect(l214.map((r) => [r.side, r.row_label, r.raw])).toEqual([['收入', '上年结转', '2417.91']])
    expect(tokenize('39330.81一、一般公共服务支出').map((t) => t.text)).toEqual(['39330.81', '一、一般公共服务支出'])
    // A label that starts with digits is not a figure (B12 line 1037, line 1235).
    expect(tokenize('2023年已完成未支付项目 20.00').map((t) => [t.text, t.amount])).toEqual([
      ['2023年已完成未支付项目', false],
      ['20.00', true],
    ])
  })

  it('joins a wrapped name and places its figures on the line they stand (B02 2080199, lines 269–273)', () => {
    const rows = items.filter((r) => r.table_code === 'B02' && r.class_code === '2080199')
    expect(rows.map((r) => [r.row_label, r.measure, r.raw, r.line])).toEqual([
      ['其他人力资源和社会保障管理事务支出', '本年收入/合计', '1108.10', 273],
      ['其他人力资源和社会保障管理事务支出', '本年收入/一般公共预算', '1108.10', 273],
    ])
  })

  it('joins a wrapped 支出 label of the two-sided B01 and B04 without swallowing its neighbours', () => {
    const b01 = items.filter((r) => r.table_code === 'B01' && r.side === '支出').map((r) => r.row_label)
    expect([...new Set(b01)]).toEqual(['五、教育支出', '八、社会保障和就业支出', '十、卫生健康支出', '二十、住房保障支出', '本年支出合计', '支出总计'])
    const b04 = items.filter((r) => r.table_code === 'B04').map((r) => `${r.side}:${r.row_label}`)
    expect([...new Set(b04)]).toEqual([
      '收入:一、一般公共预算',
      '支出:五、教育支出',
      '支出:八、社会保障和就业支出',
      '支出:十、卫生健康支出',
      '支出:二十、住房保障支出',
      '收入:本年收入合计',
      '支出:本年支出合计',
      '收入:上年财政拨款结转',
      '收入:收入总计',
      '支出:支出总计',
    ])
  })

  it('places a collapsed lone value by arithmetic: B03 `468.12 468.12` is 合计 + 基本支出, `185.65  185.65` 合计 + 项目支出', () => {
    const measuresAt = (line: number): string[] => items.filter((r) => r.table_code === 'B03' && r.line === line).map((r) => r.measure)
    expect(measuresAt(380)).toEqual(['合计', '基本支出'])
    expect(measuresAt(382)).toEqual(['合计', '项目支出'])
    // 十、卫生健康支出 (B01 line 139): 当年预算安排, since 上年结转 2417.91 = 614.44 + 1803.48 leaves none for it.
    expect(items.filter((r) => r.table_code === 'B01' && r.line === 139).map((r) => r.measure)).toEqual(['合计', '当年预算安排'])
    // B02 208 (line 245): 1803.48 is 上年结转, not a fund source of 本年收入.
    expect(items.filter((r) => r.table_code === 'B02' && r.line === 245).map((r) => r.measure)).toEqual([
      '本年收入/合计',
      '本年收入/一般公共预算',
      '上年结转',
    ])
  })

  it('joins B06 two label columns with “/” and keeps a category row’s single label', () => {
    const labels = new Set(items.filter((r) => r.table_code === 'B06').map((r) => r.row_label))
    expect(labels.has('机关事业单位基本养老保险缴费/社会保障缴费')).toBe(true)
    expect(labels.has('商品和服务支出')).toBe(true)
    expect(items.filter((r) => r.table_code === 'B06' && r.line === 791).map((r) => r.measure)).toEqual(['合计', '公用经费'])
  })

  it('tells B12 unit rows from project rows by their U+3000 indentation alone', () => {
    expect(lines[992]!.startsWith('\u3000晋城市')).toBe(true)
    const at = (line: number): LineItemRow => items.find((r) => r.table_code === 'B12' && r.line === line && r.measure === '合计')!
    expect(at(991)).toMatchObject({ row_kind: '合计', row_label: '晋城市人力资源和社会保障局', unit_name: '', project_name: '', raw: '28623.96' })
    expect(at(993)).toMatchObject({ row_kind: '单位', unit_name: '晋城市人力资源和社会保障局', project_name: '', raw: '4694.98' })
    expect(at(1000)).toMatchObject({ row_kind: '项目', unit_name: '晋城市人力资源和社会保障局', project_name: '人才教育培训', raw: '43.00' })
    // ` \u3000晋城市社会保险中心` (line 1065) has an ASCII space before its indent: still a unit.
    expect(at(1065)).toMatchObject({ row_kind: '单位', unit_name: '晋城市社会保险中心', raw: '18019.50' })
    expect(at(1067)).toMatchObject({ row_kind: '项目', unit_name: '晋城市社会保险中心', project_name: '社会保险业务费' })
    expect(at(1133)).toMatchObject({ row_kind: '项目', unit_name: '晋城技师学院', project_name: '中职助学金', raw: '381.66' })
  })

  it('keeps both B12 projects of the same name, each with its own amount and line', () => {
    const named = (name: string): Array<[string, number]> =>
      items.filter((r) => r.table_code === 'B12' && r.project_name === name && r.measure === '合计').map((r) => [r.raw, r.line])
    expect(named('建国前老工人及企业抗美援朝老战士生活补贴')).toEqual([
      ['22.31', 1028],
      ['7.19', 1033],
    ])
    expect(named('晋城市本级企业退休人员取暖费及调待支出')).toEqual([
      ['100.00', 1078],
      ['5500.00', 1088],
    ])
    expect(named('96年机构改革自愿辞职人员生活困难补助、医保及取暖补贴')).toEqual([
      ['194.00', 1238],
      ['562.00', 1243],
    ])
    // B13 likewise: 中等职业教育免学费中央资金 3.76 (line 1280) and 9.06 (line 1286).
    const b13 = items.filter((r) => r.table_code === 'B13' && r.project_name === '中等职业教育免学费中央资金' && r.measure === '合计')
    expect(b13.map((r) => [r.raw, r.line, r.unit_name])).toEqual([
      ['3.76', 1280, '晋城技师学院'],
      ['9.06', 1286, '晋城技师学院'],
    ])
  })

  it('places the fund column by the gaps, verified by arithmetic: B12 晋城技师学院 (lines 1131–1215)', () => {
    // `培训中心培训专项 500.00·····500.00` (line 1147): four empty cells between 合计 and 单位资金.
    const rows = items.filter((r) => r.table_code === 'B12' && r.line === 1147)
    expect(rows.map((r) => [r.measure, r.raw])).toEqual([['合计', '500.00'], ['单位资金', '500.00']])
    // `中职助学金 381.66 381.66·····` (line 1133): five trailing spaces, four empty columns after 一般公共预算.
    expect(items.filter((r) => r.table_code === 'B12' && r.line === 1133).map((r) => [r.measure, r.raw])).toEqual([
      ['合计', '381.66'],
      ['财政拨款/一般公共预算', '381.66'],
    ])
    // Arithmetic agrees: the unit's 4202.03 一般公共预算 and 550.00 单位资金 are the sums of its projects.
    const unitChecks = report.checks.filter((c) => /^B12 .*：晋城技师学院 = 各项目之和$/.test(c.check))
    expect(unitChecks.map((c) => [c.check, c.expected, c.status])).toEqual([
      ['B12 合计：晋城技师学院 = 各项目之和', '47520300.00', 'pass'],
      ['B12 财政拨款/一般公共预算：晋城技师学院 = 各项目之和', '42020300.00', 'pass'],
      ['B12 单位资金：晋城技师学院 = 各项目之和', '5500000.00', 'pass'],
    ])
    // No figure of the budget's tables is left unplaced any more.
    expect(tableProblems.filter((p) => /无法由算术唯一确定/.test(p.message))).toEqual([])
  })

  it('names the line of every problem it reports', () => {
    for (const p of tableProblems) expect(p.line).toBeGreaterThan(0)
  })
})

describe('parsePdftotextTables on damaged input', () => {
  function run(raw: string): { rows: LineItemRow[]; problems: Problem[] } {
    const lines = toLines(raw)
    const problems: Problem[] = []
    const ctx: ParseContext = { lines, style: 'pdftotext', document: report.document, tables: locateTables(lines), problems }
    return { rows: parsePdftotextTables(ctx), problems }
  }

  it('never throws on a report cut off in the middle of a table or with shuffled lines', () => {
    const cut = lines.slice(0, 1100).join('\n')
    expect(() => run(cut)).not.toThrow()
    const shuffled = lines.slice(100, 1300).map((_l, i, a) => a[(i * 7919) % a.length]!).join('\n')
    expect(() => run(lines.slice(0, 110).join('\n') + '\n' + shuffled)).not.toThrow()
  })

  it('reports a figure that no placement can fit instead of guessing (合计 ≠ 基本支出 + 项目支出)', () => {
    const raw = ['表三2024年预算支出总表', '科目编码 科目名称 合计 基本支出 项目支出', '合计 10.00 3.00', '205 教育支出 10.00 3.00', '表四2024年财政拨款收支总表'].join('\n')
    const { rows, problems } = run(raw)
    expect(rows).toEqual([])
    expect(problems.map((p) => [p.where, p.line])).toEqual([
      ['B03', 3],
      ['B03', 4],
    ])
  })
})

describe('pdf-place', () => {
  it('offers both placements of a lone value until the column sums decide', () => {
    // 合计 / 基本支出 / 项目支出 in hundredths: parent 30 = 10 基本 + 20 项目.
    const sum = [{ total: 0, parts: [1, 2] }]
    const parent = { values: [3000, 1000, 2000], options: rowPlacements([3000, 1000, 2000], 3, sum, new Set(), 1) }
    const a = { values: [1000, 1000], options: rowPlacements([1000, 1000], 3, sum, new Set(), 1) }
    const b = { values: [2000, 2000], options: rowPlacements([2000, 2000], 3, sum, new Set(), 1) }
    expect(a.options.map((o) => o.cols)).toEqual([
      [0, 1],
      [0, 2],
    ])
    solveGroups([{ parent, children: [a, b], tol: 1 }])
    expect(a.options.map((o) => o.cols)).toEqual([[0, 1]])
    expect(b.options.map((o) => o.cols)).toEqual([[0, 2]])
  })

  it('treats page furniture as noise but keeps content lines that contain 审核', () => {
    expect(isNoise('-6-')).toBe(true)
    expect(isNoise('晋城市人力资源和社会保障局2024年部门预算公开报告')).toBe(true)
    expect(isNoise('第二部分 2024年部门预算报表')).toBe(true)
    expect(isNoise('审核')).toBe(true)
    expect(isNoise('职业技能审核鉴定 12.00 12.00')).toBe(false)
  })
})
