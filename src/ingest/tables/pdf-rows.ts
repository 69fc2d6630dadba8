/**
 * Rows of a table in the pdftotext-like extraction (jincheng-2024-budget.txt):
 * cells are separated by spaces, empty cells are collapsed, long labels wrap
 * over several lines and their figures may stand lines later. This file turns
 * the lines of one located table into raw rows — label cells and the figures
 * in printed order, each with its line — without deciding columns yet
 * (pdf-place.ts does that by arithmetic).
 */
import { parseNumber } from '../decimal'
import { isWatermark } from '../lines'
import { tableTitle } from '../locate'
import type { SourceLine, TableCode } from '../types'

/** A token as printed, with the line it stands on. */
export interface Cell {
  text: string
  line: number
}

export interface RawRow {
  /** Label cells; a wrapped piece is appended to the cell it continues. */
  labels: Cell[]
  /** 功能分类 code printed before the label (B02/B03/B05/B07/B08). */
  code: Cell | null
  /** Figures in printed order. */
  values: Cell[]
  /** Count of U+3000 (ideographic space) indents: B12/B13 mark unit vs project rows only by it. */
  indent: number
  /** Line where the row starts. */
  line: number
}

/** How rows of a table begin: the template decides what marks a new row. */
export type RowStyle = 'two-sided' | 'coded' | 'plain' | 'indented'

export function rowStyle(code: TableCode): RowStyle {
  switch (code) {
    case 'B01':
    case 'B04':
    case 'B09':
      return 'two-sided'
    case 'B02':
    case 'B03':
    case 'B05':
    case 'B07':
    case 'B08':
      return 'coded'
    case 'B12':
    case 'B13':
      return 'indented'
    default:
      return 'plain'
  }
}

/**
 * Lines that are not table content: the 仅供/内部/审核 watermark, page footers
 * (`-6-`, jincheng 2024 line 314), the running page header
 * (`晋城市人力资源和社会保障局2024年部门预算公开报告`, line 316), the part heading
 * that pdftotext drops inside a table (`第二部分 2024年部门预算报表`, B01 line 195),
 * the table number line (`预算公开表3`), repeated titles and notes.
 */
export function isNoise(text: string): boolean {
  const t = text.trim()
  if (t === '') return true
  if (isWatermark(text)) return true
  if (/^[-—－]\s*\d+\s*[-—－]$/.test(t)) return true
  if (/^第\s*\d+\s*页/.test(t)) return true
  if (/公开报告$/.test(t) && !/\d\.\d/.test(t)) return true
  if (/^第[一二三四五六七八九十]+部分/.test(t)) return true
  if (/^(预算|部门|决算)公开表\s*\d+$/.test(t)) return true
  if (/^注[:：]/.test(t)) return true
  if (/^(部门|单位)名称[:：]/.test(t) || /^单位[:：]\s*万?元$/.test(t)) return true
  return tableTitle(t) !== null
}

const AMOUNT_RE = /^[-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/
/** A figure glued to the next cell's text: `39330.81一、一般公共服务支出` (B01 line 117), `2417.91年终结转` (line 214). */
const GLUED_RE = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+)(\D.*)$/
const CODE_RE = /^\d{3}(\d{2}){0,2}$/

interface Token {
  text: string
  amount: boolean
  first: boolean
}

/** Splits a line into tokens, un-gluing figures from the text that follows them. */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const piece of text.split(/[\s\u3000]+/)) {
    let rest = piece
    while (rest !== '') {
      const glued = GLUED_RE.exec(rest)
      if (glued) {
        out.push({ text: glued[1]!, amount: true, first: out.length === 0 })
        rest = glued[2]!
        continue
      }
      out.push({ text: rest, amount: AMOUNT_RE.test(rest) && parseNumber(rest) !== null, first: out.length === 0 })
      rest = ''
    }
  }
  return out
}

/** Labels that open a row in a two-sided table (B01/B04/B09): numbered items and the template's total rows. */
const TWO_SIDED_START = /^([一二三四五六七八九十]+、|本年收入合计|本年支出合计|上年(财政拨款)?结转|年终结转|收入总计|支出总计|合计)/
/** Total rows of one-sided tables, and the ①② sub-items of B10 (公务用车购置费 under 公务用车购置及运行费). */
const PLAIN_START = /^(合计|部门合计|总计|[①②③④⑤⑥⑦⑧⑨])/

