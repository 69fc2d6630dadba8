/**
 * What every dataset row carries to be cited by identity (ARCHITECTURE.md,
 * "A figure's journey"): a stable `row_id`, the page of its line, and the
 * figure as printed with its unit — worked out once, here, from the report's
 * lines, so a citation reads them off the row instead of searching the line
 * again, and two equal amounts in one table are never confused.
 *
 * A row id is `<doc_id>:<tag><line>`, the tag naming the table (L line_items,
 * S sangong, N narrative …), with `.k` for the k-th row of that table on the
 * same line (the first has no suffix, so a row added later on a line never
 * renames one made before). Checks have no line of their own: `C<k>`.
 */
import { pagesOfLines } from './pages'
import { findPrintedAmount, printedUnitOf } from './printed'
import type { ParsedReport, SourceLine } from './types'

/** The tag of each table's row ids (documents are identified by doc_id); keys are dataset table names (dataset.ts, which stamps findings with these). */
export const ROW_ID_TAGS = {
  line_items: 'L', sangong: 'S', targets: 'T', target_budgets: 'TB', evaluations: 'E', evaluation_fields: 'EF',
  evaluation_indicators: 'EI', narrative: 'N', checks: 'C', findings: 'F',
} as const satisfies Record<string, string>

export type IdentifiedTable = keyof typeof ROW_ID_TAGS

const TABLE_OF_TAG = new Map<string, IdentifiedTable>(Object.entries(ROW_ID_TAGS).map(([t, tag]) => [tag, t as IdentifiedTable]))

/** The table a row id names, or null for a string that is not one. */
export function tableOfRowId(id: string): IdentifiedTable | null {
  // '~k': an id made at load for a row written before rows carried one (src/db/schema.ts).
  const m = /:([A-Z]+)\d+([.~]\d+)?$/.exec(id)
  return m ? TABLE_OF_TAG.get(m[1]!) ?? null : null
}

/** Gives each row of one table its id, in the order the rows were emitted. */
export function assignRowIds<T extends { doc_id: string; line: number | string; row_id?: string }>(rows: readonly T[], table: IdentifiedTable): void {
  const seen = new Map<string, number>()
  for (const r of rows) {
    const base = `${r.doc_id}:${ROW_ID_TAGS[table]}${Number(r.line) || 0}`
    const k = (seen.get(base) ?? 0) + 1
    seen.set(base, k)
    r.row_id = k === 1 ? base : `${base}.${k}`
  }
}

/** Check rows: numbered in order, they stand on no one line. */
function assignCheckIds(report: ParsedReport): void {
  report.checks.forEach((c, i) => { c.row_id = `${report.document.doc_id}:${ROW_ID_TAGS.checks}${i + 1}` })
}

/**
 * Stamps a parsed report's rows in place: ids, pages, printed figures and
 * units. The arithmetic is the one citations used to do on the fly
 * (src/ingest/printed.ts), so every citation reads the same as before.
 */
export function stampRows(report: ParsedReport, lines: readonly SourceLine[]): void {
  const texts = lines.map((l) => l.text)
  const text = (line: number) => texts[line - 1] ?? ''
  // Pages counted once for the whole text: rows are many and a walk per row would be quadratic.
  const pages = pagesOfLines(texts)
  const page = (line: number | string): number | '' => pages[Number(line) - 1] || ''
  const docUnit = report.document.unit

  for (const r of report.lineItems) {
    r.printed_unit = r.unit === '元' ? printedUnitOf(r.raw, r.value, docUnit) : r.unit
    r.page = page(r.line)
  }
  for (const r of report.sangong) {
    const found = findPrintedAmount(text(r.line), r.amount_yuan, docUnit)
    r.table_code ??= ''
    r.raw = found?.raw ?? ''
    r.printed_unit = found?.unit ?? ''
    r.page = page(r.line)
  }
  for (const r of report.narrative) {
    // A derived figure (a prior year worked out from a stated change) is printed nowhere.
    let found: { raw: string; unit: string } | null = null
    if (r.relation === 'stated') {
      found = r.unit === '元'
        ? findPrintedAmount(r.quote, r.value, '万元') ?? findPrintedAmount(text(r.line), r.value, '万元')
        : { raw: r.value, unit: r.unit }
    }
    r.raw = found?.raw ?? ''
    r.printed_unit = found?.unit ?? ''
    r.page = page(r.line)
  }
  for (const r of report.evaluations) {
    const found = r.executed_yuan ? findPrintedAmount(text(r.line), r.executed_yuan, docUnit) : null
    r.raw = found?.raw ?? ''
    r.printed_unit = found?.unit ?? ''
    r.page = page(r.line)
  }
  for (const r of report.evaluationFields) {
    // A cell's figures are tab-separated: search the line as printed, never with its spaces removed.
    const found = r.unit === '元' ? findPrintedAmount(text(r.line), r.value, docUnit)
      : text(r.line).includes(r.raw) ? { raw: r.raw, unit: r.unit === '分' ? '' : r.unit } : null
    r.printed_unit = found?.unit ?? ''
    r.page = page(r.line)
  }
  for (const r of report.targetBudgets) {
    r.printed_unit = printedUnitOf(r.raw, r.value, docUnit)
    r.page = page(r.line)
  }
  for (const r of report.targets) r.page = page(r.line)
  for (const r of report.evaluationIndicators) r.page = page(r.line)

  assignRowIds(report.lineItems, 'line_items')
  assignRowIds(report.sangong, 'sangong')
  assignRowIds(report.targets, 'targets')
  assignRowIds(report.targetBudgets, 'target_budgets')
  assignRowIds(report.evaluations, 'evaluations')
  assignRowIds(report.evaluationFields, 'evaluation_fields')
  assignRowIds(report.evaluationIndicators, 'evaluation_indicators')
  assignRowIds(report.narrative, 'narrative')
  assignCheckIds(report)
}
