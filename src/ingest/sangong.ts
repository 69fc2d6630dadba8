import type { DocumentRow, LineItemRow, NarrativeRow, SangongRow } from './types'

/** 三公经费 figures of a document, from its B10 / F07 table (or its statement that it has none). */
export function deriveSangong(_doc: DocumentRow, _items: readonly LineItemRow[], _narrative: readonly NarrativeRow[]): SangongRow[] {
  return []
}
