/**
 * The views' vocabularies. The prose joins the views by the subject_key the
 * parser sets (issue #10), no longer by LIKE on the subject's words:
 * v_sangong's prior-year 三公 points and v_execution's denominators. The figures must not move: the views as they
 * were (their SQL copied here as the reference, LIKE and all) and the views as
 * they are give the same rows over the bundled dataset and over every corpus
 * report, read both as a PDF and as `pdftotext -layout` text. And the
 * dimensions v_facts and v_year_points give are the vocabulary's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaceDataset, type DatasetFiles } from '../../src/db/load'
import { TABLES } from '../../src/db/schema'
import type { Engine } from '../../src/db/types'
import { toCsv } from '../../src/ingest/csv'
import { addReport, DATASET_COLUMNS, emptyDataset } from '../../src/ingest/dataset'
import type { ParsedReport } from '../../src/ingest/types'
import { DIMENSIONS, FACT_DIMENSIONS, YEAR_DIMENSIONS } from '../../src/ingest/vocabulary'
import { parseCorpusLayoutText, parseCorpusPdf } from '../ingest/corpus'
import { openEngine, readDatasetFiles } from './engine'

/** v_sangong before subject_key (views.sql.ts at 7b1e564, its lists written out). */
const OLD_V_SANGONG = `
SELECT s.doc_id, d.city, s.year, s.figure, s.category, s.amount_yuan AS amount, s.line,
  'table' AS origin, '' AS quote
FROM sangong s JOIN documents d USING (doc_id)
UNION ALL
SELECT n.doc_id, d.city, n.year, d.stage,
  CASE
    WHEN n.subject LIKE '%因公出国%' THEN '因公出国（境）费'
    WHEN n.subject LIKE '%公务接待%' THEN '公务接待费'
    WHEN n.subject LIKE '%公务用车购置费%' THEN '公务用车购置费'
    WHEN n.subject LIKE '%运行维护%' THEN '公务用车运行维护费'
    WHEN n.subject LIKE '%公务用车%' THEN '公务用车购置及运行费'
    ELSE '合计'
  END,
  n.value::DECIMAL(18,2), n.line, 'derived', n.quote
FROM narrative n JOIN documents d USING (doc_id)
WHERE n.relation = 'derived' AND n.unit = '元'
  AND (n.subject LIKE '%三公%' OR n.subject LIKE '%因公出国%' OR n.subject LIKE '%公务接待%' OR n.subject LIKE '%公务用车%')
UNION ALL
SELECT li.doc_id, d.city, d.year, d.stage,
  CASE WHEN trim(li.row_label) IN ('三公经费', '“三公”经费', '三公经费合计') THEN '合计' ELSE trim(li.row_label) END,
  li.value::DECIMAL(18,2), li.line, 'table', ''
FROM line_items li JOIN documents d USING (doc_id)
WHERE li.table_code = 'IMPORT' AND li.unit = '元'
  AND trim(li.row_label) IN ('三公经费', '“三公”经费', '三公经费合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行维护费', '公务接待费')`

/** v_execution before subject_key (views.sql.ts at 7b1e564). */
const OLD_V_EXECUTION = `
WITH rates AS (
  SELECT n.doc_id, n.subject, n.year, n.value AS rate_pct, n.quote, n.line,
    regexp_replace(n.subject, '完成(年初|全年|调整后)?预算(的)?$', '') AS topic,
    CASE
      WHEN n.subject LIKE '%年初预算%' OR n.quote LIKE '%完成年初预算%' THEN '年初预算'
      WHEN n.subject LIKE '%全年预算%' OR n.quote LIKE '%完成全年预算%' THEN '全年预算'
      WHEN n.subject LIKE '%调整后预算%' OR n.quote LIKE '%调整后预算%' THEN '调整后预算'
      ELSE '预算'
    END AS denominator
  FROM narrative n
  WHERE n.unit = '%' AND n.relation = 'stated' AND regexp_matches(n.subject, '完成(年初|全年|调整后)?预算')
), amounts AS (
  SELECT doc_id, subject, year, value, line FROM narrative WHERE unit = '元' AND relation = 'stated'
)
SELECT r.doc_id, r.topic AS subject, r.denominator, r.rate_pct, r.quote, r.line,
  (SELECT a.value FROM amounts a WHERE a.doc_id = r.doc_id
     AND a.year = r.year AND a.subject IN (r.topic || '年初预算', r.topic || '全年预算', r.topic || '调整后预算', r.topic || '预算')
     ORDER BY abs(a.line - r.line), a.line LIMIT 1) AS budget,
  (SELECT a.value FROM amounts a WHERE a.doc_id = r.doc_id
     AND a.year = r.year AND a.subject IN (r.topic || '决算', r.topic || '支出决算', r.topic)
     ORDER BY abs(a.line - r.line), a.line LIMIT 1) AS actual
FROM rates r`

