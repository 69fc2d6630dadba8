/**
 * Which figure on a line prints an amount, and in which unit: the arithmetic
 * a citation needs ("19290.76万元" on line 463), done once at ingest
 * (provenance.ts) so every row carries its printed figure and unit.
 */
import { cmp, parseNumber, toYuan } from './decimal'

/** Numbers printed on a line (cells split on whitespace and CJK text), as printed. */
function printedNumbers(text: string): string[] {
  return text.match(/[-+]?\d[\d,]*(\.\d+)?/g) ?? []
}

const AMOUNT_UNITS = ['元', '万元', '亿元'] as const

/**
 * Which figure on a line prints an amount of `yuan` 元, and in which unit.
 * The document's unit is tried first; 绩效自评表 print 万元 inside a report in
 * 元 (jincheng-2022-final.txt line 685: "90 90 97.2 97.2"), so the others follow.
 */
export function findPrintedAmount(text: string, yuan: string, preferred = ''): { raw: string; unit: string } | null {
  const units = [preferred, ...AMOUNT_UNITS.filter((u) => u !== preferred)].filter((u) => u !== '')
  const numbers = printedNumbers(text)
  for (const unit of units) {
    for (const raw of numbers) {
      const n = parseNumber(raw)
      if (n !== null && cmp(toYuan(n, unit), yuan) === 0) return { raw, unit }
    }
  }
  return null
}

/** The unit an amount was printed in, told by arithmetic: raw × unit = value. */
export function printedUnitOf(raw: string, yuan: string, preferred: string): string {
  const n = parseNumber(raw)
  if (n === null) return preferred
  for (const unit of [preferred, ...AMOUNT_UNITS]) {
    if (unit && (AMOUNT_UNITS as readonly string[]).includes(unit) && cmp(toYuan(n, unit), yuan) === 0) return unit
  }
  return preferred
}
