/**
 * 机关运行经费: the B11 total of each document and the figure its prose states
 * for the same year, side by side (长治 2026 prints 425.28万元 in 表11, line 463,
 * and 425.27万元 in its prose, line 629: both are shown).
 */
import type { Db } from '../types'

export interface RunningCostRow {
  doc_id: string
  /** 'table' for the B11 合计, 'narrative' for the figure stated in the prose. */
  origin: 'table' | 'narrative'
  /** Amount in 元, exact decimal text. */
  amount: string
  /** The figure as printed ('' for a prose figure). */
  raw: string
  line: number
  table_code: string
  row_id: string
}

export const RUNNING_COSTS_SQL = `SELECT doc_id, 'table' AS origin, value::VARCHAR AS amount, raw, line, table_code, row_id
FROM line_items WHERE table_code = 'B11' AND row_kind = '合计' AND measure = '合计' AND unit = '元'
UNION ALL
-- narrative.value is DECIMAL(20,4) (it holds shares and counts too); an amount in 元 has two decimals.
SELECT doc_id, 'narrative', value::DECIMAL(18,2)::VARCHAR, '', line, '', row_id
FROM narrative n WHERE subject = '机关运行经费' AND relation = 'stated' AND unit = '元'
  AND year = (SELECT year FROM documents d WHERE d.doc_id = n.doc_id)
ORDER BY doc_id, origin DESC, line`

export function runningCosts(db: Db): Promise<RunningCostRow[]> {
  return db.query<RunningCostRow>(RUNNING_COSTS_SQL)
}
