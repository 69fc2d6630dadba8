/** Shared bits of the chart option builders: palette, units, the title block, screen-reader text. */
import { unitDivisor, type AmountUnit } from '../format/amount'
import { ariaOption, PALETTE as SAFE_PALETTE } from '../publish/palette'

/** Okabe–Ito (src/publish/palette.ts): colours readers with any kind of colour vision can tell apart. */
export const PALETTE: readonly string[] = SAFE_PALETTE

/** An amount in 元 expressed in the unit, rounded to what the axis shows; null stays null. */
export function scale(yuan: number | null | undefined, unit: AmountUnit): number | null {
  if (yuan === null || yuan === undefined) return null
  return Math.round((yuan / unitDivisor(unit)) * 10000) / 10000
}

/**
 * Title block with the unit as subtitle. The source line is not drawn on the
 * canvas (a long one is cut at the edge): the page prints it under the chart,
 * and an export adds it at the foot (src/publish/export-chart.ts).
 */
export function titleBlock(text: string, subtext: string, width?: number) {
  // Laid out for a known width, a long title wraps; otherwise a phone cuts it at the edge.
  const wrap = width ? { width: titleWidth(width), overflow: 'break', lineHeight: TITLE_LINE_PX } : {}
  return { text, subtext, left: 'left', textStyle: { fontSize: 14, fontWeight: 600, ...wrap }, subtextStyle: { fontSize: 11, color: '#475467' } }
}

/** Height of one more line of a wrapped title, px. */
export const TITLE_LINE_PX = 20

const titleWidth = (width: number) => Math.max(120, width - 24)

/** Lines a 14 px title takes in a chart `width` px wide, as titleBlock wraps it. */
export function titleLines(text: string, width: number): number {
  return Math.max(1, Math.ceil(textWidth(text, 14) / titleWidth(width)))
}

/**
 * Rough width of a text in px: CJK and full-width characters take 1em, other
 * characters about 0.6em. Used only to reserve room for wrapped lines.
 */
export function textWidth(text: string, fontSize: number): number {
  let w = 0
  for (const ch of text) w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 1 : 0.6
  return w * fontSize
}

/** Short animations: charts settle quickly after a selection change. */
export const ANIMATION = { animationDuration: 250, animationDurationUpdate: 200 }

/** A number as a screen reader should hear it: grouped digits, at most four decimals. */
export function spoken(n: number | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return lang === 'en' ? 'no data' : '无数据'
  return n.toLocaleString(lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 4 })
}

/**
 * ECharts `aria` with a description written for the chart (ECharts' own
 * would read bare numbers without their unit), decal patterns on filled
 * shapes unless `decals` is false (treemap labels already name each block).
 */
export function aria(title: string, description: string, decals = true) {
  return ariaOption(title, description, { decals })
}

/** "A 1、B 2、C 3" for the largest few of a list, in its order. */
export function largest(items: readonly { name: string; value: number | null }[], n = 3, unit = '', lang: 'zh' | 'en' = 'zh'): string {
  return [...items].filter((i) => i.value !== null).sort((a, b) => Math.abs(b.value!) - Math.abs(a.value!)).slice(0, n)
    .map((i) => (lang === 'en' ? `${i.name} ${spoken(i.value, lang)} ${unit}` : `${i.name} ${spoken(i.value)}${unit}`)).join(lang === 'en' ? ', ' : '、')
}

/** Text for the tooltip's HTML (ECharts renders a formatter's string as HTML): names from imported reports may hold `<`. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** Decimals an amount shows in each unit (as src/format/amount.ts): 万元 and 元 two, 亿元 four. */
const DECIMALS: Record<AmountUnit, number> = { 元: 2, 万元: 2, 亿元: 4 }

/** An amount already in the unit, for Chinese readers: 20,288.20 (grouped, the unit's decimals); null as —. */
export function formatScaled(v: number | null | undefined, unit: AmountUnit): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  const d = DECIMALS[unit]
  return v.toLocaleString('zh-CN', { minimumFractionDigits: d, maximumFractionDigits: d })
}

/**
 * The foot of the tooltip of a chart whose points open their citation on
 * click, so readers learn they can. The text comes in (in the page's
 * language): the builders stay pure.
 */
export const CLICK_HINT_ZH = '点击查看出处'

export function tooltipFoot(hint: string): string {
  return hint ? `<div class="tt-hint" style="margin-top:6px;color:#475467;font-size:11px">${escapeHtml(hint)}</div>` : ''
}

/** What ECharts hands an axis tooltip formatter, per series (the parts the builders read). */
export interface AxisTooltipParam {
  marker?: string
  seriesName?: string
  seriesIndex?: number
  name?: string
  axisValueLabel?: string
  value?: unknown
}

/** Height of one row of a wrapped (plain) legend, px. */
export const LEGEND_ROW_PX = 22

/**
 * Rows a plain legend of these names takes in a chart `width` px wide: each
 * item is a 25 px symbol, 5 px gap, its name (12 px text; a CJK character
 * 1em, others about 0.6em) and 10 px to the next. A scrolling legend ("1/8")
 * hides series, so the charts wrap theirs and make room for it.
 */
export function legendRows(names: readonly string[], width: number): number {
  const inner = Math.max(120, width - 24)
  let rows = 1
  let x = 0
  for (const n of names) {
    const w = 40 + textWidth(n, 12)
    if (x > 0 && x + w > inner) { rows++; x = 0 }
    x += w
  }
  return names.length ? rows : 0
}
