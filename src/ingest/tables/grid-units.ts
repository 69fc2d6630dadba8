/**
 * Unit, project and department-total rows of the per-unit tables (B11
 * 机关运行经费, B12/B13 项目支出). The tab extractions print them all alike, one
 * name and its figures a line, so the kind of a row is decided by arithmetic:
 * a unit's figure is the sum of the projects listed under it, and the
 * department total (when printed) is the sum of the units.
 *
 * 长治 2026 B12 prints "长治市人力资源和社会保障局" twice (line 478 the
 * department's 15071.36, line 479 the bureau as a unit, 4929.61), and the same
 * project name under several units ("遗属补助", lines 490, 522, 546), so names
 * alone cannot decide; they only break ties.
 */
import { abs, add, cmp, lastDigitUnit, sub, sum, toYuan } from '../decimal'
import type { LineItemRow, Problem, TableCode } from '../types'

/** One printed row of the table: its line, its label and the items read from it. */
export interface PrintedRow {
  line: number
  label: string
  items: LineItemRow[]
}

/** Template wording of a unit's name: it ends in the kind of body it is. */
const UNIT_NAME = /(局|中心|院|学院|学校|校|所|站|队|处|办公室|办|委员会|委|会|馆|室|厅|部|社|团)([（(][^）)]*[）)])?$/
const TOTAL_LABEL = /(合计|总计)$/

interface Figure {
  value: string
  /** How far printed rounding may put a sum from this figure, per summand: one unit of the last printed digit. */
  unit: string
}

/** The figure a row is summed by: its 合计 column, else its first figure. */
function figureOf(row: PrintedRow, printedUnit: string): Figure {
  const item = row.items.find((i) => i.measure === '合计') ?? row.items[0]
  if (!item) return { value: '0', unit: '0' }
  return { value: item.value, unit: toYuan(lastDigitUnit(item.raw.replace(/,/g, '')), printedUnit) }
}

/**
 * Whether `total` is the sum of `parts` within rounding: each printed figure was
 * rounded on its own, so n+1 figures may be off by half a unit each. 高平 2026 B13
 * line 365 prints 658.95 over projects 440.35 + 218.61 = 658.96 (lines 366–367).
 */
function sums(total: Figure, parts: readonly Figure[]): 'exact' | 'rounding' | null {
  const diff = abs(sub(sum(parts.map((p) => p.value)), total.value))
  if (cmp(diff, '0') === 0) return 'exact'
  const allowed = sum(Array.from({ length: Math.ceil((parts.length + 1) / 2) }, () => total.unit))
  return cmp(diff, allowed) <= 0 ? 'rounding' : null
}

interface Plan {
  score: number
  /** Indexes of the unit rows; every other row after the total is a project. */
  units: number[]
}

/** Best split of rows[from..] into (unit, its projects…) groups, or null when none adds up. */
function splitUnits(figures: readonly Figure[], labels: readonly string[], from: number): Plan | null {
  const n = figures.length
  const nonNegative = figures.every((f) => !f.value.startsWith('-'))
  const memo = new Map<number, Plan | null>()
  const best = (i: number): Plan | null => {
    if (i === n) return { score: 0, units: [] }
    const cached = memo.get(i)
    if (cached !== undefined) return cached
    let found: Plan | null = null
    for (let k = i + 2; k <= n; k++) {
      const parts = figures.slice(i + 1, k)
      // Amounts are never negative in these tables: once the projects exceed the unit, no longer run can fit.
      if (nonNegative && cmp(sum(parts.map((p) => p.value)), add(figures[i]!.value, sum(parts.map(() => figures[i]!.unit)))) > 0) break
      const fit = sums(figures[i]!, parts)
      if (!fit) continue
      const rest = best(k)
      if (!rest) continue
      let score = rest.score + (fit === 'exact' ? 3 : 1) + (UNIT_NAME.test(labels[i]!) ? 1 : 0)
      for (let p = i + 1; p < k; p++) if (UNIT_NAME.test(labels[p]!)) score -= 1
      if (!found || score > found.score) found = { score, units: [i, ...rest.units] }
    }
    memo.set(i, found)
    return found
  }
  return best(from)
}

/**
 * Sets row_kind, unit_name and project_name on the items of B11/B12/B13.
 * B11 lists units only (under its 部门合计); B12/B13 list units with their projects,
 * under a department total when the report is a 部门 report.
 */
export function classifyUnitRows(code: TableCode, rows: readonly PrintedRow[], printedUnit: string, problems: Problem[]): void {
  const withFigures = rows.filter((r) => r.items.length > 0)
  if (withFigures.length === 0) return
  if (code === 'B11') {
    for (const row of withFigures) {
      const total = TOTAL_LABEL.test(row.label)
      for (const item of row.items) {
        item.row_kind = total ? '合计' : '单位'
        item.unit_name = total ? '' : row.label
      }
    }
    return
  }

  const figures = withFigures.map((r) => figureOf(r, printedUnit))
  const labels = withFigures.map((r) => r.label)
  const candidates: Array<{ total: boolean; plan: Plan }> = []
  const flat = splitUnits(figures, labels, 0)
  if (flat) candidates.push({ total: false, plan: flat })
  const underTotal = splitUnits(figures, labels, 1)
  if (underTotal) {
    const fit = sums(figures[0]!, underTotal.units.map((u) => figures[u]!))
    if (fit) {
      const bonus = (fit === 'exact' ? 3 : 1) + (TOTAL_LABEL.test(labels[0]!) ? 1 : 0)
      candidates.push({ total: true, plan: { score: underTotal.score + bonus, units: underTotal.units } })
    }
  }
  candidates.sort((a, b) => b.plan.score - a.plan.score)
  const chosen = candidates[0]

  let total = false
  let units: Set<number>
  if (chosen) {
    total = chosen.total
    units = new Set(chosen.plan.units)
  } else {
    // Nothing adds up: fall back on the wording and say so.
    total = TOTAL_LABEL.test(labels[0]!) || (labels.length > 1 && labels[0] === labels[1])
    units = new Set(labels.map((l, i) => (i > 0 || !total) && UNIT_NAME.test(l) ? i : -1).filter((i) => i >= 0))
    problems.push({
      severity: 'warning',
      where: code,
      line: withFigures[0]!.line,
      message: '单位金额与其项目金额之和对不上，单位行与项目行按名称判断',
    })
  }

  let unit = ''
  withFigures.forEach((row, i) => {
    let kind: LineItemRow['row_kind'] = '项目'
    if (i === 0 && total) kind = '合计'
    else if (units.has(i)) {
      kind = '单位'
      unit = row.label
    }
    for (const item of row.items) {
      item.row_kind = kind
      item.unit_name = kind === '合计' ? '' : unit
      item.project_name = kind === '项目' ? row.label : ''
    }
  })
}
