/**
 * Imported documents loaded next to the bundled dataset in the real DuckDB:
 * they join the same tables and views, a removal takes them out again, and a
 * load that fails (bad CSV, a doc_id twice, rows of an unknown document)
 * leaves the tables exactly as they were.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datasetWithImports, replaceDataset } from '../../src/db/load'
import { importReportText, importToCsvFiles, parseCsvImport, assembleCsvImports, type DatasetCsvFiles } from '../../src/import'
import type { Engine } from '../../src/db/types'
import { openEngine, readDatasetFiles } from './engine'

const ROOT = join(import.meta.dirname, '..', '..')
const bundled = readDatasetFiles()

/** data/raw/gaoping-2026-budget.txt imported under another name, as a user would. */
function gaopingCopy(): DatasetCsvFiles {
  const text = readFileSync(join(ROOT, 'data', 'raw', 'gaoping-2026-budget.txt'), 'utf8')
  return importToCsvFiles(importReportText(text, 'gaoping-copy.txt').imported)
}

/** A long table: one document of 晋中 2024 预算 with two items. */
function longTable(): DatasetCsvFiles {
  const parsed = parseCsvImport('城市,年度,阶段,项目,金额,单位\n晋中,2024,预算,教育支出,"1,234.5万",\n晋中,2024,预算,卫生健康支出,（12.3）,万元\n', 'jinzhong.csv')
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message.en).join('\n'))
  const assembled = assembleCsvImports([parsed])
  if (!assembled.ok) throw new Error('assemble failed')
  return importToCsvFiles(assembled.imports[0]!)
}

describe('replaceDataset (bundled data plus imports, swapped in one transaction)', () => {
  let db: Engine & { close(): void }
  const count = async (sql: string) => (await db.query<{ n: number }>(sql))[0]!.n
  const lineItems = () => count('SELECT count(*)::INTEGER AS n FROM line_items')
  const docIds = async () => (await db.query<{ doc_id: string }>('SELECT doc_id FROM documents ORDER BY doc_id')).map((r) => r.doc_id)
  let bundledRows = 0
  let bundledDocs: string[] = []

  beforeAll(async () => {
    db = await openEngine(bundled)
    bundledRows = await lineItems()
    bundledDocs = await docIds()
  })
  afterAll(() => db.close())

  it('adds an imported report to the tables and views, read exactly as the bundled copy', async () => {
    await replaceDataset(db, datasetWithImports(bundled, [gaopingCopy()]))
    expect(await docIds()).toEqual([...bundledDocs, 'gaoping-copy'].sort())
    // gaoping-2026-budget.txt:144 "208 社会保障和就业支出 5104.59" (B03, 万元)
    const facts = await db.query<{ doc_id: string; amount: string; line: number }>(
      "SELECT doc_id, amount::VARCHAR AS amount, line FROM v_facts WHERE dimension = 'class3' AND dim_key = '208' AND doc_id LIKE 'gaoping%' ORDER BY doc_id")
    expect(facts).toEqual([
      { doc_id: 'gaoping-2026-budget', amount: '51045900.00', line: 144 },
      { doc_id: 'gaoping-copy', amount: '51045900.00', line: 144 },
    ])
    expect(await lineItems()).toBe(bundledRows + await count("SELECT count(*)::INTEGER AS n FROM line_items WHERE doc_id = 'gaoping-copy'"))
  })

  it('adds a long-table CSV with its amounts in 元 (1,234.5万 → 12345000.00; （12.3）万元 → -123000.00)', async () => {
    await replaceDataset(db, datasetWithImports(bundled, [gaopingCopy(), longTable()]))
    const rows = await db.query<{ row_label: string; value: string; line: number; table_code: string }>(
      "SELECT row_label, value::VARCHAR AS value, line, table_code FROM line_items WHERE doc_id = 'jinzhong' ORDER BY line")
    expect(rows).toEqual([
      { row_label: '教育支出', value: '12345000.00', line: 2, table_code: 'IMPORT' },
      { row_label: '卫生健康支出', value: '-123000.00', line: 3, table_code: 'IMPORT' },
    ])
    expect(await db.query("SELECT city, year, stage, label FROM v_documents WHERE doc_id = 'jinzhong'")).toEqual([{ city: '晋中', year: 2024, stage: '预算', label: '晋中 2024 预算' }])
  })

  it('keeps everything loaded when an import’s CSV cannot be read (unterminated quote)', async () => {
    const before = await lineItems()
    const broken: DatasetCsvFiles = { ...longTable(), line_items: importToCsvFiles(importReportText('', 'x.txt').imported).line_items + 'jinzhong,"IMPORT\n' }
    await expect(replaceDataset(db, datasetWithImports(bundled, [gaopingCopy(), broken]))).rejects.toThrow(/CSV Error/)
    expect(await lineItems()).toBe(before)
    expect(await docIds()).toEqual([...bundledDocs, 'gaoping-copy', 'jinzhong'].sort())
  })

  it('refuses a merged dataset that holds a doc_id twice, and changes nothing', async () => {
    const before = await lineItems()
    await expect(replaceDataset(db, datasetWithImports(bundled, [gaopingCopy(), gaopingCopy()]))).rejects.toThrow(/doc_id gaoping-copy appears 2 times/)
    expect(await lineItems()).toBe(before)
  })

  it('refuses line items of a document that is not there, and changes nothing', async () => {
    const before = await lineItems()
    const orphan: DatasetCsvFiles = { line_items: longTable().line_items }
    await expect(replaceDataset(db, datasetWithImports(bundled, [orphan]))).rejects.toThrow(/unknown doc_id jinzhong/)
    expect(await lineItems()).toBe(before)
  })

  it('refuses files whose header is not canonical before touching DuckDB', () => {
    expect(() => datasetWithImports(bundled, [{ documents: 'doc_id,city\nx,甲\n' }])).toThrow(/not the canonical/)
  })

  it('takes a removed import out again: back to the bundled data alone', async () => {
    await replaceDataset(db, datasetWithImports(bundled, []))
    expect(await docIds()).toEqual(bundledDocs)
    expect(await lineItems()).toBe(bundledRows)
    expect(await count('SELECT count(*)::INTEGER AS n FROM v_facts WHERE doc_id = \'gaoping-copy\'')).toBe(0)
  })

  it('loads a document whose year is empty with year NULL rather than failing', async () => {
    const files = longTable()
    files.documents = files.documents!.replace(',2024,', ',,')
    await replaceDataset(db, datasetWithImports(bundled, [files]))
    expect(await db.query("SELECT year FROM documents WHERE doc_id = 'jinzhong'")).toEqual([{ year: null }])
    await replaceDataset(db, bundled)
  })
})
