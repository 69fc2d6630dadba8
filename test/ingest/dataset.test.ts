import { readdirSync, readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../src/ingest/csv'
import { DATASET_COLUMNS, type DatasetTable } from '../../src/ingest/dataset'
import { ingestDir } from '../../scripts/ingest-lib'

const sources = readdirSync('data/raw').filter((f) => f.endsWith('.txt')).sort()
const rawLines = Object.fromEntries(sources.map((f) => [f.replace(/\.txt$/, ''), readFileSync(`data/raw/${f}`, 'utf8').split(/\r\n|\n|\r/)]))

// The same code path as npm run ingest (it reads data/raw/*.pdf too).
const build = async () => (await ingestDir('data/raw')).dataset
const ds = await build()

/** Our own CSV files, read by PapaParse as an outside tool would. */
function readCsv(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
}

describe('data/dataset', () => {
  it('is exactly what the parser makes of data/raw (regenerate with npm run ingest)', () => {
    for (const table of Object.keys(DATASET_COLUMNS) as DatasetTable[]) {
      const expected = toCsv(DATASET_COLUMNS[table] as never, ds[table] as never)
      expect(readFileSync(`data/dataset/${table}.csv`, 'utf8'), `${table}.csv`).toBe(expected)
    }
  })

  it('is deterministic: parsing twice gives identical bytes', async () => {
    const again = await build()
    for (const table of Object.keys(DATASET_COLUMNS) as DatasetTable[]) {
      expect(toCsv(DATASET_COLUMNS[table] as never, again[table] as never)).toBe(toCsv(DATASET_COLUMNS[table] as never, ds[table] as never))
    }
  })

  it('has one document per raw report', () => {
    expect(readCsv(readFileSync('data/dataset/documents.csv', 'utf8')).map((d) => d.source)).toEqual(sources)
  })

  it('every line item stands, as printed, on the source line it cites', () => {
    const items = readCsv(readFileSync('data/dataset/line_items.csv', 'utf8'))
    for (const it of items) {
      const line = rawLines[it.doc_id!]![Number(it.line) - 1]
      expect(line, `${it.doc_id}:${it.line} ${it.table_code} ${it.row_label} ${it.measure}`).toContain(it.raw)
    }
  })

  it('every amount is in 元 with exact decimals, and no row holds an empty value', () => {
    const items = readCsv(readFileSync('data/dataset/line_items.csv', 'utf8'))
    for (const it of items) {
      expect(it.value).not.toBe('')
      if (it.unit === '元') expect(it.value).toMatch(/^-?\d+\.\d{2,}$/)
    }
    for (const file of ['sangong', 'targets', 'evaluations'] as const) {
      for (const row of readCsv(readFileSync(`data/dataset/${file}.csv`, 'utf8'))) {
        for (const [k, v] of Object.entries(row)) if (k.endsWith('_yuan') && v !== '') expect(v, `${file}.${k}`).toMatch(/^-?\d+\.\d{2,}$/)
      }
    }
  })

  it('every narrative, target, evaluation and 三公 row cites a real line of its report', () => {
    for (const file of ['narrative', 'targets', 'evaluations', 'sangong'] as const) {
      for (const row of readCsv(readFileSync(`data/dataset/${file}.csv`, 'utf8'))) {
        const lines = rawLines[row.doc_id!]!
        const n = Number(row.line)
        expect(n >= 1 && n <= lines.length, `${file} ${row.doc_id}:${row.line}`).toBe(true)
        expect(/^\s*(仅供|内部|审核)\s*$/.test(lines[n - 1]!), `${file} cites a watermark line ${row.doc_id}:${n}`).toBe(false)
      }
    }
  })
})
