/**
 * Rows of a national-template table as records (codes, name, figures), and
 * names joined across the lines they wrap over. Shared by the one-sided,
 * two-sided and two-panel readers (layout.ts, layout-panels.ts).
 */
import { isFigure, type Cell, type LayoutRow } from '../layout/rows'
import type { TableLayout } from '../templates'

/** 功能/经济分类 codes: "201", "13", "2080505". */
export const CODE = /^\d{2,7}$/
/** Words of a header line, never of a row name. */
export const HEADER_WORD = /科目|编码|名称|项目|功能分类|经济分类|^[类款项]+$|决算数|预算数|^合计$/

/** A printed row: its codes, its name (whitespace removed) and its figure cells. */
export interface Record {
  row: LayoutRow
  codes: string[]
  name: string
  figures: Cell[]
}

/** A row's codes (split "204 06 01" or joined "2080505"), its name and its figures. */
export function toRecord(row: LayoutRow, layout: TableLayout): Record {
  const cells = [...row.cells].sort((a, b) => a.x0 - b.x0)
  const codes: string[] = []
  let i = 0
  if (!layout.noLabel && !layout.twoSided) while (i < cells.length && CODE.test(cells[i]!.text)) codes.push(cells[i++]!.text)
  const rest = cells.slice(i)
  return {
    row: { ...row, cells: rest },
    codes,
    name: rest.filter((c) => !isFigure(c.text)).map((c) => c.text.replace(/\s+/g, '')).join(''),
    // A code further along the row is a second panel's code ("301 工资福利支出 302 商品和服务支出"), not a figure.
    figures: rest.filter((c, k) => isFigure(c.text) && !(CODE.test(c.text) && rest[k + 1] && !isFigure(rest[k + 1]!.text))),
  }
}

/**
 * Names that stand on a line of their own: a piece of a wrapped name below its
 * row ("机关事业单位基本养老保险缴" / "费支出"), or above a row that prints only its
 * code and figures, or both ("社 会 保 障 和 就" / "208 754.75 …" / "业支出", the
 * national 决算). Each piece goes to the nearer row with figures (by line); a
 * tie goes to the next row if it has no name of its own. A line with only a
 * code gives it to the next row with figures. Lines repeating the header (a
 * table continued on the next page) are not names.
 */
export function joinNames(records: Record[], header: readonly LayoutRow[]): Record[] {
  const headerText = new Set(header.flatMap((r) => r.cells.map((c) => c.text.replace(/\s+/g, ''))))
  const data = records.filter((r) => r.figures.length > 0)
  const before = new Map<Record, string[]>()
  const after = new Map<Record, string[]>()
  let code: string[] = []
  for (const r of records) {
    if (r.figures.length > 0) {
      if (r.codes.length === 0 && code.length > 0) r.codes = code
      code = []
      continue
    }
    if (r.codes.length > 0 && !r.name) {
      code = r.codes
      continue
    }
    if (!r.name || r.codes.length > 0 || r.row.cells.some((c) => headerText.has(c.text.replace(/\s+/g, '')))) continue
    const prev = data.filter((d) => d.row.no < r.row.no).at(-1)
    const next = data.find((d) => d.row.no > r.row.no)
    const dPrev = prev ? r.row.no - prev.row.no : Infinity
    const dNext = next ? next.row.no - r.row.no : Infinity
    const toNext = next !== undefined && (dNext < dPrev || (dNext === dPrev && !next.name))
    if (toNext) before.set(next, [...(before.get(next) ?? []), r.name])
    else if (prev) after.set(prev, [...(after.get(prev) ?? []), r.name])
  }
  for (const d of data) d.name = [...(before.get(d) ?? []), d.name, ...(after.get(d) ?? [])].join('')
  return data
}

