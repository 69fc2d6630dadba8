/**
 * Tables of the national templates (templates.ts), read from the one layout
 * model: rows of positioned cells, from a PDF or from layout-mode text. The
 * header says what each column is and where it stands; a figure belongs to the
 * column it stands under (the extraction drops empty cells, so counting cells
 * would misplace it). Arithmetic then verifies the reading (checks.ts).
 */
import type { ParseContext } from '../context'
import { parseNumber, toYuan } from '../decimal'
import { isFigure, type Cell, type LayoutRow } from '../layout/rows'
import { layoutOf, type TableLayout } from '../templates'
import type { LineItemRow, LocatedTable, PrintedUnit } from '../types'
import { assignColumns, columnsOf, type Column } from './layout-header'
import { readPanels } from './layout-panels'
import { HEADER_WORD, joinNames, toRecord, type Record } from './layout-records'

type Side = LineItemRow['side']

/** Rows that are page furniture of a table, not its content. */
const META = /^(编制部门|编制单位|部门名称|单位名称|预算主管部门|预算单位)[:：]|^(金额)?单位[:：]|决算表$/
/** A note or the prose after the table ends its content. */
const END = /^(注|说明|备注)\s*[:：]|情况说明$/
const UNIT_RE = /单位\s*[:：]\s*(万元|元)/


/** Line items of every national-template table among `tables`. */
export function parseLayoutTables(ctx: ParseContext, tables: readonly LocatedTable[], rows: readonly LayoutRow[]): LineItemRow[] {
  const byLine = new Map(rows.map((r) => [r.no, r]))
  const out: LineItemRow[] = []
  for (const t of tables) {
    try {
      const items = readTable(ctx, t, byLine)
      if (items.length === 0 && !layoutOf(t.title).unread) {
        ctx.problems.push({ severity: 'warning', where: t.code, line: t.start, message: `表“${t.title}”已找到，但没有读到任何数字` })
      }
      out.push(...items)
    } catch (err) {
      ctx.problems.push({ severity: 'error', where: t.code, line: t.start, message: `表格解析失败：${err instanceof Error ? err.message : String(err)}` })
    }
  }
  return out
}

function readTable(ctx: ParseContext, t: LocatedTable, byLine: ReadonlyMap<number, LayoutRow>): LineItemRow[] {
  const layout = layoutOf(t.title)
  if (layout.unread) {
    ctx.problems.push({ severity: 'warning', where: t.code, line: t.start, message: `表“${t.title}”未读取：${layout.unread}` })
    return []
  }
  let unit: PrintedUnit | '' = ''
  const body: LayoutRow[] = []
  for (let no = t.start + 1; no < t.end; no++) {
    const row = byLine.get(no)
    if (!row || row.cells.length === 0) continue
    const text = row.cells.map((c) => c.text).join('')
    const u = UNIT_RE.exec(text)
    if (u && !unit) unit = u[1] as PrintedUnit
    if (END.test(text.trim())) break
    const cells = row.cells.filter((c) => !META.test(c.text.replace(/\s+/g, '')))
    if (cells.length > 0) body.push({ ...row, cells })
  }
  const printedUnit = unit || ctx.document.unit
  if (!printedUnit) return []
  const records = body.map((row) => toRecord(row, layout))
  let first = records.findIndex((r) => r.figures.length > 0 || /^(合计|总计)$/.test(r.name))
  if (first < 0 || !records.some((r) => r.figures.length > 0)) return []
  // The first row's name can stand on the line above it, right under the header ("社 会 保 障 和 就" / "208 …").
  const above = records[first - 1]
  if (above && !layout.twoSided && !layout.noLabel && !records[first]!.name && above.codes.length === 0 && above.row.no === records[first]!.row.no - 1 && !HEADER_WORD.test(above.name)) first--
  const header = body.slice(0, first)
  const data = records.slice(first)
  // Positions only mean something in a column layout: a text whose cells are joined by single spaces
  // (a tab extraction flattened) gives none, and a figure must then not be placed by where it stands.
  const rowsWithFigures = data.filter((r) => r.figures.length > 0)
  const laidOut = rowsWithFigures.filter((r) => /\S[ \t]{2,}\S/.test(ctx.lines[r.row.no - 1]?.text ?? ''))
  if (laidOut.length * 2 < rowsWithFigures.length) {
    ctx.problems.push({ severity: 'warning', where: t.code, line: t.start, message: `表“${t.title}”的文字没有按列排版（单元格之间只有一个空格），无法按位置判断各数字所在的列，未读取` })
    return []
  }
  const emit = (r: Record, side: Side, label: string, figures: Cell[], columns: Column[]): LineItemRow[] => {
    const placed = assignColumns(figures, columns)
    if (!placed) {
      ctx.problems.push({ severity: 'warning', where: t.code, line: r.row.no, message: `${figures.length} 个数字多于表头的 ${columns.length} 列，未读取` })
      return []
    }
    return figures.map((f, i): LineItemRow => {
      const measure = columns[placed[i]!]!.measure
      const item: LineItemRow = {
      doc_id: ctx.document.doc_id,
      table_code: t.code,
      side,
      row_label: label,
      class_code: layout.econ ? '' : r.codes.join(''),
      econ_code: layout.econ ? r.codes.join('') : '',
      unit_name: '',
      project_name: '',
      measure,
      value: toYuan(parseNumber(f.text)!, printedUnit),
      unit: '元',
      raw: f.text,
      line: r.row.no,
      row_kind: /合计$|总计$/.test(label) ? '合计' : '',
      page: r.row.page,
      }
      const moved = layout.moved
      return moved && moved.header.test(measure) ? { ...item, table_code: moved.code, row_label: moved.label, measure: '合计', row_kind: '合计' } : item
    })
  }
  if (layout.panels) return readPanels(header, body.slice(first), layout, emit)
  return layout.twoSided ? twoSided(header, data, emit) : oneSided(header, joinNames(data, header), layout, emit)
}

