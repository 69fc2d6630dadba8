/**
 * The data-table twin of a chart: the numbers a chart draws as a plain table
 * (header + rows of text), for screen readers and for anyone who wants the
 * figures behind the picture. Read from the option itself, so the twin can
 * never disagree with the chart.
 */
export interface TwinTable {
  columns: string[]
  rows: string[][]
}

export interface TwinLabels {
  /** Header of the category column (dataset charts) or of the name column (pies, treemaps). */
  category: string
  /** Header of the series column of line charts. */
  series: string
  value: string
}

const DEFAULT_LABELS: TwinLabels = { category: '项目', series: '系列', value: '数值' }

function cell(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'object' && v !== null && 'value' in v) return cell((v as { value: unknown }).value)
  return String(v)
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : v && typeof v === 'object' ? [v as Record<string, unknown>] : []
}

/** Internal dataset dimension names (the builders' first column) that a reader should not see. */
const INTERNAL = new Set(['dim_label', 'label', '#'])

function flatten(data: readonly Record<string, unknown>[], prefix: string, out: string[][]): void {
  for (const d of data) {
    const name = prefix ? `${prefix} › ${cell(d.name)}` : cell(d.name)
    out.push([name, cell(d.value)])
    if (Array.isArray(d.children)) flatten(d.children as Record<string, unknown>[], name, out)
  }
}

export function twinTable(option: Record<string, unknown> | null | undefined, labels: Partial<TwinLabels> = {}): TwinTable {
  const l = { ...DEFAULT_LABELS, ...labels }
  if (!option) return { columns: [], rows: [] }
  const dataset = list(option.dataset)[0]
  if (dataset && Array.isArray(dataset.source)) {
    const dims = (Array.isArray(dataset.dimensions) ? dataset.dimensions : []).map((d) => (typeof d === 'string' ? d : cell((d as { name?: unknown }).name)))
    const columns = dims.map((d, i) => (i === 0 && INTERNAL.has(d) ? l.category : d))
    return { columns, rows: (dataset.source as unknown[][]).map((r) => r.map(cell)) }
  }
  const series = list(option.series)
  const rows: string[][] = []
  if (series.some((s) => s.type === 'line' || s.type === 'bar')) {
    const x = list(option.xAxis)[0]
    const y = list(option.yAxis)[0]
    for (const s of series) {
      for (const d of list(s.data)) {
        const v = Array.isArray(d.value) ? d.value : [d.value]
        rows.push([cell(s.name), cell(v[0]), cell(v[1])])
      }
    }
    return { columns: [l.series, cell(x?.name) || l.category, cell(y?.name) || l.value], rows }
  }
  for (const s of series) flatten(list(s.data), '', rows)
  return { columns: [l.category, l.value], rows }
}
