/**
 * Execution: 决算 against 预算 wherever one document holds both — the rates
 * stated in the narrative (with their denominator: 年初预算 / 全年预算), the
 * 三公 预算数 vs 决算数 of F07, and each project's 绩效自评. A 决算 of one year
 * against a 预算 of another year is never paired here.
 */
import type { Db } from '../types'

export interface StatedRate {
  doc_id: string
  subject: string
  /** 年初预算, 全年预算 or 调整后预算: what the rate divides by. */
  denominator: string
  rate_pct: number
  /** Amounts stated in the same clause, in 元 (null when the clause states none). */
  budget: number | null
  actual: number | null
  quote: string
  line: number
  /** The rows of the rate and of its amounts (null when the clause states none). */
  row_id: string
  budget_row_id: string | null
  actual_row_id: string | null
}

export const STATED_RATES_SQL = `SELECT doc_id, subject, denominator, rate_pct::DOUBLE AS rate_pct,
  budget::DOUBLE AS budget, actual::DOUBLE AS actual, quote, line, row_id, budget_row_id, actual_row_id
FROM v_execution ORDER BY doc_id, line, subject`

export function statedRates(db: Db): Promise<StatedRate[]> {
  return db.query<StatedRate>(STATED_RATES_SQL)
}

/** 三公 预算数 against 决算数 of the same document and category. */
export interface SangongExecution {
  doc_id: string
  year: number
  category: string
  budget: number
  actual: number
  /** 决算 / 预算 × 100, to two decimals (DECIMAL arithmetic, so 20288.20 / 71000.00 = 28.57). */
  rate_pct: number | null
  budget_line: number
  actual_line: number
  budget_row_id: string
  actual_row_id: string
}

export const SANGONG_EXECUTION_SQL = `SELECT b.doc_id, b.year, b.category,
  b.amount_yuan::DOUBLE AS budget, a.amount_yuan::DOUBLE AS actual,
  CASE WHEN b.amount_yuan <> 0 THEN round(a.amount_yuan * 100 / b.amount_yuan, 2)::DOUBLE END AS rate_pct,
  b.line AS budget_line, a.line AS actual_line, b.row_id AS budget_row_id, a.row_id AS actual_row_id
FROM sangong b JOIN sangong a
  ON a.doc_id = b.doc_id AND a.year = b.year AND a.category = b.category AND a.figure = '决算'
WHERE b.figure = '预算'
ORDER BY b.doc_id, CASE b.category WHEN '合计' THEN 0 ELSE 1 END, b.category`

export function sangongExecution(db: Db): Promise<SangongExecution[]> {
  return db.query<SangongExecution>(SANGONG_EXECUTION_SQL)
}

/** One 绩效自评表: amounts in 元, the printed 执行率, and the rate recomputed against 全年预算. */
export interface EvaluationRow {
  doc_id: string
  unit_name: string
  project_name: string
  initial: number | null
  budget: number | null
  executed: number | null
  rate_pct: number | null
  /** executed / budget (全年预算数) × 100. */
  rate_vs_budget: number | null
  /** executed / initial (年初预算数) × 100. */
  rate_vs_initial: number | null
  score: number | null
  grade: string
  line: number
  /** Line of the 总分 row, where score and grade stand (jincheng-2022 line 696, not the 资金总额 row's 685). */
  score_line: number | null
  /** The evaluations row (its 全年执行数 and 执行率 are cited by it). */
  row_id: string
}

export const EVALUATIONS_SQL = `SELECT doc_id, unit_name, project_name,
  initial_yuan::DOUBLE AS initial, budget_yuan::DOUBLE AS budget, executed_yuan::DOUBLE AS executed,
  rate_pct::DOUBLE AS rate_pct,
  CASE WHEN budget_yuan <> 0 THEN round(executed_yuan * 100 / budget_yuan, 2)::DOUBLE END AS rate_vs_budget,
  CASE WHEN initial_yuan <> 0 THEN round(executed_yuan * 100 / initial_yuan, 2)::DOUBLE END AS rate_vs_initial,
  score::DOUBLE AS score, grade, line, score_line, row_id
FROM evaluations ORDER BY doc_id, line`

export function evaluationRows(db: Db): Promise<EvaluationRow[]> {
  return db.query<EvaluationRow>(EVALUATIONS_SQL)
}
