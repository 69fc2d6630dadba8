import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCsvImport } from '../../src/import/csv-import'
import { handleImportRequest } from '../../src/import/worker-handler'
import type { WorkerResponse } from '../../src/import/worker-protocol'

/** What postMessage would deliver: a structured clone (proves the response is cloneable). */
const cloned = (r: WorkerResponse) => structuredClone(r)
const BUNDLED = ['changzhi-2026-budget', 'gaoping-2026-budget', 'jincheng-2022-final', 'jincheng-2024-budget']
const lines = (csv: string | undefined) => (csv ?? '').trim().split('\n').length - 1

describe('handleImportRequest (what the worker runs)', () => {
  it('parses a report from its bytes and answers with the preview and its rows as canonical CSV text', () => {
    const bytes = readFileSync('data/raw/gaoping-2026-budget.txt')
    const res = cloned(handleImportRequest({ id: 7, kind: 'report', fileName: 'g.txt', reserved: BUNDLED, bytes: new Uint8Array(bytes).buffer }))
    expect(res.ok && res.kind === 'report').toBe(true)
    if (!res.ok || res.kind !== 'report') return
    expect(res.id).toBe(7)
    expect(res.encoding).toBe('utf-8')
    expect(res.result.preview.document.city).toBe('高平')
    const { prepared } = res.result
    expect(prepared.counts.line_items).toBe(res.result.preview.counts.line_items)
    // gaoping-2026-budget.txt:144 B03 "208 社会保障和就业支出 5104.59" (万元), the canonical row as the page will load it.
    expect(prepared.files.line_items).toContain('\ng,B03,,社会保障和就业支出,208,,,,合计,51045900.00,元,5104.59,144,,万元,,g:L144\n')
    expect(lines(prepared.files.line_items)).toBe(prepared.counts.line_items)
    expect(prepared.sample).toHaveLength(20)
  })

  it('renames a report that would take a bundled doc_id, in every table of its CSV text', () => {
    const text = readFileSync('data/raw/gaoping-2026-budget.txt', 'utf8')
    const res = handleImportRequest({ id: 8, kind: 'report', fileName: 'gaoping-2026-budget.txt', reserved: BUNDLED, text })
    if (!res.ok || res.kind !== 'report') throw new Error('expected a report')
    expect(res.result.prepared.document.doc_id).toBe('gaoping-2026-budget-2')
    expect(res.result.prepared.originalDocId).toBe('gaoping-2026-budget')
    const items = parseCsvImport(res.result.prepared.files.line_items!, 'line_items.csv')
    expect(items.ok && new Set(items.lineItems.map((i) => i.doc_id))).toEqual(new Set(['gaoping-2026-budget-2']))
    expect(res.result.prepared.files.documents!.split('\n')[1]).toMatch(/^gaoping-2026-budget-2,高平,/)
    // The identity checks too (plain one-line rows): every table follows the new doc_id.
    const checks = res.result.prepared.files.checks!.split('\n').slice(1, -1)
    expect(checks.length).toBe(res.result.prepared.counts.checks)
    // The 166 checks of gaoping-2026-budget in checks.csv.
    expect(checks.length).toBe(166)
    expect(checks.every((r) => r.startsWith('gaoping-2026-budget-2,'))).toBe(true)
  })

  it('passes the user\'s identity overrides through', () => {
    const text = readFileSync('data/raw/gaoping-2026-budget.txt', 'utf8').split('\n').slice(6).join('\n')
    const res = handleImportRequest({ id: 1, kind: 'report', fileName: 'cut.txt', reserved: [], text, overrides: { year: '2026', stage: '预算', scope: '单位' } })
    expect(res.ok && res.kind === 'report' && res.result.preview.missingIdentity).toEqual([])
  })

  it('parses a GBK CSV from its bytes', () => {
    // 城市,年度,阶段,项目,金额,单位 / 晋城,2024,预算,a,1,元 — GBK: 晋城 = BD FA B3 C7, 元 = D4 AA.
    const header = [0xb3, 0xc7, 0xca, 0xd0, 0x2c, 0xc4, 0xea, 0xb6, 0xc8, 0x2c, 0xbd, 0xd7, 0xb6, 0xce, 0x2c, 0xcf, 0xee, 0xc4, 0xbf, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x2c, 0xb5, 0xa5, 0xce, 0xbb, 0x0a]
    const row = [0xbd, 0xfa, 0xb3, 0xc7, ...Buffer.from(',2024,'), 0xd4, 0xa4, 0xcb, 0xe3, ...Buffer.from(',a,1,'), 0xd4, 0xaa, 0x0a]
    const res = cloned(handleImportRequest({ id: 2, kind: 'csv', reserved: BUNDLED, files: [{ fileName: 'gbk.csv', bytes: new Uint8Array([...header, ...row]).buffer }] }))
    if (!res.ok || res.kind !== 'csv') throw new Error('expected a parsed CSV')
    expect(res.result.files.map((f) => f.encoding)).toEqual(['gb18030'])
    const [doc] = res.result.imports
    expect(doc!.sample.map((i) => [i.row_label, i.value, i.measure])).toEqual([['a', '1.00', '预算数']])
    expect(doc!.document.city).toBe('晋城')
    expect(doc!.files.line_items).toBe('doc_id,table_code,side,row_label,class_code,econ_code,unit_name,project_name,measure,value,unit,raw,line,row_kind,printed_unit,page,row_id\ngbk,IMPORT,,a,,,,,预算数,1.00,元,1,2,,元,,gbk:L2\n')
  })

  it('takes a documents CSV and a line_items CSV as one import, renaming a bundled doc_id', () => {
    const documents = 'doc_id,city,county_of,publisher,scope,year,stage,unit,source,title\nchangzhi-2026-budget,长治,,长治市某局,部门,2026,预算,万元,mine.txt,假的\n'
    const lineItems = 'doc_id,table_code,side,row_label,class_code,econ_code,unit_name,project_name,measure,value,unit,raw,line,row_kind\n'
      + 'changzhi-2026-budget,B03,,"社会保障\n和就业支出",208,,,,合计,100.00,元,100,7,\n'
    const res = handleImportRequest({ id: 4, kind: 'csv', reserved: BUNDLED, files: [{ fileName: 'documents.csv', text: documents }, { fileName: 'line_items.csv', text: lineItems }] })
    if (!res.ok || res.kind !== 'csv') throw new Error('expected a parsed CSV')
    expect(res.result.files.map((f) => [f.fileName, f.kind, f.rows])).toEqual([['documents.csv', 'documents', 1], ['line_items.csv', 'line_items', 1]])
    expect(res.result.withoutIdentity).toEqual([])
    const [doc] = res.result.imports
    expect([doc!.originalDocId, doc!.document.doc_id, doc!.document.title, doc!.counts.line_items]).toEqual(['changzhi-2026-budget', 'changzhi-2026-budget-2', '假的', 1])
    // Read back, the CSV text gives the same row under the new doc_id.
    const back = parseCsvImport(doc!.files.line_items!, 'x.csv')
    expect(back.ok && back.lineItems.map((i) => [i.doc_id, i.row_label, i.value, i.line])).toEqual([['changzhi-2026-budget-2', '社会保障\n和就业支出', '100.00', 7]])
  })

  it('names the problems of every bad file of a batch and returns no document', () => {
    const res = handleImportRequest({ id: 5, kind: 'csv', reserved: BUNDLED, files: [
      { fileName: 'good.csv', text: '城市,年度,阶段,项目,金额,单位\n晋中,2022,预算,教育,1,万元\n' },
      { fileName: 'bad.csv', text: '城市,年度,阶段,项目,金额,单位\n晋中,2022,预算,教育,1,斤\n' },
      { fileName: 'x.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]).buffer },
    ] })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.issues.map((i) => [i.code, i.file, i.line, i.column])).toEqual([['bad-unit', 'bad.csv', 2, 6], ['binary', 'x.xlsx', 0, 0]])
  })

  it('answers a binary file with its issues instead of throwing', () => {
    const res = cloned(handleImportRequest({ id: 3, kind: 'csv', reserved: [], files: [{ fileName: 'x.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]).buffer }] }))
    expect(res).toMatchObject({ id: 3, ok: false })
    if (!res.ok) expect(res.issues.map((i) => i.code)).toEqual(['binary'])
  })

  it('makes a doc_id a link can carry when a city has a comma in it (links list doc_ids with commas)', () => {
    const text = '城市,年度,阶段,项目,金额,单位\n"阳城,沁水",2025,预算,社会保障和就业支出,"1,234.5万",万元\n晋城,2025,预算,社会保障和就业支出,1,万元\n'
    const res = handleImportRequest({ id: 9, kind: 'csv', reserved: BUNDLED, files: [{ fileName: 'two cities.csv', text }] })
    if (!res.ok || res.kind !== 'csv') throw new Error('expected a parsed CSV')
    const ids = res.result.imports.map((d) => d.document.doc_id)
    expect(ids).toEqual(['two cities-阳城-沁水-2025-预算', 'two cities-晋城-2025-预算'])
    expect(res.result.imports[0]!.document.city).toBe('阳城,沁水')
    expect(parseCsvImport(res.result.imports[0]!.files.line_items!, 'x.csv')).toMatchObject({ ok: true, lineItems: [{ doc_id: 'two cities-阳城-沁水-2025-预算', value: '12345000.00' }] })
  })

  it('names the file when a CSV holds a header and no rows', () => {
    const res = handleImportRequest({ id: 10, kind: 'csv', reserved: BUNDLED, files: [{ fileName: 'only-header.csv', text: '城市,年度,阶段,项目,金额,单位\n' }] })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.issues).toHaveLength(1)
    expect(res.issues[0]).toMatchObject({ code: 'empty', file: 'only-header.csv', line: 2 })
    expect(res.issues[0]!.message.zh).toContain('only-header.csv')
  })

  it('says an empty report is empty instead of previewing nothing', () => {
    for (const text of ['', '  \n\n\t \n']) {
      const res = handleImportRequest({ id: 11, kind: 'report', fileName: 'blank.txt', reserved: BUNDLED, text })
      expect(res.ok).toBe(false)
      if (res.ok) continue
      expect(res.issues).toHaveLength(1)
      expect(res.issues[0]).toMatchObject({ code: 'empty', file: 'blank.txt' })
      expect(res.issues[0]!.message.zh).toContain('文件为空')
    }
  })
})
