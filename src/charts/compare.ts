/** Compare: a grouped bar chart, one series per document, from the pivot rows. */
import type { AmountUnit } from '../format/amount'
import { term, translate, type Locale } from '../i18n/translate'
import type { CompareRow, ValueMode } from '../db/queries/compare'
import { ANIMATION, aria, CLICK_HINT_ZH, escapeHtml, formatScaled, largest, LEGEND_ROW_PX, legendRows, PALETTE, scale, titleBlock, TITLE_LINE_PX, titleLines, tooltipFoot, type AxisTooltipParam } from './common'

export interface CompareChartInput {
  rows: readonly CompareRow[]
  docs: readonly string[]
  /** Display label per doc_id (e.g. 长治 2026 预算). */
  labels: Record<string, string>
  mode: ValueMode
  unit: AmountUnit
  title: string
  source: string
  /** At most this many rows (the largest), so the chart stays readable. */
  limit?: number
  /** The tooltip's last line, telling readers a bar opens its source (in the page's language). */
  hint?: string
  /** Language of the title's unit line and the axis name (default Chinese). */
  lang?: Locale
  /** Width the chart is laid out for, px (default 720): row names wrap within a third of it. */
  width?: number
}

/** The rows the chart draws: the largest by absolute value, in their original order. */
export function chartRows(rows: readonly CompareRow[], docs: readonly string[], limit: number): CompareRow[] {
  if (rows.length <= limit) return [...rows]
  const size = (r: CompareRow) => Math.max(...docs.map((d) => Math.abs(r.values[d] ?? 0)))
  const keep = new Set([...rows].sort((a, b) => size(b) - size(a)).slice(0, limit))
  return rows.filter((r) => keep.has(r))
}

export function compareChartOption(input: CompareChartInput) {
  const rows = chartRows(input.rows, input.docs, input.limit ?? 15)
  const valueOf = (v: number | null) => (input.mode === 'share' ? (v === null ? null : Math.round(v * 100) / 100) : scale(v, input.unit))
  const dimensions = ['dim_label', ...input.docs.map((d) => input.labels[d] ?? d)]
  const source = rows.map((r) => [r.dim_label, ...input.docs.map((d) => valueOf(r.values[d] ?? null))])
  const axisUnit = input.mode === 'share' ? '%' : input.unit
  const names = input.docs.map((d) => input.labels[d] ?? d)
  const width = input.width ?? 720
  const lang = input.lang ?? 'zh'
  const top = (d: string) => largest(rows.map((r) => ({ name: r.dim_label, value: valueOf(r.values[d] ?? null) })), 3, term(lang, axisUnit), lang)
  const description = (lang === 'en'
    ? [`${names.join(', ')}: ${rows.length} rows, unit: ${term(lang, axisUnit)}`, ...input.docs.map((d, i) => `Largest in ${names[i]}: ${top(d)}`), input.source]
    : [`${names.join('、')}，共${rows.length}行，单位：${axisUnit}`, ...input.docs.map((d, i) => `${names[i]}最大的是：${top(d)}`), input.source]
  ).filter(Boolean).join(lang === 'en' ? '. ' : '。')
  return {
    ...ANIMATION,
    ...aria(input.title, description),
    color: [...PALETTE],
    title: titleBlock(input.title, translate(lang, 'unit_label', { unit: term(lang, axisUnit) }), width),
    // Wrapped, not paged, so every document stays named; the grid makes room for its rows.
    legend: { bottom: 0, type: 'plain' },
    grid: { left: 8, right: 16, top: 64 + (titleLines(input.title, width) - 1) * TITLE_LINE_PX, bottom: 28 + legendRows(names, width) * LEGEND_ROW_PX, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: compareTooltip(input.mode === 'share' ? '%' : input.unit, input.hint ?? CLICK_HINT_ZH) },
    dataset: { dimensions, source },
    // The unit under the axis, centred: at the axis' end a long name ("10k yuan") is cut at the edge.
    // On a phone the plot is ≈ 170 px wide: fewer ticks, and none drawn over another ("5,00010,000").
    xAxis: { type: 'value', name: term(lang, axisUnit), nameLocation: 'middle', nameGap: 26, splitNumber: width < 480 ? 3 : 5, axisLabel: { hideOverlap: true } },
    // Long names (人力资源和社会保障管理事务) wrap onto a second line rather than end in "…".
    yAxis: { type: 'category', inverse: true, axisLabel: { width: Math.round(Math.min(170, width * 0.34)), overflow: 'break', lineHeight: 14 } },
    series: input.docs.map(() => ({ type: 'bar', barMaxWidth: 18 })),
  }
}

/**
 * The row's label, each document's figure (grouped digits, the unit's
 * decimals, or a share in %), and the click hint. Each row of the dataset is
 * [label, one value per document]: series i reads column i + 1.
 */
export function compareTooltip(unit: AmountUnit | '%', hint: string) {
  const text = (v: unknown) => {
    const n = v === null || v === undefined || v === '' ? null : Number(v)
    if (unit === '%') return n === null || !Number.isFinite(n) ? '—' : `${n.toFixed(2)}%`
    return formatScaled(n, unit)
  }
  return (params: AxisTooltipParam | AxisTooltipParam[]): string => {
    const list = Array.isArray(params) ? params : [params]
    const head = escapeHtml(String(list[0]?.axisValueLabel ?? list[0]?.name ?? ''))
    const rows = list.map((p) => {
      const row = Array.isArray(p.value) ? p.value : []
      return `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}&nbsp;&nbsp;<b>${text(row[(p.seriesIndex ?? 0) + 1])}</b>`
    })
    return [head, ...rows].join('<br/>') + tooltipFoot(hint)
  }
}
