import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { gradeOf } from '../../src/ingest/checks-evaluations'
import { parseReport, type CheckRow } from '../../src/ingest/index'

const TEXT = readFileSync('data/raw/jincheng-2022-final.txt', 'utf8')
const report = parseReport(TEXT, { source: 'jincheng-2022-final.txt' })
const selfChecks = report.checks.filter((c) => c.check.startsWith('自评 '))
const find = (name: string, checks: readonly CheckRow[] = selfChecks): CheckRow => {
  const hits = checks.filter((c) => c.check === name)
  expect(hits, name).toHaveLength(1)
  return hits[0]!
}

/** The text with one source line replaced (1-based), to show a check failing on a changed figure. */
function withLine(no: number, from: string, to: string): string {
  const lines = TEXT.split('\n')
  expect(lines[no - 1]).toContain(from)
  lines[no - 1] = lines[no - 1]!.replace(from, to)
  return lines.join('\n')
}

describe('自评 checks — the analysis sentence against its table (jincheng-2022-final.txt)', () => {
  it('fails 职业技能提升工程工作经费: the sentence (line 922) says 实际执行125.45万元, the table (line 909) 35.457万元', () => {
    expect(find('自评 职业技能提升工程工作经费：分析句执行数 = 自评表全年执行数')).toEqual({
      doc_id: 'jincheng-2022-final', check: '自评 职业技能提升工程工作经费：分析句执行数 = 自评表全年执行数',
      expected: '354570.00', actual: '1254500.00', diff: '899930.00', status: 'fail', lines: '909;922', unit: '元',
      // Checks are numbered in the order they run (src/ingest/provenance.ts).
      row_id: expect.stringMatching(/^jincheng-2022-final:C\d+$/),
    })
  })

  it('fails its 13.9% too: the table\'s 35.457 ÷ 年初预算 900 is 3.9%, though the sentence agrees with itself (125.45 ÷ 900)', () => {
    expect(find('自评 职业技能提升工程工作经费：分析句执行率 = 自评表全年执行数 ÷ 年初预算数')).toMatchObject({ expected: '3.9', actual: '13.9', status: 'fail', lines: '909;922', unit: '%' })
    expect(find('自评 职业技能提升工程工作经费：分析句执行率 = 分析句执行数 ÷ 分析句预算数')).toMatchObject({ expected: '13.9', actual: '13.9', status: 'pass', lines: '922' })
  })

  it('passes 人才工作专项经费\'s 108% as 全年执行数 97.2 ÷ 年初预算 90, naming the denominator', () => {
    expect(find('自评 人才工作专项经费：分析句执行率 = 自评表全年执行数 ÷ 年初预算数')).toMatchObject({ expected: '108', actual: '108', status: 'pass', lines: '685;697' })
    expect(find('自评 人才工作专项经费：分析句预算数 = 自评表年初预算数')).toMatchObject({ expected: '900000.00', actual: '900000.00', status: 'pass' })
  })

  it('calls 人事人才及社保专项\'s 102.43万元 and 85.35% rounding against 102.432万元 and 102.432 ÷ 120 = 85.36%', () => {
    expect(find('自评 人事人才及社保专项：分析句执行数 = 自评表全年执行数')).toMatchObject({ expected: '1024320.00', actual: '1024300.00', status: 'rounding', lines: '761;776' })
    expect(find('自评 人事人才及社保专项：分析句执行率 = 自评表全年执行数 ÷ 年初预算数')).toMatchObject({ expected: '85.36', actual: '85.35', status: 'rounding' })
  })

  it('fails 建国前老工人津贴补贴\'s 95% (line 1071): no budget of the table gives it, and the table says 0', () => {
    expect(find('自评 建国前老工人津贴补贴：分析句执行率 = 自评表执行率')).toMatchObject({ expected: '0', actual: '95', status: 'fail', lines: '1059;1071' })
  })

  it('fails exactly these two projects\' sentences, nothing else', () => {
    const failed = selfChecks.filter((c) => c.status === 'fail').map((c) => c.check)
    expect(failed).toEqual([
      '自评 职业技能提升工程工作经费：分析句执行数 = 自评表全年执行数',
      '自评 职业技能提升工程工作经费：分析句执行率 = 自评表全年执行数 ÷ 年初预算数',
      '自评 建国前老工人津贴补贴：分析句执行率 = 自评表执行率',
    ])
  })
})

describe('自评 checks — 总分 and 等级', () => {
  const projects = report.evaluations.filter((e) => e.project_name !== '整体支出').map((e) => e.project_name)

  it('passes 总分 = Σ 指标得分 + 资金得分 for all 13 tables, naming every line summed', () => {
    for (const p of projects) expect(find(`自评 ${p}：总分 = 各指标得分 + 资金执行得分`).status, p).toBe('pass')
    expect(find('自评 职业技能提升工程工作经费：总分 = 各指标得分 + 资金执行得分')).toMatchObject({
      expected: '66.32', actual: '66.32', lines: '909;914;915;916;917;918;919;920;921',
    })
  })

  it('passes every 等级 against the band of its 总分 (66.32 中, 85 良, 90 优)', () => {
    for (const p of projects) expect(find(`自评 ${p}：等级 = 总分所在档（优≥90，良≥80，中≥60，差<60）`).status, p).toBe('pass')
    expect([gradeOf('100'), gradeOf('90'), gradeOf('89.99'), gradeOf('80'), gradeOf('66.32'), gradeOf('59.9')]).toEqual(['优', '优', '良', '良', '中', '差'])
  })

  it('fails a 总分 that is not the sum, and a 等级 outside its band (line 921 changed)', () => {
    const sumChanged = parseReport(withLine(921, '66.32', '76.32'), { source: 'jincheng-2022-final.txt' })
    expect(find('自评 职业技能提升工程工作经费：总分 = 各指标得分 + 资金执行得分', sumChanged.checks)).toMatchObject({ expected: '76.32', actual: '66.32', status: 'fail' })
    const gradeChanged = parseReport(withLine(921, '中', '优'), { source: 'jincheng-2022-final.txt' })
    expect(find('自评 职业技能提升工程工作经费：等级 = 总分所在档（优≥90，良≥80，中≥60，差<60）', gradeChanged.checks)).toMatchObject({ expected: '中', actual: '优', status: 'fail', lines: '921' })
  })
})
