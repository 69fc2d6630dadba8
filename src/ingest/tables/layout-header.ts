/**
 * Columns of a national-template table from its printed header: which header
 * text stands over which x range. A header cell with two or more disjoint
 * header cells under it is a group ("“三公”经费预算数" over 合计 … 公务接待费);
 * the others are leaves, and leaf pieces stacked at the same x are one wrapped
 * header ("事业单位" / "经营收入"). Empty columns print no figures, so only
 * header positions say which column a lone figure is in.
 */
import type { Cell, LayoutRow } from '../layout/rows'

/** A value column: its measure name (nested headers joined with '/') and where it stands. */
export interface Column {
  measure: string
  x0: number
  x1: number
}

interface HCell extends Cell {
  row: number
}

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0

/** Header words that describe the label columns, not a value column. */
const LABEL_HEADER = /^(项目|科目|功能分类|经济分类|类|款|项|编码|行次|栏次)$|科目(编码|名称)?$|^(功能|经济)分类科目|^部门预算经济分类/

/**
 * The value columns of a header block, left to right. `valueLeft` is where the
 * figures begin (header cells left of it name the label columns).
 *
 * The leaves are the row with the most value headers, plus headers beside it
 * that stand over no cell of that row (a leaf printed higher or lower, or
 * wrapped around it: "事业单位" / "经营收入"). A header over several leaves is a
 * group and prefixes their measures ("公务用车购置及运行费/小计"); a group over
 * every leaf (the table-wide "收入预算", "本年收入") and the top row beside
 * "项目" name no measure.
 */
export function columnsOf(header: readonly LayoutRow[], valueLeft: number): Column[] {
  const rows = header.filter((r) => r.cells.length > 0)
  const valueCells = (r: LayoutRow) => r.cells.filter((c) => (c.x0 + c.x1) / 2 >= valueLeft && !LABEL_HEADER.test(c.text.replace(/\s+/g, '')))
  // The top row names the whole table ("支出预算" beside 项目, "“三公”经费预算数", "本年收入") when it has one value header.
  const skipTop = rows.length > 1 && valueCells(rows[0]!).length === 1 && rows.slice(1).some((r) => valueCells(r).length > 0)
  const cells: HCell[] = rows.flatMap((r, row) => (row === 0 && skipTop ? [] : valueCells(r).map((c) => ({ ...c, row }))))
  if (cells.length === 0) return []
  const counts = new Map<number, number>()
  for (const c of cells) counts.set(c.row, (counts.get(c.row) ?? 0) + 1)
  const main = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0]
  const leaves: Array<{ text: string; x0: number; x1: number; rows: number[] }> = cells.filter((c) => c.row === main).map((c) => ({ ...c, rows: [c.row] }))
  const others = cells.filter((c) => c.row !== main).sort((a, b) => a.row - b.row)
  const mainLeaves = [...leaves]
  const centre = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2
  const gaps = mainLeaves.slice(1).map((l, i) => centre(l) - centre(mainLeaves[i]!)).sort((a, b) => a - b)
  const pitch = gaps[Math.floor(gaps.length / 2)] ?? 0
  // A group's text is centred over its leaves and often narrower than them: widen it by most of a column.
  const covers = (g: Cell, l: { x0: number; x1: number }) => centre(l) >= g.x0 - 0.6 * pitch && centre(l) <= g.x1 + 0.6 * pitch
  const groups: HCell[] = []
  // A leaf's header wrapped upwards, line by line right above it ("一般公共" / "预算财政" / "拨款"):
  // a piece over that one leaf only, on the line just above the leaf's top piece.
  const consumed = new Set<HCell>()
  const top = new Map(mainLeaves.map((l) => [l, main]))
  for (let row = main - 1; row >= 0; row--) {
    for (const c of others.filter((o) => o.row === row)) {
      const over = mainLeaves.filter((l) => overlap(l, c))
      const l = over[0]
      if (over.length !== 1 || !l || top.get(l) !== row + 1 || mainLeaves.filter((x) => covers(c, x)).length >= 2) continue
      l.text = c.text + l.text
      top.set(l, row)
      consumed.add(c)
    }
  }
  for (const c of others) {
    if (consumed.has(c)) continue
    if (c.row < main && mainLeaves.filter((l) => covers(c, l)).length >= 2) {
      groups.push(c)
      continue
    }
    if (leaves.some((l) => l.rows.includes(main) && overlap(l, c))) {
      if (c.row < main) groups.push(c)
      else {
        // Below the leaf row and over one leaf: the rest of a wrapped header ("机关运行经费预算" / "数").
        const l = leaves.find((x) => overlap(x, c))!
        l.text += c.text
      }
      continue
    }
    const under = others.filter((o) => o.row > c.row && overlap(o, c))
    if (under.some((a) => under.some((b) => !overlap(a, b)))) {
      groups.push(c)
      continue
    }
    // A leaf printed off the leaf row, maybe wrapped over several lines ("机关运行经费预算" / "数").
    const piece = leaves.find((l) => !l.rows.includes(main) && overlap(l, c))
    if (piece) {
      piece.text += c.text
      piece.x0 = Math.min(piece.x0, c.x0)
      piece.x1 = Math.max(piece.x1, c.x1)
      piece.rows.push(c.row)
    } else {
      leaves.push({ text: c.text, x0: c.x0, x1: c.x1, rows: [c.row] })
    }
  }
  leaves.sort((a, b) => a.x0 - b.x0)
  // A group also covers what the headers under it cover: "公务用车购置及运行维护费" is centred over
  // 小计 / 购置费 / 运行维护费 and far narrower than them. Bottom-up, so a group's children are done first.
  const widened = (c: Cell) => ({ x0: c.x0 - 0.6 * pitch, x1: c.x1 + 0.6 * pitch })
  const cover = new Map<HCell, Set<(typeof leaves)[number]>>()
  // Each header's parent is the nearest group above it that reaches over it.
  const parent = new Map<HCell, HCell>()
  for (const h of groups) {
    const above = groups.filter((g) => g.row < h.row && overlap(widened(g), widened(h)))
    const p = above.sort((a, b) => Math.abs(centre(a) - centre(h)) - Math.abs(centre(b) - centre(h)) || b.row - a.row)[0]
    if (p) parent.set(h, p)
  }
  for (const g of [...groups].sort((a, b) => b.row - a.row)) {
    const set = new Set(leaves.filter((l) => covers(g, l)))
    for (const [h, p] of parent) if (p === g) for (const l of cover.get(h) ?? []) set.add(l)
    cover.set(g, set)
  }
  // The top group, alone on its row and centred over all the leaves, names the whole table ("预算数" over 合计 … 项目支出).
  const span = leaves.length > 0 ? (leaves[0]!.x0 + leaves.at(-1)!.x1) / 2 : 0
  const tableWide = (g: HCell) =>
    cover.get(g)!.size === leaves.length ||
    (groups.every((h) => h.row >= g.row) && cells.filter((c) => c.row === g.row).length === 1 && Math.abs(centre(g) - span) < 0.5 * pitch)
  return leaves.map((leaf) => {
    const path = groups
      .filter((g) => cover.get(g)!.has(leaf) && cover.get(g)!.size >= 2 && !tableWide(g))
      .sort((a, b) => a.row - b.row)
    // Stacked pieces over the same leaves are one wrapped group header ("因公出国" / "（境）费").
    const segments: Array<{ text: string; over: string }> = []
    for (const g of path) {
      const over = [...cover.get(g)!].map((l) => l.x0).join(',')
      const last = segments.at(-1)
      if (last && last.over === over) last.text += g.text
      else segments.push({ text: g.text, over })
    }
    return { measure: normaliseHeader([...segments.map((g) => g.text), leaf.text].join('/')), x0: leaf.x0, x1: leaf.x1 }
  })
}

