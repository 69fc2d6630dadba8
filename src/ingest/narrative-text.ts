/**
 * The prose of a report as blocks of continuous text, each character mapped
 * back to its source line. Lines are joined without a separator: a sentence
 * wrapped by pdftotext ("…预算5.49万" / "" / "元比2023年减少…", jincheng-2024-budget.txt
 * lines 1383–1385) reads whole again, and so does a tab-style paragraph broken
 * by an empty line ("国有资本经营预" / "" / "算拨款0万元", changzhi-2026-budget.txt
 * lines 589–591).
 */
import type { ParseContext } from './context'
import { isWatermark } from './lines'
import { plain, type LineRange } from './narrative-regions'

export interface TextBlock {
  text: string
  /** lineOf[i] = 1-based source line of text[i]. */
  lineOf: number[]
  /** A heading or caption: its own block, never the label of a figure. */
  heading: boolean
}

/** Whitespace goes, except between two ASCII letters/digits ("SIYB 创业" keeps nothing to lose). */
function squeeze(text: string): { text: string; keep: number[] } {
  let out = ''
  const keep: number[] = []
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (/\s/.test(ch)) {
      const prev = out.at(-1) ?? ''
      let j = i
      while (j < text.length && /\s/.test(text[j]!)) j++
      const next = text[j] ?? ''
      if (/[A-Za-z0-9]/.test(prev) && /[A-Za-z0-9]/.test(next)) {
        out += ' '
        keep.push(i)
      }
      i = j - 1
      continue
    }
    out += ch
    keep.push(i)
  }
  return { text: out, keep }
}

const NUMBERED_HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])/

/** A line that is a heading or a caption ("收入预算图", "内设机构"), given that a sentence may start here. */
function isHeadingLine(raw: string, text: string): boolean {
  if (/^\s*#/.test(raw)) return true
  if (text.length > 40) return false
  if (NUMBERED_HEADING.test(text)) return !/[，。；,]/.test(text)
  return text.length <= 30 && !/[，。；：,:、]/.test(text) && !/\d/.test(text)
}

/** A table row: two or more non-empty tab-separated cells. */
function isTableRow(raw: string): boolean {
  return raw.split('\t').filter((c) => c.trim() !== '').length >= 2
}

/** The blocks of text in the given line ranges, watermarks and page furniture left out. */
export function proseBlocks(ctx: ParseContext, ranges: readonly LineRange[]): TextBlock[] {
  const blocks: TextBlock[] = []
  for (const range of ranges) {
    let current: TextBlock | null = null
    const flush = () => {
      if (current && current.text !== '') blocks.push(current)
      current = null
    }
    for (const line of ctx.lines.slice(range.start - 1, range.end - 1)) {
      if (isWatermark(line.text) || line.text.trim() === '') continue
      // pdftotext page numbers ("-- 1") and bare page numbers are not prose.
      if (/^\s*(--\s*)?\d{1,3}\s*$/.test(line.text)) continue
      if (isTableRow(line.text)) {
        flush()
        continue
      }
      const { text, keep } = squeeze(plain(line.text))
      if (text === '') continue
      const cur = current as TextBlock | null
      // In the tab and markdown extractions a line is a paragraph, so a heading line is a heading even
      // after a paragraph that lacks its final 。 (changzhi-2026-budget.txt line 575); pdftotext
      // wraps sentences, so there a heading can only follow the end of a sentence.
      const sentenceMayStart = !cur || cur.heading || /[。：:；;]$/.test(cur.text) || ctx.style !== 'pdftotext'
      if ((sentenceMayStart && isHeadingLine(line.text, text)) || /^\s*#/.test(line.text)) {
        flush()
        blocks.push({ text, lineOf: keep.map(() => line.no), heading: true })
        continue
      }
      if (!current) current = { text: '', lineOf: [], heading: false }
      const block: TextBlock = current
      block.text += text
      for (let k = 0; k < text.length; k++) block.lineOf.push(line.no)
    }
    flush()
  }
  return blocks
}

/** A sentence (to its 。！？) of a block, each character mapped back to its source line. */
export interface Sentence {
  text: string
  lineOf: number[]
}

export function sentencesOf(block: TextBlock): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  for (let i = 0; i <= block.text.length; i++) {
    if (i === block.text.length || /[。！？]/.test(block.text[i]!)) {
      const text = block.text.slice(start, i + 1)
      if (text.replace(/[。！？]/g, '') !== '') out.push({ text, lineOf: block.lineOf.slice(start, i + 1) })
      start = i + 1
    }
  }
  return out
}

/** The source line of character `i` of a sentence (the last one past its end). */
export function lineAt(sentence: Sentence, i: number): number {
  return sentence.lineOf[Math.min(i, sentence.lineOf.length - 1)]!
}
