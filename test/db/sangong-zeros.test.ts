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

describe('sangong: a 0 the prose states beside an empty 三公 cell is a figure of that year', () => {
  it('gives 晋城 2022 决算 因公出国（境）费 0 (line 574) and 公务用车购置费 0 (line 576), F07 leaving both cells empty', async () => {
    const points = (await sangongPoints(db)).filter((p) => p.doc_id === 'jincheng-2022-final' && p.year === 2022 && p.amount === 0)
    expect(points.map((p) => [p.figure, p.category, p.line]).sort()).toEqual([['决算', '公务用车购置费', 576], ['决算', '因公出国（境）费', 574]])
  })

  it('gives the 2024 and 2026 预算 0s of 晋城 (lines 1382, 1385) and 长治 (line 621)', async () => {
    const zeros = (await sangongPoints(db)).filter((p) => p.origin === 'table' && p.amount === 0 && p.doc_id !== 'gaoping-2026-budget').map((p) => [p.doc_id, p.year, p.category, p.line])
    expect(zeros.sort()).toEqual([
      ['changzhi-2026-budget', 2026, '公务用车购置费', 621], ['changzhi-2026-budget', 2026, '因公出国（境）费', 621],
      ['jincheng-2022-final', 2022, '公务用车购置费', 576], ['jincheng-2022-final', 2022, '因公出国（境）费', 574],
      ['jincheng-2024-budget', 2024, '公务用车购置费', 1385], ['jincheng-2024-budget', 2024, '因公出国（境）费', 1382],
    ])
  })
})
