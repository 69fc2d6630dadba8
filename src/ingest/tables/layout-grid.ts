/**
 * Shanxi-template tables (the 决算 set F01–F10) in layout-mode text or a PDF,
 * read as the grid they were printed as. Their headers are what the grid
 * reader (tab.ts) knows best — 行次 columns, 栏次 rows, nested 收入/支出
 * headers, two label panels — so rather than teach the positional reader all
 * of that again, the positioned cells are put back into grid columns and the
 * one header-driven grid reader reads them.
 *
 * Columns come from where the cells stand: the cells of the rows that carry
 * figures (栏次 rows included) give the column extents, merged where they
 * overlap; header cells that stand over no such column add a column of their
 * own (a column empty in every data row still has its header). A cell then
 * goes to the column it overlaps most. Where two cells of one data row fall
 * into one column the columns were not told apart, and the table is not read
 * by position at all (the caller says so) rather than read wrong.
 */
import type { ParseContext } from '../context'
import { isFigure, type Cell, type LayoutRow } from '../layout/rows'
import type { LineItemRow, LocatedTable } from '../types'
import { readGridTable, type GridRow } from './tab'

interface Span {
  x0: number
  x1: number
}

const overlap = (a: Span, b: Span) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)

/** Column extents from cells: sorted by their left edge, merged while they overlap. */
function mergeSpans(cells: readonly Span[]): Span[] {
  const spans: Span[] = []
  for (const c of [...cells].sort((a, b) => a.x0 - b.x0)) {
    const last = spans.at(-1)
    if (last && c.x0 < last.x1) last.x1 = Math.max(last.x1, c.x1)
    else spans.push({ x0: c.x0, x1: c.x1 })
  }
  return spans
}

/** The column a cell stands in: the one it overlaps most, else the nearest. */
function columnOf(cell: Span, columns: readonly Span[]): number {
  let best = -1
  let bestOverlap = 0
  columns.forEach((col, i) => {
    const o = overlap(cell, col)
    if (o > bestOverlap) [best, bestOverlap] = [i, o]
  })
  if (best >= 0) return best
  const centre = (s: Span) => (s.x0 + s.x1) / 2
  let nearest = 0
  columns.forEach((col, i) => {
    if (Math.abs(centre(col) - centre(cell)) < Math.abs(centre(columns[nearest]!) - centre(cell))) nearest = i
  })
  return nearest
}

/**
 * The grid rows of one table from its positioned rows, or null when the
 * positions do not separate its columns (a text flattened to single spaces).
 * Rows of one cell are the table's furniture (title, 公开表 number, unit,
 * notes): a grid row has two cells at least, as a tab extraction's line has a tab.
 */
export function gridFromLayout(rows: readonly LayoutRow[]): GridRow[] | null {
  const table = rows.filter((r) => r.cells.length >= 2)
  const withFigures = table.filter((r) => r.cells.some((c) => isFigure(c.text)))
  if (withFigures.length === 0) return null
  const columns = mergeSpans(withFigures.flatMap((r) => r.cells))
  // A header over a column that no data row fills (上级补助收入 in a report that had none) is a column too.
  const headerOnly = table.filter((r) => !withFigures.includes(r)).flatMap((r) => r.cells).filter((c) => columns.every((col) => overlap(c, col) <= 0))
  columns.push(...mergeSpans(headerOnly))
  columns.sort((a, b) => a.x0 - b.x0)
  const grid: GridRow[] = []
  for (const row of table) {
    const cells: string[] = columns.map(() => '')
    const filled = new Set<number>()
    for (const c of [...row.cells].sort((a: Cell, b: Cell) => a.x0 - b.x0)) {
      const i = columnOf(c, columns)
      if (filled.has(i)) {
        if (withFigures.includes(row)) return null
        cells[i] = `${cells[i]} ${c.text}`
      } else cells[i] = c.text
      filled.add(i)
    }
    grid.push({ line: row.no, cells })
  }
  return grid
}

/**
 * Line items of Shanxi-template tables from positioned rows. A table whose
 * columns cannot be told apart by position is reported, not guessed.
 */
export function parseLayoutGridTables(ctx: ParseContext, tables: readonly LocatedTable[], rows: readonly LayoutRow[]): LineItemRow[] {
  const out: LineItemRow[] = []
  for (const t of tables) {
    const own = rows.filter((r) => r.no > t.start && r.no < t.end)
    // Positions mean columns only in a column layout: in a text whose cells are joined by single spaces
    // (a tab extraction flattened) each row's cells stand wherever its text happens to put them.
    const withFigures = own.filter((r) => r.cells.some((c) => isFigure(c.text)))
    const laidOut = withFigures.filter((r) => /\S[ \t]{2,}\S/.test(ctx.lines[r.no - 1]?.text ?? ''))
    const grid = laidOut.length * 2 >= withFigures.length ? gridFromLayout(own) : null
    if (!grid) {
      const hasFigures = withFigures.length > 0
      ctx.problems.push({
        severity: 'warning',
        where: t.code,
        line: t.start,
        message: hasFigures
          ? `表“${t.title}”的文字没有按列排版（单元格之间只有一个空格），无法按位置判断各数字所在的列，未读取`
          : `表“${t.title}”已找到，但没有读到任何数字`,
      })
      continue
    }
    out.push(...readGridTable(ctx, t, grid))
  }
  return out
}
