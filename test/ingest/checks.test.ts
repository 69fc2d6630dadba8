import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runChecks } from '../../src/ingest/checks'
import { parseReport, type CheckRow, type DocumentRow, type LineItemRow } from '../../src/ingest/index'

const parse = (f: string) => parseReport(readFileSync(`data/raw/${f}`, 'utf8'), { source: f })
const reports = Object.fromEntries(
  ['changzhi-2026-budget.txt', 'gaoping-2026-budget.txt', 'jincheng-2022-final.txt', 'jincheng-2024-budget.txt'].map((f) => [f.replace('.txt', ''), parse(f)]),
)
/** Checks per report (they add up to the 1,279 rows of checks.csv). */
const CHECKS: Record<string, number> = { 'changzhi-2026-budget': 412, 'gaoping-2026-budget': 166, 'jincheng-2022-final': 272, 'jincheng-2024-budget': 429 }
const find = (doc: string, name: RegExp): CheckRow => {
  const hits = reports[doc]!.checks.filter((c) => name.test(c.check))
  expect(hits, `${doc} ${name}`).toHaveLength(1)
  return hits[0]!
}

describe('runChecks on the real reports', () => {
  it('finds 长治 2026’s 机关运行经费: 425.27万元 in the prose (line 629) against 425.28万元 in B11 (line 463) — a real failure', () => {
    const c = find('changzhi-2026-budget', /^文字说明（第629行）机关运行经费 = B11/)
    expect(c).toMatchObject({ expected: '4252800.00', actual: '4252700.00', diff: '-100.00', status: 'fail', lines: '463;629' })
  })

  it('says what every check counts: the tables\' sums in 元, rates in %, a 自评 总分 in 分, counts of projects in 个; only a 等级 check, whose values are words, has no unit', () => {
    expect(find('changzhi-2026-budget', /^文字说明（第629行）机关运行经费 = B11/).unit).toBe('元')
    expect(find('changzhi-2026-budget', /^B01 收入 预算数：收入总计 = 本年收入合计 \+ 结转结余$/).unit).toBe('元')
    const all = Object.values(reports).flatMap((r) => r.checks)
    const byUnit = new Map<string, CheckRow[]>()
    for (const c of all) byUnit.set(c.unit ?? '(none)', [...(byUnit.get(c.unit ?? '(none)') ?? []), c])
    expect([...byUnit.keys()].sort()).toEqual(['', '%', '个', '元', '分'])
    for (const c of byUnit.get('')!) expect(c.check).toMatch(/：等级 = 总分所在档/)
    for (const c of byUnit.get('%')!) expect(c.check).toMatch(/执行率|完成(年初|全年)预算 = /)
    for (const c of byUnit.get('分')!) expect(c.check).toMatch(/：总分 = /)
    for (const c of byUnit.get('个')!) expect(c.check).toMatch(/^文字说明 .*(个数|项目数) = 自评表/)
  })

  it('calls 长治 B01 收入总计 24736.24 = 本年收入合计 24065.57 + 上年结转 670.66 (= 24736.23) rounding, not failure', () => {
    const c = find('changzhi-2026-budget', /^B01 收入 预算数：收入总计 = 本年收入合计 \+ 结转结余$/)
    expect(c).toMatchObject({ expected: '247362400.00', actual: '247362300.00', status: 'rounding', lines: '112;113;114' })
  })

  it('passes 高平 B03 合计 5131.27 = 基本支出 330.77 + 项目支出 4800.50 (line 143)', () => {
    const c = find('gaoping-2026-budget', /^B03 合计（第143行）：合计 = 基本支出 \+ 项目支出$/)
    expect(c).toMatchObject({ expected: '51312700.00', actual: '51312700.00', status: 'pass', lines: '143' })
  })

  it('passes 晋城 2022 F01 总计 62373182.64 on both sides', () => {
    const c = find('jincheng-2022-final', /^F01 收入总计 = 支出总计$/)
    expect(c).toMatchObject({ expected: '62373182.64', actual: '62373182.64', status: 'pass' })
  })

  it('passes 晋城 2022 三公 决算 合计 20288.20 = 公务用车 11585.20 + 公务接待 8703.00 (F07, line 414)', () => {
    const c = find('jincheng-2022-final', /^三公决算：合计 = /)
    expect(c).toMatchObject({ expected: '20288.20', actual: '20288.20', status: 'pass', lines: '414' })
  })

  it('recomputes 晋城 2022 完成年初预算的119.09% from the sentence’s own figures (line 548)', () => {
    const c = find('jincheng-2022-final', /^文字说明 财政拨款支出完成年初预算 = /)
    expect(c).toMatchObject({ expected: '119.09', actual: '119.09', status: 'pass', lines: '548' })
  })

  it('finds 晋城 2022 社会保障和就业支出 stated as 6151.87万元 (line 550) where F05 prints 61443664.55元 — a failure, not rounding', () => {
    const c = find('jincheng-2022-final', /^文字说明（第550行）社会保障和就业支出 = F05 208 .*小计$/)
    expect(c.status).toBe('fail')
    expect(c.actual).toBe('61518700.00')
  })

  it('accepts the prose in 万元 against a table in 元 within the prose’s last digit (卫生健康支出 34.54万元 vs 345419.33元)', () => {
    const c = find('jincheng-2022-final', /^文字说明（第550行）卫生健康支出 = F05 210/)
    expect(c).toMatchObject({ expected: '345419.33', actual: '345400.00', status: 'rounding' })
  })

  it('finds the 13 自评表’ 年初预算 summing to 46,152,600元 where the prose says 涉及资金45802600元', () => {
    const c = find('jincheng-2022-final', /^文字说明 部门预算二级项目绩效自评金额 = 自评表年初预算数之和$/)
    expect(c).toMatchObject({ expected: '45802600.00', actual: '46152600.00', status: 'fail' })
  })

  it('gives every check a known status and lines inside its report', () => {
    for (const [doc, r] of Object.entries(reports)) {
      const lineCount = readFileSync(`data/raw/${doc}.txt`, 'utf8').split('\n').length
      expect(r.checks.length, doc).toBe(CHECKS[doc])
      for (const c of r.checks) {
        expect(['pass', 'rounding', 'fail']).toContain(c.status)
        for (const l of c.lines.split(';')) expect(Number(l) >= 1 && Number(l) <= lineCount, `${doc} ${c.check}`).toBe(true)
      }
    }
  })
})

