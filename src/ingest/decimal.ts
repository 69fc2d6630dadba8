/**
 * Exact decimal arithmetic on decimal strings, via BigInt.
 *
 * Amounts are converted 万元 → 元 by shifting the decimal point, never through
 * a JS float, so "23743.71" 万元 is exactly "237437100.00" 元.
 */

const FULL_WIDTH_DIGITS = /[０-９．，－]/g

/** Full-width digits and punctuation to ASCII (Excel on Chinese Windows writes them). */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
}

const NUMBER_RE = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/

/**
 * The canonical decimal text of a printed figure ("1,234.50" → "1234.50",
 * "（12.3）" → "-12.3"), or null when the text is not a plain number.
 * Dashes ("—", "-", "——") and empty text are "no figure", also null:
 * an empty cell is not zero.
 */
export function parseNumber(printed: string): string | null {
  let t = toHalfWidth(printed.trim())
  if (t === '') return null
  let negative = false
  // Accounting negatives: (12.3) or （12.3）.
  const paren = /^[(（](.*)[)）]$/.exec(t)
  if (paren) {
    negative = true
    t = paren[1]!.trim()
  }
  if (!NUMBER_RE.test(t)) return null
  t = t.replace(/,/g, '')
  if (t.startsWith('+')) t = t.slice(1)
  if (t.startsWith('-')) {
    negative = !negative
    t = t.slice(1)
  }
  // Strip leading zeros but keep one before the point.
  t = t.replace(/^0+(?=\d)/, '')
  return negative && !/^0(\.0+)?$/.test(t) ? '-' + t : t
}

interface Scaled {
  value: bigint
  scale: number
}

function toScaled(text: string): Scaled {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(text)}`)
  const frac = m[3] ?? ''
  const v = BigInt(m[2]! + frac)
  return { value: m[1] ? -v : v, scale: frac.length }
}

function rescale(s: Scaled, scale: number): bigint {
  return s.value * 10n ** BigInt(scale - s.scale)
}

/** Formats a scaled integer with exactly `scale` decimals. */
function format(value: bigint, scale: number): string {
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0')
  const int = scale ? digits.slice(0, -scale) : digits
  const frac = scale ? '.' + digits.slice(-scale) : ''
  return (negative ? '-' : '') + int + frac
}

/** Number of decimals a decimal string carries. */
export function decimals(text: string): number {
  const i = text.indexOf('.')
  return i < 0 ? 0 : text.length - i - 1
}

/** a + b, exact, with the larger scale of the two. */
export function add(a: string, b: string): string {
  const x = toScaled(a)
  const y = toScaled(b)
  const scale = Math.max(x.scale, y.scale)
  return format(rescale(x, scale) + rescale(y, scale), scale)
}

/** a − b, exact. */
export function sub(a: string, b: string): string {
  const y = toScaled(b)
  return add(a, format(-y.value, y.scale))
}

/** Sum of decimal strings ("0" for none). */
export function sum(values: readonly string[]): string {
  return values.reduce((acc, v) => add(acc, v), '0')
}

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function cmp(a: string, b: string): -1 | 0 | 1 {
  const x = toScaled(a)
  const y = toScaled(b)
  const scale = Math.max(x.scale, y.scale)
  const d = rescale(x, scale) - rescale(y, scale)
  return d < 0n ? -1 : d > 0n ? 1 : 0
}

export function abs(a: string): string {
  return a.startsWith('-') ? a.slice(1) : a
}

/** Multiplies by 10^n exactly (n may be negative), keeping at least `minScale` decimals. */
export function shift(a: string, n: number, minScale = 0): string {
  const x = toScaled(a)
  let scale = x.scale - n
  let value = x.value
  if (scale < 0) {
    value *= 10n ** BigInt(-scale)
    scale = 0
  }
  if (scale < minScale) {
    value *= 10n ** BigInt(minScale - scale)
    scale = minScale
  }
  return format(value, scale)
}

/** a / b rounded half away from zero to `scale` decimals. */
export function div(a: string, b: string, scale: number): string {
  const x = toScaled(a)
  const y = toScaled(b)
  if (y.value === 0n) throw new Error('division by zero')
  // a/b = (x.v / 10^xs) / (y.v / 10^ys); scaled result r = a/b * 10^scale.
  let num = x.value * 10n ** BigInt(y.scale + scale + 1)
  let den = y.value * 10n ** BigInt(x.scale)
  if (den < 0n) {
    num = -num
    den = -den
  }
  let q = num / den // one extra digit, truncated toward zero
  q = q >= 0n ? (q + 5n) / 10n : (q - 5n) / 10n
  return format(q, scale)
}

/** Rounds half away from zero to `scale` decimals. */
export function round(a: string, scale: number): string {
  return div(a, '1', scale)
}

/** Amount multipliers of printed units, as powers of ten. */
const UNIT_POWER: Record<string, number> = { 元: 0, 万元: 4, 亿元: 8 }

/**
 * An amount printed in `unit` (元 / 万元 / 亿元), in 元 with at least two decimals.
 * toYuan("23743.71", "万元") === "237437100.00"
 */
export function toYuan(amount: string, unit: string): string {
  const power = UNIT_POWER[unit]
  if (power === undefined) throw new Error(`unknown amount unit: ${unit}`)
  return shift(amount, power, 2)
}

/** One unit of the last printed digit of `printed` ("0.01" for "425.27"), in the same unit. */
export function lastDigitUnit(printed: string): string {
  const d = decimals(printed)
  return d === 0 ? '1' : '0.' + '0'.repeat(d - 1) + '1'
}
