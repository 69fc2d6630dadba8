/**
 * The Compare pivot's rows as displayed: filtered to one 类, sorted by a
 * column, and (for 款 and 项 rows in amounts) grouped under their 类 with a
 * subtotal after each group. Pure: rows in, display rows out.
 */
import type { CompareRow } from '../db/queries/compare'

export interface PivotLine {
  kind: 'data' | 'subtotal'
  /** dim_key of a data row; the 类 code of a subtotal. */
  key: string
  label: string
  /** Per doc_id: the row's value (元, %, or change in 元), or the group's sum. */
  values: Record<string, number | null>
  lines: Record<string, number | null>
}

export interface PivotOptions {
  /** Only rows under this 类 code ('' for all). */
  classCode: string
  /** Group 款/项 rows under their 类, each group followed by its subtotal. */
  group: boolean
  /** '' keeps the report's order; 'label' sorts by the row's code and name; a doc_id sorts by that column. */
  sortBy: string
  desc: boolean
  /** 类 code → name, for the subtotal rows. */
  classNames?: Record<string, string>
}

function compare(sortBy: string, desc: boolean) {
  return (a: CompareRow, b: CompareRow): number => {
    if (sortBy === 'label') return (desc ? -1 : 1) * a.dim_key.localeCompare(b.dim_key, 'zh')
    // Empty cells last, whichever the direction.
    const x = a.values[sortBy] ?? null
    const y = b.values[sortBy] ?? null
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    return desc ? y - x : x - y
  }
}

export function pivotLines(rows: readonly CompareRow[], docs: readonly string[], opts: PivotOptions): PivotLine[] {
  let kept = opts.classCode ? rows.filter((r) => r.dim_key.startsWith(opts.classCode)) : [...rows]
  if (opts.sortBy) kept = [...kept].sort(compare(opts.sortBy, opts.desc))
  const data = (r: CompareRow): PivotLine => ({ kind: 'data', key: r.dim_key, label: r.dim_key !== r.dim_label ? `${r.dim_key} ${r.dim_label}` : r.dim_label, values: r.values, lines: r.lines })
  if (!opts.group) return kept.map(data)
  const groups = new Map<string, CompareRow[]>()
  for (const r of kept) {
    const code = r.dim_key.slice(0, 3)
    if (!groups.has(code)) groups.set(code, [])
    groups.get(code)!.push(r)
  }
  const out: PivotLine[] = []
  for (const code of [...groups.keys()].sort()) {
    const members = groups.get(code)!
    out.push(...members.map(data))
    const values = Object.fromEntries(docs.map((d) => {
      const vs = members.map((m) => m.values[d]).filter((v): v is number => v !== null && v !== undefined)
      return [d, vs.length ? vs.reduce((s, v) => s + v, 0) : null]
    }))
    out.push({ kind: 'subtotal', key: code, label: `${code} ${opts.classNames?.[code] ?? ''}`.trim(), values, lines: {} })
  }
  return out
}
