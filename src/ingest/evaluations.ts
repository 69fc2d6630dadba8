import type { ParseContext } from './context'
import type { EvaluationRow } from './types'

/** One row per 项目支出绩效自评表, plus the 整体支出 self-evaluation. */
export function parseEvaluations(_ctx: ParseContext): EvaluationRow[] {
  return []
}
