/**
 * npm run ingest — parses every report in data/raw (*.txt and *.pdf) and
 * writes data/dataset/*.csv. Deterministic: files are read in name order and
 * rows keep the parser's order, so running it twice gives identical bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { toCsv } from '../src/ingest/csv'
import { DATASET_COLUMNS, type DatasetTable } from '../src/ingest/dataset'
import { ingestDir } from './ingest-lib'

const root = join(import.meta.dirname, '..')
const rawDir = join(root, 'data', 'raw')
const outDir = join(root, 'data', 'dataset')

const { dataset: ds, errors } = await ingestDir(rawDir, (line) => console.log(line))

mkdirSync(outDir, { recursive: true })
for (const table of Object.keys(DATASET_COLUMNS) as DatasetTable[]) {
  const columns = DATASET_COLUMNS[table] as readonly string[]
  writeFileSync(join(outDir, `${table}.csv`), toCsv(columns as never, ds[table] as never))
}
console.log(`wrote ${Object.keys(DATASET_COLUMNS).length} files to data/dataset (${errors} parse errors)`)
