import { describe, expect, it } from 'vitest'
import { denominatorOf, pctOf } from '../../src/ingest/evaluation-analysis'
import type { EvaluationRow } from '../../src/ingest/types'

/** A 自评表's amounts (元) as evaluations.ts reads them; only what denominatorOf looks at matters. */
const table = (initial: string, budget: string, executed: string): EvaluationRow => ({
  doc_id: 'x', unit_name: '', project_name: 'p', initial_yuan: initial, budget_yuan: budget, executed_yuan: executed,
  rate_pct: '', score: '', grade: '', line: 1, score_line: '', grade_line: '',
})

describe('denominatorOf(table, rate, budget, executed): which budget a sentence\'s 执行率 divides by', () => {
  const cases: Array<{ name: string; row: EvaluationRow; rate: string; budget: { value: string; tol: string } | null; executed: string | null; want: string }> = [
    // 人才工作专项经费 (jincheng-2022 line 697): "预算下达90万元，实际执行97.2万元，预算执行率为108%" beside 全年预算 97.2.
    { name: 'the budget the sentence names equals the 年初预算', row: table('900000.00', '972000.00', '972000.00'), rate: '108', budget: { value: '900000.00', tol: '100000.00' }, executed: '972000.00', want: '年初预算' },
    { name: 'the budget the sentence names equals the 全年预算 only', row: table('900000.00', '972000.00', '972000.00'), rate: '100', budget: { value: '972000.00', tol: '1000.00' }, executed: null, want: '全年预算' },
    { name: 'equal to neither: no denominator', row: table('900000.00', '972000.00', '972000.00'), rate: '100', budget: { value: '500000.00', tol: '100000.00' }, executed: null, want: '' },
    // 创业就业专项 (line 1034): "预算执行率86%" without a labelled amount; 2,125.867 ÷ 2,480 = 85.72 → 86.
    { name: 'no amount: the budget whose quotient gives the rate', row: table('24800000.00', '21258670.00', '21258670.00'), rate: '86', budget: null, executed: null, want: '年初预算' },
    // 建国前老工人津贴补贴 (line 1071): "预算执行率为95%" with 0 executed and a 全年预算 of 0.
    { name: 'no budget gives the rate (and 0 ÷ 0 is none)', row: table('410000.00', '0.00', '0.00'), rate: '95', budget: null, executed: null, want: '' },
  ]
  for (const c of cases) it(c.name, () => expect(denominatorOf(c.row, c.rate, c.budget, c.executed)).toBe(c.want))
})

describe('pctOf(a, b, scale)', () => {
  it('divides exactly, to the decimals the report printed', () => {
    expect(pctOf('972000.00', '900000.00', 0)).toBe('108')
    expect(pctOf('1024320.00', '1200000.00', 2)).toBe('85.36')
    expect(pctOf('354570.00', '9000000.00', 1)).toBe('3.9')
  })
  it('gives no rate against a zero budget', () => expect(pctOf('0.00', '0.00', 0)).toBeNull())
})
