/**
 * What each report prints as its spending total (B03/F03 合计, v_totals), and
 * the names of the 功能分类 类: Compare sets the printed total beside the sum of
 * its rows (they differ by rounding when each row was rounded on its own) and
 * filters 款/项 rows by their 类.
 */
import { placeholders } from '../sql'
import type { Db } from '../types'

export interface PrintedTotal {
  doc_id: string
  /** Amount in 元. */
  amount: number
  line: number
  row_id: string
}

export function printedTotals(db: Db, docs: readonly string[]): Promise<PrintedTotal[]> {
  if (docs.length === 0) return Promise.resolve([])
  return db.query<PrintedTotal>(`SELECT doc_id, amount::DOUBLE AS amount, line, row_id FROM v_totals
WHERE subject = '支出合计' AND doc_id IN (${placeholders(docs.length)}) ORDER BY doc_id`, [...docs])
}

/** 类 code → name, as the reports print it (one name per code). */
export async function classNames(db: Db): Promise<Record<string, string>> {
  const rows = await db.query<{ class_code: string; class_name: string }>(
    "SELECT class_code, min(class_name) AS class_name FROM v_class_names WHERE length(class_code) = 3 GROUP BY class_code ORDER BY class_code")
  return Object.fromEntries(rows.map((r) => [r.class_code, r.class_name]))
}
