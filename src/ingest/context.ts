import type { LayoutRow } from './layout/rows'
import type { ExtractionStyle } from './lines'
import type { DocumentRow, LocatedTable, Problem, SourceLine } from './types'

/** What every section parser receives: the numbered lines and what is already known of the report. */
export interface ParseContext {
  lines: readonly SourceLine[]
  style: ExtractionStyle
  document: DocumentRow
  /** Tables found by locateTables, in order. */
  tables: readonly LocatedTable[]
  /** Problems are pushed here, each naming its table/section and line. */
  problems: Problem[]
  /** Positioned rows of a PDF (rows[i] is line i + 1); layout-mode text derives them from the lines. */
  layout?: readonly LayoutRow[]
}

/** The lines of [start, end) (1-based, end exclusive). */
export function linesBetween(ctx: ParseContext, start: number, end: number): readonly SourceLine[] {
  return ctx.lines.slice(Math.max(0, start - 1), Math.max(0, end - 1))
}