describe('runChecks status rules', () => {
  const doc: DocumentRow = { doc_id: 'd', city: '', county_of: '', publisher: '', scope: '部门', year: '2026', stage: '预算', unit: '万元', source: 'd.txt', title: '' }
  const item = (measure: string, raw: string, line = 10): LineItemRow => ({
    doc_id: 'd', table_code: 'B03', side: '', row_label: '合计', class_code: '', econ_code: '', unit_name: '', project_name: '',
    measure, value: (Number(raw) * 10000).toFixed(2), unit: '元', raw, line, row_kind: '合计',
  })
  const cases: Array<[string, string, string, string, string]> = [
    // name, 合计, 基本支出, 项目支出, expected status
    ['adds up exactly', '100.00', '60.00', '40.00', 'pass'],
    ['off by one unit of the last printed digit', '100.00', '60.00', '39.99', 'rounding'],
    ['off by two units', '100.00', '60.00', '39.98', 'fail'],
  ]
  for (const [name, total, basic, project, expected] of cases) {
    it(`合计 = 基本支出 + 项目支出 ${name} → ${expected}`, () => {
      const checks = runChecks({ document: doc, lineItems: [item('合计', total), item('基本支出', basic), item('项目支出', project)], sangong: [], narrative: [] })
      expect(checks.map((c) => c.status)).toEqual([expected])
    })
  }
})
