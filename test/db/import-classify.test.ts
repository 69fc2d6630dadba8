/**
 * A long-table import joins Compare, Structure and 三公 where its items name
 * a 功能分类 类/款/项 (by code or by a name the reports print for one code) or a
 * 三公 category; every other item is listed as not classifiable, with the
 * reason — never an empty column. Real DuckDB, bundled data plus the import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datasetWithImports, replaceDataset } from '../../src/db/load'
import { handleImportRequest } from '../../src/import/worker-handler'
import type { Engine } from '../../src/db/types'
import { openEngine, readDatasetFiles } from './engine'

const bundled = readDatasetFiles()
const BUNDLED_IDS = ['changzhi-2026-budget', 'gaoping-2026-budget', 'jincheng-2022-final', 'jincheng-2024-budget']

const CSV = [
  '城市,年度,阶段,项目,金额,单位',
  '阳城,2025,预算,社会保障和就业支出,"1,234.5万",万元', // a 类 by name (208)
  '阳城,2025,预算,20801 人力资源和社会保障管理事务,100,万元', // a 款 by code and name
  '阳城,2025,预算,205,50,万元', // a 类 by code alone (教育支出)
  '阳城,2025,预算,其他社会保障和就业支出,10,万元', // printed both as 款 20899 and as 项 2089999: ambiguous
  '阳城,2025,预算,办公楼修缮,3,万元', // no 功能分类 name at all
  '阳城,2025,预算,公务接待费,1.2,万元', // a 三公 category
].join('\n') + '\n'

describe('a long-table import in the views', () => {
  let db: Engine & { close(): void }
  beforeAll(async () => {
    db = await openEngine(bundled)
    const res = handleImportRequest({ id: 1, kind: 'csv', reserved: BUNDLED_IDS, files: [{ fileName: 'yangcheng.csv', text: CSV }] })
    if (!res.ok || res.kind !== 'csv') throw new Error('import failed')
    await replaceDataset(db, datasetWithImports(bundled, [res.result.imports[0]!.files]))
  })
  afterAll(() => db.close())

  const doc = async () => (await db.query<{ doc_id: string }>("SELECT doc_id FROM documents WHERE city = '阳城'"))[0]!.doc_id

  it('puts items that name a 类 or 款 into Compare (v_facts) with their amounts in 元 and their CSV lines', async () => {
    const rows = await db.query<{ dimension: string; dim_key: string; dim_label: string; amount: string; line: number }>(
      'SELECT dimension, dim_key, dim_label, amount::VARCHAR AS amount, line FROM v_facts WHERE doc_id = ? ORDER BY dimension, dim_key', [await doc()])
    expect(rows).toEqual([
      { dimension: 'class3', dim_key: '205', dim_label: '教育支出', amount: '500000.00', line: 4 },
      { dimension: 'class3', dim_key: '208', dim_label: '社会保障和就业支出', amount: '12345000.00', line: 2 },
      { dimension: 'class5', dim_key: '20801', dim_label: '人力资源和社会保障管理事务', amount: '1000000.00', line: 3 },
    ])
  })

  it('puts a 三公 category into the 三公 points as a table figure of its stage and year', async () => {
    const rows = await db.query<{ year: number; figure: string; category: string; amount: string }>(
      'SELECT year, figure, category, amount::VARCHAR AS amount FROM v_sangong WHERE doc_id = ?', [await doc()])
    expect(rows).toEqual([{ year: 2025, figure: '预算', category: '公务接待费', amount: '12000.00' }])
  })

  it('lists the rest as not classifiable, saying whether the name is unknown or names several codes', async () => {
    const rows = await db.query<{ item: string; reason: string; line: number }>(
      'SELECT item, reason, line FROM v_import_unclassified WHERE doc_id = ? ORDER BY line', [await doc()])
    expect(rows).toEqual([
      { item: '其他社会保障和就业支出', reason: 'ambiguous', line: 5 },
      { item: '办公楼修缮', reason: 'unknown', line: 6 },
    ])
  })

  it('leaves the bundled documents’ facts as they were', async () => {
    const n = await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM v_function WHERE table_code = 'IMPORT' AND doc_id <> ?", [await doc()])
    expect(n[0]!.n).toBe(0)
  })
})
