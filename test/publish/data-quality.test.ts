import { describe, expect, it } from 'vitest'
import { checkLines, findingText, qualityFindings } from '../../src/publish/data-quality'
import { checks, lineItems, only, rawLine, sangong } from './dataset'

const CZ = 'changzhi-2026-budget'

describe('qualityFindings', () => {
  // B11 部门合计 prints 425.28万元 on line 463; the prose on line 629 says 425.27万元.
  const b11 = lineItems.filter((r) => r.doc_id === CZ && r.table_code === 'B11')
  const total = only(lineItems, { doc_id: CZ, table_code: 'B11', row_label: '部门合计', measure: '合计' })

  it('finds the failing 长治 机关运行经费 check for the B11 figure it involves (lines 463 and 629)', () => {
    expect(rawLine(CZ, 463)).toBe('部门合计\t425.28\t425.28\t\t')
    expect(rawLine(CZ, 629)).toContain('机关运行经费财政拨款预算425.27万元')
    const found = qualityFindings(checks, b11)
    expect(found).toHaveLength(1)
    const f = found[0]!
    expect(f.check).toMatchObject({ doc_id: CZ, status: 'fail', expected: '4252800.00', actual: '4252700.00', diff: '-100.00' })
    expect(f.check.check).toContain('机关运行经费')
    expect(f.lines).toEqual([463, 629])
    // Both rows of line 463 (合计 and 一般公共预算) are the figures it touches.
    expect(f.figures).toHaveLength(2)
    expect(f.figures).toContain(total)
  })

  it('says so in a line for the notice, amounts in the reader’s unit and the difference in 元', () => {
    const [f] = qualityFindings(checks, [total])
    expect(f!.check.unit).toBe('元')
    expect(findingText(f!)).toBe(`数据质量提示：${f!.check.check} 不相符（预期4,252,800.00元，实际4,252,700.00元，差-100.00元；第463、629行）`)
    expect(findingText(f!, 'zh', '万元')).toBe(`数据质量提示：${f!.check.check} 不相符（预期425.28万元，实际425.27万元，差-100.00元；第463、629行）`)
    expect(findingText(f!, 'en', '万元')).toBe(`Data quality: ${f!.check.check} does not hold (expected 425.28 (10k yuan), actual 425.27 (10k yuan), difference -100.00 (yuan); lines 463, 629)`)
    // A check saved before checks.csv had a unit keeps its bare numbers.
    expect(findingText({ ...f!, check: { ...f!.check, unit: '' } }, 'zh', '万元')).toBe(`数据质量提示：${f!.check.check} 不相符（预期4252800.00，实际4252700.00，差-100.00；第463、629行）`)
  })

  it('ignores a figure of another document on the same line number', () => {
    expect(qualityFindings(checks, [{ doc_id: 'jincheng-2024-budget', line: 463 }]).filter((f) => f.lines.includes(463) && f.check.doc_id === CZ)).toEqual([])
  })

  it('reports only failures by default; rounding differences on request', () => {
    // B01 收入总计 = 本年收入合计 + 结转结余 is off by one unit of the last digit (lines 112;113;114).
    const b01 = lineItems.filter((r) => r.doc_id === CZ && r.table_code === 'B01' && [112, 113, 114].includes(r.line))
    expect(b01.length).toBe(9)
    expect(qualityFindings(checks, b01).some((f) => f.check.check.startsWith('B01 收入 预算数：收入总计'))).toBe(false)
    const withRounding = qualityFindings(checks, b01, { statuses: ['fail', 'rounding'] })
    expect(withRounding.find((f) => f.check.check === 'B01 收入 预算数：收入总计 = 本年收入合计 + 结转结余')?.check.status).toBe('rounding')
  })

  it('takes any row with doc_id and line, such as 三公 rows', () => {
    const rows = sangong.filter((r) => r.doc_id === CZ)
    const found = qualityFindings(checks, rows, { statuses: ['fail', 'rounding', 'pass'] })
    expect(found.length).toBe(3)
    for (const f of found) expect(f.figures.every((x) => rows.includes(x as never))).toBe(true)
  })

  it('returns nothing for figures no failing check involves', () => {
    const b03 = lineItems.filter((r) => r.doc_id === CZ && r.table_code === 'B03' && r.class_code === '208')
    // checks.csv: no failing check of 长治 lists line 187.
    expect(checks.filter((c) => c.doc_id === CZ && c.status === 'fail' && checkLines(c).includes(187))).toEqual([])
    expect(b03.length).toBe(3)
    expect(qualityFindings(checks, b03)).toEqual([])
  })
})
