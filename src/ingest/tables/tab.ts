/**
 * Table grids of the tab-separated extractions (plain tab and the markdown-ish
 * one with `#` headings and `<b>` tags): every figure of B01–B13 / F01–F10 as a
 * line item, following the conventions of src/ingest/README.md.
 *
 * A table is read in three steps: its header rows (until the first data row)
 * give each column a kind (code / label / 行次 / value), a side and a measure
 * (grid-header.ts); each data row then gives one item per non-empty value cell,
 * labelled by the label columns of its own panel; the per-unit tables B11–B13
 * finally get their unit / project / total rows (grid-units.ts).
 */
import type { ParseContext } from '../context'
import { linesBetween } from '../context'
import { parseNumber, toYuan } from '../decimal'
import { isWatermark, tabCells } from '../lines'
import type { LineItemRow, LocatedTable, Problem, TableCode } from '../types'
import { buildHeader, isLabelHeaderWord, mergeHeader, squash, type GridHeader, type GridPanel } from './grid-header'
import { classifyUnitRows, type PrintedRow } from './grid-units'

/** Tables whose left half is 收入 and right half 支出, each with its own label column. */
const TWO_SIDED: ReadonlySet<TableCode> = new Set(['B01', 'B04', 'B09', 'F01', 'F04'])
/** Tables whose code column holds 经济分类 codes (F06 prints them; B06 would if it did). */
const ECON_CODES: ReadonlySet<TableCode> = new Set(['B06', 'F06'])
const PER_UNIT: ReadonlySet<TableCode> = new Set(['B11', 'B12', 'B13'])

/** A printed row of a table as grid cells (empty string = empty cell), with its source line. */
export interface GridRow {
  line: number
  cells: string[]
}

const CLASS_CODE = /^\d{3,9}$/
/** Row labels of data rows: a classification code or an ordinal (一、 / (一) / 1. / ①). */
const DATA_LABEL = /^(\d{3,9}$|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]\D|[①-⑳])/
const FOOTNOTE = /^(注|说明)[:：]/
const METADATA = /^(单位名称|部门名称|单位|金额单位)[:：]|^\d{4}年度?$|^(预算|部门|决算)?公开\d*表\d*$/
const DASH = /^[-—–－]+$/

function isNumeric(cell: string): boolean {
  return cell !== '' && parseNumber(cell) !== null
}

/** "1→2→3→4→5→6→7" under B12's header, "1→2→…→12" under F07's: column numbers, not data. */
function isColumnNumbers(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '')
  if (filled.length < 2) return false
  return filled.every((c, i) => c === String(i + 1))
}

/** The header so far makes column 0 a label or code column. */
function labelFirstColumn(headerRows: readonly string[][]): boolean {
  const col0 = headerRows.map((r) => r[0] ?? '').filter((t) => t !== '')
  return col0.length > 0 && isLabelHeaderWord(col0.at(-1)!)
}

/**
 * Whether a row ends the header: it holds a figure (or column numbers), a 栏次
 * row, a footnote, a data label in column 0, or (under a label column) a row
 * label that is no header word — 长治 B10 line 448 "因公出国（境）费" is a data row
 * with every cell empty.
 */
function endsHeader(cells: readonly string[], headerRows: readonly string[][]): boolean {
  if (cells.some(isNumeric)) return true
  const first = squash(cells[0] ?? '')
  if (/^(栏次|行次)$/.test(first) || FOOTNOTE.test(first) || DATA_LABEL.test(first)) return true
  return first !== '' && headerRows.length > 0 && labelFirstColumn(headerRows) && !isLabelHeaderWord(first)
}

/** Ordinal depth of a label: 一、 = 1, (一) = 2, 1. = 3, ① = 4, none = 0. */
function ordinalLevel(label: string): number {
  if (/^[一二三四五六七八九十]+、/.test(label)) return 1
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(label)) return 2
  if (/^\d+[.．、]/.test(label)) return 3
  if (/^[①-⑳]/.test(label)) return 4
  return 0
}

const COUNT_UNIT = /[（(](辆|人|台|套|台（套）|台、套|个|平方米)[)）]/

/**
 * Counts keep their own unit. F10 (jincheng-2022 line 475) prints "(一)
 * 车辆数合计(辆)" and under it the kinds of vehicle, "8. 其他用车" (line 483), with
 * no unit of their own: a unit in parentheses holds for the rows below it of a
 * deeper ordinal. In F10's 国有资产占用情况 section every row is a count.
 */
class CountUnits {
  private scope: { level: number; unit: string } | null = null
  private assets = false

