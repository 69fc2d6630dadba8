import type { ParseContext } from '../context'
import { rowsFromText, type LayoutRow } from '../layout/rows'
import { layoutOf } from '../templates'
import type { LineItemRow } from '../types'

const LINE_NUMBERS = /^(行次|栏次)$/

/** A 行次 / 栏次 cell, or a row of column numbers "1 2 3 … n". */
function isNumberedRow(row: LayoutRow): boolean {
  if (row.cells.some((c) => LINE_NUMBERS.test(c.text.replace(/\s+/g, '')))) return true
  return row.cells.length >= 3 && row.cells.every((c, i) => c.text === String(i + 1))
}
import { parseLayoutTables } from './layout'
import { parseLayoutGridTables } from './layout-grid'
import { parsePdftotextTables } from './pdftotext'
import { parseTabTables } from './tab'

/**
 * Every figure of the B01–B13 / F01–F10 tables as line items, read by the
 * grid reader of the report's extraction style. In layout-mode text and PDFs,
 * the national-template tables are read from positioned cells (layout.ts),
 * tables that print 行次 / 栏次 from those cells put back into grid columns
 * (layout-grid.ts), and the Shanxi budget tables keep their arithmetic placer.
 */
export function parseTables(ctx: ParseContext): LineItemRow[] {
  if (ctx.style !== 'pdftotext') return parseTabTables(ctx)
  const rows = ctx.layout ?? rowsFromText(ctx.lines)
  const positional = ctx.tables.filter((t) => t.family === 'national' || t.code.startsWith('F'))
  const shanxiBudget = ctx.tables.filter((t) => !positional.includes(t))
  // A table that numbers its rows or columns (行次 / 栏次 / "1 2 3 …": the full 决算 templates), or that
  // the positional reader leaves unread (four panels side by side), is a grid the header-driven grid reader
  // knows; the other national tables are read by position.
  const numbered = positional.filter((t) => layoutOf(t.title).unread || rows.some((r) => r.no > t.start && r.no < t.end && isNumberedRow(r)))
  const byPosition = positional.filter((t) => !numbered.includes(t))
  const items = shanxiBudget.length > 0 ? parsePdftotextTables({ ...ctx, tables: shanxiBudget }) : []
  if (numbered.length > 0) items.push(...parseLayoutGridTables(ctx, numbered, rows))
  if (byPosition.length > 0) items.push(...parseLayoutTables(ctx, byPosition, rows))
  return items.sort((a, b) => ctx.tables.findIndex((t) => t.code === a.table_code) - ctx.tables.findIndex((t) => t.code === b.table_code))
}
