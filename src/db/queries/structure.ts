/** Structure: one document's spending by 功能分类 (类 → 款 → 项), and its 基本/项目 and 人员/公用 splits. */
import type { Db } from '../types'

/** A 功能分类 row of B03/F03: amount in 元 for one part (合计, 基本支出, 项目支出). */
export interface ClassRow {
  class_code: string
  class_name: string
  level: '类' | '款' | '项'
  part: string
  amount: number
  line: number
  row_id: string
}

export const STRUCTURE_SQL = `SELECT class_code, class_name, level, part, amount::DOUBLE AS amount, line, row_id
FROM v_function WHERE doc_id = ? ORDER BY class_code, part`

export function classRows(db: Db, docId: string): Promise<ClassRow[]> {
  return db.query<ClassRow>(STRUCTURE_SQL, [docId])
}

/** A two-way split of a document's spending, with where each figure stands. */
export interface SplitRow {
  split: '基本/项目' | '人员/公用'
  part: string
  amount: number
  line: number
  row_id: string
  /** Where the figure comes from: a table code, or 'narrative'. */
  origin: string
}

export const SPLITS_SQL = `SELECT '基本/项目' AS split, subject AS part, amount::DOUBLE AS amount, line, row_id, 'table' AS origin
FROM v_totals WHERE doc_id = ? AND subject IN ('基本支出', '项目支出')
UNION ALL
SELECT '人员/公用', measure, value::DOUBLE, line, row_id, table_code
FROM line_items WHERE doc_id = ? AND table_code = 'B06' AND row_kind = '合计' AND measure IN ('人员经费', '公用经费') AND unit = '元'
UNION ALL
-- A 决算 has no B06: its narrative states 人员经费 and 公用经费 of the 基本支出 (possibly
-- in more than one section: the first statement stands for them).
SELECT '人员/公用', n.subject, arg_min(n.value, n.line)::DOUBLE, min(n.line), arg_min(n.row_id, n.line), 'narrative'
FROM narrative n
WHERE n.doc_id = ? AND n.subject IN ('人员经费', '公用经费') AND n.relation = 'stated' AND n.unit = '元'
  AND NOT EXISTS (SELECT 1 FROM line_items b WHERE b.doc_id = n.doc_id AND b.table_code = 'B06' AND b.row_kind = '合计')
GROUP BY n.subject
ORDER BY 1, 2`

export function splitRows(db: Db, docId: string): Promise<SplitRow[]> {
  return db.query<SplitRow>(SPLITS_SQL, [docId, docId, docId])
}
