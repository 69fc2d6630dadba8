/** Cells and flat text of 绩效自评表 lines, shared by evaluations.ts and its helpers. */
import type { ParseContext } from './context'
import { stripMarkup, tabCells } from './lines'
import type { SourceLine } from './types'

/** A line's text without markup and whitespace. */
export function flat(text: string): string {
  return stripMarkup(text).replace(/\s+/g, '')
}

/** Cells of a line: tab cells, or space-separated words in the pdftotext extraction. */
export function cellsOf(ctx: ParseContext, line: SourceLine): string[] {
  if (ctx.style === 'pdftotext') return line.text.trim().split(/\s+/)
  return tabCells(line.text)
}
