/**
 * The first-paint summary: documents, headline totals and row counts,
 * computed from the dataset CSVs at build time (the Vite plugin in
 * vite.config.ts), so the Overview paints before DuckDB has started. Derived
 * by code from data/dataset, never typed. Pure: runs in Node and the browser.
 */
import Papa from 'papaparse'
import type { DatasetTable } from '../ingest/dataset'
import { add } from '../ingest/decimal'
import type { DocumentRow } from '../ingest/types'

export interface SummaryHeadline {
  subject: string
  /** Amount in 元, exact decimal text. */
  amount: string
  line: number
  /** The rows it adds up (src/ingest/provenance.ts), so its citation names each. */
  row_ids: string[]
}

export interface SummaryDocument extends DocumentRow {
  headlines: SummaryHeadline[]
  counts: Record<string, number>
  /** The review's findings (findings.csv) by severity, for the Overview card (absent for an import: read from DuckDB). */
  findings?: FindingCounts
}

/** Findings of a document by severity. */
export interface FindingCounts { error: number; warning: number; notice: number }

export interface Summary {
  documents: SummaryDocument[]
  /** Rows per dataset table. */
  rows: Record<string, number>
  /** Years known only from figures derived from a later report's prose: city, year, stage, doc. */
  derivedYears: { city: string; year: string; stage: string; doc_id: string }[]
}

type Row = Record<string, string>

function parse(text: string | undefined): Row[] {
  if (!text) return []
  return Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data
}

const TOTAL_MEASURES: Record<string, string> = { 合计: '支出合计', 本年支出合计: '支出合计', 基本支出: '基本支出', 项目支出: '项目支出' }

export function computeSummary(files: Partial<Record<DatasetTable, string>>): Summary {
  const documents = parse(files.documents) as unknown as DocumentRow[]
  const items = parse(files.line_items)
  const sangong = parse(files.sangong)
  const narrative = parse(files.narrative)
  const findingRows = parse(files.findings)
  const count = (rows: Row[], doc: string) => rows.filter((r) => r.doc_id === doc).length
  const tables: Record<string, Row[]> = {
    line_items: items, sangong, narrative,
    targets: parse(files.targets), evaluations: parse(files.evaluations), checks: parse(files.checks),
  }
  const docs: SummaryDocument[] = documents.map((d) => {
    const headlines: SummaryHeadline[] = []
    for (const r of items) {
      if (r.doc_id !== d.doc_id || !['B03', 'F03'].includes(r.table_code!) || r.row_kind !== '合计' || r.unit !== '元') continue
      const subject = TOTAL_MEASURES[r.measure!]
      if (!subject) continue
      const existing = headlines.find((h) => h.subject === subject)
      if (existing) {
        existing.amount = add(existing.amount, r.value!)
        existing.row_ids.push(r.row_id!)
      } else headlines.push({ subject, amount: r.value!, line: Number(r.line), row_ids: [r.row_id!] })
    }
    for (const r of sangong) {
      if (r.doc_id === d.doc_id && r.category === '合计') headlines.push({ subject: `三公经费${r.figure}`, amount: r.amount_yuan!, line: Number(r.line), row_ids: [r.row_id!] })
    }
    const counts: Record<string, number> = {}
    for (const [name, rows] of Object.entries(tables)) counts[name] = count(rows, d.doc_id)
    counts.projects = items.filter((r) => r.doc_id === d.doc_id && ['B12', 'B13'].includes(r.table_code!) && r.row_kind === '项目' && r.measure === '合计').length
    const findings: FindingCounts = { error: 0, warning: 0, notice: 0 }
    for (const f of findingRows) if (f.doc_id === d.doc_id && f.severity! in findings) findings[f.severity as keyof FindingCounts]++
    return { ...d, headlines, counts, findings }
  })
  const derived = new Map<string, Summary['derivedYears'][number]>()
  for (const n of narrative) {
    if (n.relation !== 'derived' || !n.year) continue
    const d = documents.find((x) => x.doc_id === n.doc_id)
    if (!d || documents.some((x) => x.city === d.city && x.year === n.year && x.stage === d.stage)) continue
    derived.set(`${d.city}|${n.year}|${d.stage}`, { city: d.city, year: n.year, stage: d.stage, doc_id: d.doc_id })
  }
  const rows: Record<string, number> = { documents: documents.length }
  for (const [name, r] of Object.entries(tables)) rows[name] = r.length
  return { documents: docs, rows, derivedYears: [...derived.values()] }
}
