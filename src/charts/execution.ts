/** Execution: rates as bars against a 100% line; under-execution and over-execution coloured. */
import { ANIMATION } from './common'
export interface RateBar {
  label: string
  rate: number | null
}

export const UNDER = '#d9822b'
export const OVER = '#b4465a'
export const ON = '#3f9b6b'

/** Colour of a rate: within ±5 points of 100% is on target. */
export function rateColour(rate: number | null): string {
  if (rate === null) return '#999'
  return rate < 95 ? UNDER : rate > 105 ? OVER : ON
}

export function executionChartOption(bars: readonly RateBar[], title: string, source: string) {
  return {
    ...ANIMATION,
    title: { text: title, subtext: source, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 11, color: '#666' } },
    grid: { left: 8, right: 48, top: 60, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    dataset: { dimensions: ['label', 'rate'], source: bars.map((b) => [b.label, b.rate]) },
    xAxis: { type: 'value', name: '%' },
    yAxis: { type: 'category', inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{
      type: 'bar', barMaxWidth: 16,
      itemStyle: { color: (p: { value: [string, number | null] }) => rateColour(p.value[1]) },
      label: { show: true, position: 'right', formatter: (p: { value: [string, number | null] }) => (p.value[1] === null ? '' : `${p.value[1]}%`) },
      markLine: { symbol: 'none', data: [{ xAxis: 100 }], lineStyle: { color: '#333', type: 'dashed' }, label: { formatter: '100%' } },
    }],
  }
}
