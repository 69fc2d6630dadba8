import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { computeSummary } from '../../src/db/summary'
import { createTableSql, csvHeader } from '../../src/db/schema'
import type { Engine } from '../../src/db/types'
import { DATASET_DIR, openEngine, readDatasetFiles } from './engine'

describe('createTableSql(table, file, header)', () => {
  it('reads every column as text and types amounts as DECIMAL(18,2)', () => {
    const sql = createTableSql('line_items', 'line_items.csv', ['doc_id', 'value', 'line'])
    expect(sql).toContain(`TRY_CAST(NULLIF("value", '') AS DECIMAL(18,2)) AS "value"`)
    expect(sql).toContain(`'value': 'VARCHAR'`)
    // a contract column missing from the file becomes empty rather than failing
    expect(sql).toContain(`COALESCE(NULL, '') AS "row_kind"`)
  })

  it('reads a CSV header', () => {
    expect(csvHeader('a,b,c\n1,2,3\n')).toEqual(['a', 'b', 'c'])
    expect(csvHeader('')).toEqual([])
  })
})

describe('loadDataset', () => {
  let db: Engine & { close(): void }
  beforeAll(async () => {
    // A header-only file (a parser that has not landed) and a file without the row_kind column.
    db = await openEngine({
      documents: 'doc_id,city,county_of,publisher,scope,year,stage,unit,source,title\nd1,甲,,某局,部门,2026,预算,万元,d1.txt,标题\n',
      line_items: 'doc_id,table_code,side,row_label,class_code,econ_code,unit_name,project_name,measure,value,unit,raw,line\n'
        + 'd1,B03,,"社会保障和就业支出",208,,,,合计,192907600.00,元,"19,290.76",187\n'
        + 'd1,B03,,"就业补助",20807,,,,合计,0.10,元,0.00001,9\n'
        + 'd1,B03,,"x",20808,,,,合计,0.20,元,0.00002,10\n',
      sangong: 'doc_id,year,figure,category,amount_yuan,line\n',
    })
  })
  afterAll(() => db.close())

  it('loads every table, empty ones included, and creates the views', async () => {
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM sangong')).toEqual([{ n: 0 }])
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM checks')).toEqual([{ n: 0 }])
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM v_facts')).toEqual([{ n: 3 }])
  })

  it('keeps amounts exact: 0.10 + 0.20 is 0.30, not 0.30000000000000004', async () => {
    expect(await db.query("SELECT sum(value)::VARCHAR AS s FROM line_items WHERE class_code <> '208'")).toEqual([{ s: '0.30' }])
  })

  it('keeps the printed figure and its line', async () => {
    expect(await db.query("SELECT raw, line, row_kind FROM line_items WHERE class_code = '208'")).toEqual([{ raw: '19,290.76', line: 187, row_kind: '' }])
  })
})

describe('computeSummary (the first-paint summary, built from data/dataset)', () => {
  const summary = computeSummary(readDatasetFiles())

  it('has every document with its scope, and 高平 with its parent city', () => {
    expect(summary.documents).toHaveLength(4)
    expect(summary.documents.find((d) => d.city === '高平')).toMatchObject({ county_of: '晋城', scope: '单位' })
  })

  it('gives exact headline totals with their lines: 长治 2026 支出合计 247362400.00 at line 181', () => {
    const cz = summary.documents.find((d) => d.doc_id === 'changzhi-2026-budget')!
    expect(cz.headlines.find((h) => h.subject === '支出合计')).toEqual({ subject: '支出合计', amount: '247362400.00', line: 181, row_ids: ['changzhi-2026-budget:L181'] })
  })

  it('counts rows as the CSVs hold them', () => {
    const lines = readFileSync(join(DATASET_DIR, 'line_items.csv'), 'utf8').trim().split('\n').length - 1
    // quoted fields never hold line breaks in this dataset, so lines − header = rows
    expect(summary.rows.line_items).toBe(lines)
  })

  it('knows 晋城 2021 only from figures derived from the prose', () => {
    expect(summary.derivedYears).toContainEqual({ city: '晋城', year: '2021', stage: '决算', doc_id: 'jincheng-2022-final' })
  })
})