/** Where the data rows of a table begin (after its wrapped header), as an index into `lines`. */
export function dataStart(code: TableCode, lines: readonly SourceLine[]): number {
  const style = rowStyle(code)
  if (style === 'indented') {
    // B12/B13 print a column-number row `1 2 3 4 5 6 7` under the header.
    const i = lines.findIndex((l) => /^\s*1(\s+\d{1,2})+\s*$/.test(l.text))
    if (i >= 0) return i + 1
  }
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim()
    if (isNoise(lines[i]!.text)) continue
    // `合计 人员经费 公用经费` is a header line of B06 (line 747): a total row carries only figures after its label.
    if (/^(合计|部门合计|总计)$/.test(t.replace(/(\s+[-\d.,]+)+$/, ''))) return i
    if (style === 'coded' && /^\d{3}(\d{2}){0,2}(\s+\S|$)/.test(t)) return i
    if (style === 'two-sided' && /^一、/.test(t)) return i
    if (code === 'B10' && /^(因公出国|公务接待|公务用车)/.test(t)) return i
  }
  // Fallback: the first line with a figure.
  const j = lines.findIndex((l) => !isNoise(l.text) && tokenize(l.text).some((t) => t.amount && t.text.includes('.')))
  return j >= 0 ? j : lines.length
}

/**
 * Assembles raw rows. A row starts at a marker (a code, a numbered label, a
 * total label, a U+3000 indent), after a row whose figures were read, or after
 * a line that ends in spaces (its remaining cells are empty, e.g. B10
 * `因公出国（境）费     `, line 929). A text piece on a later line without a
 * marker continues the label it follows: `2080199` / `其他人力资源和社会保障管理事务支`
 * / `出` / `1108.10 1108.10` (B02 lines 269–273) is one row.
 */
export function readRows(code: TableCode, lines: readonly SourceLine[], onOrphan: (cell: Cell) => void): RawRow[] {
  const style = rowStyle(code)
  const rows: RawRow[] = []
  // The row being read is always rows.at(-1); `closed` marks it complete.
  let closed = false
  const open = (line: number, indent: number): RawRow => {
    const row: RawRow = { labels: [], code: null, values: [], indent, line }
    closed = false
    rows.push(row)
    return row
  }
  for (const { no, text } of lines) {
    if (isNoise(text)) continue
    const indent = /^[ \t]*(\u3000*)/.exec(text)![1]!.length
    const tokens = tokenize(text)
    let lastLabelLine = -1
    for (const tok of tokens) {
      const row: RawRow | undefined = rows.at(-1)
      // A 3/5/7-digit integer opening a line of a coded table is a 功能分类 code
      // (figures of these tables always print decimals).
      if (style === 'coded' && tok.first && CODE_RE.test(tok.text)) {
        open(no, indent).code = { text: tok.text, line: no }
        lastLabelLine = -1
        continue
      }
      if (tok.amount) {
        if (row === undefined) onOrphan({ text: tok.text, line: no })
        else row.values.push({ text: tok.text, line: no })
        continue
      }
      const fresh =
        row === undefined ||
        closed ||
        row.values.length > 0 ||
        (style === 'two-sided' && TWO_SIDED_START.test(tok.text)) ||
        (style !== 'two-sided' && PLAIN_START.test(tok.text) && (row.labels.length > 0 || row.code !== null)) ||
        (style === 'indented' && tok.first && indent > 0)
      const target: RawRow = fresh ? open(no, indent) : row
      const last = target.labels.at(-1)
      if (!last || (style === 'plain' && lastLabelLine === no)) {
        // B06 prints two label columns on one line: 基本工资 工资奖金津补贴.
        target.labels.push({ text: tok.text, line: no })
      } else {
        // A piece on a later line continues the label it wraps from; on the
        // same line it is one label split by a printed space.
        last.text += tok.text
      }
      lastLabelLine = no
    }
    // Trailing spaces after a label: the row's remaining cells are empty and it is complete.
    if (rows.length > 0 && /\S[ \t]+$/.test(text) && !tokens.at(-1)?.amount) closed = true
  }
  return rows
}
