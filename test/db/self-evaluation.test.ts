import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rateNotices, selfEvaluationDisagreements } from '../../src/db/queries/self-evaluation'
import type { Engine } from '../../src/db/types'
import { openEngine } from './engine'

const JC22 = 'jincheng-2022-final'
let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

describe('selfEvaluationDisagreements: a 自评表 against its own analysis sentence', () => {
  it('puts 职业技能提升工程工作经费\'s table (line 909) beside its sentence (line 922), with the failed checks', async () => {
    const all = await selfEvaluationDisagreements(db)
    const d = all.find((x) => x.doc_id === JC22 && x.project_name === '职业技能提升工程工作经费')!
    expect(d.table.map((f) => [f.field, f.value, f.line])).toEqual([
      ['年初预算数/预算编制数', '9000000.00', 909], ['全年预算数', '354570.00', 909], ['全年执行数', '354570.00', 909], ['执行率', '100', 909],
    ])
    expect(d.sentence.map((f) => [f.field, f.value, f.denominator, f.line])).toEqual([
      ['预算数', '9000000.00', '年初预算', 922], ['执行数', '1254500.00', '', 922], ['执行率', '13.9', '年初预算', 922],
    ])
    expect(d.sentenceLine).toBe(922)
    expect(d.quote).toContain('实际执行125.45万元')
    expect(d.checks.map((c) => [c.check, c.lines])).toEqual([
      ['自评 职业技能提升工程工作经费：分析句执行数 = 自评表全年执行数', '909;922'],
      ['自评 职业技能提升工程工作经费：分析句执行率 = 自评表全年执行数 ÷ 年初预算数', '909;922'],
    ])
  })

  it('lists only the projects whose checks fail (职业技能提升工程工作经费, 建国前老工人津贴补贴)', async () => {
    const all = await selfEvaluationDisagreements(db)
    expect(all.map((d) => d.project_name)).toEqual(['建国前老工人津贴补贴', '职业技能提升工程工作经费'])
  })
})

describe('rateNotices: rates over 100% or under 60%, with their denominator', () => {
  it('notes 人才工作专项经费\'s 108% against 年初预算 (line 697) and the 13.9% (line 922), not the tables\' 100', async () => {
    const notices = (await rateNotices(db)).filter((n) => n.doc_id === JC22)
    expect(notices.map((n) => [n.project_name, n.part, n.rate, n.denominator, n.line])).toEqual([
      ['人才工作专项经费', '分析', 108, '年初预算', 697],
      ['社区劳动保障工作人员补助资金', '表', 0, '全年预算', 836],
      ['职业技能提升工程工作经费', '分析', 13.9, '年初预算', 922],
      ['建国前老工人津贴补贴', '表', 0, '全年预算', 1059],
      ['企业退休抗美援朝志愿军老战士生活补贴', '表', 0, '全年预算', 1131],
    ])
  })
})

describe('figuresOnLines: the 自评 figures a source line holds', () => {
  it('lists the analysis sentence\'s figures on jincheng-2022-final.txt:922 and an indicator\'s 得分 on 920', async () => {
    const { figuresOnLines } = await import('../../src/db/queries/source')
    const f922 = await figuresOnLines(db, JC22, 922, 922)
    expect(f922.filter((x) => x.table_name === 'evaluation_fields').map((x) => [x.what, x.value]).sort()).toEqual([
      ['职业技能提升工程工作经费 分析 执行数', '1254500.00 元'], ['职业技能提升工程工作经费 分析 执行率', '13.9%'], ['职业技能提升工程工作经费 分析 预算数', '9000000.00 元'],
    ])
    const f920 = await figuresOnLines(db, JC22, 920, 920)
    expect(f920.filter((x) => x.table_name === 'evaluation_indicators').map((x) => [x.what, x.value])).toEqual([['职业技能提升工程工作经费 技能人员满意度', '6.32']])
  })
})
