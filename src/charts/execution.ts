/** Execution: rates as bars against a 100% line; under-execution and over-execution coloured. */
import { ANIMATION, aria, CLICK_HINT_ZH, escapeHtml, spoken, tooltipFoot, type AxisTooltipParam } from './common'
import { OKABE_ITO } from '../publish/palette'

export interface RateBar {
  label: string
  rate: number | null
}

// Okabe–Ito: orange and vermillion for under and over, blue for on target —
// apart for every kind of colour vision; the printed rate labels each bar too.
export const UNDER = OKABE_ITO[3]
export const OVER = OKABE_ITO[1]
export const ON = OKABE_ITO[0]

/** Width of the names beside the bars, px (they wrap within it). */
export const EXECUTION_LABEL_WIDTH = 150

/** Colour of a rate: within ±5 points of 100% is on target. */
export function rateColour(rate: number | null): string {
  if (rate === null) return '#767676'
  return rate < 95 ? UNDER : rate > 105 ? OVER : ON
}

/** `hint`: the tooltip's last line, telling readers a bar opens its source (in the page's language). */
export function executionChartOption(bars: readonly RateBar[], title: string, source: string, hint: string = CLICK_HINT_ZH, lang: 'zh' | 'en' = 'zh') {
  const under = bars.filter((b) => b.rate !== null && b.rate < 95).length
  const over = bars.filter((b) => b.rate !== null && b.rate > 105).length
  const description = lang === 'en'
    ? `${bars.length} items, ${under} under-executed (below 95%), ${over} over (above 105%): ${bars.map((b) => `${b.label} ${b.rate === null ? 'no data' : spoken(b.rate, lang) + '%'}`).join(', ')}`
    : `共${bars.length}项，执行不足（低于95%）${under}项，超支（高于105%）${over}项：${bars.map((b) => `${b.label} ${b.rate === null ? '无数据' : spoken(b.rate) + '%'}`).join('，')}`
  return {
    ...ANIMATION,
    ...aria(title, [description, source].filter(Boolean).join(lang === 'en' ? '. ' : '。')),
    title: { text: title, textStyle: { fontSize: 14 } },
    grid: { left: 8, right: 48, top: 56, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', formatter: executionTooltip(hint) },
    dataset: { dimensions: ['label', 'rate'], source: bars.map((b) => [b.label, b.rate]) },
    xAxis: { type: 'value', name: '%', axisLabel: { hideOverlap: true } },
    // Names wrap (never "…"); the 100% line's label sits above the plot, clear of the axis values.
    yAxis: { type: 'category', inverse: true, axisLabel: { width: EXECUTION_LABEL_WIDTH, overflow: 'break', lineHeight: 14 } },
    series: [{
      type: 'bar', barMaxWidth: 16,
      itemStyle: { color: (p: { value: [string, number | null] }) => rateColour(p.value[1]) },
      label: { show: true, position: 'right', formatter: (p: { value: [string, number | null] }) => (p.value[1] === null ? '' : `${p.value[1]}%`) },
      markLine: { symbol: 'none', data: [{ xAxis: 100 }], lineStyle: { color: '#333', type: 'dashed' }, label: { formatter: '100%', position: 'start' } },
    }],
  }
}

/** The bar's label, its rate in % (as the label prints it), and the click hint. */
export function executionTooltip(hint: string) {
  return (params: AxisTooltipParam | AxisTooltipParam[]): string => {
    const p = (Array.isArray(params) ? params : [params])[0]
    if (!p) return ''
    const row = Array.isArray(p.value) ? p.value : []
    const rate = row[1] === null || row[1] === undefined ? '—' : `${String(row[1])}%`
    return `${escapeHtml(String(p.axisValueLabel ?? p.name ?? row[0] ?? ''))}<br/>${p.marker ?? ''}<b>${rate}</b>${tooltipFoot(hint)}`
  }
}


/** Height the chart needs: each bar's row as tall as its wrapped name (12 px text, 14 px lines), plus title and axis. */
export function executionChartHeight(labels: readonly string[]): number {
  const perLine = Math.floor(EXECUTION_LABEL_WIDTH / 12)
  const rows = labels.reduce((h, l) => h + Math.max(28, Math.ceil([...l].length / perLine) * 14 + 12), 0)
  return Math.max(240, rows + 100)
}
