/**
 * 三公经费 over the years: one line per city × figure (预算 / 决算) × scope of
 * the document (部门 / 单位). A 部门 report consolidates the bureau and its
 * subordinate units, a 单位 report covers one unit (ARCHITECTURE.md, "Comparing like with like"): 晋城's 2022
 * 预算数 (F07 of the 单位 决算) and its 2024 预算 (B10 of the 部门 预算) are not
 * one time series, so they are separate series and no line joins them. The
 * prior-year points derived from the prose are drawn hollow, labelled, with
 * their sentence in the tooltip, and a dashed segment to the figure of the
 * document they were derived from.
 */
import { formatAmount, type AmountUnit } from '../format/amount'
import type { SangongPoint } from '../db/queries/sangong'
import { term, translate, type Locale } from '../i18n/translate'
import { ANIMATION, aria, CLICK_HINT_ZH, escapeHtml, LEGEND_ROW_PX, legendRows, PALETTE, scale, spoken, titleBlock, TITLE_LINE_PX, titleLines, tooltipFoot } from './common'

/** What the chart needs of a point's document. */
export interface SangongDoc {
  doc_id: string
  /** 部门 or 单位. */
  scope: string
  label: string
}

export interface SangongSeriesPoint {
  year: number
  /** Amount in the chosen unit (for the axis). */
  value: number | null
  /** Amount in 元, as the query gave it (labels are formatted from it). */
  amount: number
  line: number
  quote: string
  doc_id: string
}

export interface SangongSeries {
  name: string
  city: string
  figure: string
  /** Scope of the documents the points come from ('' when unknown). */
  scope: string
  derived: boolean
  points: SangongSeriesPoint[]
}

export interface SangongChartOptions {
  /** The documents of the points: their scope splits the series. */
  docs?: readonly SangongDoc[]
  /** The tooltip's last line, telling readers a point opens its source (in the page's language). */
  hint?: string
  /** Language of series names, the unit line and labels (default Chinese). */
  lang?: Locale
  /** Width the chart is laid out for, px (default 960): the legend wraps into rows below the plot. */
  width?: number
}

/** Height the chart needs at this width: the plot plus the rows of its legend. */
export function sangongChartHeight(points: readonly SangongPoint[], category: string, docs: readonly SangongDoc[], width: number, lang: Locale = 'zh'): number {
  const names = sangongSeries(points, category, '万元', docs, lang).map((s) => s.name)
  return (width < 600 ? 320 : 380) + legendRows(names, width) * LEGEND_ROW_PX
}

/** Series name: 晋城 预算（部门）, 晋城 决算（单位，推算）; without a known scope 晋城 预算 / 晋城 预算（推算）. */
function seriesName(city: string, figure: string, scope: string, derived: boolean, lang: Locale): string {
  const notes = [term(lang, scope), derived ? term(lang, '推算') : ''].filter(Boolean)
  if (lang === 'en') return `${city} ${term(lang, figure)}${notes.length ? ` (${notes.join(', ')})` : ''}`
  return `${city} ${figure}${notes.length ? `（${notes.join('，')}）` : ''}`
}

/** Series for one category: per city × figure × scope, table figures and derived points apart. */
export function sangongSeries(points: readonly SangongPoint[], category: string, unit: AmountUnit, docs: readonly SangongDoc[] = [], lang: Locale = 'zh'): SangongSeries[] {
  const scopeOf = new Map(docs.map((d) => [d.doc_id, d.scope]))
  const out = new Map<string, SangongSeries>()
  for (const p of points) {
    if (p.category !== category) continue
    const derived = p.origin === 'derived'
    const scope = scopeOf.get(p.doc_id) ?? ''
    const name = seriesName(p.city, p.figure, scope, derived, lang)
    if (!out.has(name)) out.set(name, { name, city: p.city, figure: p.figure, scope, derived, points: [] })
    out.get(name)!.points.push({ year: p.year, value: scale(p.amount, unit), amount: p.amount, line: p.line, quote: p.quote, doc_id: p.doc_id })
  }
  for (const s of out.values()) s.points.sort((a, b) => a.year - b.year)
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'))
}

/** Symbol per figure and scope, so series of one city (one colour) stay apart in the legend and in greyscale. */
function symbolOf(figure: string, scope: string): string {
  if (figure === '决算') return scope === '单位' ? 'triangle' : 'circle'
  return scope === '单位' ? 'diamond' : 'rect'
}

interface PointData {
  value: [number, number | null]
  amount: number
  line: number
  quote: string
  doc_id: string
  doc_label: string
}