/** Whitespace removed and a leading year stripped, as the other readers name measures. */
function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/(^|\/)\d{4}年?/g, '$1')
}

/**
 * Figures of a row assigned to columns in order, each to a distinct column,
 * minimising the distance between the figure's centre and its column's centre
 * (dynamic programming over the monotone assignments). Returns column indexes,
 * or null when the row has more figures than the header has columns.
 */
export function assignColumns(figures: readonly Cell[], columns: readonly Column[]): number[] | null {
  const n = figures.length
  const m = columns.length
  if (n === 0) return []
  if (n > m) return null
  const centre = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2
  // cost[i][j]: the best total distance placing figures 0..i with figure i in column j.
  const cost: number[][] = []
  const from: number[][] = []
  for (let i = 0; i < n; i++) {
    cost.push(new Array<number>(m).fill(Infinity))
    from.push(new Array<number>(m).fill(-1))
    for (let j = i; j < m; j++) {
      const d = Math.abs(centre(figures[i]!) - centre(columns[j]!))
      if (i === 0) {
        cost[0]![j] = d
        continue
      }
      for (let k = i - 1; k < j; k++) {
        const c = cost[i - 1]![k]! + d
        if (c < cost[i]![j]!) {
          cost[i]![j] = c
          from[i]![j] = k
        }
      }
    }
  }
  let best = -1
  for (let j = 0; j < m; j++) if (best < 0 || cost[n - 1]![j]! < cost[n - 1]![best]!) best = j
  const out = new Array<number>(n)
  for (let i = n - 1; i >= 0; i--) {
    out[i] = best
    best = from[i]![best]!
  }
  return out
}
