/**
 * Placing figures in columns when empty cells are collapsed (pdftotext-like
 * extraction). A row printing `468.12 468.12` under 合计 / 基本支出 / 项目支出
 * (jincheng 2024 B03 line 380) could be 合计+基本 or 合计+项目: only arithmetic
 * decides. Each row gets every order-preserving placement of its figures that
 * satisfies the row identities (合计 = 基本支出 + 项目支出 …); then the column
 * identities (a parent code = the sum of its children, per column) rule out
 * placements until, ideally, one is left. A figure whose column is still not
 * unique is not placed: the caller reports it as a problem.
 */

/** A row identity: column `total` = sum of columns `parts` (an empty cell counts 0). */
export interface RowIdentity {
  total: number
  parts: readonly number[]
}

/** One way to put a row's figures in columns. */
export interface Placement {
  /** Column index of each figure, in printed order. */
  cols: number[]
  /** Amount per column in hundredths-scaled integers (0 = empty). */
  amounts: number[]
}

export interface PlaceVar {
  /** Figures in printed order, as scaled integers. */
  values: number[]
  options: Placement[]
}

/** A printed figure as an integer in units of 10^-scale (exact: string arithmetic, no float). */
export function scaled(canonical: string, scale: number): number | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(canonical)
  if (!m) return null
  const frac = (m[3] ?? '').padEnd(scale, '0')
  if (frac.length > scale) return null
  const n = Number(m[2]! + frac)
  if (!Number.isSafeInteger(n)) return null
  return m[1] ? -n : n
}

function combinations(n: number, k: number): number[][] {
  const out: number[][] = []
  const pick: number[] = []
  const rec = (from: number): void => {
    if (pick.length === k) {
      out.push([...pick])
      return
    }
    for (let i = from; i <= n - (k - pick.length); i++) {
      pick.push(i)
      rec(i + 1)
      pick.pop()
    }
  }
  rec(0)
  return out
}

/**
 * Placements of `values` in `width` columns that keep the printed order, skip
 * `excluded` columns and satisfy the identities: exactly if any does, else
 * within `tol` per identity (the source rounds: several identities fail by
 * 0.01). When every column is filled the placement is forced, identities or not.
 */
export function rowPlacements(
  values: readonly number[],
  width: number,
  identities: readonly RowIdentity[],
  excluded: ReadonlySet<number>,
  tol: number,
): Placement[] {
  if (values.length === 0 || values.length > width) return []
  const all = combinations(width, values.length).map((cols) => {
    const amounts = new Array<number>(width).fill(0)
    cols.forEach((c, i) => (amounts[c] = values[i]!))
    return { cols, amounts }
  })
  if (values.length === width) return all
  const usable = all.filter((p) => p.cols.every((c) => !excluded.has(c)))
  const within = (p: Placement, t: number): boolean =>
    identities.every(({ total, parts }) => {
      const sum = parts.reduce((s, c) => s + p.amounts[c]!, 0)
      return Math.abs(p.amounts[total]! - sum) <= t * Math.max(1, parts.filter((c) => p.amounts[c] !== 0).length)
    })
  const exact = usable.filter((p) => within(p, 0))
  return exact.length > 0 ? exact : usable.filter((p) => within(p, tol))
}

const STEP_CAP = 20000

/**
 * Is there a choice of one placement per member (parent and children) such
 * that, in every column, the parent equals the children's sum within `tol`?
 * `fixed` pins one member to one placement. 'unknown' when the search was cut
 * short (then nothing is ruled out).
 */
function feasible(
  parent: PlaceVar,
  children: readonly PlaceVar[],
  tol: number,
  fixed: { v: PlaceVar; o: Placement } | null,
): 'yes' | 'no' | 'unknown' {
  const opts = (v: PlaceVar): Placement[] => (fixed && fixed.v === v ? [fixed.o] : v.options)
  // Fixed members first, then the largest figures: a subset sum fails fastest that way.
  const biggest = (v: PlaceVar): number => Math.max(0, ...v.values.map(Math.abs))
  const order = [...children].sort((a, b) => opts(a).length - opts(b).length || biggest(b) - biggest(a))
  const width = parent.options[0]?.amounts.length ?? 0
  const nonNegative = [parent, ...children].every((v) => v.values.every((x) => x >= 0))
  // reach[i][c]: the most members i… can still add to column c (a lower-bound prune).
  const reach: number[][] = new Array<number[]>(order.length + 1)
  reach[order.length] = new Array<number>(width).fill(0)
  for (let i = order.length - 1; i >= 0; i--) {
    reach[i] = reach[i + 1]!.map((r, c) => r + Math.max(...opts(order[i]!).map((o) => o.amounts[c]!)))
  }
  // Printed figures that sum to an empty parent cell must all be empty: rounding
  // cannot hide changzhi B06's 手续费 0.06 under an empty 人员经费 cell.
  const slack = (b: number): number => (b === 0 ? 0 : tol)
  let steps = 0
  let cut = false
  const sums = new Array<number>(width).fill(0)
  const rec = (i: number, budget: readonly number[]): boolean => {
    if (++steps > STEP_CAP) {
      cut = true
      return false
    }
    if (i === order.length) return sums.every((s, c) => Math.abs(s - budget[c]!) <= slack(budget[c]!))
    if (nonNegative && sums.some((s, c) => s + reach[i]![c]! < budget[c]! - slack(budget[c]!))) return false
    for (const o of opts(order[i]!)) {
      let ok = true
      for (let c = 0; c < width; c++) {
        sums[c]! += o.amounts[c]!
        if (nonNegative && sums[c]! > budget[c]! + slack(budget[c]!)) ok = false
      }
      const found = ok && rec(i + 1, budget)
      for (let c = 0; c < width; c++) sums[c]! -= o.amounts[c]!
      if (found) return true
      if (cut) return false
    }
    return false
  }
  for (const p of opts(parent)) {
    if (rec(0, p.amounts)) return 'yes'
    if (cut) return 'unknown'
  }
  return 'no'
}

export interface Group {
  parent: PlaceVar
  children: PlaceVar[]
  /** Allowed |parent − Σ children| per column, in scaled units. */
  tol: number
}

/**
 * Narrows every member's placements to those that take part in some solution
 * of its groups, repeating until nothing changes. A group that has no solution
 * at all (a real failure of the source's arithmetic) rules nothing out; it is
 * returned so the caller can report it when it leaves figures unplaced.
 */
export function solveGroups(groups: readonly Group[]): Group[] {
  const inconsistent = new Set<Group>()
  for (let pass = 0; pass < 6; pass++) {
    let changed = false
    for (const g of groups) {
      if (inconsistent.has(g)) continue
      const members = [g.parent, ...g.children]
      if (members.every((m) => m.options.length <= 1)) continue
      if (feasible(g.parent, g.children, g.tol, null) === 'no') {
        inconsistent.add(g)
        continue
      }
      for (const m of members) {
        if (m.options.length <= 1) continue
        const keep = m.options.filter((o) => feasible(g.parent, g.children, g.tol, { v: m, o }) !== 'no')
        if (keep.length > 0 && keep.length < m.options.length) {
          m.options = keep
          changed = true
        }
      }
    }
    if (!changed) break
  }
  return [...inconsistent]
}
