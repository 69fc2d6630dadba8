/**
 * 三公经费 over the years: one line per city × figure (预算 / 决算), with the
 * prior-year points derived from the prose drawn hollow on a dashed series,
 * labelled, and their quote in the tooltip.
 */
import type { AmountUnit } from '../format/amount'
import type { SangongPoint } from '../db/queries/sangong'
import { ANIMATION, aria, PALETTE, scale, spoken, titleBlock } from './common'

export interface SangongSeries {
  name: string
  city: string
  figure: string
  derived: boolean
  /** [year, amount in the unit, line, quote, doc_id] */
  points: [number, number | null, number, string, string][]
}

/** Series for one category: table figures per city × figure, and derived points apart. */
export function sangongSeries(points: readonly SangongPoint[], category: string, unit: AmountUnit): SangongSeries[] {
  const out = new Map<string, SangongSeries>()
  for (const p of points) {
    if (p.category !== category) continue
    const derived = p.origin === 'derived'
    const name = `${p.city} ${p.figure}${derived ? '（推算）' : ''}`
    if (!out.has(name)) out.set(name, { name, city: p.city, figure: p.figure, derived, points: [] })
    out.get(name)!.points.push([p.year, scale(p.amount, unit), p.line, p.quote, p.doc_id])
  }
  for (const s of out.values()) s.points.sort((a, b) => a[0] - b[0])
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'))
}

export function sangongChartOption(points: readonly SangongPoint[], category: string, unit: AmountUnit, title: string, source: string) {
  const series = sangongSeries(points, category, unit)
  const years = [...new Set(points.map((p) => p.year))].sort()
  const cities = [...new Set(series.map((s) => s.city))]
  const description = series.map((s) => `${s.name}：${s.points.map((p) => `${p[0]}年 ${spoken(p[1])}${unit}`).join('，')}`).join('；')
  return {
    ...ANIMATION,
    // Lines carry no fill: no decals, but each series has its own symbol and dash.
    ...aria(title, [`单位：${unit}`, description, source].filter(Boolean).join('。'), false),
    color: [...PALETTE],
    title: titleBlock(title, `单位：${unit}`),
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 70, bottom: 36, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', name: '', min: years.length ? Math.min(...years) - 1 : undefined, max: years.length ? Math.max(...years) + 1 : undefined, interval: 1, axisLabel: { formatter: (v: number) => String(v) } },
    yAxis: { type: 'value' },
    series: series.map((s) => {
      const color = PALETTE[cities.indexOf(s.city) % PALETTE.length]
      return {
        name: s.name,
        type: 'line',
        data: s.points.map((p) => ({ value: [p[0], p[1]], line: p[2], quote: p[3], doc_id: p[4] })),
        symbol: s.figure === '决算' ? 'circle' : 'rect',
        symbolSize: 10,
        itemStyle: s.derived ? { color: '#fff', borderColor: color, borderWidth: 2 } : { color },
        lineStyle: { color, type: s.derived ? 'dashed' : s.figure === '预算' ? 'dotted' : 'solid', width: 2 },
        label: { show: true, position: 'top', formatter: (p: { value: [number, number] }) => String(p.value[1]) + (s.derived ? '（推算）' : '') },
      }
    }),
  }
}
