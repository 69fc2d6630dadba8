/** The review's findings (findings.csv, src/review): per document, by severity, and their counts for the Overview. */
import type { FindingRow as DatasetFindingRow } from '../../ingest/types'
import type { Db } from '../types'

/** A finding as DuckDB types it: line and page are integers (page null when the text has no pages). */
export type FindingRow = Omit<DatasetFindingRow, 'page'> & { page: number | null }

export const FINDINGS_SQL = `SELECT doc_id, rule, severity, table_code, row_label, measure, line, page, expected, actual, quote, message, message_en, value_unit
FROM findings
WHERE (? = '' OR doc_id = ?) AND (? = '' OR severity = ?)
ORDER BY doc_id, CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, line, rule`

/** Findings of one document ('' for all), optionally of one severity. */
export function findingRows(db: Db, docId = '', severity = ''): Promise<FindingRow[]> {
  return db.query<FindingRow>(FINDINGS_SQL, [docId, docId, severity, severity])
}

/** How many findings of each severity a document has (0 where none). */
export interface FindingCount { doc_id: string; errors: number; warnings: number; notices: number }

export const FINDING_COUNTS_SQL = `SELECT d.doc_id,
  count(*) FILTER (WHERE f.severity = 'error')::INTEGER AS errors,
  count(*) FILTER (WHERE f.severity = 'warning')::INTEGER AS warnings,
  count(*) FILTER (WHERE f.severity = 'notice')::INTEGER AS notices
FROM documents d LEFT JOIN findings f USING (doc_id)
GROUP BY d.doc_id ORDER BY d.doc_id`

export function findingCounts(db: Db): Promise<FindingCount[]> {
  return db.query<FindingCount>(FINDING_COUNTS_SQL)
}
