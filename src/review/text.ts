/**
 * The report's text as the review reads it: the prose outside the located
 * tables joined into one string without whitespace (PDF layout text puts runs
 * of spaces inside sentences: "2024  年度收入支出总计"), with a map from every
 * character back to its source line, so a sentence wrapped over lines is read
 * whole and still cited by line.
 */
import { stripMarkup } from '../ingest/lines'
import type { LocatedTable, SourceLine } from '../ingest/types'

export interface JoinedText {
  text: string
  /** The 1-based source line of the character at `offset`. */
  lineAt(offset: number): number
}

/** Whether a line lies inside one of the located tables (title line included). */
export function inTable(tables: readonly LocatedTable[], line: number): boolean {
  return tables.some((t) => line >= t.start && line < t.end)
}

/** A line without markup, form feeds and whitespace. */
export function compact(text: string): string {
  return stripMarkup(text).replace(/[\s\f\u3000]+/g, '')
}

/** The lines outside the tables as one string (see the file comment). */
export function joinProse(lines: readonly SourceLine[], tables: readonly LocatedTable[]): JoinedText {
  const starts: number[] = []
  const nos: number[] = []
  let text = ''
  for (const l of lines) {
    if (inTable(tables, l.no)) continue
    const c = compact(l.text)
    if (c === '') continue
    starts.push(text.length)
    nos.push(l.no)
    text += c
  }
  return {
    text,
    lineAt(offset: number): number {
      let lo = 0
      let hi = starts.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (starts[mid]! <= offset) lo = mid
        else hi = mid - 1
      }
      return nos[lo] ?? 0
    },
  }
}

/** The sentence (between 。；！？ marks) around [from, to) of the joined text, for quoting. */
export function sentenceAround(text: string, from: number, to: number): string {
  let a = from
  while (a > 0 && !/[。；！？]/.test(text[a - 1]!)) a--
  let b = to
  while (b < text.length && !/[。；！？]/.test(text[b]!)) b++
  const s = text.slice(a, Math.min(text.length, b + 1))
  return s.length > 160 ? s.slice(Math.max(0, from - a - 60), from - a + 100) : s
}

/** 1-based page of each line when the text is paged by form feeds (a PDF's), else null. */
export function pagesOf(lines: readonly SourceLine[]): ((line: number) => string) {
  if (!lines.some((l) => l.text.includes('\f'))) return () => ''
  const page: number[] = []
  let p = 1
  for (const l of lines) {
    // A form feed starts a new page; the line that holds it is on the new page.
    p += (l.text.match(/\f/g) ?? []).length
    page[l.no] = p
  }
  return (line) => (line > 0 && page[line] ? String(page[line]) : '')
}

/** A printed amount (with its unit) → 元 as decimal text; a bare number keeps its value. */
export const NUM = '(-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?)'
