/**
 * The findings of one document as a printable, self-contained HTML page (no
 * script, no outside resource: it opens offline and prints on A4), grouped by
 * severity, each with its rule, location, message, values and source text.
 * Pure: the 审查 view passes the strings of the current locale.
 */
import type { FindingRow } from '../ingest/types'

export interface PrintLabels {
  title: string
  subtitle: string
  groups: Record<FindingRow['severity'], string>
  none: string
  rule: string
  where: string
  quote: string
  values: string
  line: (n: number) => string
  page: (n: string) => string
  documentLevel: string
  lang: 'zh-CN' | 'en'
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** Where a finding points: table · row · column · page · line. */
export function findingPlace(f: Pick<FindingRow, 'table_code' | 'row_label' | 'measure' | 'line' | 'page'>, labels: Pick<PrintLabels, 'line' | 'page' | 'documentLevel'>): string {
  const parts = [f.table_code, f.measure].filter(Boolean)
  if (f.page) parts.push(labels.page(String(f.page)))
  parts.push(f.line > 0 ? labels.line(f.line) : labels.documentLevel)
  return parts.join(' · ')
}

/** Expected and actual as one cell; `show` writes each (the app: an amount in the reader's unit, src/format). */
export function findingValues(f: Pick<FindingRow, 'expected' | 'actual'>, show: (value: string) => string = (v) => v): string {
  return [f.expected, f.actual].filter(Boolean).map(show).join(' | ')
}

export function findingsPage(findings: readonly FindingRow[], labels: PrintLabels, english: boolean, values: (f: FindingRow) => string = (f) => findingValues(f)): string {
  const groups = (['error', 'warning', 'notice'] as const).map((sev) => {
    const rows = findings.filter((f) => f.severity === sev)
    const body = rows.length === 0
      ? `<p class="none">${esc(labels.none)}</p>`
      : `<table><thead><tr><th>${esc(labels.rule)}</th><th>${esc(labels.where)}</th><th></th><th>${esc(labels.values)}</th><th>${esc(labels.quote)}</th></tr></thead><tbody>${rows.map((f) => `<tr class="${sev}"><td>${esc(f.rule)}</td><td>${esc(findingPlace(f, labels))}</td><td>${esc(english ? f.message_en : f.message)}</td><td>${esc(values(f))}</td><td class="quote">${esc(f.quote)}</td></tr>`).join('')}</tbody></table>`
    return `<section><h2>${esc(labels.groups[sev])} (${rows.length})</h2>${body}</section>`
  })
  return `<!doctype html><html lang="${labels.lang}"><head><meta charset="utf-8"><title>${esc(labels.title)}</title>
<style>
body{font:13px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#111}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:20px 0 6px}.sub{color:#555;margin:0 0 12px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}tr.error td:first-child{border-left:4px solid #b42318}tr.warning td:first-child{border-left:4px solid #b54708}
tr.notice td:first-child{border-left:4px solid #667085}.quote{color:#444;max-width:28em}.none{color:#555}
@page{size:A4;margin:14mm}@media print{body{margin:0}tr{break-inside:avoid}}
</style></head><body><h1>${esc(labels.title)}</h1><p class="sub">${esc(labels.subtitle)}</p>${groups.join('')}</body></html>
`
}
