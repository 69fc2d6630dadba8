/** Projects: every project row of B12/B13 with its unit, amount, indicators and self-evaluation. */
import { ident } from '../sql'
import type { BoundQuery, Db } from '../types'

export interface ProjectRow {
  doc_id: string
  part: string
  unit_name: string
  project_name: string
  /** Amount in 元. */
  amount: number
  line: number
  row_id: string
  indicators: number
  executed: number | null
  rate_pct: number | null
  grade: string | null
  eval_line: number | null
  eval_row_id: string | null
}

export const PROJECT_SORTS = ['amount', 'project_name', 'unit_name', 'doc_id', 'indicators'] as const
export type ProjectSort = (typeof PROJECT_SORTS)[number]

export interface ProjectQuery {
  search?: string
  docId?: string
  sort?: ProjectSort
  desc?: boolean
}

export function projectsQuery(q: ProjectQuery): BoundQuery {
  const params: string[] = []
  const where: string[] = []
  if (q.search) {
    where.push('(p.project_name ILIKE ? OR p.unit_name ILIKE ?)')
    params.push(`%${q.search}%`, `%${q.search}%`)
  }
  if (q.docId) {
    where.push('p.doc_id = ?')
    params.push(q.docId)
  }
  const sort = ident(q.sort ?? 'amount', PROJECT_SORTS)
  const sql = `SELECT p.doc_id, p.part, p.unit_name, p.project_name, p.amount::DOUBLE AS amount, p.line, p.row_id, p.indicators,
  e.executed_yuan::DOUBLE AS executed, e.rate_pct::DOUBLE AS rate_pct, e.grade, e.line AS eval_line, e.row_id AS eval_row_id
FROM v_projects p
LEFT JOIN evaluations e ON e.doc_id = p.doc_id AND e.project_name = p.project_name
${where.length ? 'WHERE ' + where.join(' AND ') : ''}
ORDER BY p.${sort} ${q.desc === false ? 'ASC' : 'DESC'}, p.doc_id, p.line`
  return { sql, params }
}

export function projectRows(db: Db, q: ProjectQuery): Promise<ProjectRow[]> {
  const { sql, params } = projectsQuery(q)
  return db.query<ProjectRow>(sql, params)
}

/** A 绩效目标 indicator of a project. */
export interface IndicatorRow {
  period: string
  level1: string
  level2: string
  level3: string
  target: string
  line: number
  row_id: string
}

export const INDICATORS_SQL = `SELECT period, level1, level2, level3, target, line, row_id
FROM targets WHERE doc_id = ? AND project_name = ? ORDER BY line`

export function projectIndicators(db: Db, docId: string, projectName: string): Promise<IndicatorRow[]> {
  return db.query<IndicatorRow>(INDICATORS_SQL, [docId, projectName])
}
