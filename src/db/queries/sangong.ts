/** 三公经费 over the years: table figures (预算 from B10, 预算/决算 from F07) and points derived from the prose. */
import type { Db } from '../types'

export interface SangongPoint {
  doc_id: string
  city: string
  year: number
  /** 预算 or 决算. */
  figure: string
  category: string
  /** Amount in 元. */
  amount: number
  line: number
  /** 'table' for a printed table figure, 'derived' for a prior-year figure computed from a stated change. */
  origin: 'table' | 'derived'
  quote: string
  row_id: string
}

export const SANGONG_SQL = `SELECT doc_id, city, year, figure, category, amount::DOUBLE AS amount, line, origin, quote, row_id
FROM v_sangong ORDER BY city, category, year, figure, origin`

export function sangongPoints(db: Db): Promise<SangongPoint[]> {
  return db.query<SangongPoint>(SANGONG_SQL)
}