/** Line items of one row's figures, placed in `columns`. */
export type Emit = (r: Record, side: Side, label: string, figures: Cell[], columns: Column[]) => LineItemRow[]

/**
 * A table continued on another page may stand shifted there (pdftotext lays
 * each page out on its own grid): shift each page's rows so that their first
 * figures' right edges line up with the first page's.
 */
function alignPages(data: readonly Record[]): Record[] {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  const firstEdge = (page: number) => median(data.filter((r) => r.row.page === page && r.figures.length > 0).map((r) => r.figures[0]!.x1))
  const home = firstEdge(data.find((r) => r.figures.length > 0)?.row.page ?? 0)
  const shiftOf = new Map<number, number>()
  for (const page of new Set(data.map((r) => r.row.page))) shiftOf.set(page, firstEdge(page) - home)
  const move = (c: Cell, d: number): Cell => ({ ...c, x0: c.x0 - d, x1: c.x1 - d })
  return data.map((r) => {
    const d = shiftOf.get(r.row.page) ?? 0
    return d === 0 ? r : { ...r, figures: r.figures.map((c) => move(c, d)), row: { ...r.row, cells: r.row.cells.map((c) => move(c, d)) } }
  })
}

function oneSided(header: readonly LayoutRow[], rows: readonly Record[], layout: TableLayout, emit: Emit): LineItemRow[] {
  const data = alignPages(rows)
  const figures = data.flatMap((r) => r.figures)
  const widths = figures.map((f) => f.x1 - f.x0).sort((a, b) => a - b)
  const valueLeft = layout.noLabel ? -Infinity : Math.min(...figures.map((f) => f.x0)) - (widths[0] ?? 0) / 4
  const columns = columnsOf(header, valueLeft)
  return data.flatMap((r) => emit(r, '', layout.noLabel ? '' : r.name, r.figures, columns))
}

/** 收支总表: 收入 on the left, 支出 on the right, each with its own label and value columns. */
function twoSided(header: readonly LayoutRow[], data: readonly Record[], emit: Emit): LineItemRow[] {
  const centre = (c: Cell) => (c.x0 + c.x1) / 2
  const items = header.flatMap((r) => r.cells).filter((c) => /^项目$/.test(c.text.replace(/\s+/g, ''))).sort((a, b) => a.x0 - b.x0)
  let isRight: (c: Cell) => boolean
  if (items.length >= 2) {
    const [left, right] = [centre(items[0]!), centre(items.at(-1)!)]
    isRight = (c) => Math.abs(centre(c) - right) < Math.abs(centre(c) - left)
  } else {
    // No two 项目 headers (printed "项    目", say): the 支出 labels are the ones that follow a figure in a row.
    const starts = (pick: (cells: Cell[]) => Cell | undefined) =>
      data.map((r) => pick([...r.row.cells].sort((a, b) => a.x0 - b.x0))).filter((c): c is Cell => c !== undefined).map((c) => c.x0).sort((a, b) => a - b)
    const after = starts((cs) => cs.slice(cs.findIndex((c) => isFigure(c.text)) + 1 || cs.length).find((c) => !isFigure(c.text)))
    const first = starts((cs) => cs.find((c) => !isFigure(c.text)))
    if (after.length === 0 || first.length === 0) throw new Error('收支总表分不出收入与支出两侧（表头没有两列“项目”）')
    const [left, right] = [first[0]!, after[Math.floor(after.length / 2)]!]
    isRight = (c) => Math.abs(c.x0 - right) < Math.abs(c.x0 - left)
  }
  const rightLabels = data.flatMap((r) => r.row.cells.filter((c) => !isFigure(c.text) && isRight(c)))
  const boundary = Math.min(items.length >= 2 ? items.at(-1)!.x0 : Infinity, ...rightLabels.map((c) => c.x0))
  const sideOf = (c: Cell): Side => (c.x0 < boundary ? '收入' : '支出')
  const out: LineItemRow[] = []
  for (const side of ['收入', '支出'] as const) {
    const head = header.map((r) => ({ ...r, cells: r.cells.filter((c) => sideOf(c) === side) }))
    const figures = data.flatMap((r) => r.row.cells.filter((c) => isFigure(c.text) && sideOf(c) === side))
    if (figures.length === 0) continue
    // The value headers start right of the side's 项目 column: half way from its header to the first figure
    // (a 决算数 centred over a wide column stands left of its right-aligned figures).
    const firstX = Math.min(...figures.map((f) => f.x0))
    const label = items.find((c) => sideOf(c) === side)
    const columns = columnsOf(head, label ? (centre(label) + firstX) / 2 : firstX - 1)
    for (const r of data) {
      const cells = r.row.cells.filter((c) => sideOf(c) === side)
      const label = cells.filter((c) => !isFigure(c.text)).map((c) => c.text.replace(/\s+/g, '')).join('')
      const figs = cells.filter((c) => isFigure(c.text))
      if (figs.length > 0) out.push(...emit(r, side, label, figs, columns))
    }
  }
  // In the printed order: line by line, 收入 before 支出.
  return out.sort((a, b) => a.line - b.line || (a.side === b.side ? 0 : a.side === '收入' ? -1 : 1))
}
