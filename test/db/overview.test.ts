import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkCounts, checkRows } from '../../src/db/queries/checks'
import { coverage, documentRows, headlines } from '../../src/db/queries/overview'
import { projectIndicators, projectRows, projectsQuery } from '../../src/db/queries/projects'
import { figuresOnLines } from '../../src/db/queries/source'
import type { Engine } from '../../src/db/types'
import { openEngine } from './engine'

let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

describe('documentRows', () => {
  it('lists the four reports with scope, stage and 高平 as a 县级市 of 晋城', async () => {
    const docs = await documentRows(db)
    expect(docs.map((d) => d.label).sort()).toEqual(['晋城 2022 决算', '晋城 2024 预算', '长治 2026 预算', '高平 2026 预算'].sort())
    const gp = docs.find((d) => d.city === '高平')!
    expect(gp).toMatchObject({ county_of: '晋城', is_county: true, scope: '单位', year: 2026 })
    expect(docs.find((d) => d.doc_id === 'jincheng-2022-final')).toMatchObject({ scope: '单位', stage: '决算', unit: '元' })
  })
})

describe('coverage', () => {
  it('marks 晋城 2021 决算 as known only from figures derived from the 2022 prose', async () => {
    const cells = await coverage(db)
    expect(cells.find((c) => c.city === '晋城' && c.year === 2021)).toMatchObject({ origin: 'derived', doc_id: 'jincheng-2022-final' })
    expect(cells.filter((c) => c.origin === 'document')).toHaveLength(4)
  })
})

describe('headlines', () => {
  it('gives exact totals as decimal text: 长治 2026 支出合计 247362400.00 (changzhi-2026-budget.txt:181)', async () => {
    const h = (await headlines(db)).filter((x) => x.doc_id === 'changzhi-2026-budget')
    expect(h.find((x) => x.subject === '支出合计')).toEqual({ doc_id: 'changzhi-2026-budget', subject: '支出合计', amount: '247362400.00', line: 181 })
  })

  it('gives 晋城 2022 支出合计 62287177.64 from F03 (jincheng-2022-final.txt:241)', async () => {
    const h = (await headlines(db)).find((x) => x.doc_id === 'jincheng-2022-final' && x.subject === '支出合计')!
    expect(h.amount).toBe('62287177.64')
    expect(h.line).toBe(241)
  })
})

describe('projects', () => {
  it('lists B12 project rows with unit and amount; search is a bind parameter', async () => {
    const q = projectsQuery({ search: "就业'--" })
    expect(q.sql).not.toContain('就业')
    const rows = await projectRows(db, { search: '就业资金（中央）' })
    // changzhi-2026-budget.txt B12 "就业资金（中央） 4222.90 4222.90"
    expect(rows.find((r) => r.doc_id === 'changzhi-2026-budget')).toMatchObject({ amount: 42229000, part: '本年预算', unit_name: '长治市人力资源和社会保障局' })
  })

  it('sorts only by allowlisted columns', () => {
    expect(() => projectsQuery({ sort: 'amount; DROP TABLE x' as never })).toThrow(/not allowed/)
  })

  it('finds a project’s 绩效目标 indicators', async () => {
    // changzhi-2026-budget.txt B12 "促就业工作经费 14.00", with a 项目支出绩效目标表 in the appendix
    const [p] = await projectRows(db, { search: '促就业工作经费', docId: 'changzhi-2026-budget' })
    expect(p!.amount).toBe(140000)
    const ind = await projectIndicators(db, p!.doc_id, p!.project_name)
    expect(ind.length).toBe(38)
    expect(ind.every((i) => i.line > 0)).toBe(true)
  })
})

describe('checks', () => {
  it('lists failures first and counts statuses per document', async () => {
    const rows = await checkRows(db)
    // One row per check of checks.csv.
    expect(rows.length).toBe(1279)
    const order = rows.map((r) => ['fail', 'rounding', 'pass'].indexOf(r.status))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    const counts = await checkCounts(db)
    expect(counts.reduce((s, c) => s + c.n, 0)).toBe(rows.length)
  })

  it('filters by status with a bind parameter', async () => {
    const fails = await checkRows(db, '', 'fail')
    expect(fails.every((r) => r.status === 'fail')).toBe(true)
  })
})

describe('figuresOnLines', () => {
  it('finds every figure read from jincheng-2022-final.txt:414 (F07: 预算数 and 决算数)', async () => {
    const f = await figuresOnLines(db, 'jincheng-2022-final', 414, 414)
    const values = f.map((x) => x.value)
    expect(values).toContain('71000.00')
    expect(values).toContain('20288.20')
  })
})
