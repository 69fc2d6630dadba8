/**
 * Amounts for Chinese readers: 元 with two decimals, 万元 (÷ 10⁴) with two,
 * 亿元 (÷ 10⁸) with four, digits grouped by thousands. Decimal text is
 * shifted exactly (no float); numbers from chart queries go through their
 * shortest decimal form first.
 */
import { round, shift } from '../ingest/decimal'
import { VALUE_UNITS_EN } from '../ingest/vocabulary'

export const AMOUNT_UNITS = ['元', '万元', '亿元'] as const
export type AmountUnit = (typeof AMOUNT_UNITS)[number]

const EXPONENT: Record<AmountUnit, number> = { 元: 0, 万元: 4, 亿元: 8 }
const DECIMALS: Record<AmountUnit, number> = { 元: 2, 万元: 2, 亿元: 4 }

function decimalText(value: number | string): string | null {
  if (typeof value === 'string') return /^-?\d+(\.\d+)?$/.test(value.trim()) ? value.trim() : null
  if (!Number.isFinite(value)) return null
  // toFixed(6) never uses exponent notation for the magnitudes of budgets (< 1e21).
  return value.toFixed(6).replace(/\.?0+$/, '')
}

function group(text: string): string {
  const negative = text.startsWith('-')
  const [int, frac] = (negative ? text.slice(1) : text).split('.')
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return (negative ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '')
}

/** The amount (in 元) expressed in `unit`, without the unit word: 192907600 → "19,290.76" in 万元. */
export function formatAmount(yuan: number | string | null | undefined, unit: AmountUnit = '万元'): string {
  if (yuan === null || yuan === undefined || yuan === '') return ''
  const text = decimalText(yuan)
  if (text === null) return String(yuan)
  const scaled = round(shift(text, -EXPONENT[unit]), DECIMALS[unit])
  return group(scaled === '-0.00' || scaled === '-0.0000' ? scaled.slice(1) : scaled)
}

/** The amount with its unit word: "19,290.76万元". */
export function formatAmountWithUnit(yuan: number | string | null | undefined, unit: AmountUnit = '万元'): string {
  const s = formatAmount(yuan, unit)
  return s === '' ? '' : s + unit
}

/** A signed change: "+1,234.00" / "-56.78". */
export function formatChange(yuan: number | null | undefined, unit: AmountUnit = '万元'): string {
  if (yuan === null || yuan === undefined) return ''
  const s = formatAmount(yuan, unit)
  return yuan > 0 ? '+' + s : s
}

/** A percentage with two decimals: 28.5718 → "28.57%". */
export function formatPct(pct: number | string | null | undefined, decimals = 2): string {
  if (pct === null || pct === undefined || pct === '') return ''
  const n = Number(pct)
  return Number.isFinite(n) ? n.toFixed(decimals) + '%' : String(pct)
}

/** The unit that reads best for amounts of this size: 亿元 from 1亿, 万元 from 1万, else 元. */
export function naturalUnit(yuan: number): AmountUnit {
  const a = Math.abs(yuan)
  return a >= 1e8 ? '亿元' : a >= 1e4 ? '万元' : '元'
}

/** Divisor from 元 to the unit, for chart axes. */
export function unitDivisor(unit: AmountUnit): number {
  return 10 ** EXPONENT[unit]
}

/**
 * A compared value as a check or a finding gives it (text), read with its unit
 * (checks.csv `unit`, findings.csv `value_unit`): an amount in 元 in the reader's
 * unit, a rate with %, a count or score with its word, in Chinese or English; a
 * bound ("≤ 4800.00") keeps its sign. Words, and numbers of no known unit (files
 * from before the unit columns), are left as they are.
 */
export function formatValue(text: string, valueUnit: string | null | undefined, unit: AmountUnit = '万元', lang: 'zh' | 'en' = 'zh'): string {
  const m = /^([≤≥] )?(-?\d+(?:\.\d+)?)$/.exec(text.trim())
  if (!m || !valueUnit) return text
  const [, bound = '', number] = m
  if (valueUnit === '%') return `${bound}${number}%`
  const [shown, word] = valueUnit === '元' ? [formatAmount(number!, unit), unit] : [number!, valueUnit]
  if (lang === 'zh') return valueUnit === '元' ? `${bound}${shown}${word}` : `${bound}${shown} ${word}`
  const en = VALUE_UNITS_EN[word] ?? word
  return en ? `${bound}${shown} (${en})` : `${bound}${shown}`
}