/** The tooltip of a point: series, year and amount, its document, the prose it was derived from, the click hint. */
export function sangongTooltip(unit: AmountUnit, hint: string) {
  return (params: { seriesName?: string; marker?: string; data?: PointData }): string => {
    const d = params.data
    if (!d) return ''
    const parts = [
      `${params.marker ?? ''}<b>${escapeHtml(params.seriesName ?? '')}</b>`,
      `${d.value[0]}：${formatAmount(d.amount, unit)}${unit}`,
      escapeHtml(d.doc_label),
    ]
    const quote = d.quote ? `<div style="margin-top:4px;white-space:normal">“${escapeHtml(d.quote)}”</div>` : ''
    return parts.join('<br/>') + quote + tooltipFoot(hint)
  }
}

export function sangongChartOption(points: readonly SangongPoint[], category: string, unit: AmountUnit, title: string, source: string, opts: SangongChartOptions = {}) {
  const docs = opts.docs ?? []
  const width = opts.width ?? 960
  const lang = opts.lang ?? 'zh'
  const series = sangongSeries(points, category, unit, docs, lang)
  const labelOf = new Map(docs.map((d) => [d.doc_id, d.label]))
  const years = [...new Set(points.map((p) => p.year))].sort()
  const cities = [...new Set(series.map((s) => s.city))]
  // The printed figure each derived point is the prior year of: document × figure × year → amount in the unit.
  const anchors = new Map(points.filter((p) => p.category === category && p.origin === 'table').map((p) => [`${p.doc_id}|${p.figure}|${p.year}`, scale(p.amount, unit)]))
  const description = lang === 'en'
    ? series.map((s) => `${s.name}: ${s.points.map((p) => `${p.year} ${formatAmount(p.amount, unit)} ${term(lang, unit)}`).join(', ')}`).join('; ')
    : series.map((s) => `${s.name}：${s.points.map((p) => `${p.year}年 ${formatAmount(p.amount, unit)}${unit}`).join('，')}`).join('；')
  return {
    ...ANIMATION,
    // Lines carry no fill: no decals, but each series has its own symbol and dash.
    ...aria(title, [translate(lang, 'unit_label', { unit: term(lang, unit) }), description, source].filter(Boolean).join(lang === 'en' ? '. ' : '。'), false),
    color: [...PALETTE],
    title: titleBlock(title, translate(lang, 'unit_label', { unit: term(lang, unit) }), width),
    // Wrapped, not paged: every series stays visible, the plot keeps the rest of the height.
    legend: { bottom: 0, type: 'plain' },
    grid: { left: 8, right: 24, top: 70 + (titleLines(title, width) - 1) * TITLE_LINE_PX, bottom: 12 + legendRows(series.map((x) => x.name), width) * LEGEND_ROW_PX, containLabel: true },
    tooltip: { trigger: 'item', confine: true, extraCssText: 'max-width:360px;white-space:normal;', formatter: sangongTooltip(unit, opts.hint ?? CLICK_HINT_ZH) },
    xAxis: { type: 'value', name: '', min: years.length ? Math.min(...years) - 1 : undefined, max: years.length ? Math.max(...years) + 1 : undefined, interval: 1, axisLabel: { hideOverlap: true, formatter: (v: number) => String(v) } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => spoken(v) } },
    series: series.map((s) => {
      const color = PALETTE[cities.indexOf(s.city) % PALETTE.length]
      const data: PointData[] = s.points.map((p) => ({ value: [p.year, p.value], amount: p.amount, line: p.line, quote: p.quote, doc_id: p.doc_id, doc_label: labelOf.get(p.doc_id) ?? p.doc_id }))
      // A derived point is "上年" of a figure its document prints: a dashed segment joins the two
      // (same document, so same scope). A mark line, not data: the twin table and tooltips list each point once.
      const links = s.derived ? s.points.flatMap((p) => {
        const to = anchors.get(`${p.doc_id}|${s.figure}|${p.year + 1}`)
        return to === undefined ? [] : [[{ coord: [p.year, p.value] }, { coord: [p.year + 1, to] }]]
      }) : []
      return {
        name: s.name,
        type: 'line',
        data,
        symbol: symbolOf(s.figure, s.scope),
        symbolSize: 10,
        itemStyle: s.derived ? { color: '#fff', borderColor: color, borderWidth: 2 } : { color },
        lineStyle: { color, type: s.derived ? 'dashed' : s.figure === '预算' ? 'dotted' : 'solid', width: 2 },
        // On a narrow chart the figures would overlap: the first label drawn wins, the tooltip has them all.
        labelLayout: { hideOverlap: true },
        label: { show: true, position: 'top', formatter: (p: { data: PointData }) => formatAmount(p.data.amount, unit) + (s.derived ? translate(lang, 'derived_suffix') : '') },
        ...(links.length ? { markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color, type: 'dashed', width: 2 }, data: links } } : {}),
      }
    }),
  }
}
