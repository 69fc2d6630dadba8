import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseNumber, toYuan } from '../../src/ingest/decimal'
import { parseReport } from '../../src/ingest/index'
import type { NarrativeRow } from '../../src/ingest/types'

const RAW = new URL('../../data/raw/', import.meta.url)

function load(source: string) {
  const text = readFileSync(new URL(source, RAW), 'utf8')
  return { lines: text.split(/\r\n|\n|\r/), report: parseReport(text, { source }) }
}

const gaoping = load('gaoping-2026-budget.txt')
const changzhi = load('changzhi-2026-budget.txt')
const jc2022 = load('jincheng-2022-final.txt')
const jc2024 = load('jincheng-2024-budget.txt')
const ALL = { gaoping, changzhi, jc2022, jc2024 }

type Expected = Pick<NarrativeRow, 'subject' | 'year' | 'value' | 'unit' | 'relation' | 'line'>

/** The row with these fields (subject, year, value, unit, relation, line), read off the source text. */
function expectRow(rows: readonly NarrativeRow[], want: Expected) {
  const hit = rows.find(
    (r) => r.subject === want.subject && r.year === want.year && r.value === want.value && r.unit === want.unit && r.relation === want.relation && r.line === want.line,
  )
  expect(hit, `${want.subject} ${want.year} ${want.value} line ${want.line}; rows with that subject: ${JSON.stringify(rows.filter((r) => r.subject === want.subject).map((r) => [r.year, r.value, r.relation, r.line]))}`).toBeDefined()
}

const squeeze = (t: string) => t.replace(/\s+/g, '')

/** Printed figures of a quote, each with the value it stands for in 元 (amounts) or as printed. */
function figuresIn(quote: string): Array<{ raw: string; values: string[] }> {
  const out: Array<{ raw: string; values: string[] }> = []
  for (const m of quote.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(万元|元|%|人次|人|辆|平方米|台（套）|个|批次)?/g)) {
    const n = parseNumber(m[0].slice(0, m[0].length - (m[2]?.length ?? 0)))
    if (n === null) continue
    const values = m[2] === '万元' || m[2] === '元' ? [toYuan(n, m[2])] : [n]
    out.push({ raw: m[0].slice(0, m[0].length - (m[2]?.length ?? 0)), values })
  }
  return out
}

