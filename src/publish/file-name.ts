/** File names for exports; kept apart from export-chart.ts so a page can name a file without loading ECharts' SVG renderer. */

/** A file name for an export: the title with characters that file systems reject removed. */
export function exportFileName(title: string, ext: string): string {
  const base = title.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80) || 'chart'
  return `${base}.${ext.replace(/^\./, '')}`
}
