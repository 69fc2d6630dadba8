/**
 * The header of a table grid (tab-separated extractions): which column holds
 * what, and the measure each value column stands for.
 *
 * In the tab extractions a merged header cell prints its text in its first
 * column and leaves the columns it spans empty. So an empty header cell
 * belongs to the nearest non-empty cell on its left in the same header row —
 * but only when a lower header row has a leaf under it (B03 "项目→→2026年预算数→→"
 * over "科目编码→科目名称→合计→基本支出→项目支出"). A leaf in the last header
 * row spans nothing: B01 高平 prints 上年结转安排 on the first header row with
 * nothing under it, beside 当年预算安排 on the second.
 */

/** What a column holds. */
export type ColumnKind = 'code' | 'label' | 'lineno' | 'value'

export type Side = '' | '收入' | '支出'

export interface GridColumn {
  index: number
  kind: ColumnKind
  side: Side
  /** Index into GridHeader.panels. */
  panel: number
  /** Normalised measure (value columns only), '' when the header names none. */
  measure: string
  /** Whether the header printed anything over this column. */
  named: boolean
}

/**
 * A run of label/code columns followed by the value columns they label. Two-sided
 * tables have one panel a side; F06 has four panels side by side (人员经费 and
 * three of 公用经费); F07 has one panel with no label column at all.
 */
export interface GridPanel {
  side: Side
  codeCols: number[]
  labelCols: number[]
  valueCols: number[]
}

export interface GridHeader {
  columns: GridColumn[]
  panels: GridPanel[]
}

/** Whitespace removed (header cells are wrapped with inner spaces: "上缴 上级 支出"). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '')
}

const LINENO_HEADER = /^(行次|栏次)$/
const CODE_HEADER = /(编码|代码)$/
/** Header words of label columns (a value header such as 项目支出 must not match). */
const LABEL_HEADER = /^(项目|项目名称|项目[（(].*[)）]|单位名称|部门名称|科目|.*科目名称|支出功能分类科目)$/

/** A header cell that names a label, code or line-number column. */
export function isLabelHeaderWord(text: string): boolean {
  const t = squash(text)
  return LABEL_HEADER.test(t) || CODE_HEADER.test(t) || LINENO_HEADER.test(t)
}

function kindOf(leaf: string): ColumnKind {
  if (LINENO_HEADER.test(leaf)) return 'lineno'
  if (CODE_HEADER.test(leaf)) return 'code'
  if (LABEL_HEADER.test(leaf)) return 'label'
  return 'value'
}

/** A top header cell that names a side of a two-sided table (收入 / 国有资本经营预算支出 …). */
function sideOf(text: string): Side {
  if (/收入$/.test(text)) return '收入'
  if (/支出$/.test(text)) return '支出'
  return ''
}

/** `2026年合计` → `合计`, `2026预算数` → `预算数`, `2026年` → ''. */
function stripYear(text: string): string {
  return text.replace(/^\d{4}年?度?/, '')
}

/** Panels: a label/code column after a value column (or on a new side) starts a new one. */
function assignPanels(columns: GridColumn[]): GridPanel[] {
  const panels: GridPanel[] = []
  let current: GridPanel | null = null
  for (const col of columns) {
    const labelish = col.kind === 'code' || col.kind === 'label'
    if (!current || current.side !== col.side || (labelish && current.valueCols.length > 0)) {
      current = { side: col.side, codeCols: [], labelCols: [], valueCols: [] }
      panels.push(current)
    }
    col.panel = panels.length - 1
    if (col.kind === 'code') current.codeCols.push(col.index)
    else if (col.kind === 'label') current.labelCols.push(col.index)
    else if (col.kind === 'value') current.valueCols.push(col.index)
  }
  return panels
}

interface Cell {
  row: number
  col: number
  text: string
}

/**
 * Builds the header from its rows (cells already split, markup stripped).
 * `twoSided`: the top row names the sides (B01, B04, B09, F01, F04).
 * `stageWord`: the measure of a value column whose header is only a year (B01 收入 "2026年").
 */
export function buildHeader(rows: readonly (readonly string[])[], width: number, twoSided: boolean, stageWord: string): GridHeader {
  const grid = rows.map((r) => Array.from({ length: width }, (_, c) => squash(r[c] ?? '')))
  // origin[r][c]: the header cell covering (r, c), or null.
  const origin: (Cell | null)[][] = grid.map((row, r) =>
    row.map((text, c) => {
      if (text) return { row: r, col: c, text }
      const below = grid.slice(r + 1).some((lower) => lower[c] !== '')
      if (!below) return null
      for (let c0 = c - 1; c0 >= 0; c0--) if (row[c0]) return { row: r, col: c0, text: row[c0]! }
      return null
    }),
  )

  const columns: GridColumn[] = []
  const paths: Cell[][] = []
  let side: Side = ''
  for (let c = 0; c < width; c++) {
    let path = origin.map((row) => row[c]).filter((x): x is Cell => x !== null)
    if (twoSided && path[0]?.row === 0) {
      const s = sideOf(path[0].text)
      if (s) {
        side = s
        path = path.slice(1)
      }
    }
    const leaf = path.at(-1)?.text ?? ''
    columns.push({ index: c, kind: kindOf(leaf), side, panel: 0, measure: '', named: path.length > 0 })
    paths.push(path)
  }

  const panels = assignPanels(columns)

  // Measures: the path below the side, without a group spanning every value column of its side.
  for (const col of columns) {
    if (col.kind !== 'value') continue
    const sideValues = columns.filter((x) => x.kind === 'value' && x.side === col.side).map((x) => x.index)
    const path = paths[col.index]!
    const parts: string[] = []
    path.forEach((cell, i) => {
      const leaf = i === path.length - 1
      if (!leaf) {
        const spans = sideValues.every((v) => {
          const o = origin[cell.row]![v]
          return o !== null && o.row === cell.row && o.col === cell.col
        })
        if (spans) return
      }
      const text = stripYear(cell.text)
      if (text) parts.push(text)
      else if (leaf) parts.push(stageWord)
    })
    col.measure = parts.join('/')
  }
  return { columns, panels }
}

/**
 * A later header (F10 prints a new "项目→→统计数" under each of its sections)
 * overrides only the columns it names: F10 "项目→→统计数" leaves the 行次 column
 * of "项目→行次→采购金额" as it was.
 */
export function mergeHeader(old: GridHeader, next: GridHeader): GridHeader {
  const width = Math.max(old.columns.length, next.columns.length)
  const columns: GridColumn[] = []
  for (let c = 0; c < width; c++) {
    const o = old.columns[c]
    const n = next.columns[c]
    const keep = o && !(n && n.named) ? o : n
    // A renewed header without its 收入/支出 row keeps the sides it had.
    columns.push({ ...keep!, index: c, side: keep!.side || o?.side || '' })
  }
  return { columns, panels: assignPanels(columns) }
}
