import type { ParseContext } from '../context'
import type { LineItemRow } from '../types'
import { parsePdftotextTables } from './pdftotext'
import { parseTabTables } from './tab'

/**
 * Every figure of the B01–B13 / F01–F10 tables as line items, read by the
 * grid reader of the report's extraction style.
 */
export function parseTables(ctx: ParseContext): LineItemRow[] {
  return ctx.style === 'pdftotext' ? parsePdftotextTables(ctx) : parseTabTables(ctx)
}
