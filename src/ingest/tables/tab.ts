import type { ParseContext } from '../context'
import type { LineItemRow } from '../types'

/** Tables of the tab-separated extractions (plain and markdown-ish). */
export function parseTabTables(_ctx: ParseContext): LineItemRow[] {
  return []
}