  unitOf(label: string): string | null {
    const level = ordinalLevel(label)
    if (level === 1) this.assets = /国有资产占用/.test(label)
    if (this.scope && level > 0 && level <= this.scope.level) this.scope = null
    const own = COUNT_UNIT.exec(label)?.[1]
    if (own) {
      this.scope = { level: level || 99, unit: own }
      return own
    }
    if (this.scope) return this.scope.unit
    if (this.assets) return /设备/.test(label) ? '台（套）' : /车/.test(label) ? '辆' : null
    return null
  }
}

/** Label of a row without ordinal and unit, for telling total rows. */
function isTotalLabel(label: string): boolean {
  const core = label.replace(/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/, '').replace(/[（(][^）)]*[）)]$/, '')
  return /(合计|总计)$/.test(core)
}

interface PanelCells {
  labels: string[]
  code: string
  /** Value cells in the order they are placed: the column they count for and the text as printed. */
  values: Array<{ col: number; text: string }>
}

class TableReader {
  readonly items: LineItemRow[] = []
  readonly printed: PrintedRow[] = []
  private readonly counts = new CountUnits()

  constructor(
    private readonly ctx: ParseContext,
    private readonly table: LocatedTable,
  ) {}

  private problem(line: number, message: string, severity: Problem['severity'] = 'error'): void {
    this.ctx.problems.push({ severity, where: this.table.code, line, message })
  }

  private header(rows: readonly GridRow[]): GridHeader {
    const width = Math.max(0, ...rows.map((r) => r.cells.length))
    const stageWord = this.ctx.document.stage === '决算' ? '决算数' : '预算数'
    return buildHeader(rows.map((r) => r.cells), width, TWO_SIDED.has(this.table.code), stageWord)
  }

  read(rows: readonly GridRow[]): void {
    let i = 0
    const headRows: GridRow[] = []
    while (i < rows.length && !endsHeader(rows[i]!.cells, headRows.map((r) => r.cells))) headRows.push(rows[i++]!)
    let header = this.header(headRows)
    while (i < rows.length) {
      const row = rows[i]!
      const first = squash(row.cells.find((c) => c !== '') ?? '')
      if (first === '' || FOOTNOTE.test(first) || /^(栏次|行次)$/.test(squash(row.cells[0] ?? '')) || isColumnNumbers(row.cells)) {
        i++
        continue
      }
      // A header repeated or renewed inside the table (F10: one per section; a page break may repeat it).
      if (!row.cells.some(isNumeric) && (isLabelHeaderWord(row.cells[0] ?? '') || this.namesSides(row.cells))) {
        const block: GridRow[] = [row]
        i++
        while (i < rows.length && !endsHeader(rows[i]!.cells, block.map((r) => r.cells))) block.push(rows[i++]!)
        header = mergeHeader(header, this.header(block))
        continue
      }
      this.readRow(row, header)
      i++
    }
    if (PER_UNIT.has(this.table.code)) {
      classifyUnitRows(this.table.code, this.printed, this.ctx.document.unit, this.ctx.problems)
    }
  }

  /** The top header row of a two-sided table ("收入→→支出→→→"), repeated after a page break. */
  private namesSides(cells: readonly string[]): boolean {
    if (!TWO_SIDED.has(this.table.code)) return false
    const filled = cells.map(squash).filter((c) => c !== '')
    return filled.length >= 2 && filled.every((c) => !DATA_LABEL.test(c) && /^[^、]*(收入|支出)$/.test(c))
  }

  /**
   * A figure standing in a label column means the row is printed out of its
   * columns: jincheng-2022 F06 line 396 prints "公用经费合计" in the 科目编码 column
   * of the second panel and its two figures nine columns later, in the fourth
   * panel's 科目名称 and 金额 columns. Such a row is read in order instead: each
   * label takes the figures after it, one per value column of its own panel.
   */
  private misaligned(cells: readonly string[], header: GridHeader): boolean {
    return cells.some((cell, c) => {
      if (!isNumeric(cell)) return false
      const col = header.columns[c]
      if (!col) return true
      return col.kind === 'label' || (col.kind === 'code' && !CLASS_CODE.test(cell))
    })
  }

