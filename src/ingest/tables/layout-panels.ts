/**
 * Tables printed as panels side by side (the national 决算's 一般公共预算财政拨款
 * 基本支出决算表: 人员经费 codes, names and 决算数 on the left, 公用经费 on the
 * right). Each cell joins the panel whose header of its kind (code, name,
 * value) it stands nearest to — the right panel's codes and names drift left
 * of its header in layout text, and its rows can start on a line of their own
 * ("30207" / "邮电费 8.05") — then each panel is read as a one-sided table.
 */
import { isFigure, type Cell, type LayoutRow } from '../layout/rows'
import type { TableLayout } from '../templates'
import type { LineItemRow } from '../types'
import { columnsOf } from './layout-header'
import type { Emit } from './layout'
import { CODE, joinNames, toRecord } from './layout-records'

type Kind = 'code' | 'name' | 'value'

const centre = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2

/** The kind of a header cell: what the cells under it are. */
function headerKind(text: string): Kind {
  const t = text.replace(/\s+/g, '')
  if (/科目名称$|^名称$/.test(t)) return 'name'
  if (/编码$|^经济分类$|^科目编码$/.test(t)) return 'code'
  return 'value'
}

function cellKind(c: Cell): Kind {
  return CODE.test(c.text) ? 'code' : isFigure(c.text) ? 'value' : 'name'
}

/** Line items of every panel of the table, panel by panel. */
export function readPanels(header: readonly LayoutRow[], rows: readonly LayoutRow[], layout: TableLayout, emit: Emit): LineItemRow[] {
  const names = layout.panels ?? []
  const anchors = new Map<Kind, number[]>()
  for (const kind of ['code', 'name', 'value'] as const) {
    const cells = header.flatMap((r) => r.cells).filter((c) => headerKind(c.text) === kind).sort((a, b) => a.x0 - b.x0)
    anchors.set(kind, cells.map(centre))
  }
  if (anchors.get('name')!.length !== names.length || anchors.get('value')!.length !== names.length) {
    throw new Error(`表头应有 ${names.length} 栏（科目名称、金额各 ${names.length} 列），实际为 ${anchors.get('name')!.length} 栏`)
  }
  // Without a code header per panel, a code belongs with the name column it precedes.
  if (anchors.get('code')!.length !== names.length) anchors.set('code', anchors.get('name')!)
  const panelOf = (c: Cell, kind: Kind): number => {
    const xs = anchors.get(kind)!
    let best = 0
    xs.forEach((x, i) => {
      if (Math.abs(centre(c) - x) < Math.abs(centre(c) - xs[best]!)) best = i
    })
    return best
  }
  const out: LineItemRow[] = []
  names.forEach((panel, p) => {
    const pick = (r: LayoutRow, byHeader: boolean): LayoutRow => ({
      ...r,
      cells: r.cells.filter((c) => panelOf(c, byHeader ? headerKind(c.text) : cellKind(c)) === p),
    })
    const head = header.map((r) => pick(r, true))
    const records = joinNames(rows.map((r) => toRecord(pick(r, false), layout)), head)
    const figures = records.flatMap((r) => r.figures)
    if (figures.length === 0) return
    const columns = columnsOf(head, Math.min(...figures.map((f) => f.x0)) - 1).map((c) => ({ ...c, measure: `${panel}/${c.measure}` }))
    for (const r of records) out.push(...emit(r, '', r.name, r.figures, columns))
  })
  return out.sort((a, b) => a.line - b.line)
}
