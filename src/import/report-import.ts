/**
 * The text of a disclosure report → a preview the user confirms, and the rows
 * to keep. The rows come from parseReport (src/ingest), the very code the
 * bundled dataset went through, so an imported report reads exactly as a seed would.
 */
import { addReport, emptyDataset } from '../ingest/dataset'
import type { IdentityHints } from '../ingest/identity'
import { parseReport, type ParseOptions } from '../ingest/index'
import { toLines } from '../ingest/lines'
import { pagesOfLines } from '../ingest/pages'
import type { CheckRow, DocumentRow, LocatedTable, Problem } from '../ingest/types'
import { reviewReport } from '../review/index'
import type { ImportedDocument } from './types'

/** Identity fields the parser reads from the text; an empty one must be supplied by the user. */
export const IDENTITY_FIELDS = ['publisher', 'city', 'year', 'stage', 'scope', 'unit'] as const
export type IdentityField = (typeof IDENTITY_FIELDS)[number]

export interface TablePreview extends LocatedTable {
  /** Printed rows of the table that yielded at least one figure (distinct source lines). */
  rows: number
  /** Figures (line_items rows) read from it. */
  figures: number
  /** Pages of its first and last line, when the text has pages (a PDF's); else 0. */
  firstPage: number
  lastPage: number
}

export interface ReportPreview {
  fileName: string
  /** The document as read (with the user's overrides applied). */
  document: DocumentRow
  /** Identity fields the text did not state (and no override supplied): the UI asks for them. */
  missingIdentity: IdentityField[]
  /** The identity problems themselves (where 'identity'), as the parser words them. */
  identityProblems: Problem[]
  /** Tables located in the text, in order, with what was read from each. */
  tables: TablePreview[]
  /** Rows per dataset table. */
  counts: { line_items: number; sangong: number; targets: number; evaluations: number; narrative: number; checks: number }
  checks: { pass: number; rounding: number; fail: number; fails: CheckRow[] }
  /** Every other problem, each with its table/section and line. */
  problems: Problem[]
  /** False when nothing can be imported (no table found, or the text is empty). */
  importable: boolean
}

export interface ReportImport {
  preview: ReportPreview
  /** The document with its rows, ready for saveImport once the user confirms. */
  imported: ImportedDocument
}

/**
 * Parses a report's text for import. `overrides` are the identity values the
 * user typed (city, year, stage …); they win over what the text says. Never throws.
 */
export function importReportText(text: string, fileName: string, overrides?: IdentityHints['overrides'], options: ParseOptions = {}): ReportImport {
  const report = parseReport(text, overrides ? { source: fileName, overrides } : { source: fileName }, options)
  // The review's findings travel with the import, so an imported report is reviewed like a bundled one.
  const rows = addReport(emptyDataset(), report, reviewReport(report, text))

  const byTable = new Map<string, { lines: Set<number>; figures: number }>()
  for (const item of report.lineItems) {
    let t = byTable.get(item.table_code)
    if (!t) byTable.set(item.table_code, (t = { lines: new Set(), figures: 0 }))
    t.lines.add(item.line)
    t.figures++
  }
  // A PDF reader thinks in pages: each table says which it is on (its lines still cite it exactly).
  const pages = pagesOfLines(toLines(text).map((l) => l.text))
  const pageOf = (line: number) => pages[line - 1] ?? 0
  const tables: TablePreview[] = report.tables.map((t) => {
    // A table code can be located more than once (a report printing a table twice); figures count once per code.
    const stats = byTable.get(t.code)
    return { ...t, rows: stats?.lines.size ?? 0, figures: stats?.figures ?? 0, firstPage: pageOf(t.start), lastPage: pageOf(t.end - 1) }
  })

  const checks = { pass: 0, rounding: 0, fail: 0, fails: [] as CheckRow[] }
  for (const c of report.checks) {
    checks[c.status]++
    if (c.status === 'fail') checks.fails.push(c)
  }

  // A report of titles without a figure (a blank template) is a 'file' error too: not a document of zeros.
  const fatal = report.problems.some((p) => p.where === 'file' && p.severity === 'error')
  const preview: ReportPreview = {
    fileName,
    document: report.document,
    missingIdentity: IDENTITY_FIELDS.filter((f) => !report.document[f]),
    identityProblems: report.problems.filter((p) => p.where === 'identity'),
    tables,
    counts: {
      line_items: report.lineItems.length,
      sangong: report.sangong.length,
      targets: report.targets.length,
      evaluations: report.evaluations.length,
      narrative: report.narrative.length,
      checks: report.checks.length,
    },
    checks,
    problems: report.problems.filter((p) => p.where !== 'identity'),
    importable: !fatal && report.tables.length > 0,
  }
  return { preview, imported: { document: report.document, rows, kind: 'report', fileName, sourceText: text } }
}
