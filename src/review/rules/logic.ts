/**
 * Prose logic: every stated comparison checked against the numbers it
 * compares, exactly (BigInt), with a tolerance of half a unit of each printed
 * figure's last digit — never a relative percentage.
 *
 * - 决算数大于/小于/同预算数持平 against the 年初预算为 A / 决算为 B just before it;
 * - 增加/减少 X 万元，增长/下降 Y% against the year's figure C it is said of
 *   (the prior year is C ∓ X, the rate X ÷ prior);
 * - X 万元，其中：a 万元，占 p% against a ÷ X;
 * - a direction word (大于/小于) where the template asks for its reason.
 */
import { decimals, parseNumber, toYuan } from '../../ingest/decimal'
import { joinProse, NUM, sentenceAround } from '../text'
import type { Draft, ReviewInput } from '../types'

/** A decimal text as an integer at scale 10^SCALE, exact. */
const SCALE = 8
function scaled(dec: string): bigint {
  const neg = dec.startsWith('-')
  const [i = '0', f = ''] = (neg ? dec.slice(1) : dec).split('.')
  const v = BigInt(i + (f + '0'.repeat(SCALE)).slice(0, SCALE))
  return neg ? -v : v
}
/** Half a unit of the last printed digit of `printed`, at scale 10^SCALE. */
function half(printed: string): bigint {
  return 5n * 10n ** BigInt(SCALE - decimals(printed) - 1)
}

interface Amount { yuan: string; printed: string; unit: string }
function amount(printed: string, unit: string): Amount | null {
  const v = parseNumber(printed)
  return v === null ? null : { yuan: toYuan(v, unit), printed: v, unit }
}
function show(a: Amount): string {
  return `${a.printed}${a.unit}`
}

/** True when 100·x/p can round to `pct` (all three as printed, each ± half its last digit). */
export function ratioFits(x: string, p: string, pct: string): boolean {
  const X = scaled(x), P = scaled(p), Y = scaled(pct)
  const hX = half(x), hP = half(p), hY = half(pct)
  if (P - hP <= 0n) return false
  const S = 10n ** BigInt(SCALE)
  // rmin = 100(X−hX)/(P+hP) ≤ Y+hY and rmax = 100(X+hX)/(P−hP) ≥ Y−hY, cross-multiplied (all denominators > 0).
  const lowOk = 100n * (X - hX) * S <= (Y + hY) * (P + hP)
  const highOk = 100n * (X + hX) * S >= (Y - hY) * (P - hP)
  return lowOk && highOk
}

const CMP = /(?:支出)?(决算数?|执行数)(大于|小于|高于|低于|超过|少于|多于|同|与|和|等于)(?:年初)?预算数?(持平|相等|相同|一致)?/g
const BUDGET = new RegExp(`(?:年初)?预算(?:数)?为?${NUM}(万元|元)`, 'g')
const FINAL = new RegExp(`决算(?:数)?为?${NUM}(万元|元)`, 'g')

function relation(word: string, equal: string | undefined): '>' | '<' | '=' | null {
  if (/大于|高于|超过|多于/.test(word)) return '>'
  if (/小于|低于|少于/.test(word)) return '<'
  if (word === '等于' || equal) return '='
  return null
}
const REL_ZH = { '>': '大于', '<': '小于', '=': '等于' } as const
const REL_EN = { '>': 'greater than', '<': 'less than', '=': 'equal to' } as const

export function comparisons(input: ReviewInput): Draft[] {
  const prose = joinProse(input.lines, input.report.tables)
  const { text } = prose
  const out: Draft[] = []
  let prevEnd = 0
  for (const m of text.matchAll(CMP)) {
    const stated = relation(m[2]!, m[3])
    const start = m.index
    const windowStart = Math.max(prevEnd, start - 300)
    prevEnd = start + m[0].length
    if (!stated) continue
    const window = text.slice(windowStart, start)
    const budgets = [...window.matchAll(BUDGET)]
    const lastBudget = budgets.at(-1)
    if (!lastBudget) continue
    const after = window.slice(lastBudget.index + lastBudget[0].length)
    const final = FINAL.exec(after)
    FINAL.lastIndex = 0
    if (!final) continue
    const a = amount(lastBudget[1]!, lastBudget[2]!)
    const b = amount(final[1]!, final[2]!)
    if (!a || !b) continue
    const d = scaled(b.yuan) - scaled(a.yuan)
    const actual = d > 0n ? '>' : d < 0n ? '<' : '='
    const line = prose.lineAt(start)
    const quote = sentenceAround(text, start, prevEnd)
    if (actual !== stated) {
      out.push({
        rule: 'LOGIC-CMP', severity: 'error', line, quote, row_label: m[0],
        expected: `决算 ${show(b)} ${REL_ZH[actual]} 预算 ${show(a)}`, actual: m[0],
        message: `文中说“${m[0]}”，但决算 ${show(b)} ${REL_ZH[actual]}预算 ${show(a)}`,
        message_en: `The text says the final figure is ${REL_EN[stated]} the budget (“${m[0]}”), but ${show(b)} is ${REL_EN[actual]} ${show(a)}`,
      })
    } else if (stated !== '=' && !/原因/.test(text.slice(prevEnd, prevEnd + 12)) && !/原因/.test(text.slice(Math.max(0, start - 12), start))) {
      out.push({
        rule: 'LOGIC-REASON', severity: 'warning', line, quote, row_label: m[0],
        message: `“${m[0]}”后没有说明原因（模板要求说明决算与预算差异的原因）`,
        message_en: `“${m[0]}” is not followed by its reason (the template asks why the final figure differs from the budget)`,
      })
    }
  }
  return out
}

