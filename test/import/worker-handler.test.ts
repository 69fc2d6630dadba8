import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { handleImportRequest } from '../../src/import/worker-handler'
import type { WorkerResponse } from '../../src/import/worker-protocol'

/** What postMessage would deliver: a structured clone (proves the response is cloneable). */
const cloned = (r: WorkerResponse) => structuredClone(r)

describe('handleImportRequest (what the worker runs)', () => {
  it('parses a report from its bytes and answers with the preview and the rows', () => {
    const bytes = readFileSync('data/raw/gaoping-2026-budget.txt')
    const res = cloned(handleImportRequest({ id: 7, kind: 'report', fileName: 'g.txt', bytes: new Uint8Array(bytes).buffer }))
    expect(res.ok && res.kind === 'report').toBe(true)
    if (!res.ok || res.kind !== 'report') return
    expect(res.id).toBe(7)
    expect(res.encoding).toBe('utf-8')
    expect(res.result.preview.document.city).toBe('高平')
    expect(res.result.imported.rows.line_items.length).toBe(res.result.preview.counts.line_items)
  })

  it('passes the user\'s identity overrides through', () => {
    const text = readFileSync('data/raw/gaoping-2026-budget.txt', 'utf8').split('\n').slice(6).join('\n')
    const res = handleImportRequest({ id: 1, kind: 'report', fileName: 'cut.txt', text, overrides: { year: '2026', stage: '预算', scope: '单位' } })
    expect(res.ok && res.kind === 'report' && res.result.preview.missingIdentity).toEqual([])
  })

  it('parses a GBK CSV from its bytes', () => {
    // 城市,年度,阶段,项目,金额,单位 / 晋城,2024,预算,a,1,元 — GBK: 晋城 = BD FA B3 C7, 元 = D4 AA.
    const header = [0xb3, 0xc7, 0xca, 0xd0, 0x2c, 0xc4, 0xea, 0xb6, 0xc8, 0x2c, 0xbd, 0xd7, 0xb6, 0xce, 0x2c, 0xcf, 0xee, 0xc4, 0xbf, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x2c, 0xb5, 0xa5, 0xce, 0xbb, 0x0a]
    const row = [0xbd, 0xfa, 0xb3, 0xc7, ...Buffer.from(',2024,'), 0xd4, 0xa4, 0xcb, 0xe3, ...Buffer.from(',a,1,'), 0xd4, 0xaa, 0x0a]
    const res = cloned(handleImportRequest({ id: 2, kind: 'csv', fileName: 'gbk.csv', bytes: new Uint8Array([...header, ...row]).buffer }))
    expect(res.ok && res.kind === 'csv' && res.encoding).toBe('gb18030')
    if (!res.ok || res.kind !== 'csv' || !res.result.ok) throw new Error('expected a parsed CSV')
    expect(res.result.lineItems.map((i) => [i.row_label, i.value, i.measure])).toEqual([['a', '1.00', '预算数']])
    expect(res.result.documents[0]!.city).toBe('晋城')
  })

  it('answers a binary file with its issues instead of throwing', () => {
    const res = cloned(handleImportRequest({ id: 3, kind: 'csv', fileName: 'x.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]).buffer }))
    expect(res).toMatchObject({ id: 3, ok: false })
    if (!res.ok) expect(res.issues.map((i) => i.code)).toEqual(['binary'])
  })
})
