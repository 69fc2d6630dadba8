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
import { documentSummary } from '../../src/db/queries/overview-document'
import { computeSummary, type SummaryDocument } from '../../src/db/summary'
import { importReportText, importToCsvFiles, type DatasetCsvFiles } from '../../src/import'
import { handleImportRequest } from '../../src/import/worker-handler'
import type { Engine } from '../../src/db/types'
import { openEngine, readDatasetFiles } from './engine'

const ROOT = join(import.meta.dirname, '..', '..')
const bundled = readDatasetFiles()

const BUNDLED_IDS = ['changzhi-2026-budget', 'gaoping-2026-budget', 'jincheng-2022-final', 'jincheng-2024-budget']

/** A bundled report imported under another name, as a user would: the CSV text the import worker hands the page. */
function reportCopy(source: string, fileName: string): DatasetCsvFiles {
  const text = readFileSync(join(ROOT, 'data', 'raw', source), 'utf8')
  const res = handleImportRequest({ id: 1, kind: 'report', fileName, reserved: BUNDLED_IDS, text })
  if (!res.ok || res.kind !== 'report') throw new Error('report import failed')
  return res.result.prepared.files
}

const gaopingCopy = () => reportCopy('gaoping-2026-budget.txt', 'gaoping-copy.txt')

/** A long table: one document of 晋中 2024 预算 with two items. */
function longTable(): DatasetCsvFiles {
  const text = '城市,年度,阶段,项目,金额,单位\n晋中,2024,预算,教育支出,"1,234.5万",\n晋中,2024,预算,卫生健康支出,（12.3）,万元\n'
  const res = handleImportRequest({ id: 2, kind: 'csv', reserved: BUNDLED_IDS, files: [{ fileName: 'jinzhong.csv', text }] })
  if (!res.ok || res.kind !== 'csv') throw new Error(res.ok ? 'not a CSV' : res.issues.map((e) => e.message.en).join('\n'))
  return res.result.imports[0]!.files
}

describe('replaceDataset (bundled data plus imports, swapped in one transaction)', () => {
  let db: Engine & { close(): void }
  const count = async (sql: string) => (await db.query<{ n: number }>(sql))[0]!.n
  const lineItems = () => count('SELECT count(*)::INTEGER AS n FROM line_items')
  const docIds = async () => (await db.query<{ doc_id: string }>('SELECT doc_id FROM documents ORDER BY doc_id')).map((r) => r.doc_id)
  /** Rows of v_facts missing from the materialised facts table, and the other way round (0 when it is current). */
  const factsDrift = () => count('SELECT count(*)::INTEGER AS n FROM ((SELECT * FROM v_facts EXCEPT ALL SELECT * FROM facts) UNION ALL (SELECT * FROM facts EXCEPT ALL SELECT * FROM v_facts))')
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
    // Compare reads the materialised facts: made again with the import, in the same transaction.
    expect(await count("SELECT count(*)::INTEGER AS n FROM facts WHERE doc_id = 'gaoping-copy'")).toBe(37)
    expect(await factsDrift()).toBe(0)
  })

  it('keys an imported report\'s prose as ingest does: 长治\'s prior-year 三公 points and their categories come with the copy', async () => {
    await replaceDataset(db, datasetWithImports(bundled, [reportCopy('changzhi-2026-budget.txt', 'changzhi-copy.txt')]))
    const derived = async (docId: string) => (await db.query<Record<string, unknown>>(
      `SELECT year, figure, category, amount::VARCHAR AS amount, line, quote FROM v_sangong WHERE doc_id = ? AND origin = 'derived' ORDER BY ALL`, [docId]))
    // changzhi-2026-budget.txt lines 619 and 621 ("“三公”经费预算16.32万元比2025年减少4.56万元", "公务接待费2.60万元，与上年相比预算数减少0.70万元" …): 2025 per category.
    expect(await derived('changzhi-2026-budget')).toHaveLength(6)
    expect(await derived('changzhi-copy')).toEqual(await derived('changzhi-2026-budget'))
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
    expect(await factsDrift()).toBe(0)
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
    expect(await count('SELECT count(*)::INTEGER AS n FROM facts WHERE doc_id = \'gaoping-copy\'')).toBe(0)
    expect(await factsDrift()).toBe(0)
  })

  it('loads a document whose year is empty with year NULL rather than failing', async () => {
    const files = longTable()
    files.documents = files.documents!.replace(',2024,', ',,')
    await replaceDataset(db, datasetWithImports(bundled, [files]))
    expect(await db.query("SELECT year FROM documents WHERE doc_id = 'jinzhong'")).toEqual([{ year: null }])
    await replaceDataset(db, bundled)
  })

  it('gives an imported document the Overview card a bundled one gets from the build-time summary', async () => {
    await replaceDataset(db, datasetWithImports(bundled, [gaopingCopy()]))
    const bySubject = (d: SummaryDocument | null) => d && { ...d, headlines: [...d.headlines].sort((a, b) => a.subject.localeCompare(b.subject)) }
    // For every bundled document the query reads what the summary computed at build time.
    for (const doc of computeSummary(bundled).documents) expect(bySubject(await documentSummary(db, doc.doc_id))).toEqual(bySubject(doc))
    const copy = await documentSummary(db, 'gaoping-copy')
    expect(copy).toMatchObject({ doc_id: 'gaoping-copy', city: '高平', county_of: '晋城', year: '2026', stage: '预算', scope: '单位', source: 'gaoping-copy.txt' })
    // The same totals, on the same lines, as the bundled copy: gaoping-2026-budget.txt:143 B03 "合计 5131.27 330.77 4800.50" (万元).
    // Its rows are its own: the row ids name the copy's doc_id.
    const own = (d: SummaryDocument) => d.headlines.map((h) => ({ ...h, row_ids: h.row_ids.map((id) => id.slice(id.indexOf(':'))) }))
    expect(own(copy!)).toEqual(own((await documentSummary(db, 'gaoping-2026-budget'))!))
    expect(copy!.headlines.filter((h) => h.line === 143)).toEqual([
      { subject: '基本支出', amount: '3307700.00', line: 143, row_ids: ['gaoping-copy:L143.2'] },
      { subject: '支出合计', amount: '51312700.00', line: 143, row_ids: ['gaoping-copy:L143'] },
      { subject: '项目支出', amount: '48005000.00', line: 143, row_ids: ['gaoping-copy:L143.3'] },
    ].sort((a, b) => a.subject.localeCompare(b.subject)))
    expect(await documentSummary(db, 'no-such-doc')).toBeNull()
    await replaceDataset(db, bundled)
  })
})
