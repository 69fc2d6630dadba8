/**
 * An import saved by an earlier version (its CSVs in an older contract: the
 * columns this version appended — row ids, pages, printed figures, a prose
 * figure's subject key — missing) still loads, with nothing lost: the missing
 * columns are made as ingest makes them where they follow from the row, and
 * the views answer as they do for a fresh import of the same report.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCsvRecords, toCsv, upgradeCsv } from '../../src/ingest/csv'
import { DATASET_COLUMNS, type DatasetTable } from '../../src/ingest/dataset'
import { subjectKeyOfText } from '../../src/ingest/narrative-subjects'
import { datasetWithImports, replaceDataset } from '../../src/db/load'
import type { DatasetCsvFiles } from '../../src/import'
import { handleImportRequest } from '../../src/import/worker-handler'
import type { Engine } from '../../src/db/types'
import { openEngine, readDatasetFiles, DATASET_DIR } from './engine'

const ROOT = join(import.meta.dirname, '..', '..')
const bundled = readDatasetFiles()

/** The columns of each table before this version appended its own (row_kind and 自评 tables as they were). */
const OLD_COLUMNS: Partial<Record<DatasetTable, number>> = {
  line_items: 14, sangong: 6, targets: 11, evaluations: 12, narrative: 8, checks: 7,
  evaluation_fields: 11, evaluation_indicators: 12, target_budgets: 8, findings: 13,
}

/** A CSV text cut back to its first n columns, as an earlier version wrote it. */
function older(text: string, n: number): string {
  const [head, ...records] = readCsvRecords(text)
  const rows = records.map((r) => Object.fromEntries(head!.slice(0, n).map((c, i) => [c, r[i]!])))
  return toCsv(head!.slice(0, n) as never, rows)
}

function rowsOf(text: string): Record<string, string>[] {
  const [head, ...records] = readCsvRecords(text)
  return records.map((r) => Object.fromEntries(head!.map((c, i) => [c, r[i] ?? ''])))
}

describe('subjectKeyOfText', () => {
  it('gives every bundled prose figure the key the parser gave it', () => {
    const rows = rowsOf(readFileSync(join(DATASET_DIR, 'narrative.csv'), 'utf8'))
    const keyed = rows.filter((r) => r.subject_key !== '')
    // 三公 categories and budget bases both occur (hand-checked in narrative.csv).
    expect(new Set(keyed.map((r) => r.subject_key))).toEqual(new Set(['合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行维护费', '年初预算', '全年预算']))
    for (const r of rows) expect(subjectKeyOfText(r.subject!, r.unit!, r.quote!), `${r.row_id} ${r.subject}`).toBe(r.subject_key)
  })
})

describe('upgradeCsv', () => {
  it('makes the row ids and subject keys of an older narrative.csv as ingest made them; page and printed figure stay empty', () => {
    const now = readFileSync(join(DATASET_DIR, 'narrative.csv'), 'utf8')
    const up = rowsOf(upgradeCsv('narrative', older(now, 8)))
    const fresh = rowsOf(now)
    expect(up).toHaveLength(fresh.length)
    expect(up.map((r) => [r.row_id, r.subject_key])).toEqual(fresh.map((r) => [r.row_id, r.subject_key]))
    expect(up.every((r) => r.raw === '' && r.printed_unit === '' && r.page === '')).toBe(true)
  })

  it('numbers an older checks.csv per document in order, as ingest does', () => {
    const now = readFileSync(join(DATASET_DIR, 'checks.csv'), 'utf8')
    expect(rowsOf(upgradeCsv('checks', older(now, 7))).map((r) => r.row_id)).toEqual(rowsOf(now).map((r) => r.row_id))
  })

  it('refuses a header that is no contract’s, naming the table', () => {
    expect(() => upgradeCsv('sangong', 'doc_id,figure,year\nx,预算,2024\n')).toThrow(/^sangong: header "doc_id,figure,year" is not the canonical/)
  })
})

describe('an import saved by an earlier version, loaded beside the bundled data', () => {
  let db: Engine & { close(): void }
  beforeAll(async () => { db = await openEngine() })
  afterAll(() => db.close())

  /** 长治 2026 imported under another name, its CSVs cut back to the older contract. */
  function oldCopy(): DatasetCsvFiles {
    const text = readFileSync(join(ROOT, 'data', 'raw', 'changzhi-2026-budget.txt'), 'utf8')
    const res = handleImportRequest({ id: 1, kind: 'report', fileName: 'old-cz.txt', reserved: ['changzhi-2026-budget'], text })
    if (!res.ok || res.kind !== 'report') throw new Error('report import failed')
    const files: DatasetCsvFiles = {}
    for (const [table, csv] of Object.entries(res.result.prepared.files) as Array<[DatasetTable, string]>) {
      const n = OLD_COLUMNS[table]
      files[table] = n && n < DATASET_COLUMNS[table].length ? older(csv, n) : csv
    }
    return files
  }

  it('loads, and its prior-year 三公 points and citations by id are those of the bundled copy', async () => {
    await replaceDataset(db, datasetWithImports(bundled, [oldCopy()]))
    const points = (doc: string) => db.query<Record<string, string>>(
      `SELECT year::VARCHAR AS year, figure, category, amount::VARCHAR AS amount, line::VARCHAR AS line, origin FROM v_sangong WHERE doc_id = ? ORDER BY ALL`, [doc])
    const copy = await points('old-cz')
    // 长治 2026's prose derives six 2025 三公 figures (lines 619 and 621): they come from the subject keys.
    expect(copy.filter((p) => p.origin === 'derived')).toHaveLength(6)
    expect(copy).toEqual(await points('changzhi-2026-budget'))
    const ids = await db.query<{ n: number; d: number; empty: number }>(
      `SELECT count(*)::INT AS n, count(DISTINCT row_id)::INT AS d, count(*) FILTER (WHERE row_id NOT LIKE 'old-cz:%')::INT AS empty FROM line_items WHERE doc_id = 'old-cz'`)
    expect(ids[0]!.d).toBe(ids[0]!.n)
    expect(ids[0]!.empty).toBe(0)
    await replaceDataset(db, bundled)
  })
})
