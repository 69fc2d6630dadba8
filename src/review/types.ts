/**
 * The review's vocabulary: a rule (stable id, family, severity, what it means)
 * and what every rule receives. Framework-free: Node (npm run ingest), the
 * import worker and tests run the rules unchanged.
 */
import type { FindingRow, ParsedReport, SourceLine } from '../ingest/types'

export type { FindingRow }
export type Severity = FindingRow['severity']

/** The rule families of issue #12, in the order the README lists them. */
export type RuleFamily = 'completeness' | 'years' | 'logic' | 'identities' | 'leftovers' | 'checks'

/** A rule as the README and the 审查 view describe it. */
export interface RuleInfo {
  id: string
  family: RuleFamily
  /** The highest severity the rule gives (some give a lower one where the evidence is weaker). */
  severity: Severity
  zh: string
  en: string
}

/** A finding before the document's id and page are filled in. */
export type Draft = Omit<FindingRow, 'doc_id' | 'page' | 'table_code' | 'row_label' | 'measure' | 'expected' | 'actual' | 'quote'>
  & Partial<Pick<FindingRow, 'table_code' | 'row_label' | 'measure' | 'expected' | 'actual' | 'quote'>>

/** What a rule reads: the parsed report and its numbered source lines. */
export interface ReviewInput {
  report: ParsedReport
  lines: readonly SourceLine[]
}
