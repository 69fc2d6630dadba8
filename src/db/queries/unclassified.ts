/** Items of long-table imports that join no view (src/db/views.sql.ts v_import_unclassified), for the notice beside Compare. */
import type { Db } from '../types'

export interface UnclassifiedItem {
  doc_id: string
  item: string
  /** Amount in 元. */
  amount: number
  line: number
  row_id: string
  /** unknown: no 功能分类 code or name; ambiguous: a name the reports print for several codes. */
  reason: 'unknown' | 'ambiguous'
}

/** One bind parameter per document. */
export function unclassifiedSql(n: number): string {
  return `SELECT doc_id, item, amount::DOUBLE AS amount, line, row_id, reason
FROM v_import_unclassified WHERE doc_id IN (${Array(n).fill('?').join(', ')}) ORDER BY doc_id, line`
}

export function unclassifiedItems(db: Db, docs: readonly string[]): Promise<UnclassifiedItem[]> {
  return docs.length ? db.query<UnclassifiedItem>(unclassifiedSql(docs.length), [...docs]) : Promise.resolve([])
}
