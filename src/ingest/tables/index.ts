import type { ParseContext } from '../context'
import { rowsFromText } from '../layout/rows'
import type { LineItemRow } from '../types'
import { parseLayoutTables } from './layout'
import { parsePdftotextTables } from './pdftotext'
import { parseTabTables } from './tab'

/**
 * Every figure of the B01–B13 / F01–F10 tables as line items, read by the
 * grid reader of the report's extraction style. In layout-mode text and PDFs,
 * the national-template tables and every 决算 table are read from positioned
 * cells (layout.ts); the Shanxi budget tables keep their arithmetic placer.
 */
export function parseTables(ctx: ParseContext): LineItemRow[] {
  if (ctx.style !== 'pdftotext') return parseTabTables(ctx)
  const byLayout = (t: ParseContext['tables'][number]) => t.family === 'national' || t.code.startsWith('F')
  const shanxi = ctx.tables.filter((t) => !byLayout(t))
  const national = ctx.tables.filter(byLayout)
  const items = shanxi.length > 0 ? parsePdftotextTables({ ...ctx, tables: shanxi }) : []
  if (national.length > 0) items.push(...parseLayoutTables(ctx, national, ctx.layout ?? rowsFromText(ctx.lines)))
  return items
}
