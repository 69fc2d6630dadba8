import type { ParseContext } from './context'
import type { NarrativeRow } from './types'

/** Figures stated in the prose (情况说明), and prior-year figures derived from stated changes. */
export function parseNarrative(_ctx: ParseContext): NarrativeRow[] {
  return []
}
