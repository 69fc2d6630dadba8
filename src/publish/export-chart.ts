/**
 * Charts as journalists publish them (ARCHITECTURE.md, "Publishing"): the
 * exported image carries its title, its unit and a source line naming the
 * documents, in fonts every offline machine has (system CJK fonts, never a
 * web font: the build must work with no network). `exportOption` makes that
 * option from the one the app shows; `renderSvg` renders any option to an
 * SVG string with ECharts' server-side rendering, in Node and in the browser.
 * PNG needs a real canvas: see export-png.ts.
 */
import { BarChart, LineChart, PieChart, SunburstChart, TreemapChart } from 'echarts/charts'
import {
  AriaComponent, DatasetComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent,
  TitleComponent, TooltipComponent,
} from 'echarts/components'
import { init, use } from 'echarts/core'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import { textWidth } from '../charts/common'

use([
  SVGRenderer, CanvasRenderer, BarChart, LineChart, PieChart, SunburstChart, TreemapChart,
  AriaComponent, DatasetComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent,
  TitleComponent, TooltipComponent,
])

/** System CJK fonts, in order of likelihood on Linux, macOS and Windows; no web font is loaded. */
export const FONT_FAMILY = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif"

export const DEFAULT_SIZE = { width: 960, height: 600 } as const

export interface ExportMeta {
  /** Chart title, e.g. "社会保障和就业支出：长治2026 vs 晋城2024". */
  title: string
  /** Second line under the title (what is compared), optional. */
  subtitle?: string
  /** The unit the values are drawn in, e.g. "万元"; shown as "单位：万元". */
  unit?: string
  /** The source line (citation.ts sourceLine). */
  source: string
  /** Further lines under the source: comparability caveats, data-quality notices. */
  notes?: readonly string[]
  /** English labels ("Unit:") instead of Chinese. */
  lang?: 'zh' | 'en'
  width?: number
  height?: number
}

/** An ECharts option as a plain object. */
export type ChartOption = Record<string, unknown>

const PAD = 16
const TITLE_SIZE = 18
const SUB_SIZE = 12
const SOURCE_SIZE = 11
const LEGEND_ROW = 24

function wrappedLines(text: string, fontSize: number, width: number): number {
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part, fontSize) / width)), 0)
}

function asArray(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter((x) => x && typeof x === 'object') as Record<string, unknown>[]
  return v && typeof v === 'object' ? [v as Record<string, unknown>] : []
}

/** A radius given as px or percent (of half the smaller side), in px for a plot of `size` px. */
function radiusPx(r: unknown, size: number, fallbackPct: number): number {
  if (typeof r === 'number') return Math.min(r, size / 2)
  const pct = typeof r === 'string' && /%$/.test(r) ? parseFloat(r) : fallbackPct
  return (pct / 100) * (size / 2)
}

/**
 * The option to export: the chart's own option with the export title (title,
 * subtitle, 单位), the legend under it, the plot moved clear of them, the
 * source line and notes at the bottom, system fonts, a white background and
 * no animation. The input is not changed; keys it does not know are kept.
 */
/** Where an export puts things, px: the header (title, unit, legend) and footer (source, notes) around the plot, and the image's size. */
export interface ExportLayout {
  width: number
  /** The image's height: the requested one, or more so the plot keeps half of it. */
  height: number
  header: number
  footer: number
  /** Height left to the plot (height − header − footer). */
  plot: number
}

/** The plot's least share of an exported image's height: a long source and caveats lengthen the image, never squash the chart. */
export const MIN_PLOT_SHARE = 0.5
/** The plot's least height in an export, as a share of the chart's height on screen. */
export const MIN_PLOT_OF_SCREEN = 0.7

/** The layout of an export of this option with this title, unit, source and notes. */
export function exportLayout(option: object, meta: ExportMeta): ExportLayout {
  return layoutOf(option as ChartOption, meta).layout
}

