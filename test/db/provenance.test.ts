/**
 * The provenance queries (src/db/queries: rows-on-line, document, all-checks,
 * running-costs) against the real DuckDB engine and the bundled dataset. The
 * expectations are read off data/raw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allChecks } from '../../src/db/queries/all-checks'
import { documentRow } from '../../src/db/queries/document'
import { CITABLE_TABLES, ROWS_ON_LINE_SQL, isLineItem, rowsOnLine } from '../../src/db/queries/rows-on-line'
import { runningCosts } from '../../src/db/queries/running-costs'
import type { Engine } from '../../src/db/types'
import { openEngine } from './engine'

const CZ = 'changzhi-2026-budget'
const JC22 = 'jincheng-2022-final'
let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

describe('rowsOnLine', () => {
  it('finds the B03 row "208 社会保障和就业支出 19290.76 4868.36 14422.39" on changzhi-2026-budget.txt:187, every column as text', async () => {
    const rows = await rowsOnLine(db, CZ, 187)
    const total = rows.find((r) => isLineItem(r) && r.table_code === 'B03' && r.measure === '合计')
    expect(total).toMatchObject({ doc_id: CZ, class_code: '208', value: '192907600.00', unit: '元', raw: '19290.76', line: '187' })
    const measures = rows.filter(isLineItem).map((r) => r.raw)
    expect(measures).toEqual(expect.arrayContaining(['19290.76', '4868.36', '14422.39']))
  })

  it('gathers rows of several kinds on one line: 晋城 2022 F07 line 414 holds every 三公 预算数 and 决算数', async () => {
    // jincheng-2022-final.txt:414 "71000.00 51000.00 51000.00 20000.00 20288.20 11585.20 11585.20 8703.00"
    const rows = await rowsOnLine(db, JC22, 414)
    const sangong = rows.filter((r) => 'category' in r)
    expect(sangong.find((r) => 'category' in r && r.figure === '预算' && r.category === '合计')).toMatchObject({ amount_yuan: '71000.00' })
    expect(sangong.find((r) => 'category' in r && r.figure === '决算' && r.category === '合计')).toMatchObject({ amount_yuan: '20288.20' })
    expect(sangong).toHaveLength(8)
  })

  it('finds the narrative statement and the derived prior-year figure on the prose line 572', async () => {
    // "支出决算20,288.20元，完成全年预算的28.57%，比上年度减少7,568.59元"
    const rows = (await rowsOnLine(db, JC22, 572)).filter((r) => 'relation' in r)
    const derived = rows.find((r) => 'relation' in r && r.relation === 'derived' && r.subject === '三公经费')
    // 20,288.20 + 7,568.59: narrative values keep four decimals (they hold shares and counts too).
    expect(derived).toMatchObject({ year: '2021', value: '27856.7900', unit: '元', line: '572' })
    expect(rows.some((r) => 'relation' in r && r.relation === 'stated' && r.unit === '%' && Number(r.value) === 28.57)).toBe(true)
  })

  it('gives nothing for a line that prints no figure, nor for an unknown document', async () => {
    expect(await rowsOnLine(db, CZ, 1)).toEqual([])
    expect(await rowsOnLine(db, 'no-such-doc', 187)).toEqual([])
  })

  it('reads only allowlisted tables', () => {
    expect(ROWS_ON_LINE_SQL('sangong')).toContain('FROM "sangong" WHERE doc_id = ? AND line = ?')
    expect(() => ROWS_ON_LINE_SQL('documents; DROP TABLE x' as (typeof CITABLE_TABLES)[number])).toThrow(/not allowed/)
  })
})

describe('documentRow', () => {
  it('gives 高平 2026 as a 单位 预算 of a 县级市 administered by 晋城, printed in 万元', async () => {
    expect(await documentRow(db, 'gaoping-2026-budget')).toMatchObject({
      doc_id: 'gaoping-2026-budget', city: '高平', county_of: '晋城', scope: '单位', year: '2026', stage: '预算', unit: '万元',
      source: 'gaoping-2026-budget.txt', title: '高平市就业和人才服务中心2026年单位预算公开',
    })
  })

  it('gives empty text, not null, for an empty column, and null for an unknown document', async () => {
    expect((await documentRow(db, CZ))!.county_of).toBe('')
    expect(await documentRow(db, 'no-such-doc')).toBeNull()
  })
})

describe('allChecks', () => {
  it('holds every identity of checks.csv, exact values as text', async () => {
    const checks = await allChecks(db)
    // The rows of checks.csv.
    expect(checks.length).toBe(1279)
    // 长治 2026: table 11 prints 425.28万元 (line 463), the prose 425.27万元 (line 629).
    const c = checks.find((x) => x.doc_id === CZ && x.check.includes('机关运行经费 = B11 部门合计 合计'))
    expect(c).toMatchObject({ expected: '4252800.00', actual: '4252700.00', diff: '-100.00', status: 'fail', lines: '463;629' })
  })
})

describe('runningCosts', () => {
  it('sets 长治 2026 表11 425.28万元 (line 463) beside its prose 425.27万元 (line 629), table first', async () => {
    const rows = (await runningCosts(db)).filter((r) => r.doc_id === CZ)
    expect(rows).toEqual([
      { doc_id: CZ, origin: 'table', amount: '4252800.00', raw: '425.28', line: 463, table_code: 'B11', row_id: `${CZ}:L463` },
      { doc_id: CZ, origin: 'narrative', amount: '4252700.00', raw: '', line: 629, table_code: '', row_id: `${CZ}:N629` },
    ])
  })

  it('takes a 决算’s figure from its prose (no 表11): 晋城 2022 1,050,304.34元 on line 596, not the derived 2021 figure', async () => {
    const rows = (await runningCosts(db)).filter((r) => r.doc_id === JC22)
    expect(rows).toEqual([{ doc_id: JC22, origin: 'narrative', amount: '1050304.34', raw: '', line: 596, table_code: '', row_id: `${JC22}:N596` }])
  })

  it('keeps 高平 2026’s stated 无机关运行经费 as 0 (gaoping-2026-budget.txt:421)', async () => {
    const rows = (await runningCosts(db)).filter((r) => r.doc_id === 'gaoping-2026-budget' && r.origin === 'narrative')
    expect(rows.map((r) => [r.amount, r.line])).toEqual([['0.00', 421]])
  })
})