const UP = /增加|增长|上升/
const CHANGE = new RegExp(`(增加|减少|增长|下降|上升)${NUM}(万元|元)[，,]?(?:同比)?(增加|减少|增长|下降|上升)${NUM}%`, 'g')
/** An amount with its unit, anywhere in a sentence. */
const AMOUNT = new RegExp(`${NUM}(万元|元)`, 'g')

export function changes(input: ReviewInput): Draft[] {
  const prose = joinProse(input.lines, input.report.tables)
  const { text } = prose
  const out: Draft[] = []
  for (const m of text.matchAll(CHANGE)) {
    const line = prose.lineAt(m.index)
    const quote = sentenceAround(text, m.index, m.index + m[0].length)
    const up1 = UP.test(m[1]!)
    const up2 = UP.test(m[4]!)
    if (up1 !== up2) {
      out.push({
        rule: 'LOGIC-DIRECTION', severity: 'error', line, quote, actual: `${m[1]} / ${m[4]}`,
        message: `同一变动方向矛盾：“${m[1]}${m[2]}${m[3]}”却“${m[4]}${m[5]}%”`,
        message_en: `Contradictory directions for one change: “${m[1]} ${m[2]}${m[3]}” but “${m[4]} ${m[5]}%”`,
      })
      continue
    }
    const x = amount(m[2]!, m[3]!)
    const pct = parseNumber(m[5]!)
    if (!x || pct === null) continue
    // The figure the change is said of is printed earlier in the same sentence ("收入总计X万元，其中：…，比上年增加…"),
    // or, when the sentence opens with the comparison ("与2023年度相比，…增加…"), in the sentence before.
    const candidates = figuresBefore(text, m.index)
    if (candidates.length === 0) continue
    const verdicts = candidates.map((c) => judge(c, x, up1, pct))
    if (verdicts.some((v) => v.fits)) continue
    const first = verdicts[0]!
    const c = candidates[0]!
    if (first.prior === null) {
      out.push({
        rule: 'LOGIC-CHANGE', severity: 'error', line, quote, expected: '上年数 > 0', actual: `${first.priorText}${x.unit}`,
        message: `本年 ${show(c)}、${m[1]} ${show(x)}，推得上年数为 ${first.priorText}${x.unit}，不可能（与“${m[4]}${m[5]}%”不符）`,
        message_en: `This year ${show(c)} and a change of ${show(x)} imply a prior-year figure of ${first.priorText}${x.unit}, which is impossible (the text says ${m[5]}%)`,
      })
      continue
    }
    out.push({
      rule: 'LOGIC-CHANGE', severity: 'error', line, quote, expected: `${show(x)} ÷ ${first.prior}${x.unit}`, actual: `${pct}%`,
      message: `变动率不符：${m[1]} ${show(x)} ÷ 上年 ${first.prior}${x.unit}（本年 ${show(c)}）≠ ${pct}%`,
      message_en: `Rate does not match: ${show(x)} ÷ prior year ${first.prior}${x.unit} (this year ${show(c)}) ≠ ${pct}%`,
    })
  }
  return out
}

/** The amounts printed before `at` in its sentence, or in the sentence before when this one opens with the comparison. */
function figuresBefore(text: string, at: number): Amount[] {
  const boundary = (i: number) => {
    let j = i
    while (j > 0 && !/[。；！？]/.test(text[j - 1]!)) j--
    return j
  }
  // A change amount ("减少56,533,273.95元") is not a year's figure: a sentence may state two changes.
  const figures = (from: number, to: number) => [...text.slice(from, to).matchAll(AMOUNT)]
    .filter((f) => !/(增加|减少|增长|下降|上升)$/.test(text.slice(Math.max(0, from + f.index - 2), from + f.index)))
  const start = boundary(at)
  let found = figures(start, at)
  if (found.length === 0 && /^(与|比|较|同比)/.test(text.slice(start)) && start > 0) {
    found = figures(boundary(start - 1), start - 1)
  }
  return found.map((f) => amount(f[1]!, f[2]!)).filter((a): a is Amount => a !== null)
}

