/**
 * npm run ingest — parses every report in data/raw and writes data/dataset/*.csv.
 * Deterministic: files are read in name order and rows keep the parser's order,
 * so running it twice gives identical bytes.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { toCsv } from '../src/ingest/csv'
import { addReport, DATASET_COLUMNS, emptyDataset, type DatasetTable } from '../src/ingest/dataset'
import { parseReport } from '../src/ingest/index'

const root = join(import.meta.dirname, '..')
const rawDir = join(root, 'data', 'raw')
const outDir = join(root, 'data', 'dataset')

const ds = emptyDataset()
let errors = 0
for (const source of readdirSync(rawDir).filter((f) => f.endsWith('.txt')).sort()) {
  const report = parseReport(readFileSync(join(rawDir, source), 'utf8'), { source })
  addReport(ds, report)
  const counts = `${report.lineItems.length} line items, ${report.narrative.length} narrative, ${report.targets.length} targets, ${report.evaluations.length} evaluations, ${report.checks.length} checks`
  console.log(`${source}: ${counts}`)
  for (const p of report.problems) {
    if (p.severity === 'error') errors++
    console.log(`  ${p.severity} ${source}:${p.line} [${p.where}] ${p.message}`)
  }
}

mkdirSync(outDir, { recursive: true })
for (const table of Object.keys(DATASET_COLUMNS) as DatasetTable[]) {
  const columns = DATASET_COLUMNS[table] as readonly string[]
  writeFileSync(join(outDir, `${table}.csv`), toCsv(columns as never, ds[table] as never))
}
console.log(`wrote ${Object.keys(DATASET_COLUMNS).length} files to data/dataset (${errors} parse errors)`)
