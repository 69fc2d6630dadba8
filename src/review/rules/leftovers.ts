/**
 * Template leftovers: placeholders never filled in (XX, 待填写, ……, TBD),
 * both alternatives of a template choice left standing ("下降（增长）"),
 * impossible phrases ("增加持平", "增加0万元"), percentages printed with more
 * than two decimals or without their % sign, and negative amounts where a
 * table cannot have one.
 */
import { cmp } from '../../ingest/decimal'
import { compact } from '../text'
import type { Draft, ReviewInput } from '../types'

interface LinePattern {
  rule: string
  severity: Draft['severity']
  re: RegExp
  zh: (m: string) => string
  en: (m: string) => string
}

const LINE_PATTERNS: readonly LinePattern[] = [
  {
    rule: 'LEFT-PLACEHOLDER', severity: 'error',
    // "XX局", "××单位", "ＸＸ": two or more X marks not part of a Latin word; 待填写/待补充; TBD; an amount left as "……".
    re: /(?<![A-Za-z])(?:[XＸ×]{2,}|xx)(?![A-Za-z])|待填写|待补充|待定|TBD|(?:为|计|共)?……(?:万元|元|个|%|人)/g,
    zh: (m) => `模板占位符未替换：“${m}”`,
    en: (m) => `Template placeholder left in: “${m}”`,
  },
  {
    rule: 'LEFT-ALTERNATIVES', severity: 'error',
    re: /(增加|减少|增长|下降|上升|持平)[（(](增加|减少|增长|下降|上升|持平)[)）]/g,
    zh: (m) => `模板的两个选项都留在了文中：“${m}”`,
    en: (m) => `Both of the template's alternatives left in: “${m}”`,
  },
  {
    rule: 'LEFT-IMPOSSIBLE', severity: 'error',
    re: /(增加|减少|增长|下降)持平|持平(增加|减少|增长|下降)/g,
    zh: (m) => `自相矛盾的说法：“${m}”`,
    en: (m) => `Self-contradictory phrase: “${m}”`,
  },
  {
    rule: 'LEFT-ZERO-CHANGE', severity: 'warning',
    // An increase of nothing is 持平: "增加0万元" / "下降0.00%" is the template's wording left unedited.
    re: /(增加|减少|增长|下降)0(?:\.0+)?(万元|元|%)/g,
    zh: (m) => `变动为零却写作增减：“${m}”（应为“持平”）`,
    en: (m) => `A change of zero worded as a rise or fall: “${m}” (should be “unchanged”)`,
  },
  {
    rule: 'LEFT-PCT-DIGITS', severity: 'warning',
    re: /\d+\.\d{3,}%/g,
    zh: (m) => `百分比超过两位小数：“${m}”`,
    en: (m) => `Percentage with more than two decimals: “${m}”`,
  },
  {
    rule: 'LEFT-PCT-SIGN', severity: 'warning',
    // "增长13.95。" — a rate printed without its % sign.
    re: /(?:增长|下降|上升)\d+\.\d{1,2}(?=[。；，,]|$)/g,
    zh: (m) => `增长率缺少百分号：“${m}”`,
    en: (m) => `Growth rate without its % sign: “${m}”`,
  },
]

export function leftovers(input: ReviewInput): Draft[] {
  const out: Draft[] = []
  for (const l of input.lines) {
    const c = compact(l.text)
    if (c === '') continue
    for (const p of LINE_PATTERNS) {
      for (const m of c.matchAll(p.re)) {
        out.push({ rule: p.rule, severity: p.severity, line: l.no, quote: c.length > 120 ? c.slice(Math.max(0, m.index - 40), m.index + 60) : c, actual: m[0], message: p.zh(m[0]), message_en: p.en(m[0]) })
      }
    }
  }
  return out
}

/** Measures that may legitimately be negative: carry-overs, balances, adjustments. */
const MAY_BE_NEGATIVE = /结转|结余|调整|调剂|差额|增减|变动|比上年/

export function negativeAmounts(input: ReviewInput): Draft[] {
  const out: Draft[] = []
  for (const li of input.report.lineItems) {
    if (li.unit !== '元' || cmp(li.value, '0') >= 0) continue
    if (MAY_BE_NEGATIVE.test(li.measure) || MAY_BE_NEGATIVE.test(li.row_label)) continue
    out.push({
      rule: 'LEFT-NEGATIVE', severity: 'error', table_code: li.table_code, line: li.line, row_label: li.row_label, measure: li.measure,
      actual: li.raw, expected: '≥ 0',
      message: `${li.table_code} ${li.row_label || ''} ${li.measure} 为负数 ${li.raw}：该栏不可能为负`,
      message_en: `${li.table_code} ${li.row_label || ''} ${li.measure} is negative (${li.raw}); this column cannot be`,
    })
  }
  return out
}
