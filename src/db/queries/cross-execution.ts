/**
 * Execution across documents: 决算 ÷ 预算 where a 预算 report and a 决算 report
 * of the same publisher, scope and year are both loaded — per 功能分类 类/款/项
 * and per 三公 category, each rate citing both documents; a key printed in
 * only one of them is listed, not dropped. Never across years or scopes.
 */
import type { Db } from '../types'

export interface CrossExecutionRow {
  publisher_key: string
  scope: string
  year: number
  budget_doc_id: string
  final_doc_id: string
  /** class3 / class5 / class7 (功能分类 类/款/项) or sangong. */
  dimension: string
  dim_key: string
  dim_label: string
  /** 元, exact decimal text (null when the key is not in that document). */
  budget: string | null
  budget_line: number | null
  actual: string | null
  actual_line: number | null
  /** What the rate divides by: the 预算 report's figure, 年初预算. */
  denominator: string
  /** actual × 100 ÷ budget, two decimals (null when either side is missing or the budget is 0). */
  rate_pct: number | null
  budget_row_id: string | null
  actual_row_id: string | null
}

export const CROSS_EXECUTION_SQL = `SELECT publisher_key, scope, year, budget_doc_id, final_doc_id, dimension, dim_key, dim_label,
  budget::VARCHAR AS budget, budget_line, actual::VARCHAR AS actual, actual_line, denominator, rate_pct::DOUBLE AS rate_pct,
  budget_row_id, actual_row_id
FROM v_cross_execution
ORDER BY publisher_key, year, scope, budget_doc_id, final_doc_id,
  CASE dimension WHEN 'sangong' THEN 1 ELSE 0 END, dim_key`

export function crossExecution(db: Db): Promise<CrossExecutionRow[]> {
  return db.query<CrossExecutionRow>(CROSS_EXECUTION_SQL)
}