/** Whether this year's `c` and a change `x` (up or down) give the printed rate; the prior year in x's unit. */
function judge(c: Amount, x: Amount, up: boolean, pct: string): { fits: boolean; prior: string | null; priorText: string } {
  // Both in x's printed unit: 元 figures → 万元 by shifting, exactly (toYuan and back).
  const inX = (a: Amount) => (a.unit === x.unit ? a.printed : x.unit === '万元' ? shiftDown(a.yuan) : a.yuan)
  const cp = inX(c)
  const dec = Math.max(decimals(cp), decimals(x.printed))
  const C = scaled(cp), X = scaled(x.printed)
  const P = up ? C - X : C + X
  const priorText = fixed(P, dec)
  if (P <= 0n) return { fits: false, prior: null, priorText }
  return { fits: ratioFits(x.printed, priorText, pct), prior: priorText, priorText }
}

function shiftDown(yuan: string): string {
  const S = scaled(yuan) / 10000n
  return fixed(S, 6)
}

/** A scaled integer as decimal text with `dec` decimals (truncating beyond; amounts here never carry more). */
function fixed(v: bigint, dec: number): string {
  const neg = v < 0n
  const a = neg ? -v : v
  const S = 10n ** BigInt(SCALE)
  const frac = (a % S).toString().padStart(SCALE, '0').slice(0, dec)
  return `${neg ? '-' : ''}${a / S}${dec > 0 ? '.' + frac : ''}`
}

/** "收入总计减少X元…支出总计减少X元": the two sides of a balanced report move together. */
const SIDE_CHANGE = new RegExp(`(财政拨款)?(收入|支出)总计(增加|减少|增长|下降)${NUM}(万元|元)`, 'g')

export function inOut(input: ReviewInput): Draft[] {
  const prose = joinProse(input.lines, input.report.tables)
  const { text } = prose
  const out: Draft[] = []
  const sentenceOf = (i: number) => { let a = i; while (a > 0 && !/[。！？]/.test(text[a - 1]!)) a--; return a }
  const seen = [...text.matchAll(SIDE_CHANGE)]
  for (const inc of seen.filter((m) => m[2] === '收入')) {
    // The 支出 side of the same total (财政拨款 or not) stated in the same sentence.
    const exp = seen.find((m) => m[2] === '支出' && m[1] === inc[1] && m.index > inc.index && sentenceOf(m.index) === sentenceOf(inc.index))
    if (!exp) continue
    const upIn = UP.test(inc[3]!)
    const upOut = UP.test(exp[3]!)
    const a = amount(inc[4]!, inc[5]!)
    const b = amount(exp[4]!, exp[5]!)
    if (!a || !b) continue
    const sameAmount = a.yuan === b.yuan
    if (upIn === upOut && sameAmount) continue
    const subject = `${inc[1] ?? ''}收入总计 / ${inc[1] ?? ''}支出总计`
    out.push({
      rule: 'LOGIC-INOUT', severity: 'error', line: prose.lineAt(exp.index), quote: sentenceAround(text, inc.index, exp.index + exp[0].length),
      row_label: subject, expected: `${inc[3]} ${show(a)}`, actual: `${exp[3]} ${show(b)}`,
      message: `收入总计与支出总计相等，变动却不同：收入总计${inc[3]} ${show(a)}，支出总计${exp[3]} ${show(b)}`,
      message_en: `Income and expenditure totals are equal, yet said to change differently: income ${upIn ? 'up' : 'down'} ${show(a)}, expenditure ${upOut ? 'up' : 'down'} ${show(b)}`,
    })
  }
  return out
}

const PARENT = new RegExp(`${NUM}(万元|元)[，,]?(?:其中[:：]?|主要用于以下方面[:：]?)`, 'g')
const SHARE = new RegExp(`${NUM}(万元|元)[，,]?占(?:比)?${NUM}%`, 'g')

export function shares(input: ReviewInput): Draft[] {
  const prose = joinProse(input.lines, input.report.tables)
  const { text } = prose
  const out: Draft[] = []
  for (const p of text.matchAll(PARENT)) {
    const total = amount(p[1]!, p[2]!)
    if (!total) continue
    const from = p.index + p[0].length
    const end = text.indexOf('。', from)
    const segment = text.slice(from, end === -1 ? text.length : end)
    for (const s of segment.matchAll(SHARE)) {
      const part = amount(s[1]!, s[2]!)
      const pct = parseNumber(s[3]!)
      if (!part || pct === null || part.unit !== total.unit) continue
      if (ratioFits(part.printed, total.printed, pct)) continue
      const at = from + s.index
      out.push({
        rule: 'LOGIC-SHARE', severity: 'error', line: prose.lineAt(at), quote: sentenceAround(text, at, at + s[0].length),
        expected: `${show(part)} ÷ ${show(total)}`, actual: `${pct}%`,
        message: `占比不符：${show(part)} ÷ ${show(total)} ≠ ${pct}%`,
        message_en: `Share does not match: ${show(part)} ÷ ${show(total)} ≠ ${pct}%`,
      })
    }
  }
  return out
}
