/** Overview: the documents, which city × year × stage is known, and each document's headline totals. */
import type { DocumentRow } from '../../ingest/types'
import type { Db } from '../types'

export type DocumentInfo = Omit<DocumentRow, 'year'> & { year: number; label: string; is_county: boolean }

export function documentRows(db: Db): Promise<DocumentInfo[]> {
  return db.query<DocumentInfo>('SELECT * FROM v_documents ORDER BY city, year, stage')
}

/** A city-year known from a document, or only from a figure derived from the prose of a later one. */
export interface CoverageCell {
  city: string
  year: number
  stage: string
  /** 'document' when a report of that year is loaded; 'derived' when only narrative figures speak of it. */
  origin: 'document' | 'derived'
  doc_id: string
  figures: number
}

export const COVERAGE_SQL = `SELECT city, year, stage, 'document' AS origin, doc_id, 0 AS figures FROM documents
UNION ALL
SELECT d.city, n.year, d.stage, 'derived', n.doc_id, count(*)::INTEGER
FROM narrative n JOIN documents d USING (doc_id)
WHERE n.relation = 'derived' AND n.year IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM documents x WHERE x.city = d.city AND x.year = n.year AND x.stage = d.stage)
GROUP BY d.city, n.year, d.stage, n.doc_id
ORDER BY city, year, stage, origin`

export function coverage(db: Db): Promise<CoverageCell[]> {
  return db.query<CoverageCell>(COVERAGE_SQL)
}

/** Headline totals of one document, in 元 (exact decimal text) with their lines. */
export interface HeadlineRow {
  doc_id: string
  subject: string
  amount: string
  line: number
}

export const HEADLINES_SQL = `SELECT doc_id, subject, amount::VARCHAR AS amount, line FROM v_totals
UNION ALL
SELECT doc_id, '三公经费' || figure, amount_yuan::VARCHAR, line FROM sangong WHERE category = '合计'
ORDER BY doc_id, subject`

export function headlines(db: Db): Promise<HeadlineRow[]> {
  return db.query<HeadlineRow>(HEADLINES_SQL)
}
