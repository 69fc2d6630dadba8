/**
 * A rendered <table> read back as src/publish's ExportTable: the header rows
 * (spans expanded), the row labels and the cells exactly as displayed, and
 * total rows marked. Reading what is on screen is what makes an export "as
 * displayed": no second formatting path can drift from the first.
 */
import { shownCell, type Cell, type ExportTable, type RowKind, type TableColumn } from '../publish/table-export'

/** A cell's text: its data-export attribute when it has one, else its visible text on one line. */
export function cellText(el: HTMLElement): string {
  const own = el.getAttribute('data-export')
  if (own !== null) return own
  return (el.innerText ?? el.textContent ?? '').replace(/\s*\n\s*/g, ' ').replace(/\s+/g, ' ').trim()
}

function expand(tr: HTMLTableRowElement): string[] {
  const out: string[] = []
  for (const c of [...tr.cells]) {
    const text = cellText(c)
    for (let i = 0; i < Math.max(1, c.colSpan); i++) out.push(text)
  }
  return out
}

export interface DomTableMeta {
  title: string
  unitLabel: string
  source: string
  notes?: readonly string[]
}

export function tableFromDom(table: HTMLTableElement, meta: DomTableMeta): ExportTable {
  const head = [...(table.tHead?.rows ?? [])].map(expand)
  const labels = head.length ? head[head.length - 1]! : []
  const groups = head.slice(0, -1)
  const columns: TableColumn[] = labels.map((label, i) => ({ key: String(i), label, groups: groups.map((g) => g[i] ?? '') }))
  const rows: Record<string, Cell>[] = []
  const rowKinds: RowKind[] = []
  for (const body of [...table.tBodies]) {
    for (const tr of [...body.rows]) {
      // Rows opened inside a row (a project's indicators) are not part of the table's grid.
      if (tr.classList.contains('expand') || tr.closest('table') !== table) continue
      const cells = expand(tr)
      // A number column's cells are numbers (CSV and XLSX write values, not "19,290.76" text).
      const numeric = [...tr.cells].flatMap((c) => Array<boolean>(Math.max(1, c.colSpan)).fill(c.classList.contains('num')))
      rows.push(Object.fromEntries(cells.map((v, i) => [String(i), numeric[i] ? shownCell(v) : v])))
      rowKinds.push(tr.classList.contains('total') ? 'total' : tr.classList.contains('subtotal') ? 'subtotal' : 'data')
    }
  }
  return { ...meta, columns, rows, rowKinds }
}

/** The rows behind a table: column names, one record per row, and lines to print after them (title, source, notes). */
export interface UnderlyingRows {
  columns: string[]
  rows: Record<string, unknown>[]
  after?: string[]
}
