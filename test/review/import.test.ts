/** Imported reports are reviewed too: the import path carries the findings, and they load into DuckDB with the import. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findingRows } from '../../src/db/queries/findings'
import { datasetWithImports, replaceDataset } from '../../src/db/load'
import type { Engine } from '../../src/db/types'
import { importToCsvFiles } from '../../src/import/export-csv'
import { importReportText } from '../../src/import/report-import'
import { renameImport } from '../../src/import/doc-id'
import { openEngine, readDatasetFiles } from '../db/engine'
import { parseCorpusLayoutText } from '../ingest/corpus'
import { edit, rawText } from './helpers'

let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

describe('review of an imported report', () => {
  it('an edited copy of 高平 2026 imported as text carries its findings, renamed with the document', () => {
    const text = edit(rawText('gaoping-2026-budget.txt'), '基本支出330.77万元，占6.45%', '基本支出330.77万元，占16.45%')
    const { imported } = importReportText(text, 'gaoping-edited.txt')
    const share = imported.rows.findings.filter((f) => f.rule === 'LOGIC-SHARE')
    expect(share).toEqual([expect.objectContaining({ doc_id: imported.document.doc_id, severity: 'error', line: 386 })])
    const renamed = renameImport(imported, 'gaoping-copy')
    expect(new Set(renamed.rows.findings.map((f) => f.doc_id))).toEqual(new Set(['gaoping-copy']))
  })

  it('the corpus 决算 imported as text loads with its findings into DuckDB beside the bundled ones', async () => {
    const { text } = parseCorpusLayoutText('shanghai-putuo-guihua-ziranziyuanju-2024-final-dept.pdf')
    const { imported } = importReportText(text, 'guihua-2024-final.txt')
    expect(imported.rows.findings.length).toBe(7)
    await replaceDataset(db, datasetWithImports(readDatasetFiles(), [importToCsvFiles(imported)]))
    const rows = await findingRows(db, imported.document.doc_id, 'error')
    expect(rows.map((r) => r.rule).sort()).toEqual(imported.rows.findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort())
    expect(rows.find((r) => r.rule === 'LEFT-ALTERNATIVES')).toMatchObject({ actual: '下降（增长）' })
    // The bundled documents' findings are still there.
    expect(await findingRows(db, 'changzhi-2026-budget')).toHaveLength(5)
  })
})
