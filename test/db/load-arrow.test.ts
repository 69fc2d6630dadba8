/**
 * The dataset loaded from the build-time Arrow IPC (scripts/build-dataset-arrow.ts)
 * is the dataset loaded from CSV: same tables, same column types, same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datasetAsArrow } from '../../scripts/build-dataset-arrow'
import { nodeDuckDB } from '../../scripts/duckdb-node'
import { engineFromConnection } from '../../src/db/engine'
import { loadDatasetArrow } from '../../src/db/load'
import { TABLES } from '../../src/db/schema'
import type { Engine } from '../../src/db/types'
import { openEngine, readDatasetFiles } from './engine'

let fromCsv: Engine & { close(): void }
let fromArrow: Engine
let close: () => void

beforeAll(async () => {
  fromCsv = await openEngine()
  const arrows = await datasetAsArrow(readDatasetFiles())
  const bindings = await nodeDuckDB()
  const conn = bindings.connect()
  fromArrow = engineFromConnection(conn, (name, text) => bindings.registerFileText(name, text))
  await loadDatasetArrow(fromArrow, async (name, bytes) => { conn.insertArrowFromIPCStream(bytes, { name, create: true }) }, arrows)
  close = () => { conn.close(); bindings.reset() }
}, 120_000)

afterAll(() => { fromCsv?.close(); close?.() })

/** Rows of each data/dataset CSV. */
const ROWS: Record<string, number> = {
  documents: 4, line_items: 1763, sangong: 28, targets: 3072, evaluations: 14, narrative: 462, checks: 1279,
  findings: 20, evaluation_fields: 224, evaluation_indicators: 90, target_budgets: 10,
}

describe('loadDatasetArrow', () => {
  for (const table of TABLES) {
    it(`gives ${table} the same columns, types and rows as the CSV load`, async () => {
      const describe = (db: Engine) => db.query(`SELECT column_name, column_type FROM (DESCRIBE "${table}")`)
      expect(await describe(fromArrow)).toEqual(await describe(fromCsv))
      const all = (db: Engine) => db.query(`SELECT * FROM "${table}" ORDER BY ALL`)
      const rows = await all(fromCsv)
      expect(rows.length).toBe(ROWS[table])
      expect(await all(fromArrow)).toEqual(rows)
    })
  }

  it('ships facts (v_facts kept as a table) ready-made, the same rows v_facts gives, instead of computing it at start', async () => {
    const arrows = await datasetAsArrow(readDatasetFiles())
    expect(arrows.facts).toBeTruthy()
    const all = (db: Engine, from: string) => db.query(`SELECT * FROM ${from} ORDER BY ALL`)
    const facts = await all(fromArrow, 'facts')
    expect(facts.length).toBe(325)
    expect(facts).toEqual(await all(fromArrow, 'v_facts'))
    expect(facts).toEqual(await all(fromCsv, 'facts'))
    const describe = (db: Engine) => db.query('SELECT column_name, column_type FROM (DESCRIBE facts)')
    expect(await describe(fromArrow)).toEqual(await describe(fromCsv))
  })

  it('answers the views the same (长治 2026 208 合计, exact)', async () => {
    const sql = "SELECT sum(value)::VARCHAR AS s FROM line_items WHERE doc_id = 'changzhi-2026-budget' AND table_code = 'B03' AND class_code = '208' AND measure = '合计'"
    expect(await fromArrow.query(sql)).toEqual(await fromCsv.query(sql))
    expect(await fromArrow.query('SELECT count(*) AS n FROM v_function')).toEqual(await fromCsv.query('SELECT count(*) AS n FROM v_function'))
  })
})
