/**
 * PNG export — browser only: a PNG needs a real canvas, which Node has not
 * (SVG export runs anywhere: export-chart.ts renderSvg).
 */
import { init } from 'echarts/core'
// Registers the renderers, charts and components the export options use.
import { DEFAULT_SIZE, exportLayout, exportOption, type ExportMeta } from './export-chart'

export interface PngOptions {
  width?: number
  height?: number
  /** Device pixels per CSS pixel: 2 gives a sharp image on print and retina screens. */
  pixelRatio?: number
  backgroundColor?: string
}

/**
 * Renders an option (usually exportOption(...)) to a PNG data URL, in an
 * off-screen element so the chart on the page is untouched. Waits for the
 * page's fonts so CJK text is not drawn in a fallback font.
 */
export async function renderPng(option: object, opts: PngOptions = {}): Promise<string> {
  const width = opts.width ?? DEFAULT_SIZE.width
  const height = opts.height ?? DEFAULT_SIZE.height
  const pixelRatio = opts.pixelRatio ?? 2
  const div = document.createElement('div')
  div.setAttribute('aria-hidden', 'true')
  div.style.cssText = `position:fixed;left:-100000px;top:0;width:${width}px;height:${height}px;pointer-events:none`
  document.body.appendChild(div)
  try {
    if (document.fonts?.ready) await document.fonts.ready
    const chart = init(div, null, { renderer: 'canvas', width, height, devicePixelRatio: pixelRatio })
    try {
      chart.setOption({ ...(option as Record<string, unknown>), animation: false })
      return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: opts.backgroundColor ?? '#fff' })
    } finally {
      chart.dispose()
    }
  } finally {
    div.remove()
  }
}

/**
 * The export option rendered to PNG in one step, laid out and rendered at the
 * same size (meta.width × the layout's height, at least meta.height, CSS px; × pixelRatio device px).
 */
export function exportPng(option: object, meta: ExportMeta, pixelRatio = 2): Promise<string> {
  const { width, height } = exportLayout(option, meta)
  return renderPng(exportOption(option, meta), { width, height, pixelRatio })
}
