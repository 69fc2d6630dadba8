import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { assembleCsvImports } from '../../src/import/assemble'
import { parseCsvImport, type CsvImportResult } from '../../src/import/csv-import'
import { docIdsOfDocumentsCsv, planDocIds, renameImport, saveConflict, uniqueDocId } from '../../src/import/doc-id'
import { everyFirstField, prepareImport } from '../../src/import/export-csv'
import { importReportText } from '../../src/import/report-import'

const BUNDLED = docIdsOfDocumentsCsv(readFileSync('data/dataset/documents.csv', 'utf8'))

function ok(r: CsvImportResult) {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message.en).join('; '))
  return r
}

describe('docIdsOfDocumentsCsv', () => {
  it('lists the four bundled documents', () => {
    expect([...BUNDLED]).toEqual(['changzhi-2026-budget', 'gaoping-2026-budget', 'jincheng-2022-final', 'jincheng-2024-budget'])
  })
})

describe('uniqueDocId(base, taken)', () => {
  it('keeps a free name and numbers a taken one', () => {
    expect(uniqueDocId('my-report', BUNDLED)).toBe('my-report')
    expect(uniqueDocId('gaoping-2026-budget', BUNDLED)).toBe('gaoping-2026-budget-2')
    expect(uniqueDocId('gaoping-2026-budget', ['gaoping-2026-budget', 'gaoping-2026-budget-2'])).toBe('gaoping-2026-budget-3')
    expect(uniqueDocId('  ', [])).toBe('import')
  })
})

describe('saveConflict: an import never replaces a bundled document', () => {
  // The user drops the very seed file again: its doc_id is a bundled one.
  const again = importReportText(readFileSync('data/raw/gaoping-2026-budget.txt', 'utf8'), 'gaoping-2026-budget.txt').imported

  it('refuses the doc_id of a bundled document and suggests a free one', () => {
    const c = saveConflict(again, BUNDLED, new Set(), true)
    expect(c?.code).toBe('bundled')
    expect(c?.zh).toContain('gaoping-2026-budget-2')
    expect(c?.en).toContain('never replace')
  })

  it('accepts it renamed, with every row following the new doc_id', () => {
    const renamed = renameImport(again, uniqueDocId(again.document.doc_id, BUNDLED))
    expect(renamed.document.doc_id).toBe('gaoping-2026-budget-2')
    expect(renamed.rows.line_items.every((r) => r.doc_id === 'gaoping-2026-budget-2')).toBe(true)
    expect(renamed.rows.checks.every((r) => r.doc_id === 'gaoping-2026-budget-2')).toBe(true)
    expect(saveConflict(renamed, BUNDLED, new Set(), false)).toBeNull()
    // The original is untouched.
    expect(again.document.doc_id).toBe('gaoping-2026-budget')
  })

  it('refuses an existing import unless replacing is asked for', () => {
    const renamed = renameImport(again, 'mine')
    expect(saveConflict(renamed, BUNDLED, new Set(['mine']), false)?.code).toBe('exists')
    expect(saveConflict(renamed, BUNDLED, new Set(['mine']), true)).toBeNull()
  })

  it('refuses a document whose rows name another doc_id', () => {
    const mixed = renameImport(again, 'mine')
    mixed.rows.line_items[0] = { ...mixed.rows.line_items[0]!, doc_id: 'gaoping-2026-budget' }
    expect(saveConflict(mixed, BUNDLED, new Set(), false)?.code).toBe('inconsistent')
  })
})

describe('assembleCsvImports(results)', () => {
  const items = ok(parseCsvImport('doc_id,table_code,side,row_label,class_code,econ_code,unit_name,project_name,measure,value,unit,raw,line\nd1,B03,,合计,,,,,合计,100.00,元,100,9\nd2,B03,,合计,,,,,合计,5.00,元,5,4\n', 'line_items.csv'))
  const docs = ok(parseCsvImport('doc_id,city,year,stage\nd1,晋中,2024,预算\n', 'documents.csv'))

  it('joins line items to the document rows that name their doc_id, and lists the doc_ids left without identity', () => {
    const r = assembleCsvImports([items, docs])
    if (!r.ok) throw new Error('expected success')
    expect(r.imports.map((i) => [i.document.doc_id, i.document.city, i.rows.line_items.length, i.rows.documents.length])).toEqual([
      ['d1', '晋中', 1, 1],
      ['d2', '', 1, 1],
    ])
    expect(r.withoutIdentity).toEqual(['d2'])
  })

  it('refuses a doc_id defined by two files', () => {
    const r = assembleCsvImports([docs, ok(parseCsvImport('doc_id,city,year,stage\nd1,晋城,2022,决算\n', 'other.csv'))])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]!.message.zh).toContain('documents.csv')
  })
})

