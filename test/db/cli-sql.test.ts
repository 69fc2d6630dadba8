/**
 * The SQL script for the DuckDB CLI (src/db/cli-sql.ts) run as it is on the
 * real engine over the dataset CSVs under their file names: the tables and
 * the views of years and execution answer as the app's loaded engine does.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliSql } from '../../src/db/cli-sql'
import { TABLES } from '../../src/db/schema'
import { VIEW_NAMES } from '../../src/db/views.sql'
import type { Engine } from '../../src/db/types'
import { openEngine, readDatasetFiles } from './engine'

let cli: Engine & { close(): void }
let app: Engine & { close(): void }
beforeAll(async () => {
  const files = readDatasetFiles()
  cli = await openEngine(null)
  for (const t of TABLES) await cli.registerFileText(`exported/${t}.csv`, files[t] ?? '\n')
  await cli.query(cliSql('exported'))
  app = await openEngine(files)
})
afterAll(() => { cli.close(); app.close() })

describe('cliSql: the tables and views for the DuckDB CLI', () => {
  for (const sql of [
    'SELECT * FROM v_publisher_docs ORDER BY doc_id',
    'SELECT publisher_key, scope, stage, year, dimension, dim_key, amount::VARCHAR AS amount, origin, change::VARCHAR AS change FROM v_year_series ORDER BY ALL',
    'SELECT count(*)::INTEGER AS n FROM line_items',
  ]) {
    it(`answers as the app does: ${sql.slice(0, 60)}…`, async () => {
      const rows = await cli.query(sql)
      expect(rows.length).toBeGreaterThan(0)
      expect(rows).toEqual(await app.query(sql))
    })
  }

  it('reads the files from the folder it is given', () => {
    expect(cliSql('exported')).toContain("read_csv('exported/documents.csv'")
    expect(cliSql()).toContain("read_csv('documents.csv'")
  })
})

/** README's "Tables and views" section. */
const section = (() => {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8')
  const start = readme.indexOf('## Tables and views')
  return readme.slice(start, readme.indexOf('\n## ', start + 1))
})()

describe('README: tables and views', () => {
  it('documents every view', () => {
    expect(VIEW_NAMES.filter((v) => !section.includes('`' + v + '`'))).toEqual([])
  })

  it('gives examples that run over the CSVs and answer with rows', async () => {
    const examples = [...section.matchAll(/```sql\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split(/;\s*\n/)).map((q) => q.trim()).filter((q) => q.replace(/^--.*$/gm, '').trim() !== '')
    expect(examples.length).toBeGreaterThanOrEqual(2)
    for (const sql of examples) {
      const rows = await cli.query(sql)
      // Bundled data has no 预算/决算 pair of one publisher, scope and year: that example answers nothing, by design.
      if (!sql.includes('v_cross_execution')) expect(rows.length, sql).toBeGreaterThan(0)
    }
  })
})