  private readRow(row: GridRow, header: GridHeader): void {
    const byPanel = new Map<number, PanelCells>()
    const panelCells = (p: number): PanelCells => {
      let pc = byPanel.get(p)
      if (!pc) byPanel.set(p, (pc = { labels: [], code: '', values: [] }))
      return pc
    }
    const addLabel = (pc: PanelCells, text: string) => {
      const t = squash(text)
      if (CLASS_CODE.test(t) && !pc.code) pc.code = t
      else pc.labels.push(t)
    }

    if (this.misaligned(row.cells, header)) {
      let current: number | null = null
      let next = 0
      row.cells.forEach((cell, c) => {
        const col = header.columns[c]
        if (cell === '' || col?.kind === 'lineno') return
        const code = col?.kind === 'code' && CLASS_CODE.test(cell)
        if (!code && (isNumeric(cell) || DASH.test(cell))) {
          const panel = current === null ? undefined : header.panels[current]
          const target = panel?.valueCols[next++]
          if (current === null || target === undefined) {
            this.problem(row.line, `无法归入任何列的数值“${cell}”（第${c + 1}列）`)
            return
          }
          panelCells(current).values.push({ col: target, text: cell })
          return
        }
        current = col ? col.panel : null
        next = 0
        if (current === null) this.problem(row.line, `表头之外的文字“${cell}”（第${c + 1}列）`, 'warning')
        else addLabel(panelCells(current), cell)
      })
    } else {
      row.cells.forEach((cell, c) => {
        if (cell === '') return
        const col = header.columns[c]
        if (!col) {
          // Text beyond the header in a row without figures is a section title (F10 "一、政府采购情况" before its first header).
          if (isNumeric(cell)) this.problem(row.line, `表头之外的数值“${cell}”（第${c + 1}列）`)
          else if (!DASH.test(cell) && row.cells.some(isNumeric)) this.problem(row.line, `表头之外的文字“${cell}”（第${c + 1}列）`, 'warning')
          return
        }
        if (col.kind === 'lineno') return
        if (col.kind === 'value') panelCells(col.panel).values.push({ col: c, text: cell })
        else addLabel(panelCells(col.panel), cell)
      })
    }

    for (const [p, pc] of [...byPanel.entries()].sort((a, b) => a[0] - b[0])) {
      this.emit(row.line, header, header.panels[p]!, pc)
    }
  }

  private emit(line: number, header: GridHeader, panel: GridPanel, pc: PanelCells): void {
    const label = pc.labels.join('/')
    const hasLabelColumns = panel.labelCols.length + panel.codeCols.length > 0
    // Only F10 (相关信息统计表) carries counts; every other table of the templates is amounts.
    const unit = label && this.table.code === 'F10' ? this.counts.unitOf(label) : null
    const figures = pc.values.filter((v) => !DASH.test(v.text))
    if (figures.length === 0) return
    if (hasLabelColumns && !label && !pc.code) {
      for (const v of figures) this.problem(line, `数值“${v.text}”所在行没有行标签`)
      return
    }
    const items: LineItemRow[] = []
    for (const v of figures) {
      const number = parseNumber(v.text)
      const measure = header.columns[v.col]!.measure
      if (number === null) {
        this.problem(line, `无法识别的数值“${v.text}”（${measure || `第${v.col + 1}列`}）`)
        continue
      }
      if (!measure) {
        this.problem(line, `数值“${v.text}”所在的第${v.col + 1}列没有列名`)
        continue
      }
      const econ = ECON_CODES.has(this.table.code)
      items.push({
        doc_id: this.ctx.document.doc_id,
        table_code: this.table.code,
        side: panel.side,
        row_label: label,
        class_code: econ ? '' : pc.code,
        econ_code: econ ? pc.code : '',
        unit_name: '',
        project_name: '',
        measure,
        value: unit ? number : toYuan(number, this.ctx.document.unit),
        unit: unit ?? '元',
        raw: v.text,
        line,
        row_kind: isTotalLabel(label) ? '合计' : '',
      })
    }
    this.items.push(...items)
    this.printed.push({ line, label, items })
  }
}

/** The grid rows of a table: its tab lines, markup stripped, watermark and metadata lines left out. */
function gridRows(ctx: ParseContext, table: LocatedTable): GridRow[] {
  const rows: GridRow[] = []
  for (const { no, text } of linesBetween(ctx, table.start + 1, table.end)) {
    if (!text.includes('\t') || isWatermark(text)) continue
    // Metadata rows (单位名称：…, 2022年度) are left out by readGridTable, for every extraction alike.
    rows.push({ line: no, cells: tabCells(text) })
  }
  return rows
}

/** Tables of the tab-separated extractions (plain and markdown-ish). */
export function parseTabTables(ctx: ParseContext): LineItemRow[] {
  return ctx.tables.flatMap((table) => readGridTable(ctx, table, gridRows(ctx, table)))
}

/** Line items of one table from its grid rows, whichever extraction they came from (layout-grid.ts). */
export function readGridTable(ctx: ParseContext, table: LocatedTable, rows: readonly GridRow[]): LineItemRow[] {
  const reader = new TableReader(ctx, table)
  reader.read(rows.filter((r) => !METADATA.test(squash(r.cells[0] ?? ''))))
  return reader.items
}
