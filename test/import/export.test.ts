import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCsvImport, type CsvImportResult } from '../../src/import/csv-import'
import { decodeBytes } from '../../src/import/decode'
import { exportDataset, mergeCsvFiles, rowsToCsv, rowsToCsvFiles } from '../../src/import/export-csv'
import { importReportText } from '../../src/import/report-import'
import { DATASET_COLUMNS } from '../../src/ingest/dataset'
import { encodeGbk } from './gbk'

const bundled = (table: string) => readFileSync(`data/dataset/${table}.csv`, 'utf8')

function ok(r: CsvImportResult) {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message.en).join('; '))
  return r
}

describe('export then re-import gives the same rows', () => {
  it('the bundled line_items.csv reads and writes back byte for byte', () => {
    const text = bundled('line_items')
    const r = ok(parseCsvImport(text, 'line_items.csv'))
    expect(r.lineItems.length).toBe(text.trim().split('\n').length - 1)
    expect(rowsToCsv(DATASET_COLUMNS.line_items, r.lineItems)).toBe(text)
  })

  it('the bundled documents.csv reads and writes back byte for byte', () => {
    const text = bundled('documents')
    const r = ok(parseCsvImport(text, 'documents.csv'))
    expect(rowsToCsv(DATASET_COLUMNS.documents, r.documents)).toBe(text)
  })

  it('an imported report exports and re-imports to the same line items and document', () => {
    const { imported } = importReportText(readFileSync('data/raw/jincheng-2022-final.txt', 'utf8'), 'jc-final.txt')
    const files = rowsToCsvFiles(imported.rows)
    expect(ok(parseCsvImport(files.line_items!, 'line_items.csv')).lineItems).toEqual(imported.rows.line_items)
    expect(ok(parseCsvImport(files.documents!, 'documents.csv')).documents).toEqual([imported.document])
  })

  it('with a BOM for Excel, and even saved again as GBK by Excel, the rows come back the same', () => {
    const { imported } = importReportText(readFileSync('data/raw/gaoping-2026-budget.txt', 'utf8'), 'g.txt')
    const csv = rowsToCsv(DATASET_COLUMNS.line_items, imported.rows.line_items, { bom: true })
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(ok(parseCsvImport(csv, 'a.csv')).lineItems).toEqual(imported.rows.line_items)
    const gbk = decodeBytes(encodeGbk(csv.slice(1)), 'a.csv')
    expect(gbk.encoding).toBe('gb18030')
    expect(ok(parseCsvImport(gbk.text, 'a.csv')).lineItems).toEqual(imported.rows.line_items)
  })
})

describe('rowsToCsv(columns, rows, options)', () => {
  it('quotes only what needs quoting and keeps labels as text', () => {
    const rows = [{ a: '<img src=x onerror=alert(1)>', b: 'x,"y"', c: 3 }]
    expect(rowsToCsv(['a', 'b', 'c'], rows)).toBe('a,b,c\n<img src=x onerror=alert(1)>,"x,""y""",3\n')
  })
})

describe('mergeCsvFiles / exportDataset', () => {
  const documentsOf = (text: string) => ok(parseCsvImport(text, 'documents.csv')).documents.map((d) => d.doc_id)

  it('puts bundled and imported rows under one header per table', () => {
    const { imported } = importReportText(readFileSync('data/raw/gaoping-2026-budget.txt', 'utf8'), 'gaoping-copy.txt')
    const files = exportDataset({ documents: bundled('documents'), line_items: bundled('line_items') }, [rowsToCsvFiles(imported.rows)])
    expect(files.map((f) => f.fileName)).toEqual(['documents.csv', 'line_items.csv', 'sangong.csv', 'targets.csv', 'evaluations.csv', 'narrative.csv', 'checks.csv', 'evaluation_fields.csv', 'evaluation_indicators.csv', 'target_budgets.csv', 'findings.csv'])
    const docs = files.find((f) => f.fileName === 'documents.csv')!.text
    expect(documentsOf(docs)).toEqual(['changzhi-2026-budget', 'gaoping-2026-budget', 'jincheng-2022-final', 'jincheng-2024-budget', 'gaoping-copy'])
    const items = ok(parseCsvImport(files.find((f) => f.fileName === 'line_items.csv')!.text, 'line_items.csv')).lineItems
    const bundledCount = bundled('line_items').trim().split('\n').length - 1
    expect(items.length).toBe(bundledCount + imported.rows.line_items.length)
    // A table with no rows anywhere still gets its header, so every file opens.
    expect(files.find((f) => f.fileName === 'evaluations.csv')!.text).toBe(DATASET_COLUMNS.evaluations.join(',') + '\n')
  })

  it('adds a BOM to every file when asked', () => {
    const files = exportDataset({ documents: bundled('documents') }, [], { bom: true })
    expect(files.every((f) => f.text.startsWith('\ufeffdoc_id,'))).toBe(true)
    expect(documentsOf(files[0]!.text)).toHaveLength(4)
  })

  it('refuses a set whose columns are not in canonical order instead of misaligning them', () => {
    expect(() => mergeCsvFiles([{ documents: 'city,doc_id\n晋城,x\n' }])).toThrow(/not the canonical/)
  })
})
