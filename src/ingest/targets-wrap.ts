/**
 * The pdftotext extraction of a 绩效目标表 wraps cells over lines: a 三级指标
 * wrapped over lines arrives as lone pieces before the line with its 指标值
 * (jincheng-2024 lines 1885–1888: 城乡居民养老保险补充养 / 老金省级补助资金发放达 / 100%),
 * and the two halves of a row may stand on separate lines (lines 2197–2203).
 * This stage carries both over from line to line: the pieces held back, and
 * which half a lone (三级指标, 指标值) pair on the next line belongs to.
 */
import type { LevelState } from './targets'
import { looksLikeTarget, splitValueSuffix, type RowReading, type Token } from './targets-rows'

/** What one line leaves for the next. */
export interface Wrapping {
  pending: Token[]
  /** The half a lone pair on the next line belongs to. */
  due: 0 | 1
}

/** The pieces held back, as one token. */
export function joinedPieces(pending: readonly Token[]): Token {
  return { text: pending.map((p) => p.text).join(''), col: -1, line: pending[0]!.line }
}

/**
 * Takes a line's reading: holds a lone piece of a wrapped 三级指标 back (true: the
 * line yields no row), or joins the pieces held into the reading, which the caller
 * then emits. `emit` receives the pieces that had no 指标值 of their own.
 */
export function unwrap(wrap: Wrapping, reading: RowReading, twoHalves: boolean, state: LevelState, emit: (reading: RowReading) => void): boolean {
  for (const half of reading.halves) {
    const only = half?.texts.length === 1 ? half.texts[0]! : null
    const split = only && !looksLikeTarget(only.text) ? splitValueSuffix(only) : null
    if (split) half!.texts = split
  }
  const halves = reading.halves.filter((x) => x !== null)
  const piece = halves.length === 1 && halves[0]!.texts.length === 1 ? halves[0]!.texts[0]! : null
  if (piece && !looksLikeTarget(piece.text) && !(wrap.pending.length && wrap.pending.at(-1)!.text.length < 10)) {
    // Labels on the line still apply ("可持续影响指标 保障担保贷款基金的可持", line 1958).
    state.take({ level1: reading.level1, halves: reading.halves.map((x) => (x ? { level2: x.level2, texts: [] } : null)) as RowReading['halves'] })
    wrap.pending.push(piece)
    return true
  }
  if (wrap.pending.length) {
    joinPieces(wrap, reading, twoHalves, emit)
    wrap.pending = []
  }
  wrap.due = nextDue(reading, twoHalves, wrap.due)
  return false
}

/** The pieces held back go in front of the line's first 三级指标, or stand alone when the line starts a new indicator. */
function joinPieces(wrap: Wrapping, reading: RowReading, twoHalves: boolean, emit: (reading: RowReading) => void): void {
  const first = reading.halves.find((x) => x !== null && x.texts.length > 0)
  const joined = joinedPieces(wrap.pending)
  if (first && first.level2 === null && reading.level1 === null) {
    if (first.texts.length === 1 && !looksLikeTarget(first.texts[0]!.text) && wrap.pending.at(-1)!.text.length >= 10) {
      first.texts = [{ ...joined, text: joined.text + first.texts[0]!.text }]
    } else if (first.texts.length === 1) {
      first.texts.unshift(joined)
    } else {
      first.texts[0] = { ...first.texts[0]!, text: joined.text + first.texts[0]!.text, line: joined.line }
    }
    return
  }
  // The pieces had no 指标值 of their own: a 三级指标 without 指标值.
  const due = wrap.due
  emit({ level1: null, halves: [due === 0 || !twoHalves ? { level2: null, texts: [joined] } : null, due === 1 && twoHalves ? { level2: null, texts: [joined] } : null] })
}

/** Which half a lone pair on the next line belongs to: the one this line left empty. */
function nextDue(reading: RowReading, twoHalves: boolean, due: 0 | 1): 0 | 1 {
  if (!twoHalves) return due
  const [a, b] = reading.halves
  const aHas = !!a && a.texts.length > 0
  const bHas = !!b && b.texts.length > 0
  if (aHas && bHas) return 0
  if (aHas) return 1
  if (bHas) return 0
  return due
}
