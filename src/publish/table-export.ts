/**
 * A pivot table exactly as the app displays it — header rows, row labels,
 * formatted cells, subtotals — as CSV (for files; optional UTF-8 BOM so Excel
 * on Chinese Windows reads UTF-8 rather than GBK) and TSV (for the clipboard:
 * pasting into Excel or WPS fills cells). A Vue pivot component hands over
 * what it renders: its columns (with the group headers above them) and its
 * rows of display strings.
 */

/**
 * A displayed number: its value (in the unit shown) and its text as shown
 * ("19,290.76"). CSV and XLSX write the value, so spreadsheets see a number;
 * the clipboard writes the text, as the eye saw it.
 */
export interface NumberCell {
  value: number
  shown: string
}

/** A displayed cell: the text shown (already formatted), a raw number, a displayed number, or empty. */
export type Cell = string | number | NumberCell | null

export interface TableColumn {
  key: string
  /** The column's own header (the lowest header row). */
  label: string
  /**
   * Headers above the label, outermost first (e.g. ['长治 2026 预算']). A run of
   * neighbouring columns with the same group text is one spanning header.
   */
  groups?: readonly string[]
}

export type RowKind = 'data' | 'subtotal' | 'total'

export interface ExportTable {
  title: string
  /** "单位：万元" — printed under the title. */
  unitLabel: string
  /** The source line (citation.ts sourceLine). */
  source: string
  columns: readonly TableColumn[]
  rows: readonly Readonly<Record<string, Cell>>[]
  /** Kind of each row, parallel to `rows` (subtotal / total rows are written as displayed; XLSX sets them bold). */
  rowKinds?: readonly RowKind[]
  /** Lines after the source: comparability caveats, data-quality notices. */
  notes?: readonly string[]
}

export interface GridOptions {
  /** Title and unit above the table, source and notes below (default true). */
  preamble?: boolean
  /** Repeat a spanning group header over every column it spans (default false: once, as a merged cell shows it). */
  repeatGroupLabels?: boolean
  /** Displayed numbers as plain values ("19290.76", default) or as shown ("19,290.76"). */
  numbers?: 'value' | 'shown'
}

export interface DelimitedOptions extends GridOptions {
  /** Start with a UTF-8 byte order mark (U+FEFF) so Excel detects UTF-8 (default false). */
  bom?: boolean
  /** Line ending (default CRLF, as RFC 4180 and Excel's clipboard use). */
  eol?: '\r\n' | '\n'
  /**
   * Neutralise cells a spreadsheet would run as a formula (=, @, or + / -
   * followed by something that is not a number) with a leading apostrophe
   * (OWASP "CSV injection"); numbers such as "-56.78" are untouched. Default true:
   * imported CSVs are user data.
   */
  guardFormulas?: boolean
}

function text(cell: Cell | undefined, numbers: 'value' | 'shown' = 'value'): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  // The plain number keeps the decimals shown ("736.00", not "736"): grouping, '+' and '%' are display.
  if (typeof cell === 'object') return numbers === 'shown' ? cell.shown : cell.shown.replace(/[,+%]/g, '')
  return cell
}

const SHOWN_NUMBER = /^[-+]?\d{1,3}(,\d{3})*(\.\d+)?%?$|^[-+]?\d+(\.\d+)?%?$/

/**
 * A cell's text as displayed, read as a number where it is one ("19,290.76",
 * "+1,234.00", "28.57%" → 28.57): grouping and the % sign are display.
 * Anything else (a label, "—", "72.49% ▼ under") stays text.
 */
export function shownCell(shown: string): Cell {
  const t = shown.trim()
  if (t === '') return null
  if (!SHOWN_NUMBER.test(t)) return t
  const value = Number(t.replace(/[,%+]/g, ''))
  return Number.isFinite(value) ? { value, shown: t } : t
}

/** Depth of the group headers above the column labels. */
function groupDepth(columns: readonly TableColumn[]): number {
  return columns.reduce((d, c) => Math.max(d, c.groups?.length ?? 0), 0)
}

/** Group header rows: a column with fewer groups than the deepest gets blanks at the top. */
export function headerRows(columns: readonly TableColumn[], repeat = false): string[][] {
  const depth = groupDepth(columns)
  const full: string[][] = []
  for (let level = 0; level < depth; level++) {
    full.push(columns.map((c) => {
      const g = c.groups ?? []
      return g[level - (depth - g.length)] ?? ''
    }))
  }
  if (repeat) return full
  // A spanning header is printed once, over its first column, as a merged cell
  // shows it; a run ends where any header above it changes.
  return full.map((row, level) => row.map((cell, i) => {
    const spans = i > 0 && cell !== '' && full.slice(0, level + 1).every((r) => r[i] === r[i - 1])
    return spans ? '' : cell
  }))
}

/**
 * The table as a grid of strings, exactly what the delimited formats write:
 * [title], [unit], header rows, column labels, rows, [blank], [source], [notes…].
 */
export function tableGrid(table: ExportTable, opts: GridOptions = {}): string[][] {
  const preamble = opts.preamble ?? true
  const grid: string[][] = []
  if (preamble) {
    if (table.title) grid.push([table.title])
    if (table.unitLabel) grid.push([table.unitLabel])
  }
  grid.push(...headerRows(table.columns, opts.repeatGroupLabels ?? false))
  grid.push(table.columns.map((c) => c.label))
  for (const row of table.rows) grid.push(table.columns.map((c) => text(row[c.key], opts.numbers)))
  if (preamble) {
    const after = [table.source, ...(table.notes ?? [])].filter(Boolean)
    if (after.length) {
      grid.push([])
      for (const line of after) grid.push([line])
    }
  }
  return grid
}

const NUMBERISH = /^[-+]?[\d,]*\.?\d+%?$/

/** The cell with a leading apostrophe when a spreadsheet would run it as a formula (numbers such as "-56.78" untouched). */
export function guardFormula(cell: string): string {
  if (/^[=@\t\r]/.test(cell) || (/^[+-]/.test(cell) && !NUMBERISH.test(cell))) return "'" + cell
  return cell
}

function delimited(grid: readonly (readonly string[])[], sep: string, opts: DelimitedOptions): string {
  const eol = opts.eol ?? '\r\n'
  const guardOn = opts.guardFormulas ?? true
  const needsQuotes = new RegExp(`["\\r\\n${sep === '\t' ? '\\t' : sep}]`)
  const field = (raw: string) => {
    const s = guardOn ? guardFormula(raw) : raw
    return needsQuotes.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
  }
  const body = grid.map((row) => row.map(field).join(sep)).join(eol) + eol
  return (opts.bom ? '\uFEFF' : '') + body
}

/** RFC 4180 CSV of the table as displayed. */
export function tableToCsv(table: ExportTable, opts: DelimitedOptions = {}): string {
  return delimited(tableGrid(table, opts), ',', opts)
}

/**
 * Tab-separated text for the clipboard. Without a preamble by default: a
 * paste should drop the table into the sheet, not a title row.
 */
export function tableToTsv(table: ExportTable, opts: DelimitedOptions = {}): string {
  return delimited(tableGrid(table, { preamble: false, numbers: 'shown', ...opts }), '\t', opts)
}
