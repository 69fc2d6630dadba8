/**
 * Column evidence in the gaps of the pdftotext-like extraction: its lines
 * print one space between cells and one more space for every empty cell,
 * up to the row's last column (jincheng-2024-budget.txt B12, line 1131:
 * `晋城技师学院 4752.03 4202.03····550.00` is 合计, 一般公共预算, three empty
 * fund columns, 单位资金; line 1133 `中职助学金 381.66 381.66·····` ends in five
 * spaces: four empty columns after 一般公共预算). Position is evidence; the
 * caller keeps it only where it agrees with the row's arithmetic.
 */
import type { SourceLine } from '../types'
import type { Placement } from './pdf-place'

/**
 * The columns the gaps put a row's figures in, counted from the row's last
 * column; null when the figures do not all stand on one line in that style.
 */
export function gapColumns(lines: readonly SourceLine[], values: ReadonlyArray<{ text: string; line: number }>, width: number): number[] | null {
  if (values.length === 0 || values.some((v) => v.line !== values[0]!.line)) return null
  const text = lines[values[0]!.line - 1]?.text
  if (text === undefined) return null
  const tokens = [...text.matchAll(/(\S+)( *)/g)].map((m) => ({ text: m[1]!, gap: m[2]!.length }))
  const mine = tokens.slice(-values.length)
  if (mine.length !== values.length || mine.some((t, i) => t.text !== values[i]!.text)) return null
  // From the right: a line ending in its last figure fills the last column; k trailing spaces leave k − 1 empty.
  const cols = new Array<number>(values.length)
  const trailing = mine.at(-1)!.gap
  cols[values.length - 1] = width - 1 - Math.max(0, trailing - 1)
  for (let i = values.length - 2; i >= 0; i--) {
    if (mine[i]!.gap < 1) return null
    cols[i] = cols[i + 1]! - mine[i]!.gap
  }
  return cols[0]! >= 0 ? cols : null
}

/** The placements the gaps agree with, or all of them when the gaps agree with none. */
export function agreeingWithGaps(options: Placement[], cols: readonly number[] | null): Placement[] {
  if (!cols) return options
  const agree = options.filter((o) => o.cols.every((c, i) => c === cols[i]))
  return agree.length > 0 ? agree : options
}
