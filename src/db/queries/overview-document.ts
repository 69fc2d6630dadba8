/**
 * Overview card of one loaded document, in the shape of the build-time summary
 * (src/db/summary.ts), so the Overview adds an imported document — which the
 * summary cannot know — beside the bundled ones with the same template.
 * Headlines follow the summary's rules: B03/F03 合计 rows in 元 (v_totals),
 * summed per subject, and the 三公经费 合计 of each figure.
 */
import type { SummaryDocument } from '../summary'
import type { Db } from '../types'

export const DOCUMENT_SQL = `SELECT doc_id, city, county_of, publisher, scope, COALESCE(year::VARCHAR, '') AS year, stage, unit, source, title
FROM documents WHERE doc_id = ?`

export const DOCUMENT_HEADLINES_SQL = `SELECT subject, sum(amount)::VARCHAR AS amount, min(line)::INTEGER AS line, list(row_id ORDER BY line, row_id) AS row_ids FROM (
  SELECT subject, amount, line, row_id FROM v_totals WHERE doc_id = ?
  UNION ALL
  SELECT '三公经费' || figure, amount_yuan, line, row_id FROM sangong WHERE doc_id = ? AND category = '合计'
) GROUP BY subject ORDER BY subject`

export const DOCUMENT_COUNTS_SQL = `SELECT
  (SELECT count(*) FROM line_items WHERE doc_id = ?)::INTEGER AS line_items,
  (SELECT count(*) FROM sangong WHERE doc_id = ?)::INTEGER AS sangong,
  (SELECT count(*) FROM narrative WHERE doc_id = ?)::INTEGER AS narrative,
  (SELECT count(*) FROM targets WHERE doc_id = ?)::INTEGER AS targets,
  (SELECT count(*) FROM evaluations WHERE doc_id = ?)::INTEGER AS evaluations,
  (SELECT count(*) FROM checks WHERE doc_id = ?)::INTEGER AS checks,
  (SELECT count(*) FROM v_projects WHERE doc_id = ?)::INTEGER AS projects`

/** The review's findings of a document by severity (issue 12), as the summary counts them. */
export const DOCUMENT_FINDINGS_SQL = `SELECT
  count(*) FILTER (WHERE severity = 'error')::INTEGER AS error,
  count(*) FILTER (WHERE severity = 'warning')::INTEGER AS warning,
  count(*) FILTER (WHERE severity = 'notice')::INTEGER AS notice
FROM findings WHERE doc_id = ?`

/** The document with its headline totals and row counts; null when no such document is loaded. */
export async function documentSummary(db: Db, docId: string): Promise<SummaryDocument | null> {
  const [document] = await db.query<Omit<SummaryDocument, 'headlines' | 'counts'>>(DOCUMENT_SQL, [docId])
  if (!document) return null
  const headlines = await db.query<SummaryDocument['headlines'][number]>(DOCUMENT_HEADLINES_SQL, [docId, docId])
  const [counts] = await db.query<Record<string, number>>(DOCUMENT_COUNTS_SQL, Array<string>(7).fill(docId))
  const [findings] = await db.query<NonNullable<SummaryDocument['findings']>>(DOCUMENT_FINDINGS_SQL, [docId])
  return { ...document, headlines, counts: counts ?? {}, findings: findings ?? { error: 0, warning: 0, notice: 0 } }
}
