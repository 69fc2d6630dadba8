import type { SourceLine } from './types'

/** How the report's text was extracted from its PDF (ARCHITECTURE.md, "Report templates"). */
export type ExtractionStyle = 'tab' | 'markdown' | 'pdftotext'

/** Splits text into numbered lines (1-based), accepting \n, \r\n and \r endings. */
export function toLines(text: string): SourceLine[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  return body.split(/\r\n|\n|\r/).map((t, i) => ({ no: i + 1, text: t }))
}

/**
 * Whole lines that are the "仅供内部审核" watermark of the pdftotext extraction
 * (jincheng-2024-budget.txt prints 仅供 / 内部 / 审核 one word a line). Content lines
 * also contain 审核, so only a line that is nothing but one of the words counts.
 */
export function isWatermark(text: string): boolean {
  return /^\s*(仅供|内部|审核|仅供内部审核)\s*$/.test(text)
}

/** Markup of the markdown-ish extraction: heading hashes, <b> tags, ** emphasis. */
export function stripMarkup(text: string): string {
  return text
    .replace(/<\/?b>/gi, '')
    .replace(/^\s*#+\s*/, '')
    .replace(/\*\*/g, '')
}

/** Guesses the extraction style from how table cells are separated and headings marked. */
export function detectStyle(lines: readonly SourceLine[]): ExtractionStyle {
  let tabs = 0
  let markdown = 0
  for (const { text } of lines) {
    if (text.includes('\t')) tabs++
    if (/^#{1,6}\s/.test(text) || text.includes('<b>')) markdown++
  }
  if (tabs < 20) return 'pdftotext'
  return markdown >= 5 ? 'markdown' : 'tab'
}

/** Splits a tab-style line into trimmed cells. */
export function tabCells(text: string): string[] {
  return stripMarkup(text).split('\t').map((c) => c.trim())
}
