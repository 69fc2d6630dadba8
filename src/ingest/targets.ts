import type { ParseContext } from './context'
import type { TargetRow } from './types'

/** Indicators of every 项目支出绩效目标表 and the 整体支出绩效目标申报表. */
export function parseTargets(_ctx: ParseContext): TargetRow[] {
  return []
}
