/**
 * Amount cells as people type them in spreadsheets: "1,234.5万", "１２３４",
 * "1.2亿", "（12.3）", "—". Exact decimal text throughout (src/ingest/decimal.ts).
 */
import { parseNumber, toHalfWidth } from '../ingest/decimal'

/** Amount units a cell or a unit column may name. */
export type AmountUnit = '元' | '万元' | '亿元'

export type AmountCell =
  /** Empty, or a dash: no figure (not zero). */
  | { kind: 'empty' }
  /** `number` is canonical decimal text; `suffix` the unit written after it, '' if none. */
  | { kind: 'number'; number: string; suffix: AmountUnit | '' }
  | { kind: 'invalid' }

/** Dashes that mean "no figure" in Chinese tables (—, ——, -, －, ―, –). */
const NO_FIGURE = /^[-－—―–‒]+$/
const SUFFIX = /(万元|亿元|元|万|亿)$/
const CURRENCY = /^[¥￥]/

/** Reads an amount cell. Whitespace (also the ideographic space) around and inside is ignored. */
export function readAmountCell(cell: string): AmountCell {
  let t = toHalfWidth(cell.replace(/[\s\u3000]+/g, ''))
  if (t === '' || NO_FIGURE.test(t)) return { kind: 'empty' }
  let suffix: AmountUnit | '' = ''
  const m = SUFFIX.exec(t)
  if (m) {
    suffix = normaliseUnit(m[1]!) as AmountUnit
    t = t.slice(0, -m[1]!.length)
  }
  t = t.replace(CURRENCY, '')
  const number = parseNumber(t)
  return number === null ? { kind: 'invalid' } : { kind: 'number', number, suffix }
}

/** "万" → "万元", "亿" → "亿元", "元" stays; '' for an empty cell; null for anything else. */
export function normaliseUnit(text: string): AmountUnit | '' | null {
  const t = text.replace(/[\s\u3000]+/g, '')
  switch (t) {
    case '':
      return ''
    case '元':
      return '元'
    case '万':
    case '万元':
      return '万元'
    case '亿':
    case '亿元':
      return '亿元'
    default:
      return null
  }
}
