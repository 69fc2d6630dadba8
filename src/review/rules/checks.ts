/**
 * The parser's checks (src/ingest/checks.ts) as findings: every failed check
 * is an error, its rule id derived from the check's family, so the 审查 view
 * is the one place a reviewer reads. Checks that pass, or differ only by the
 * rounding of the last printed digit, are not findings.
 */
import type { CheckRow, NarrativeRow } from '../../ingest/types'
import { VALUE_UNITS_EN } from '../../ingest/vocabulary'
import type { Draft } from '../types'
import { tenThousandApart, unitContradiction } from './identities'

/** Check families, tried in order: the first whose pattern matches the check's name names the rule. */
export const CHECK_FAMILIES: ReadonlyArray<{ rule: string; re: RegExp; zh: string; en: string }> = [
  // 绩效自评 checks (issue #16 names its checks "自评…"; the prose-vs-自评表 checks mention 自评表).
  { rule: 'CHK-SELFEVAL', re: /^自评|绩效自评|自评表/, zh: '绩效自评', en: 'performance self-evaluation' },
  { rule: 'CHK-PROSE', re: /^文字说明/, zh: '文字说明与表格', en: 'prose vs tables' },
  { rule: 'CHK-SANGONG', re: /^三公/, zh: '“三公”经费合计', en: '三公 totals' },
  { rule: 'CHK-BALANCE', re: /收入总计 = 支出总计/, zh: '收支平衡', en: 'income = expenditure' },
  { rule: 'CHK-ROW', re: /（第\d+行）：/, zh: '行内合计', en: 'row totals' },
  { rule: 'CHK-TREE', re: /下级科目之和|各类之和/, zh: '科目层级', en: 'code hierarchy' },
  { rule: 'CHK-UNITS', re: /各项目之和|各单位之和/, zh: '单位与项目', en: 'units and projects' },
  { rule: 'CHK-COLUMN', re: /各项之和|\+ 结转结余/, zh: '栏目合计', en: 'column totals' },
  { rule: 'CHK-CROSS', re: /^[BF]\d\d .* = [BF]\d\d /, zh: '表间勾稽', en: 'cross-table' },
]

/** The rule id of a check, by its name. */
export function checkRule(check: string): string {
  return CHECK_FAMILIES.find((f) => f.re.test(check))?.rule ?? 'CHK-OTHER'
}

/** A check's number with its unit, as the messages print it: "4252800.00 元", "98.5%", "4252800.00 yuan". */
function withUnit(value: string, unit: string, lang: 'zh' | 'en'): string {
  if (!unit || !/^-?\d+(\.\d+)?$/.test(value)) return value
  if (unit === '%') return `${value}%`
  const word = lang === 'en' ? VALUE_UNITS_EN[unit] ?? unit : unit
  return word ? `${value} ${word}` : value
}

/** `narrative` gives a prose check its sentence: the quote of the figure stated on the check's line. */
export function failedChecks(checks: readonly CheckRow[], narrative: readonly NarrativeRow[] = []): Draft[] {
  return checks.filter((c) => c.status === 'fail').flatMap((c) => {
    const zh = (v: string) => withUnit(v, c.unit ?? '', 'zh')
    const en = (v: string) => withUnit(v, c.unit ?? '', 'en')
    const lines = c.lines.split(';').map(Number).filter((n) => n > 0)
    const table = /^([BF]\d\d)\b/.exec(c.check)?.[1] ?? /= ([BF]\d\d)\b/.exec(c.check)?.[1] ?? ''
    // The prose checks name the sentence's line; cite that one, else the first line involved.
    const own = /（第(\d+)行）/.exec(c.check)
    const line = own ? Number(own[1]) : lines.at(-1) ?? 0
    const sentence = own ? narrative.find((n) => n.line === line && c.check.includes(n.subject))?.quote ?? '' : ''
    const found: Draft[] = [{
      rule: checkRule(c.check), severity: 'error' as const, table_code: table, row_label: c.check,
      line, expected: c.expected, actual: c.actual, quote: sentence, value_unit: c.unit ?? '',
      // A finding cites one line; the message names every line the check compared (a 自评表 and its sentence: 909, 922).
      message: `核对未通过：${c.check}（应为 ${zh(c.expected)}，实为 ${zh(c.actual)}，差 ${zh(c.diff)}）${lines.length > 1 ? `；涉及第 ${lines.join('、')} 行` : ''}`,
      message_en: `Check failed: ${c.check} (expected ${en(c.expected)}, found ${en(c.actual)}, difference ${en(c.diff)})${lines.length > 1 ? `; lines ${lines.join(', ')}` : ''}`,
    }]
    // Exactly 10,000 times apart: not a wrong figure but a unit (元 / 万元) that contradicts it.
    if (tenThousandApart(c.expected, c.actual)) found.push(unitContradiction(table, c.expected, c.actual, line, lines[0] ?? line))
    return found
  })
}
