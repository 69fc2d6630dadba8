import type { CheckRow, DocumentRow, LineItemRow, NarrativeRow, SangongRow } from './types'

export interface CheckInput {
  document: DocumentRow
  lineItems: readonly LineItemRow[]
  sangong: readonly SangongRow[]
  narrative: readonly NarrativeRow[]
}

/** The accounting identities of a document, each with pass / rounding / fail. */
export function runChecks(_input: CheckInput): CheckRow[] {
  return []
}
