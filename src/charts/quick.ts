/** The workbench's quick chart: the first text column on the axis, every numeric column as bars. */
import { ANIMATION, aria, PALETTE } from './common'
export function quickChartColumns(columns: readonly string[], rows: readonly Record<string, unknown>[]): { category: string | null; numeric: string[] } {
  const isNum = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && /^-?\d+(\.\d+)?$/.test(v))
  const numeric = columns.filter((c) => rows.length > 0 && rows.every((r) => r[c] === null || isNum(r[c])) && rows.some((r) => r[c] !== null))
  const category = columns.find((c) => !numeric.includes(c)) ?? null
  return { category, numeric }
}

export function quickChartOption(columns: readonly string[], rows: readonly Record<string, unknown>[], limit = 50) {
  const { category, numeric } = quickChartColumns(columns, rows)
  if (numeric.length === 0) return null
  const shown = rows.slice(0, limit)
  return {
    ...ANIMATION,
    ...aria('查询结果', `${shown.length}行，按${category ?? '行号'}排列；数值列：${numeric.join('、')}`),
    color: [...PALETTE],
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    dataset: {
      dimensions: [category ?? '#', ...numeric],
      source: shown.map((r, i) => [category ? String(r[category] ?? '') : String(i + 1), ...numeric.map((c) => (r[c] === null ? null : Number(r[c])))]),
    },
    // Every bar labelled (interval 0: ECharts would otherwise skip labels it thinks crowded), long
    // names wrapped onto a second line rather than cut with "…".
    xAxis: { type: 'category', axisLabel: { interval: 0, rotate: shown.length > 8 ? 30 : 0, width: shown.length > 8 ? 120 : 90, overflow: 'break', lineHeight: 14 } },
    yAxis: { type: 'value' },
    series: numeric.map(() => ({ type: 'bar', barMaxWidth: 24 })),
  }
}
