import { readdirSync, readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../src/ingest/csv'
import { DATASET_COLUMNS, type DatasetTable } from '../../src/ingest/dataset'
import { ingestDir } from '../../scripts/ingest-lib'

const sources = readdirSync('data/raw').filter((f) => f.endsWith('.txt')).sort()
const rawLines = Object.fromEntries(sources.map((f) => [f.replace(/\.txt$/, ''), readFileSync(`data/raw/${f}`, 'utf8').split(/\r\n|\n|\r/)]))

// The same code path as npm run ingest (it reads data/raw/*.pdf too).
const build = async () => (await ingestDir('data/raw')).dataset
const ds = await build()

/** Our own CSV files, read by PapaParse as an outside tool would. */
function readCsv(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
}

describe('data/dataset', () => {
  it('is exactly what the parser makes of data/raw (regenerate with npm run ingest)', () => {
    for (const table of Object.keys(DATASET_COLUMNS) as DatasetTable[]) {
      const expected = toCsv(DATASET_COLUMNS[table] as never, ds[table] as never)
      expect(readFileSync(`data/dataset/${table}.csv`, 'utf8'), `${table}.csv`).toBe(expected)
    }
  })

  it('is deterministic: parsing twice gives identical bytes', async () => {
    const again = await build()
    for (const table of Object.keys(DATASET_COLUMNS) as DatasetTable[]) {
      expect(toCsv(DATASET_COLUMNS[table] as never, again[table] as never)).toBe(toCsv(DATASET_COLUMNS[table] as never, ds[table] as never))
    }
  })

  it('has one document per raw report', () => {
    expect(readCsv(readFileSync('data/dataset/documents.csv', 'utf8')).map((d) => d.source)).toEqual(sources)
  })

  it('every line item stands, as printed, on the source line it cites', () => {
    const items = readCsv(readFileSync('data/dataset/line_items.csv', 'utf8'))
    for (const it of items) {
      const line = rawLines[it.doc_id!]![Number(it.line) - 1]
      expect(line, `${it.doc_id}:${it.line} ${it.table_code} ${it.row_label} ${it.measure}`).toContain(it.raw)
    }
  })

  it('every amount is in 元 with exact decimals, and no row holds an empty value', () => {
    const items = readCsv(readFileSync('data/dataset/line_items.csv', 'utf8'))
    for (const it of items) {
      expect(it.value).not.toBe('')
      if (it.unit === '元') expect(it.value).toMatch(/^-?\d+\.\d{2,}$/)
    }
    for (const file of ['sangong', 'targets', 'evaluations'] as const) {
      for (const row of readCsv(readFileSync(`data/dataset/${file}.csv`, 'utf8'))) {
        for (const [k, v] of Object.entries(row)) if (k.endsWith('_yuan') && v !== '') expect(v, `${file}.${k}`).toMatch(/^-?\d+\.\d{2,}$/)
      }
    }
  })

  it('every narrative, target, evaluation and 三公 row cites a real line of its report', () => {
    for (const file of ['narrative', 'targets', 'evaluations', 'sangong'] as const) {
      for (const row of readCsv(readFileSync(`data/dataset/${file}.csv`, 'utf8'))) {
        const lines = rawLines[row.doc_id!]!
        const n = Number(row.line)
        expect(n >= 1 && n <= lines.length, `${file} ${row.doc_id}:${row.line}`).toBe(true)
        expect(/^\s*(仅供|内部|审核)\s*$/.test(lines[n - 1]!), `${file} cites a watermark line ${row.doc_id}:${n}`).toBe(false)
      }
    }
  })
})

/**
 * A handful of rows per bundled report, read off data/raw/*.txt by hand and
 * written here literally (line numbers are the file's own, amounts converted
 * to 元 by hand): the committed CSVs must hold them. The tests above compare
 * the parser with its own output; these do not.
 */
describe('data/dataset against figures read from data/raw by hand', () => {
  const csv = (table: DatasetTable) => readCsv(readFileSync(`data/dataset/${table}.csv`, 'utf8'))
  /** Rows of `table` that agree with `expected` on every field it names. */
  const matching = (table: DatasetTable, expected: Record<string, string>) =>
    csv(table).filter((row) => Object.entries(expected).every(([k, v]) => row[k] === v))

  it('names each report as its title page prints it', () => {
    expect(csv('documents')).toEqual([
      // changzhi-2026-budget.txt:3–5 "长治市人力资源和社会保障局 / 2026年度部门预算公开"; tables "单位：万元" (line 77)
      { doc_id: 'changzhi-2026-budget', city: '长治', county_of: '', publisher: '长治市人力资源和社会保障局', scope: '部门', year: '2026', stage: '预算', unit: '万元', source: 'changzhi-2026-budget.txt', title: '长治市人力资源和社会保障局2026年部门预算公开' },
      // gaoping-2026-budget.txt:3–5 "高平市就业和人才服务中心 / 2026年度单位预算公开", line 68 "单位：万元"; 高平 is a 县级市 run by 晋城 (not printed: the catalogue knows it)
      { doc_id: 'gaoping-2026-budget', city: '高平', county_of: '晋城', publisher: '高平市就业和人才服务中心', scope: '单位', year: '2026', stage: '预算', unit: '万元', source: 'gaoping-2026-budget.txt', title: '高平市就业和人才服务中心2026年单位预算公开' },
      // jincheng-2022-final.txt:3–5 "晋城市人力资源和社会保障局 / 2022年度单位决算公开", line 149 "金额单位：元"
      { doc_id: 'jincheng-2022-final', city: '晋城', county_of: '', publisher: '晋城市人力资源和社会保障局', scope: '单位', year: '2022', stage: '决算', unit: '元', source: 'jincheng-2022-final.txt', title: '晋城市人力资源和社会保障局2022年单位决算公开' },
      // jincheng-2024-budget.txt:316 "晋城市人力资源和社会保障局2024年部门预算公开报告", line 111 "单位：万元"
      { doc_id: 'jincheng-2024-budget', city: '晋城', county_of: '', publisher: '晋城市人力资源和社会保障局', scope: '部门', year: '2024', stage: '预算', unit: '万元', source: 'jincheng-2024-budget.txt', title: '晋城市人力资源和社会保障局2024年部门预算公开' },
    ])
  })

  const LINE_ITEMS: Array<[doc: string, table: string, side: string, label: string, classCode: string, measure: string, value: string, raw: string, line: string, kind: string]> = [
    // changzhi-2026-budget.txt:114 "收入总计 24736.24 支出总计 24736.24 24065.57 670.66"
    ['changzhi-2026-budget', 'B01', '收入', '收入总计', '', '预算数', '247362400.00', '24736.24', '114', '合计'],
    ['changzhi-2026-budget', 'B01', '支出', '支出总计', '', '上年结转安排', '6706600.00', '670.66', '114', '合计'],
    // line 187 "208 社会保障和就业支出 19290.76 4868.36 14422.39" under 合计 / 基本支出 / 项目支出
    ['changzhi-2026-budget', 'B03', '', '社会保障和就业支出', '208', '基本支出', '48683600.00', '4868.36', '187', ''],
    // line 189 "2080101 行政运行 2242.52 2242.52"
    ['changzhi-2026-budget', 'B03', '', '行政运行', '2080101', '合计', '22425200.00', '2242.52', '189', ''],
    // line 334 "合计 8672.35 7897.01 775.34" under 合计 / 人员经费 / 公用经费
    ['changzhi-2026-budget', 'B06', '', '合计', '', '人员经费', '78970100.00', '7897.01', '334', '合计'],
    // gaoping-2026-budget.txt:105 "收入总计 5131.27 支出总计 5131.27 4472.32 658.95"
    ['gaoping-2026-budget', 'B01', '支出', '支出总计', '', '当年预算安排', '44723200.00', '4472.32', '105', '合计'],
    // line 144 "208 社会保障和就业支出 5104.59 304.09 4800.50"
    ['gaoping-2026-budget', 'B03', '', '社会保障和就业支出', '208', '项目支出', '48005000.00', '4800.50', '144', ''],
    // line 242 "合计 330.77 316.01 14.76"
    ['gaoping-2026-budget', 'B06', '', '合计', '', '公用经费', '147600.00', '14.76', '242', '合计'],
    // jincheng-2022-final.txt:181 "本年收入合计 27 62298177.64 本年支出合计 58.00 62287177.64" (元)
    ['jincheng-2022-final', 'F01', '收入', '本年收入合计', '', '决算数', '62298177.64', '62298177.64', '181', '合计'],
    ['jincheng-2022-final', 'F01', '支出', '本年支出合计', '', '决算数', '62287177.64', '62287177.64', '181', '合计'],
    // line 242 "208 社会保障和 就业支出 61449664.55 7876650.85 53573013.70"
    ['jincheng-2022-final', 'F03', '', '社会保障和就业支出', '208', '本年支出合计', '61449664.55', '61449664.55', '242', ''],
    // line 244 "2080101 行政运行 7518127.01 7518127.01"
    ['jincheng-2022-final', 'F03', '', '行政运行', '2080101', '基本支出', '7518127.01', '7518127.01', '244', ''],
    // jincheng-2024-budget.txt:216 "收入总计 42298.72支出总计 42298.72 39880.81 2417.91"
    ['jincheng-2024-budget', 'B01', '收入', '收入总计', '', '预算数', '422987200.00', '42298.72', '216', '合计'],
    // line 376 "208 社会保障和就业支出 30028.26 4264.75 25763.51"
    ['jincheng-2024-budget', 'B03', '', '社会保障和就业支出', '208', '合计', '300282600.00', '30028.26', '376', ''],
    // line 749 "合计 11256.85 10195.94 1060.91"
    ['jincheng-2024-budget', 'B06', '', '合计', '', '合计', '112568500.00', '11256.85', '749', '合计'],
  ]
  it.each(LINE_ITEMS)('%s %s %s %s %s %s = %s 元 (printed %s) on line %s', (doc_id, table_code, side, row_label, class_code, measure, value, raw, line, row_kind) => {
    expect(matching('line_items', { doc_id, table_code, side, row_label, class_code, measure, row_kind })).toEqual([
      expect.objectContaining({ value, raw, line, unit: '元' }),
    ])
  })

  const SANGONG: Array<[doc: string, year: string, figure: string, category: string, yuan: string, line: string, table: string, raw: string, printedUnit: string]> = [
    // changzhi-2026-budget.txt:449 "公务接待费 2.60 2.60", line 453 "合计 16.32 16.32" (表10, 万元)
    ['changzhi-2026-budget', '2026', '预算', '公务接待费', '26000.00', '449', 'B10', '2.60', '万元'],
    ['changzhi-2026-budget', '2026', '预算', '合计', '163200.00', '453', 'B10', '16.32', '万元'],
    // gaoping-2026-budget.txt:417 "本单位无“三公”经费预算。": stated in the prose, no figure printed
    ['gaoping-2026-budget', '2026', '预算', '合计', '0.00', '417', '', '', ''],
    // jincheng-2022-final.txt:414 (公开07表), 元: 预算 合计 71000.00 … 公务接待费 20000.00; 决算 合计 20288.20 … 公务接待费 8703.00
    ['jincheng-2022-final', '2022', '预算', '公务接待费', '20000.00', '414', 'F07', '20000.00', '元'],
    ['jincheng-2022-final', '2022', '决算', '合计', '20288.20', '414', 'F07', '20288.20', '元'],
    ['jincheng-2022-final', '2022', '决算', '公务接待费', '8703.00', '414', 'F07', '8703.00', '元'],
    // jincheng-2024-budget.txt:931 "公务接待费 1.59 1.59", line 939 "合计 5.49 5.49" (表10, 万元)
    ['jincheng-2024-budget', '2024', '预算', '公务接待费', '15900.00', '931', 'B10', '1.59', '万元'],
    ['jincheng-2024-budget', '2024', '预算', '合计', '54900.00', '939', 'B10', '5.49', '万元'],
  ]
  it.each(SANGONG)('三公 %s %s %s %s = %s 元 on line %s (%s, printed %s %s)', (doc_id, year, figure, category, amount_yuan, line, table_code, raw, printed_unit) => {
    expect(matching('sangong', { doc_id, year, figure, category })).toEqual([
      expect.objectContaining({ doc_id, year, figure, category, amount_yuan, line, table_code, raw, printed_unit, page: '' }),
    ])
  })

  it('names two equal 三公 figures on one line apart: 晋城 2022 公开07表 line 414 prints 51000.00 for 公务用车购置及运行费 and 运行维护费', () => {
    const rows = matching('sangong', { doc_id: 'jincheng-2022-final', line: '414', amount_yuan: '51000.00' })
    expect(rows.map((r) => [r.category, r.row_id])).toEqual([
      ['公务用车购置及运行费', 'jincheng-2022-final:S414.2'],
      ['公务用车运行维护费', 'jincheng-2022-final:S414.3'],
    ])
  })

  const NARRATIVE: Array<[doc: string, subject: string, year: string, value: string, relation: string, line: string]> = [
    // changzhi-2026-budget.txt:629 "…机关运行经费财政拨款预算425.27万元，比2025年预算减少35.91万元…": 2025 = 461.18万元
    ['changzhi-2026-budget', '机关运行经费', '2026', '4252700.00', 'stated', '629'],
    ['changzhi-2026-budget', '机关运行经费', '2025', '4611800.00', 'derived', '629'],
    // gaoping-2026-budget.txt:374 "…预算收入总计5,131.27万元…比上年增加619.07万元…": 2025 = 4,512.20万元
    ['gaoping-2026-budget', '收入总计', '2026', '51312700.00', 'stated', '374'],
    ['gaoping-2026-budget', '收入总计', '2025', '45122000.00', 'derived', '374'],
    // jincheng-2022-final.txt:492 "2022年度收入总计62,373,182.64元…与2021年相比，收入总计减少56,533,273.95元": 2021 = 118,906,456.59元
    ['jincheng-2022-final', '收入总计', '2022', '62373182.64', 'stated', '492'],
    ['jincheng-2022-final', '收入总计', '2021', '118906456.59', 'derived', '492'],
    // jincheng-2024-budget.txt:1393 "…预算278.03万元，比2023年预算减少5.3万元…": 2023 = 283.33万元
    ['jincheng-2024-budget', '机关运行经费', '2024', '2780300.00', 'stated', '1393'],
    ['jincheng-2024-budget', '机关运行经费', '2023', '2833300.00', 'derived', '1393'],
  ]
  it.each(NARRATIVE)('the prose of %s: %s %s = %s 元 (%s) on line %s', (doc_id, subject, year, value, relation, line) => {
    expect(matching('narrative', { doc_id, subject, year, relation, line }).map((r) => [r.value, r.unit])).toEqual([[value, '元']])
  })
})