/** Every row of a query as text, in one order. */
async function rowsOf(db: Engine, sql: string): Promise<string[]> {
  const rows = await db.query<Record<string, unknown>>(`SELECT * FROM (${sql}) ORDER BY ALL`)
  return rows.map((r) => JSON.stringify(Object.values(r).map((v) => (v === null ? null : String(v)))))
}

/** Parsed reports as dataset CSV text, the way `npm run ingest` writes them. */
function filesOf(reports: readonly ParsedReport[]): DatasetFiles {
  const ds = emptyDataset()
  for (const r of reports) addReport(ds, r)
  return Object.fromEntries(TABLES.map((t) => [t, toCsv(DATASET_COLUMNS[t] as never, ds[t] as readonly object[])]))
}

const CORPUS = [
  'shanghai-putuo-shangwuwei-2025-budget-dept.pdf',
  'shanghai-putuo-shangwuwei-2025-budget-unit.pdf',
  'shanghai-putuo-guihua-ziranziyuanju-2024-final-dept.pdf',
  'shanghai-2024-final-dept-template-blank.pdf',
]

let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

describe('v_sangong and v_execution join the prose by subject_key, with the same rows as by LIKE', () => {
  it('gives the bundled dataset the same 三公 points (prior years derived from the prose among them) and rates', async () => {
    const sangong = await rowsOf(db, 'SELECT * EXCLUDE (row_id) FROM v_sangong')
    expect(sangong).toEqual(await rowsOf(db, OLD_V_SANGONG))
    // 晋城, 长治 and 高平 derive prior-year 三公 figures; 晋城 2022 states rates of 年初预算 and 全年预算.
    expect((await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM v_sangong WHERE origin = 'derived'`))[0]!.n).toBeGreaterThanOrEqual(15)
    const execution = await rowsOf(db, 'SELECT * EXCLUDE (row_id, budget_row_id, actual_row_id) FROM v_execution')
    expect(execution).toEqual(await rowsOf(db, OLD_V_EXECUTION))
    expect((await db.query<{ d: string }>('SELECT DISTINCT denominator AS d FROM v_execution ORDER BY d')).map((r) => r.d)).toEqual(['全年预算', '年初预算'])
  })

  for (const [how, parse] of [['PDF', parseCorpusPdf], ['pdftotext -layout', async (f: string) => parseCorpusLayoutText(f)]] as const) {
    it(`gives the corpus reports read as ${how} the same rows`, async () => {
      await replaceDataset(db, filesOf(await Promise.all(CORPUS.map((f) => parse(f)))))
      expect((await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM documents'))[0]!.n).toBe(CORPUS.length)
      expect(await rowsOf(db, 'SELECT * EXCLUDE (row_id) FROM v_sangong')).toEqual(await rowsOf(db, OLD_V_SANGONG))
      expect(await rowsOf(db, 'SELECT * EXCLUDE (row_id, budget_row_id, actual_row_id) FROM v_execution')).toEqual(await rowsOf(db, OLD_V_EXECUTION))
    }, 120_000)
  }
})

describe('the views\' dimensions are the vocabulary\'s', () => {
  it('has v_facts give exactly FACT_DIMENSIONS (what Compare pivots) and v_year_points exactly YEAR_DIMENSIONS', async () => {
    await replaceDataset(db, readDatasetFiles())
    const distinct = async (sql: string) => (await db.query<{ d: string }>(sql)).map((r) => r.d).sort()
    expect(await distinct('SELECT DISTINCT dimension AS d FROM v_facts')).toEqual([...FACT_DIMENSIONS].sort())
    expect(await distinct('SELECT DISTINCT dimension AS d FROM v_year_points')).toEqual([...YEAR_DIMENSIONS].sort())
    expect(DIMENSIONS.every((d) => d.facts || d.years)).toBe(true)
  })
})