describe('parseNarrative', () => {
  describe('gaoping-2026-budget.txt (tab extraction, 单位 budget)', () => {
    const rows = gaoping.report.narrative
    it('reads the totals, their parts and shares as printed in 万元, in 元', () => {
      expectRow(rows, { subject: '收入总计', year: '2026', value: '51312700.00', unit: '元', relation: 'stated', line: 374 })
      expectRow(rows, { subject: '本年收入', year: '2026', value: '44723200.00', unit: '元', relation: 'stated', line: 374 })
      expectRow(rows, { subject: '上年结转', year: '2026', value: '6589500.00', unit: '元', relation: 'stated', line: 374 })
      expectRow(rows, { subject: '一般公共预算拨款收入占比', year: '2026', value: '87.16', unit: '%', relation: 'stated', line: 378 })
      expectRow(rows, { subject: '基本支出', year: '2026', value: '3307700.00', unit: '元', relation: 'stated', line: 386 })
      expectRow(rows, { subject: '项目支出', year: '2026', value: '48005000.00', unit: '元', relation: 'stated', line: 386 })
      expectRow(rows, { subject: '社会保障和就业支出占比', year: '2026', value: '99.40', unit: '%', relation: 'stated', line: 401 })
      expectRow(rows, { subject: '人员经费', year: '2026', value: '3160100.00', unit: '元', relation: 'stated', line: 411 })
      expectRow(rows, { subject: '公用经费', year: '2026', value: '147600.00', unit: '元', relation: 'stated', line: 413 })
    })
    it('derives the prior-year total from "比上年增加619.07万元" after a 其中-list, not from the list’s last item', () => {
      // 5,131.27 − 619.07 = 4,512.20万元 (and 619.07 / 4,512.20 = 13.72%, as printed).
      expectRow(rows, { subject: '收入总计', year: '2025', value: '45122000.00', unit: '元', relation: 'derived', line: 374 })
      expectRow(rows, { subject: '收入总计增长率', year: '2026', value: '13.72', unit: '%', relation: 'stated', line: 374 })
    })
    it('derives the prior year of a decrease by adding it back: 4,472.32 + 38.65万元', () => {
      expectRow(rows, { subject: '一般公共预算当年支出', year: '2025', value: '45109700.00', unit: '元', relation: 'derived', line: 397 })
      expectRow(rows, { subject: '一般公共预算当年支出增长率', year: '2026', value: '-0.86', unit: '%', relation: 'stated', line: 397 })
    })
    it('turns "本单位无“三公”经费预算" into a zero 三公经费 on its line', () => {
      expectRow(rows, { subject: '三公经费', year: '2026', value: '0.00', unit: '元', relation: 'stated', line: 417 })
    })
    it('reads 政府采购, 绩效 counts and the assets as of 2025-12-31', () => {
      expectRow(rows, { subject: '政府采购', year: '2026', value: '158200.00', unit: '元', relation: 'stated', line: 425 })
      expectRow(rows, { subject: '政府采购货物', year: '2026', value: '158200.00', unit: '元', relation: 'stated', line: 425 })
      expectRow(rows, { subject: '纳入绩效目标管理二级项目数', year: '2026', value: '15', unit: '个', relation: 'stated', line: 435 })
      expectRow(rows, { subject: '车辆数', year: '2025', value: '0', unit: '辆', relation: 'stated', line: 941 })
      expectRow(rows, { subject: '房屋面积', year: '2025', value: '5213.84', unit: '平方米', relation: 'stated', line: 945 })
    })
    it('takes nothing from the 项目支出绩效目标表 appendix (lines 439–936)', () => {
      expect(rows.filter((r) => r.line >= 439 && r.line <= 936)).toEqual([])
    })
  })

  describe('changzhi-2026-budget.txt (markdown extraction, 部门 budget)', () => {
    const rows = changzhi.report.narrative
    it('reads totals printed with thousands separators and derives 2025 from "比上年减少5870.47万元"', () => {
      expectRow(rows, { subject: '收入总计', year: '2026', value: '247362400.00', unit: '元', relation: 'stated', line: 575 })
      // 24,736.24 + 5,870.47 = 30,606.71万元.
      expectRow(rows, { subject: '收入总计', year: '2025', value: '306067100.00', unit: '元', relation: 'derived', line: 575 })
      expectRow(rows, { subject: '支出总计增长率', year: '2026', value: '-19.18', unit: '%', relation: 'stated', line: 575 })
      expectRow(rows, { subject: '一般公共预算当年支出', year: '2025', value: '224474300.00', unit: '元', relation: 'derived', line: 598 })
    })
    it('keeps the 财政拨款 breakdown (B04) apart from the 一般公共预算当年 breakdown (B05)', () => {
      expectRow(rows, { subject: '财政拨款：社会保障和就业支出', year: '2026', value: '190479600.00', unit: '元', relation: 'stated', line: 591 })
      expectRow(rows, { subject: '社会保障和就业支出', year: '2026', value: '186106500.00', unit: '元', relation: 'stated', line: 602 })
      expectRow(rows, { subject: '一般公共预算基本支出', year: '2026', value: '86723500.00', unit: '元', relation: 'stated', line: 608 })
    })
    it('reads 三公经费 and each category with their 2025 figures, skipping the reasons’ asides', () => {
      expectRow(rows, { subject: '三公经费', year: '2026', value: '163200.00', unit: '元', relation: 'stated', line: 619 })
      expectRow(rows, { subject: '三公经费', year: '2025', value: '208800.00', unit: '元', relation: 'derived', line: 619 })
      expectRow(rows, { subject: '公务接待费', year: '2025', value: '33000.00', unit: '元', relation: 'derived', line: 621 })
      expectRow(rows, { subject: '公务用车运行维护费', year: '2026', value: '137200.00', unit: '元', relation: 'stated', line: 621 })
      expectRow(rows, { subject: '因公出国（境）费', year: '2025', value: '0.00', unit: '元', relation: 'derived', line: 621 })
      // "技师学院公务接待费减少0.5万元" is a reason, not a 公务接待费 of the report.
      expect(rows.filter((r) => r.subject === '公务接待费' && r.line === 621).map((r) => r.value).sort()).toEqual(['26000.00', '33000.00'])
    })
    it('reads 机关运行经费 425.27万元 from the prose, with 2025 = 425.27 + 35.91', () => {
      expectRow(rows, { subject: '机关运行经费', year: '2026', value: '4252700.00', unit: '元', relation: 'stated', line: 629 })
      expectRow(rows, { subject: '机关运行经费', year: '2025', value: '4611800.00', unit: '元', relation: 'derived', line: 629 })
    })
    it('tells the two 其中-lists of the 绩效 paragraph apart (43 vs 41 其他运转类项目 as printed)', () => {
      expectRow(rows, { subject: '纳入绩效目标管理二级项目：其他运转类项目数', year: '2026', value: '43', unit: '个', relation: 'stated', line: 643 })
      expectRow(rows, { subject: '公开项目绩效目标：其他运转类项目数', year: '2026', value: '41', unit: '个', relation: 'stated', line: 643 })
    })
    it('reads vehicles and floor area as of 2025-12-31, and no equipment threshold as a figure', () => {
      expectRow(rows, { subject: '公务用车编制数', year: '2025', value: '10', unit: '辆', relation: 'stated', line: 2580 })
      expectRow(rows, { subject: '车辆数', year: '2025', value: '11', unit: '辆', relation: 'stated', line: 2580 })
      expectRow(rows, { subject: '房屋面积', year: '2025', value: '21057', unit: '平方米', relation: 'stated', line: 2584 })
      expectRow(rows, { subject: '价值50万元以上通用设备', year: '2025', value: '28', unit: '台（套）', relation: 'stated', line: 2588 })
      expect(rows.some((r) => r.value === '500000.00' || r.value === '1000000.00')).toBe(false)
    })
  })

  describe('jincheng-2022-final.txt (tab extraction, 单位 决算 in 元, 三公 detail in 元)', () => {
    const rows = jc2022.report.narrative
    it('reads the execution rate against the 年初预算 and both of its figures', () => {
      expectRow(rows, { subject: '财政拨款支出年初预算', year: '2022', value: '52299300.00', unit: '元', relation: 'stated', line: 548 })
      expectRow(rows, { subject: '财政拨款支出', year: '2022', value: '62281177.64', unit: '元', relation: 'stated', line: 548 })
      expectRow(rows, { subject: '财政拨款支出完成年初预算', year: '2022', value: '119.09', unit: '%', relation: 'stated', line: 548 })
    })
    it('reads per-类 execution printed in 万元 inside a report printed in 元', () => {
      expectRow(rows, { subject: '社会保障和就业支出年初预算', year: '2022', value: '51461400.00', unit: '元', relation: 'stated', line: 550 })
      expectRow(rows, { subject: '社会保障和就业支出完成年初预算', year: '2022', value: '119.54', unit: '%', relation: 'stated', line: 550 })
      // "较2021年决算减少1499.01万元" compares the 决算 6151.87万元: 2021 = 7650.88万元.
      expectRow(rows, { subject: '社会保障和就业支出', year: '2021', value: '76508800.00', unit: '元', relation: 'derived', line: 550 })
    })
    it('derives 2021 totals from a change that names its subject in the next sentence', () => {
      // 62,373,182.64 + 56,533,273.95
      expectRow(rows, { subject: '收入总计', year: '2021', value: '118906456.59', unit: '元', relation: 'derived', line: 492 })
      expectRow(rows, { subject: '财政拨款支出总计', year: '2021', value: '118657251.59', unit: '元', relation: 'derived', line: 526 })
    })
    it('reads 三公 budget, actual, rate and the 2021 figures', () => {
      expectRow(rows, { subject: '三公经费预算', year: '2022', value: '71000.00', unit: '元', relation: 'stated', line: 572 })
      expectRow(rows, { subject: '三公经费', year: '2022', value: '20288.20', unit: '元', relation: 'stated', line: 572 })
      expectRow(rows, { subject: '三公经费完成全年预算', year: '2022', value: '28.57', unit: '%', relation: 'stated', line: 572 })
      expectRow(rows, { subject: '三公经费', year: '2021', value: '27856.79', unit: '元', relation: 'derived', line: 572 })
      expectRow(rows, { subject: '公务接待费', year: '2021', value: '11620.00', unit: '元', relation: 'derived', line: 580 })
      expectRow(rows, { subject: '公务接待人次', year: '2022', value: '62', unit: '人次', relation: 'stated', line: 590 })
    })
    it('reads 机关运行经费, 政府采购 and vehicles', () => {
      expectRow(rows, { subject: '机关运行经费', year: '2022', value: '1050304.34', unit: '元', relation: 'stated', line: 596 })
      expectRow(rows, { subject: '机关运行经费', year: '2021', value: '836557.38', unit: '元', relation: 'derived', line: 596 })
      expectRow(rows, { subject: '政府采购货物', year: '2022', value: '67980.00', unit: '元', relation: 'stated', line: 600 })
      expectRow(rows, { subject: '车辆数', year: '2022', value: '7', unit: '辆', relation: 'stated', line: 604 })
      expectRow(rows, { subject: '整体支出执行率', year: '2022', value: '72.49', unit: '%', relation: 'stated', line: 642 })
    })
    it('takes nothing from the free-text project write-ups (lines 622–636) or the appendix after 名词解释', () => {
      expect(rows.filter((r) => (r.line >= 622 && r.line <= 636) || r.line > 650)).toEqual([])
    })
  })

  describe('jincheng-2024-budget.txt (pdftotext extraction, wrapped lines, watermarks)', () => {
    const rows = jc2024.report.narrative
    it('reads the staffing statement of 2023-12-31 and the 2022 counts from "较上年…"', () => {
      expectRow(rows, { subject: '编制人数', year: '2023', value: '734', unit: '人', relation: 'stated', line: 80 })
      expectRow(rows, { subject: '编制人数', year: '2022', value: '734', unit: '人', relation: 'derived', line: 80 })
      expectRow(rows, { subject: '实有人数', year: '2023', value: '671', unit: '人', relation: 'stated', line: 80 })
      expectRow(rows, { subject: '实有人数', year: '2022', value: '682', unit: '人', relation: 'derived', line: 80 })
    })
    it('places each figure of a wrapped sentence on the line where it stands', () => {
      expectRow(rows, { subject: '收入总计', year: '2024', value: '422987200.00', unit: '元', relation: 'stated', line: 1293 })
      expectRow(rows, { subject: '本年收入', year: '2024', value: '398808100.00', unit: '元', relation: 'stated', line: 1295 })
      // "比上年减少8228.64万元" stands on line 1295: 42,298.72 + 8,228.64 = 50,527.36万元 (2023).
      expectRow(rows, { subject: '收入总计', year: '2023', value: '505273600.00', unit: '元', relation: 'derived', line: 1295 })
      expectRow(rows, { subject: '收入总计增长率', year: '2024', value: '-16.29', unit: '%', relation: 'stated', line: 1297 })
      expectRow(rows, { subject: '一般公共预算当年支出', year: '2023', value: '457692100.00', unit: '元', relation: 'derived', line: 1342 })
    })
    it('reads 三公 whose unit is wrapped ("5.49万" / "元比2023年减少 7.10万元")', () => {
      expectRow(rows, { subject: '三公经费', year: '2024', value: '54900.00', unit: '元', relation: 'stated', line: 1376 })
      expectRow(rows, { subject: '三公经费', year: '2023', value: '125900.00', unit: '元', relation: 'derived', line: 1378 })
      expectRow(rows, { subject: '公务接待费', year: '2024', value: '15900.00', unit: '元', relation: 'stated', line: 1382 })
      expectRow(rows, { subject: '公务用车运行维护费', year: '2023', value: '90000.00', unit: '元', relation: 'derived', line: 1385 })
    })
    it('reads 机关运行经费, 政府采购 and the assets', () => {
      expectRow(rows, { subject: '机关运行经费', year: '2024', value: '2780300.00', unit: '元', relation: 'stated', line: 1393 })
      expectRow(rows, { subject: '政府采购', year: '2024', value: '9873300.00', unit: '元', relation: 'stated', line: 1399 })
      expectRow(rows, { subject: '车辆数', year: '2023', value: '2', unit: '辆', relation: 'stated', line: 14688 })
      expectRow(rows, { subject: '房屋面积', year: '2023', value: '1037', unit: '平方米', relation: 'stated', line: 14696 })
    })
    it('takes no row from the forwarded provincial notice and its catalogue (lines 14733–21096)', () => {
      expect(jc2024.lines[14733 - 1]).toContain('晋城市财政局关于转发')
      expect(jc2024.lines[21097 - 1]).toContain('名词解释')
      expect(rows.filter((r) => r.line >= 14733 && r.line < 21097)).toEqual([])
      expect(rows.filter((r) => r.line >= 1429 && r.line < 14682)).toEqual([])
    })
  })

  describe('every row of every report', () => {
    for (const [name, { lines, report }] of Object.entries(ALL)) {
      it(`${name}: quotes hold a printed figure that gives the value, on the cited line`, () => {
        expect(report.narrative.length).toBe({ changzhi: 107, gaoping: 83, jc2022: 164, jc2024: 108 }[name])
        for (const row of report.narrative) {
          expect(row.quote.length, row.quote).toBeLessThanOrEqual(200)
          expect(row.quote).not.toMatch(/^\s|\s$|仅供|内部审核/)
          const figures = figuresIn(row.quote)
          const cited = squeeze(lines[row.line - 1] ?? '')
          if (/无[“"]?三公|无机关运行经费/.test(row.quote) && row.value === '0.00') {
            expect(cited).toMatch(/无/)
            continue
          }
          const abs = row.value.replace(/^-/, '')
          if (row.relation === 'stated' || row.value === figures.find((f) => f.values.includes(abs))?.values[0]) {
            const printed = figures.filter((f) => f.values.includes(abs))
            expect(printed.length, `${row.subject} ${row.value} in "${row.quote}"`).toBeGreaterThan(0)
            if (row.relation === 'stated') {
              // The figure stands on the cited line (its first digits, when pdftotext wrapped it).
              expect(printed.some((f) => cited.includes(f.raw) || cited.endsWith(f.raw.slice(0, 3))), `${row.subject} line ${row.line}`).toBe(true)
            }
          } else {
            // A derived figure is a stated figure of the quote plus or minus a change printed on the cited line.
            const ok = figures.some((a) => figures.some((b) => {
              const x = BigInt(a.values[0]!.replace('.', '')) * 1n
              const y = BigInt(b.values[0]!.replace('.', ''))
              const v = BigInt(row.value.replace('.', ''))
              return a.values[0]!.split('.')[1]?.length === row.value.split('.')[1]?.length && (x + y === v || x - y === v) && cited.includes(b.raw.slice(0, 3))
            }))
            expect(ok, `${row.subject} ${row.year} ${row.value} from "${row.quote}"`).toBe(true)
          }
        }
      })
    }
  })
})

describe('subject_key: the vocabulary key the parser gives a prose figure (issue #10)', () => {
  const keyOf = (rows: readonly NarrativeRow[], subject: string, unit: string) =>
    [...new Set(rows.filter((r) => r.subject === subject && r.unit === unit).map((r) => r.subject_key))]
  const rows = jc2022.report.narrative

  it('gives a 三公 amount its category, 三公经费 the category 合计 (晋城 2022 lines 570–580)', () => {
    expect(keyOf(rows, '三公经费', '元')).toEqual(['合计'])
    for (const c of ['因公出国（境）费', '公务用车购置费', '公务用车运行维护费', '公务接待费']) expect(keyOf(rows, c, '元')).toEqual([c])
  })

  it('gives no category to a part of a category or to another measure of it: 国内公务接待费, 三公经费预算 in a 决算', () => {
    expect(keyOf(rows, '国内公务接待费', '元')).toEqual([''])
    expect(keyOf(rows, '三公经费预算', '元')).toEqual([''])
    // Counts of a 三公 category are no amounts of it.
    expect(keyOf(rows, '公务接待批次', '批次')).toEqual([''])
  })

  it('gives a rate the budget it divides by: 完成年初预算的119.09%, 完成全年预算的28.57%', () => {
    expect(keyOf(rows, '财政拨款支出完成年初预算', '%')).toEqual(['年初预算'])
    expect(keyOf(rows, '三公经费完成全年预算', '%')).toEqual(['全年预算'])
    expect(keyOf(rows, '三公经费增长率', '%')).toEqual([''])
  })

  it('keys no amount but a 三公 category’s, in any bundled report', () => {
    const keyed = Object.values(ALL).flatMap((d) => d.report.narrative).filter((r) => r.subject_key !== '' && r.unit !== '%')
    expect(keyed.every((r) => r.unit === '元' && /三公|因公出国|公务接待|公务用车/.test(r.subject))).toBe(true)
  })
})