function layoutOf(src: ChartOption, meta: ExportMeta) {
  const width = meta.width ?? DEFAULT_SIZE.width
  const inner = width - 2 * PAD
  const zh = (meta.lang ?? 'zh') === 'zh'

  const unitText = meta.unit ? (zh ? `单位：${meta.unit}` : `Unit: ${meta.unit}`) : ''
  const subtext = [meta.subtitle ?? '', unitText].filter(Boolean).join(zh ? '　' : '  ·  ')
  const titleLines = wrappedLines(meta.title, TITLE_SIZE, inner)
  const subLines = subtext ? wrappedLines(subtext, SUB_SIZE, inner) : 0
  const titleHeight = PAD + titleLines * TITLE_SIZE * 1.3 + (subLines ? 6 + subLines * SUB_SIZE * 1.4 : 0)

  const legends = asArray(src.legend)
  const legendTop = Math.round(titleHeight + 6)
  const shown = legends.filter((l) => l.show !== false)
  const legendRows = shown.length ? legendRowsOf(shown, src, inner) : 0
  const header = Math.round(titleHeight + 8 + legendRows * LEGEND_ROW + 8)

  const footerText = [meta.source, ...(meta.notes ?? [])].filter(Boolean).join('\n')
  const footerLines = footerText ? wrappedLines(footerText, SOURCE_SIZE, inner) : 0
  const footer = Math.round(PAD + footerLines * SOURCE_SIZE * 1.45)
  // The plot keeps half of the image and most of the height it had on screen (the requested height):
  // a long source and caveats make the image taller, never the chart flatter.
  const requested = meta.height ?? DEFAULT_SIZE.height
  const height = Math.max(requested, Math.ceil((header + footer) / (1 - MIN_PLOT_SHARE)), Math.ceil(header + footer + MIN_PLOT_OF_SCREEN * requested))
  const layout: ExportLayout = { width, height, header, footer, plot: height - header - footer }
  return { layout, inner, subtext, legends, legendTop, footerText }
}

export function exportOption(option: object, meta: ExportMeta): ChartOption {
  const src = option as ChartOption
  const { layout, inner, subtext, legends, legendTop, footerText } = layoutOf(src, meta)
  const { height, header, footer } = layout

  const out: ChartOption = { ...src }
  delete out.toolbox
  delete out.dataZoom
  out.animation = false
  out.backgroundColor = '#fff'
  out.textStyle = { ...(src.textStyle as object | undefined), fontFamily: FONT_FAMILY }
  out.title = {
    text: meta.title,
    subtext,
    left: PAD,
    top: PAD,
    itemGap: 6,
    textStyle: { fontSize: TITLE_SIZE, fontWeight: 'bold', color: '#222', fontFamily: FONT_FAMILY, width: inner, overflow: 'break' },
    subtextStyle: { fontSize: SUB_SIZE, color: '#555', fontFamily: FONT_FAMILY, width: inner, overflow: 'break' },
  }
  if (legends.length) {
    const placed = legends.map((l) => ({ ...l, type: 'plain', top: legendTop, left: PAD, right: PAD, orient: 'horizontal', textStyle: { ...(l.textStyle as object | undefined), fontFamily: FONT_FAMILY } }))
    out.legend = Array.isArray(src.legend) ? placed : placed[0]
  }

  // The plot's box lies between header and footer, and axis labels and names
  // are kept inside it (ECharts 6 outerBounds 'same'): long figures such as
  // "35,000" on the y axis would otherwise reach the image's edge.
  const grids = asArray(src.grid)
  const hasAxes = src.xAxis !== undefined || src.yAxis !== undefined
  const box = { top: header, bottom: footer + 8, outerBoundsMode: 'same', outerBoundsContain: 'all' }
  if (grids.length > 1) {
    // Several grids are laid out side by side by the chart itself: only the vertical room changes.
    out.grid = grids.map((g) => ({ ...g, ...box }))
  } else if (grids.length === 1 || hasAxes) {
    const g = { ...grids[0], left: PAD, right: PAD * 2, ...box }
    out.grid = Array.isArray(src.grid) ? [g] : g
  }

  const plotH = Math.max(40, height - header - footer)
  const plotW = inner
  const series = asArray(src.series)
  if (series.length) {
    const placed = series.map((s) => {
      switch (s.type) {
        case 'treemap':
          // The breadcrumb is navigation: nothing to click in an image.
          return { ...s, top: header, bottom: footer, left: PAD, right: PAD, breadcrumb: { ...(s.breadcrumb as object | undefined), show: false } }
        case 'pie':
        case 'sunburst': {
          const size = Math.min(plotW, plotH)
          const r = Array.isArray(s.radius) ? s.radius : [0, s.radius ?? '75%']
          // A chart with pies side by side places them across: keep each one's x.
          const x = Array.isArray(s.center) && s.center[0] !== undefined ? s.center[0] : '50%'
          return {
            ...s,
            center: [x, Math.round(header + plotH / 2)],
            radius: [radiusPx(r[0], size, 0), radiusPx(r[1], size, 75)].map(Math.round),
          }
        }
        default:
          return s
      }
    })
    out.series = Array.isArray(src.series) ? placed : placed[0]
  }

  const graphics = asArray(src.graphic)
  if (footerText) {
    graphics.push({
      type: 'text',
      id: 'export-source',
      left: PAD,
      bottom: PAD / 2,
      // Above the series: a wide label of a pie must not hide the source.
      z: 100,
      silent: true,
      style: {
        text: footerText,
        fill: '#555',
        fontSize: SOURCE_SIZE,
        fontFamily: FONT_FAMILY,
        lineHeight: Math.round(SOURCE_SIZE * 1.45),
        width: inner,
        overflow: 'break',
      },
    })
  }
  if (graphics.length) out.graphic = graphics
  return out
}

