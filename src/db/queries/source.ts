/** Source lines: every dataset figure read from one line of a report, for the provenance panel. */
import type { Db } from '../types'

export interface LineFigure {
  table_name: string
  what: string
  value: string
  line: number
}

export const LINE_FIGURES_SQL = `SELECT 'line_items' AS table_name, table_code || ' ' || concat_ws(' / ', NULLIF(row_label, ''), NULLIF(project_name, ''), measure) AS what, raw AS value, line
FROM line_items WHERE doc_id = ? AND line BETWEEN ? AND ?
UNION ALL
SELECT 'sangong', figure || ' ' || category, amount_yuan::VARCHAR, line FROM sangong WHERE doc_id = ? AND line BETWEEN ? AND ?
UNION ALL
SELECT 'narrative', subject || ' (' || relation || ')', value::VARCHAR || ' ' || unit, line FROM narrative WHERE doc_id = ? AND line BETWEEN ? AND ?
UNION ALL
SELECT 'evaluations', project_name, executed_yuan::VARCHAR, line FROM evaluations WHERE doc_id = ? AND line BETWEEN ? AND ?
UNION ALL
SELECT 'targets', project_name || ' ' || level3, target, line FROM targets WHERE doc_id = ? AND line BETWEEN ? AND ?
UNION ALL
SELECT 'evaluation_fields', concat_ws(' ', project_name, part, NULLIF(row_label, ''), field), CASE WHEN unit = '元' THEN value || ' 元' ELSE raw || unit END, line FROM evaluation_fields WHERE doc_id = ? AND line BETWEEN ? AND ?
UNION ALL
SELECT 'evaluation_indicators', project_name || ' ' || level3, score, line FROM evaluation_indicators WHERE doc_id = ? AND line BETWEEN ? AND ?
UNION ALL
SELECT 'target_budgets', project_name || ' ' || dimension || ' ' || item, value::VARCHAR, line FROM target_budgets WHERE doc_id = ? AND line BETWEEN ? AND ?
ORDER BY line, table_name`

/** Figures read from lines [from, to] of a document. */
export function figuresOnLines(db: Db, docId: string, from: number, to: number): Promise<LineFigure[]> {
  const p = [docId, from, to]
  return db.query<LineFigure>(LINE_FIGURES_SQL, [...p, ...p, ...p, ...p, ...p, ...p, ...p, ...p])
}
