/**
 * A sentence of the prose read as figures and the words around them. The
 * sentence is made of segments (；) made of clauses (，、：); each figure is a
 * number with a printed unit, and the words between the previous clause mark
 * and the number say what it is (narrative-subjects.ts).
 */
import { parseNumber, toYuan } from './decimal'
import { cleanLabel } from './narrative-subjects'

/** A number with its printed unit. 台（套） is how the template counts equipment. */
export const FIGURE = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(万元|亿元|元|%|％|人次|人|辆|平方米|台[（(]套[）)]|个|批次)/g
const AMOUNT_UNITS = new Set(['万元', '亿元', '元'])
/** Clause marks. An ASCII comma only between non-digits (thousands separators stay in numbers). */
const CLAUSE_MARK = /[，；：、;:]|,(?!\d{3})/g
const SEGMENT_MARK = /[；;]/

/** A figure of a sentence: the number and its unit at [at, end). */
export interface Figure {
  at: number
  end: number
  /** Number and unit as printed ("8228.64万元"), and the number alone. */
  printed: string
  raw: string
  /** The printed unit, ％ read as %. */
  unit: string
}

/** The words that say what a figure is. */
export interface Clause {
  /** From the last clause mark (or the figure before) to the number, as printed and cleaned. */
  rawLabel: string
  label: string
  /** The sentence up to this clause, and the last clause of it, cleaned. */
  clauseBefore: string
  previousClause: string
  /** The words after the unit, up to the next mark. */
  after: string
}

/** The kind a unit counts: every amount unit is 元. */
export function unitKind(unit: string): string {
  return AMOUNT_UNITS.has(unit) ? '元' : unit === '％' ? '%' : unit
}

/** The value of a printed figure in the dataset's unit: amounts in 元, counts as printed. */
export function valueOf(raw: string, unit: string): string {
  const n = parseNumber(raw)!
  return AMOUNT_UNITS.has(unit) ? toYuan(n, unit) : n
}

/** The figures of a sentence, in order. */
export function* figuresOf(s: string): Generator<Figure> {
  for (const m of s.matchAll(FIGURE)) {
    const at = m.index
    const end = at + m[0].length
    // Not a figure: part of a longer token (A150201, 晋财综[2023]43号), or a threshold ("50万元（原值）以上").
    if (at > 0 && /[\dA-Za-z.[〔【]/.test(s[at - 1]!)) continue
    if (/^([（(]原值[）)])?以上/.test(s.slice(end))) continue
    yield { at, end, printed: m[0], raw: m[0].slice(0, m[0].length - m[2]!.length), unit: m[2] === '％' ? '%' : m[2]! }
  }
}

/** The clause of `figure`; `gap` is the text since the figure before, so a label never reaches past it. */
export function clauseOf(s: string, figure: Figure, gap: string, publisher: string): Clause {
  let labelStart = 0
  for (const cm of s.slice(0, figure.at).matchAll(CLAUSE_MARK)) labelStart = cm.index + 1
  const rawLabel = s.slice(Math.max(labelStart, figure.at - gap.length), figure.at)
  const clauseBefore = s.slice(0, labelStart).replace(/[，；：、,;:]$/, '')
  const lastClauseStart = Math.max(...[...clauseBefore.matchAll(CLAUSE_MARK)].map((c) => c.index + 1), 0)
  const afterMatch = /^[^，。；：、,;:]*/.exec(s.slice(figure.end))
  return {
    rawLabel,
    label: cleanLabel(rawLabel, publisher),
    clauseBefore,
    previousClause: cleanLabel(clauseBefore.slice(lastClauseStart), publisher),
    after: afterMatch ? afterMatch[0] : '',
  }
}

/**
 * A quote of at most 200 characters holding [from, to) of the sentence: from the
 * clause that names the figure (or the start of its segment, when that is near)
 * to the end of its segment, cut at clause marks.
 */
export function quoteAround(s: string, from: number, to: number): string {
  const marks = [-1]
  for (const m of s.matchAll(CLAUSE_MARK)) marks.push(m.index)
  marks.push(s.length)
  const prevMark = (i: number) => Math.max(...marks.filter((m) => m < i))
  const nextMark = (i: number) => Math.min(...marks.filter((m) => m >= i))
  let a = prevMark(from) + 1
  let b = Math.min(s.length, nextMark(to) + 1)
  let segStart = 0
  for (let i = from - 1; i >= 0; i--) if (SEGMENT_MARK.test(s[i]!)) { segStart = i + 1; break }
  if (b - segStart <= 120) a = segStart
  while (b < s.length && !SEGMENT_MARK.test(s[b - 1]!)) {
    const nb = Math.min(s.length, nextMark(b) + 1)
    if (nb - a > 200) break
    b = nb
  }
  let q = s.slice(a, b).replace(/[，；：、,;:]$/, '')
  if (q.length > 200) q = s.slice(Math.max(0, to - 200), to)
  return q.trim()
}
