import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sangongPoints } from '../../src/db/queries/sangong'
import type { Engine } from '../../src/db/types'
import { openEngine } from './engine'

let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

describe('sangongPoints: a prior-year 0 stated in the prose stays in the 三公 trend', () => {
  it('draws 晋城 2021 因公出国（境）费 and 公务用车购置费 决算 0 ("支出0.00元，完成全年预算的0.00%，与上年相同", lines 574, 576)', async () => {
    const points = (await sangongPoints(db)).filter((p) => p.doc_id === 'jincheng-2022-final' && p.origin === 'derived' && p.year === 2021)
    expect(points.filter((p) => p.amount === 0).sort((a, b) => a.line - b.line).map((p) => [p.category, p.figure, p.line])).toEqual([
      ['因公出国（境）费', '决算', 574],
      ['公务用车购置费', '决算', 576],
    ])
  })

  it('draws 晋城 2023 and 长治 2025 预算 0s from "因公出国（境）费0万元，与上年预算数相同"', async () => {
    const zeros = (await sangongPoints(db)).filter((p) => p.origin === 'derived' && p.amount === 0).map((p) => [p.doc_id, p.year, p.category])
    expect(zeros).toEqual(expect.arrayContaining([
      ['jincheng-2024-budget', 2023, '因公出国（境）费'], ['jincheng-2024-budget', 2023, '公务用车购置费'],
      ['changzhi-2026-budget', 2025, '因公出国（境）费'], ['changzhi-2026-budget', 2025, '公务用车购置费'],
    ]))
  })
})