describe('saveConflict on an import prepared as CSV text (what saveImport receives)', () => {
  const again = importReportText(readFileSync('data/raw/gaoping-2026-budget.txt', 'utf8'), 'gaoping-2026-budget.txt').imported

  it('refuses the doc_id of a bundled document', () => {
    expect(saveConflict(prepareImport(again), BUNDLED, new Set(), true)?.code).toBe('bundled')
  })

  it('accepts it renamed before the CSV was written, and refuses an existing import unless replacing', () => {
    const prepared = prepareImport(renameImport(again, 'mine'))
    expect(saveConflict(prepared, BUNDLED, new Set(), false)).toBeNull()
    expect(saveConflict(prepared, BUNDLED, new Set(['mine']), false)?.code).toBe('exists')
    expect(saveConflict(prepared, BUNDLED, new Set(['mine']), true)).toBeNull()
  })

  it('refuses CSV text with one row under another doc_id', () => {
    const mixed = renameImport(again, 'mine')
    mixed.rows.line_items[mixed.rows.line_items.length - 1] = { ...mixed.rows.line_items.at(-1)!, doc_id: 'gaoping-2026-budget' }
    expect(saveConflict(prepareImport(mixed), BUNDLED, new Set(), false)?.code).toBe('inconsistent')
  })

  it('refuses CSV text whose header is not canonical (doc_id could stand in any column)', () => {
    const prepared = prepareImport(renameImport(again, 'mine'))
    const files = { ...prepared.files, documents: 'city,doc_id\n高平,mine\n' }
    expect(saveConflict({ ...prepared, files }, BUNDLED, new Set(), false)?.code).toBe('inconsistent')
  })
})

describe('everyFirstField(csv, value)', () => {
  const header = 'doc_id,row_label,value\n'
  it('reads each record’s first field, a quoted cell’s line breaks and quotes included', () => {
    const csv = header + 'a,"two\nlines",1\na,"say ""a,\nb""",2\na,plain,3\n'
    expect(everyFirstField(csv, 'a')).toBe(true)
    // The continuation line "b""",2 is inside a quoted cell, not a record of doc_id "b".
    expect(everyFirstField(csv + 'b,x,4\n', 'a')).toBe(false)
    expect(everyFirstField(header + 'ab,x,1\n', 'a')).toBe(false)
  })

  it('matches a doc_id that needs quoting only in its quoted form', () => {
    expect(everyFirstField(header + '"a,b",x,1\n', 'a,b')).toBe(true)
    expect(everyFirstField(header + 'a,b,1\n', 'a,b')).toBe(false)
  })

  it('holds for a header-only or BOM-prefixed text', () => {
    expect(everyFirstField(header, 'a')).toBe(true)
    expect(everyFirstField('\ufeff' + header + 'a,x,1', 'a')).toBe(true)
  })
})

describe('planDocIds(docs, reserved)', () => {
  it('renames what is reserved and keeps two documents of one import apart', () => {
    const items = ok(parseCsvImport('城市,年度,阶段,项目,金额,单位\n晋城,2024,预算,a,1,元\n晋城,2025,预算,b,2,元\n', 'x.csv'))
    const r = assembleCsvImports([items])
    if (!r.ok) throw new Error('assemble failed')
    const docs = [renameImport(r.imports[0]!, 'gaoping-2026-budget'), renameImport(r.imports[1]!, 'gaoping-2026-budget-2')]
    const planned = planDocIds(docs, BUNDLED)
    expect(planned.map((d) => d.document.doc_id)).toEqual(['gaoping-2026-budget-2', 'gaoping-2026-budget-2-2'])
    expect(planned[1]!.rows.line_items.map((i) => i.doc_id)).toEqual(['gaoping-2026-budget-2-2'])
    // A free doc_id is kept as it is (the same object: nothing is copied).
    expect(planDocIds([docs[1]!], BUNDLED)[0]).toBe(docs[1])
  })
})
