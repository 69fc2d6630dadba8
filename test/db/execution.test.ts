import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluationRows, sangongExecution, statedRates } from '../../src/db/queries/execution'
import { sangongPoints } from '../../src/db/queries/sangong'
import type { Engine } from '../../src/db/types'
import { openEngine } from './engine'

const JC22 = 'jincheng-2022-final'
let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

describe('sangongExecution: F07 预算数 against 决算数', () => {
  it('gives 晋城 2022 三公 合计 20288.20 / 71000.00 = 28.57% (jincheng-2022-final.txt:414)', async () => {
    const rows = await sangongExecution(db)
    const total = rows.find((r) => r.doc_id === JC22 && r.category === '合计')!
    expect(total).toMatchObject({ budget: 71000, actual: 20288.2, rate_pct: 28.57, budget_line: 414, actual_line: 414 })
  })

  it('pairs only figures of one document (no 决算 of one year against a 预算 of another)', async () => {
    const rows = await sangongExecution(db)
    expect(rows.length).toBe(4)
    expect(new Set(rows.map((r) => r.doc_id))).toEqual(new Set([JC22]))
  })
})

describe('statedRates: execution stated in the narrative, with its denominator', () => {
  it('reads 财政拨款支出 年初预算 52,299,300 and 决算 62,281,177.64 at 119.09% (jincheng-2022-final.txt:548)', async () => {
    const r = (await statedRates(db)).find((x) => x.doc_id === JC22 && x.subject === '财政拨款支出')!
    expect(r).toMatchObject({ denominator: '年初预算', rate_pct: 119.09, budget: 52299300, actual: 62281177.64, line: 548 })
  })

  it('reads per 类: 社会保障和就业支出 年初预算 5146.14万元, 决算 6151.87万元, 119.54% (line 550)', async () => {
    const r = (await statedRates(db)).find((x) => x.doc_id === JC22 && x.subject === '社会保障和就业支出')!
    expect(r).toMatchObject({ denominator: '年初预算', rate_pct: 119.54, budget: 51461400, actual: 61518700, line: 550 })
  })

  it('names 全年预算 as the denominator of the 三公 rate (line 572)', async () => {
    const r = (await statedRates(db)).find((x) => x.doc_id === JC22 && x.subject === '三公经费')!
    expect(r).toMatchObject({ denominator: '全年预算', rate_pct: 28.57, budget: 71000, actual: 20288.2 })
  })
})

describe('evaluationRows: 项目支出绩效自评表', () => {
  it('reads 人才工作专项经费: 年初 90, 全年 97.2, 执行 97.2 万元 (jincheng-2022-final.txt:685)', async () => {
    const r = (await evaluationRows(db)).find((x) => x.project_name === '人才工作专项经费')!
    expect(r).toMatchObject({ initial: 900000, budget: 972000, executed: 972000, rate_pct: 100, rate_vs_budget: 100, rate_vs_initial: 108, line: 685, score: 100, score_line: 696 })
  })

  it('holds the 13 project self-evaluations of the 2022 决算 (titles at lines 677–1123)', async () => {
    const rows = (await evaluationRows(db)).filter((x) => x.doc_id === JC22 && x.project_name !== '整体支出')
    expect(rows).toHaveLength(13)
  })
})

describe('sangongPoints', () => {
  it('draws the 2021 三公 决算 derived from "比上年度减少7,568.59元" as a derived point: 27,856.79元', async () => {
    const p = (await sangongPoints(db)).find((x) => x.doc_id === JC22 && x.origin === 'derived' && x.category === '合计')!
    expect(p).toMatchObject({ year: 2021, figure: '决算', amount: 27856.79, line: 572 })
    expect(p.quote).toContain('7,568.59')
  })

  it('has the 长治 2026 B10 合计 16.32万元 as a 预算 table point (changzhi-2026-budget.txt:453)', async () => {
    const p = (await sangongPoints(db)).find((x) => x.doc_id === 'changzhi-2026-budget' && x.category === '合计' && x.origin === 'table')!
    expect(p).toMatchObject({ year: 2026, figure: '预算', amount: 163200, line: 453 })
  })
})
