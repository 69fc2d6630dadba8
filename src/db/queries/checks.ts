/** The accounting identities of each document and their status (pass / rounding / fail). */
import type { CheckRow as DatasetCheckRow } from '../../ingest/types'
import type { Db } from '../types'

/** A row of checks.csv, with the first line involved for the provenance link. */
export type CheckRow = DatasetCheckRow & { first_line: number | null }

export const CHECKS_SQL = `SELECT doc_id, "check", expected, actual, diff, status, unit,
  TRY_CAST(split_part(lines, ';', 1) AS INTEGER) AS first_line, lines
FROM checks
WHERE (? = '' OR doc_id = ?) AND (? = '' OR status = ?)
ORDER BY CASE status WHEN 'fail' THEN 0 WHEN 'rounding' THEN 1 ELSE 2 END, doc_id, first_line`

export function checkRows(db: Db, docId = '', status = ''): Promise<CheckRow[]> {
  return db.query<CheckRow>(CHECKS_SQL, [docId, docId, status, status])
}

export interface CheckCount { doc_id: string; status: string; n: number }

export function checkCounts(db: Db): Promise<CheckCount[]> {
  return db.query<CheckCount>('SELECT doc_id, status, count(*)::INTEGER AS n FROM checks GROUP BY ALL ORDER BY ALL')
}
