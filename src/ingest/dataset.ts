/**
 * The files of data/dataset and their columns, in the order they are written.
 * This is the contract of ARCHITECTURE.md ("The data contract"); the app, the tests and outside tools read it.
 */
import { assignRowIds } from './provenance'
import type { CheckRow, DocumentRow, EvaluationFieldRow, EvaluationIndicatorRow, EvaluationRow, FindingRow, LineItemRow, NarrativeRow, ParsedReport, SangongRow, TargetBudgetRow, TargetRow } from './types'

export const DATASET_COLUMNS = {
  documents: ['doc_id', 'city', 'county_of', 'publisher', 'scope', 'year', 'stage', 'unit', 'source', 'title'],
  // Columns after `line`/`row_kind` … were added later (src/ingest/provenance.ts: what a citation needs); columns are only ever appended.
  line_items: ['doc_id', 'table_code', 'side', 'row_label', 'class_code', 'econ_code', 'unit_name', 'project_name', 'measure', 'value', 'unit', 'raw', 'line', 'row_kind', 'printed_unit', 'page', 'row_id'],
  sangong: ['doc_id', 'year', 'figure', 'category', 'amount_yuan', 'line', 'table_code', 'raw', 'printed_unit', 'page', 'row_id'],
  targets: ['doc_id', 'unit_name', 'project_name', 'total_yuan', 'period_total_yuan', 'period', 'level1', 'level2', 'level3', 'target', 'line', 'page', 'row_id'],
  evaluations: ['doc_id', 'unit_name', 'project_name', 'initial_yuan', 'budget_yuan', 'executed_yuan', 'rate_pct', 'score', 'grade', 'line', 'score_line', 'grade_line', 'raw', 'printed_unit', 'page', 'row_id'],
  // subject_key: the 三公 category or budget basis the parser gave the figure (issue #10), appended.
  narrative: ['doc_id', 'subject', 'year', 'value', 'unit', 'relation', 'quote', 'line', 'subject_key', 'raw', 'printed_unit', 'page', 'row_id'],
  // unit: what expected/actual/diff count (元, %, 分 …), appended.
  checks: ['doc_id', 'check', 'expected', 'actual', 'diff', 'status', 'lines', 'row_id', 'unit'],
  // 绩效自评 field by field and indicator by indicator (issue 16); after the first seven so their order stays.
  evaluation_fields: ['doc_id', 'project_name', 'part', 'row_label', 'field', 'value', 'unit', 'raw', 'denominator', 'quote', 'line', 'printed_unit', 'page', 'row_id'],
  evaluation_indicators: ['doc_id', 'project_name', 'level1', 'level2', 'level3', 'initial_target', 'adjusted_target', 'actual', 'weight', 'score', 'deviation', 'line', 'page', 'row_id'],
  // The 整体支出绩效目标申报表's 预算情况 block (issue 16).
  target_budgets: ['doc_id', 'unit_name', 'project_name', 'dimension', 'item', 'value', 'raw', 'line', 'printed_unit', 'page', 'row_id'],
  // The review's findings (src/review): written after the parser's tables, so a load order change is additive.
  // value_unit: the unit of expected/actual when they are numbers, appended.
  findings: ['doc_id', 'rule', 'severity', 'table_code', 'row_label', 'measure', 'line', 'page', 'expected', 'actual', 'quote', 'message', 'message_en', 'row_id', 'value_unit'],
} as const satisfies Record<string, readonly string[]>

export type DatasetTable = keyof typeof DATASET_COLUMNS

/**
 * How many of each table's columns the first contract that wrote it had: a
 * file with fewer, or other, columns is no dataset file of any version
 * (csv.ts upgradeCsv brings a shorter, older one up to date).
 */
export const FIRST_CONTRACT_LENGTH: Record<DatasetTable, number> = {
  documents: 10, line_items: 13, sangong: 6, targets: 11, evaluations: 10, narrative: 8, checks: 7,
  evaluation_fields: 11, evaluation_indicators: 12, target_budgets: 8, findings: 13,
}

export interface Dataset {
  documents: DocumentRow[]
  line_items: LineItemRow[]
  sangong: SangongRow[]
  targets: TargetRow[]
  evaluations: EvaluationRow[]
  evaluation_fields: EvaluationFieldRow[]
  evaluation_indicators: EvaluationIndicatorRow[]
  target_budgets: TargetBudgetRow[]
  narrative: NarrativeRow[]
  checks: CheckRow[]
  findings: FindingRow[]
}

export function emptyDataset(): Dataset {
  return { documents: [], line_items: [], sangong: [], targets: [], evaluations: [], evaluation_fields: [], evaluation_indicators: [], target_budgets: [], narrative: [], checks: [], findings: [] }
}

/**
 * Adds a parsed report's rows to a dataset (in place). `findings` are the
 * review's (src/review reviewReport), which ingest cannot compute itself: the
 * review layer sits above it.
 */
export function addReport(ds: Dataset, r: ParsedReport, findings: readonly FindingRow[] = []): Dataset {
  ds.documents.push(r.document)
  ds.line_items.push(...r.lineItems)
  ds.sangong.push(...r.sangong)
  ds.targets.push(...r.targets)
  ds.evaluations.push(...r.evaluations)
  ds.evaluation_fields.push(...r.evaluationFields)
  ds.evaluation_indicators.push(...r.evaluationIndicators)
  ds.target_budgets.push(...r.targetBudgets)
  ds.narrative.push(...r.narrative)
  ds.checks.push(...r.checks)
  // The review's findings are made above ingest, so they get their ids here (provenance.ts).
  const stamped = findings.map((f) => ({ ...f }))
  assignRowIds(stamped, 'findings')
  ds.findings.push(...stamped)
  return ds
}
