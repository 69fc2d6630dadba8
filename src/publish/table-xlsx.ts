/**
 * A table as an XLSX sheet's rows, for `write-excel-file` (loaded with the
 * export, not here: this module builds plain cell objects, so Node tests run
 * it as is). The sheet reads as the CSV does — title, unit, headers, rows,
 * source and caveats — but numbers are numeric cells with the grouping and
 * decimals shown on screen as their number format, and total rows are bold.
 */
import { headerRows, type Cell, type ExportTable } from './table-export'

/** One cell as write-excel-file takes it (value; its type follows from the value). */
export interface SheetCell {
  value: string | number
  format?: string
  fontWeight?: 'bold'
  wrap?: boolean
}

export interface Sheet {
  rows: (SheetCell | null)[][]
  /** Column widths in characters. */
  columns: { width: number }[]
}

/** Excel's number format for a number shown like this: "19,290.76" → "#,##0.00", "28.57%" → '0.00"%"'. */
export function numberFormat(shown: string): string {
  const decimals = shown.match(/\.(\d+)/)?.[1]?.length ?? 0
  const frac = decimals ? '.' + '0'.repeat(decimals) : ''
  if (shown.endsWith('%')) return `0${frac}"%"`
  return shown.includes(',') || Math.abs(Number(shown.replace(/[,+%]/g, ''))) >= 1000 ? `#,##0${frac}` : `0${frac}`
}

function sheetCell(cell: Cell | undefined, bold: boolean): SheetCell | null {
  if (cell === null || cell === undefined || cell === '') return null
  const weight = bold ? { fontWeight: 'bold' as const } : {}
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell, ...weight } : null
  if (typeof cell === 'object') return { value: cell.value, format: numberFormat(cell.shown), ...weight }
  return { value: cell, ...weight }
}

const text = (value: string, bold = false): SheetCell => (bold ? { value, fontWeight: 'bold' } : { value })

/** Width of a text in Excel's character units (a CJK character counts two). */
function widthOf(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 2 : 1
  return w
}

/** The table as displayed, as sheet rows: [title], [unit], header rows, labels, rows, [], [source], [notes…]. */
export function tableToSheet(table: ExportTable): Sheet {
  const rows: (SheetCell | null)[][] = []
  if (table.title) rows.push([text(table.title, true)])
  if (table.unitLabel) rows.push([text(table.unitLabel)])
  for (const h of headerRows(table.columns)) rows.push(h.map((v) => (v ? text(v, true) : null)))
  rows.push(table.columns.map((c) => text(c.label, true)))
  table.rows.forEach((row, i) => {
    const bold = (table.rowKinds?.[i] ?? 'data') !== 'data'
    rows.push(table.columns.map((c) => sheetCell(row[c.key], bold)))
  })
  const after = [table.source, ...(table.notes ?? [])].filter(Boolean)
  if (after.length) {
    rows.push([])
    for (const line of after) rows.push([text(line)])
  }
  const columns = table.columns.map((c) => {
    const cells = table.rows.map((r) => { const v = r[c.key]; return typeof v === 'object' && v ? v.shown : String(v ?? '') })
    return { width: Math.min(60, Math.max(8, widthOf(c.label), ...cells.map(widthOf)) + 2) }
  })
  return { rows, columns }
}

/** Plain rows (the rows behind a table) as a sheet: a bold header, then values, numbers as numbers; then title, source and notes. */
export function recordsToSheet(columns: readonly string[], records: readonly Record<string, unknown>[], after: readonly string[] = []): Sheet {
  const rows: (SheetCell | null)[][] = [columns.map((c) => text(c, true))]
  for (const r of records) {
    rows.push(columns.map((c) => {
      const v = r[c]
      if (v === null || v === undefined || v === '') return null
      return typeof v === 'number' ? (Number.isFinite(v) ? { value: v } : null) : { value: String(v) }
    }))
  }
  const lines = after.filter(Boolean)
  if (lines.length) {
    rows.push([])
    for (const line of lines) rows.push([text(line)])
  }
  const widths = columns.map((c) => Math.min(60, Math.max(8, widthOf(c), ...records.map((r) => widthOf(String(r[c] ?? '')))) + 2))
  return { rows, columns: widths.map((width) => ({ width })) }
}
