import type { ParseContext } from '../context'
import type { LineItemRow } from '../types'

/** Tables of the pdftotext-like extraction (space-separated, empty cells collapsed). */
export function parsePdftotextTables(_ctx: ParseContext): LineItemRow[] {
  return []
}
