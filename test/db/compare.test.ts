import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareQuery, runCompare } from '../../src/db/queries/compare'
import { documentRows } from '../../src/db/queries/overview'
import type { Engine } from '../../src/db/types'
import { openEngine } from './engine'

// Expectations read from the reports themselves (data/raw), never from parser output.
const CZ = 'changzhi-2026-budget'
const JC24 = 'jincheng-2024-budget'
const JC22 = 'jincheng-2022-final'
const GP = 'gaoping-2026-budget'

let db: Engine & { close(): void }
let known: string[]
beforeAll(async () => {
  db = await openEngine()
  known = (await documentRows(db)).map((d) => d.doc_id)
})
afterAll(() => db.close())

describe('compareQuery(options, knownDocs)', () => {
  it('pivots with DuckDB PIVOT over the materialised facts, every value an allowlisted literal, only known documents as columns', () => {
    const q = compareQuery({ docs: [CZ, JC24], dimension: 'class3', mode: 'amount' }, [CZ, JC24])
    expect(q.sql).toMatch(/^PIVOT m$/m)
    expect(q.sql).toContain('FROM facts')
    expect(q.sql).toContain(`WHERE dimension = 'class3' AND doc_id IN ('${CZ}', '${JC24}')`)
    expect(q.sql).toContain(`ON doc_id IN ('${CZ}', '${JC24}')`)
    expect(q.params).toEqual([])
  })

  it('refuses a dimension outside the allowlist', () => {
    expect(() => compareQuery({ docs: [CZ], dimension: 'x; DROP TABLE documents' as never, mode: 'amount' }, [CZ])).toThrow(/unknown dimension/)
  })

  it('drops documents that are not loaded, and refuses when none is left', () => {
    const q = compareQuery({ docs: [CZ, "x') --"], dimension: 'class3', mode: 'amount' }, [CZ])
    expect(q.sql).not.toContain("x')")
    expect(q.sql).toContain(`doc_id IN ('${CZ}')`)
    expect(() => compareQuery({ docs: ['nope'], dimension: 'class3', mode: 'amount' }, [CZ])).toThrow(/no documents/)
  })
})

describe('runCompare on the real engine', () => {
  it('compares 长治 2026 with 晋城 2024 by 类 (B03 合计, in 元, with the line of each figure)', async () => {
    const r = await runCompare(db, { docs: [CZ, JC24], dimension: 'class3', mode: 'amount' }, known)
    const ss = r.rows.find((x) => x.dim_key === '208')!
    // changzhi-2026-budget.txt:187 "208 社会保障和就业支出 19290.76 4868.36 14422.39" (万元)
    expect(ss.dim_label).toBe('社会保障和就业支出')
    expect(ss.values[CZ]).toBe(192907600)
    expect(ss.lines[CZ]).toBe(187)
    // jincheng-2024-budget.txt:376 "208 社会保障和就业支出 30028.26 4264.75 25763.51" (万元)
    expect(ss.values[JC24]).toBe(300282600)
    expect(ss.lines[JC24]).toBe(376)
    // jincheng-2024-budget.txt:370 "205 教育支出 10213.58 …"
    expect(r.rows.find((x) => x.dim_key === '205')!.values[JC24]).toBe(102135800)
    // Each document's figures name the table they were read from (its source line says 表3).
    expect(r.tables).toEqual({ [CZ]: 'B03', [JC24]: 'B03' })
  })

  it('names each document’s own table: F03 for a 决算 by 类, B06/F06 by 经济分类, B02/F02 by fund', async () => {
    expect((await runCompare(db, { docs: [JC22, CZ], dimension: 'class3', mode: 'amount' }, known)).tables).toEqual({ [JC22]: 'F03', [CZ]: 'B03' })
    expect((await runCompare(db, { docs: [JC22, CZ], dimension: 'econ1', mode: 'amount' }, known)).tables).toEqual({ [JC22]: 'F06', [CZ]: 'B06' })
    expect((await runCompare(db, { docs: [JC22, CZ], dimension: 'fund', mode: 'amount' }, known)).tables).toEqual({ [JC22]: 'F02', [CZ]: 'B02' })
  })

  it('gives each 类 its share of the document total, the shares adding up to 100', async () => {
    const r = await runCompare(db, { docs: [CZ], dimension: 'class3', mode: 'share' }, known)
    // 19290.76 / 24736.24 (changzhi-2026-budget.txt:181 合计)
    expect(r.rows.find((x) => x.dim_key === '208')!.values[CZ]).toBeCloseTo(77.9858, 3)
    expect(r.rows.reduce((s, x) => s + (x.values[CZ] ?? 0), 0)).toBeCloseTo(100, 6)
  })

  it('gives the change against the first document, empty where the first has no such row', async () => {
    const r = await runCompare(db, { docs: [GP, CZ], dimension: 'class3', mode: 'change' }, known)
    // 19290.76 − 5104.59 (gaoping-2026-budget.txt:144) 万元
    expect(r.rows.find((x) => x.dim_key === '208')!.values[CZ]).toBeCloseTo(141861700, 2)
    expect(r.rows.find((x) => x.dim_key === '208')!.values[GP]).toBe(0)
    // 高平 has no 205 教育支出
    expect(r.rows.find((x) => x.dim_key === '205')!.values[CZ]).toBeNull()
  })

  it('reads the 决算 from F03 本年支出合计, in 元 as printed', async () => {
    const r = await runCompare(db, { docs: [JC22], dimension: 'class3', mode: 'amount' }, known)
    // jincheng-2022-final.txt:242 "208 社会保障和 就业支出 61449664.55 …"
    expect(r.rows.find((x) => x.dim_key === '208')!.values[JC22]).toBe(61449664.55)
  })

  it('splits 基本/项目 from the total row of B03', async () => {
    const r = await runCompare(db, { docs: [CZ], dimension: 'basic_project', mode: 'amount' }, known)
    // changzhi-2026-budget.txt:181 "合计 24736.24 9002.89 15733.34"
    expect(Object.fromEntries(r.rows.map((x) => [x.dim_key, x.values[CZ]]))).toEqual({ 基本支出: 90028900, 项目支出: 157333400 })
  })

  it('lists fund sources from the B02 total row, without its 合计', async () => {
    const r = await runCompare(db, { docs: [CZ], dimension: 'fund', mode: 'amount' }, known)
    const byKey = Object.fromEntries(r.rows.map((x) => [x.dim_key, x.values[CZ]]))
    // changzhi-2026-budget.txt:126 "合计 24065.57 23743.71 … 54.06 267.80 670.66"
    expect(byKey['一般公共预算']).toBe(237437100)
    expect(byKey['上年结转']).toBe(6706600)
    expect(byKey['合计']).toBeUndefined()
  })

  it('rows by 款 use 5-digit codes only', async () => {
    const r = await runCompare(db, { docs: [CZ], dimension: 'class5', mode: 'amount' }, known)
    expect(r.rows.every((x) => x.dim_key.length === 5)).toBe(true)
    // changzhi-2026-budget.txt B03 "20899 其他社会保障和就业支出 6868.55"
    expect(r.rows.find((x) => x.dim_key === '20899')!.values[CZ]).toBe(68685500)
  })
})
