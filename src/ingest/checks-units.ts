import type { Checker } from './checks'
import type { LineItemRow } from './types'

/**
 * Tables listed per unit (B12/B13 项目支出, B11 by unit): in every column a
 * unit's row = the sum of its projects' rows, and the department total = the
 * sum of its units. This is what verifies figures placed by their position
 * (pdf-gaps.ts): jincheng 2024 B12 晋城技师学院 4202.03 一般公共预算 = Σ its
 * 24 projects placed by the gaps, 550.00 单位资金 = 500.00 + 30.00 + 20.00.
 */
export function checkUnits(c: Checker, items: readonly LineItemRow[]): void {
  for (const table of ['B12', 'B13'] as const) {
    const t = items.filter((i) => i.table_code === table)
    for (const measure of new Set(t.map((i) => i.measure))) {
      const col = t.filter((i) => i.measure === measure)
      const units = col.filter((i) => i.row_kind === '单位')
      for (const u of units) {
        const projects = col.filter((i) => i.row_kind === '项目' && i.unit_name === u.unit_name)
        c.sum(`${table} ${measure}：${u.unit_name} = 各项目之和`, u, projects)
      }
      const total = col.find((i) => i.row_kind === '合计')
      if (total) c.sum(`${table} ${measure}：${total.row_label} = 各单位之和`, total, units)
    }
  }
}
