/** The findings table on the real DuckDB engine: typed from findings.csv, queried per document and counted per severity. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findingCounts, findingRows } from '../../src/db/queries/findings'
import type { Engine } from '../../src/db/types'
import { openEngine, readDatasetFiles } from './engine'

let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

describe('findings in DuckDB', () => {
  it('loads every row of findings.csv, line as INTEGER', async () => {
    const csvRows = readDatasetFiles().findings!.trim().split('\n').length - 1
    const [n] = await db.query<{ n: number; t: string }>(`SELECT count(*)::INTEGER AS n, any_value(typeof(line)) AS t FROM findings`)
    expect(n).toEqual({ n: csvRows, t: 'INTEGER' })
    expect(csvRows).toBe(20)
  })

  it('gives 长治 2026 the 机关运行经费 rate error of line 629 (35.91 ÷ 461.18 is not 0.8%), errors first', async () => {
    const rows = await findingRows(db, 'changzhi-2026-budget')
    const change = rows.find((r) => r.rule === 'LOGIC-CHANGE')!
    expect(change).toMatchObject({ severity: 'error', line: 629, actual: '0.8%' })
    const order = rows.map((r) => r.severity)
    expect(order.indexOf('notice')).toBeGreaterThan(order.lastIndexOf('error'))
    expect(await findingRows(db, 'changzhi-2026-budget', 'error')).toHaveLength(rows.filter((r) => r.severity === 'error').length)
  })

  it('counts findings per document, zero rows included', async () => {
    const counts = await findingCounts(db)
    expect(counts.map((c) => c.doc_id).sort()).toEqual(['changzhi-2026-budget', 'gaoping-2026-budget', 'jincheng-2022-final', 'jincheng-2024-budget'])
    const [sql] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM findings WHERE doc_id = 'jincheng-2022-final' AND severity = 'error'`)
    expect(counts.find((c) => c.doc_id === 'jincheng-2022-final')!.errors).toBe(sql!.n)
    expect(counts.find((c) => c.doc_id === 'gaoping-2026-budget')!.errors).toBe(0)
  })
})
