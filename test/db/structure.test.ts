import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildClassTree, findNode } from '../../src/charts/structure'
import { classRows, splitRows } from '../../src/db/queries/structure'
import type { Engine } from '../../src/db/types'
import { openEngine } from './engine'

const CZ = 'changzhi-2026-budget'
let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

describe('classRows: a document’s 功能分类 rows', () => {
  it('levels rows by code length and keeps 合计/基本支出/项目支出 apart', async () => {
    const rows = await classRows(db, CZ)
    const r = rows.filter((x) => x.class_code === '2080101')
    // changzhi-2026-budget.txt B03 "2080101 行政运行 2242.52 2242.52" (基本 only: no 项目 cell)
    expect(r.map((x) => [x.level, x.part, x.amount])).toEqual([['项', '合计', 22425200], ['项', '基本支出', 22425200]])
  })

  it('drills 208 → its 款, whose 合计 add up to the 类 (19290.76万元)', async () => {
    const tree = buildClassTree(await classRows(db, CZ), '合计')
    const ss = findNode(tree, '208')
    expect(ss.value).toBe(192907600)
    expect(ss.children.map((c) => c.code)).toEqual(['20801', '20805', '20807', '20828', '20899'])
    expect(ss.children.reduce((s, c) => s + c.value, 0)).toBeCloseTo(192907600, 2)
    expect(findNode(tree, '20801').children).toHaveLength(10)
  })
})

describe('splitRows', () => {
  it('gives 基本/项目 from B03 and 人员/公用 from B06 (changzhi-2026-budget.txt:181, :334)', async () => {
    const rows = await splitRows(db, CZ)
    const get = (part: string) => rows.find((r) => r.part === part)
    expect(get('基本支出')).toMatchObject({ amount: 90028900, line: 181 })
    expect(get('项目支出')).toMatchObject({ amount: 157333400, line: 181 })
    // "合计 8672.35 7897.01 775.34"
    expect(get('人员经费')).toMatchObject({ amount: 78970100, line: 334, origin: 'B06' })
    expect(get('公用经费')).toMatchObject({ amount: 7753400, line: 334 })
  })

  it('takes a 决算’s 人员/公用 from its narrative, which has no B06 (jincheng-2022-final.txt:556, :558)', async () => {
    const rows = await splitRows(db, 'jincheng-2022-final')
    expect(rows.filter((r) => r.split === '人员/公用').map((r) => r.part)).toEqual(['人员经费', '公用经费'].sort())
    expect(rows.find((r) => r.part === '人员经费')).toMatchObject({ amount: 7663859.6, origin: 'narrative' })
    expect(rows.find((r) => r.part === '公用经费')).toMatchObject({ amount: 1050304.34, origin: 'narrative' })
  })
})