function legendRowsOf(legends: Record<string, unknown>[], option: ChartOption, inner: number): number {
  let rows = 0
  for (const l of legends) {
    const names = Array.isArray(l.data)
      ? l.data.map((d) => (typeof d === 'string' ? d : String((d as { name?: unknown })?.name ?? '')))
      : asArray(option.series).map((s) => String(s.name ?? ''))
    // Each item: a 25px symbol, 5px gap, the name, 10px between items.
    const total = names.reduce((w, n) => w + 40 + textWidth(n, 12), 0)
    rows += Math.max(1, Math.ceil(total / inner))
  }
  return rows
}

export interface RenderSize {
  width?: number
  height?: number
}

/**
 * Renders an option to an SVG document with ECharts' server-side rendering
 * (no DOM needed): text stays text, so Chinese characters remain selectable
 * and searchable in the SVG.
 */
export function renderSvg(option: object, size: RenderSize = {}): string {
  const width = size.width ?? DEFAULT_SIZE.width
  const height = size.height ?? DEFAULT_SIZE.height
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ animation: false, ...(option as ChartOption) })
    return labelSvg(chart.renderToSVGString(), ariaDescription(option as ChartOption))
  } finally {
    chart.dispose()
  }
}

function ariaDescription(option: ChartOption): string {
  const aria = option.aria as { label?: { description?: unknown } } | undefined
  const d = aria?.label?.description
  return typeof d === 'string' ? d : ''
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!)
}

/**
 * ECharts puts its aria label on the chart's DOM element, which server-side
 * rendering has not; a standalone SVG carries it as role="img", aria-label
 * and <title>, so screen readers announce the exported image too.
 */
function labelSvg(svg: string, description: string): string {
  if (!description) return svg
  const text = escapeXml(description)
  return svg.replace(/^<svg\b([^>]*)>/, `<svg$1 role="img" aria-label="${text}">\n<title>${text}</title>`)
}

/** The export option rendered to SVG in one step. */
export function exportSvg(option: object, meta: ExportMeta): string {
  const { width, height } = exportLayout(option, meta)
  return renderSvg(exportOption(option, meta), { width, height })
}

export { exportFileName } from './file-name'
