/**
 * 自评 checks (issue 16): each 绩效自评表 against itself and against its own
 * analysis sentence. Every check is named "自评 <project>：…" and lists every
 * line involved; a contradiction is `fail` (the review layer makes it an
 * error-severity finding).
 *
 * - The sentence against the table: its 执行数 against the 全年执行数, its budget
 *   against the 年初 or 全年预算数 it equals, and its 执行率 against the table's
 *   执行数 ÷ that budget, the denominator named in the check
 *   (职业技能提升工程工作经费, jincheng-2022 lines 909 and 922: the sentence's 125.45万元
 *   executed against the table's 35.457万元 is a `fail`). The sentence's rate
 *   against its own amounts too.
 * - 总分 = Σ 指标得分 + the 资金总额 row's 得分 (the 执行率 item of the Shanxi template:
 *   人才工作专项经费 90 + 10 = 100).
 * - 等级 against the score bands. The report prints no bands; these are the bands of
 *   the national rule for 项目支出绩效自评 (财预〔2020〕10号, 附件: 90（含）-100分为优、
 *   80（含）-90分为良、60（含）-80分为中、60分以下为差), which every 等级 of the
 *   bundled reports follows.
 * Rates over 100% or under 60% are not errors: the Execution view shows them as notices.
 */
import type { Checker } from './checks'
import { abs, cmp, decimals, lastDigitUnit, parseNumber, sub, sum, toYuan } from './decimal'
import { pctOf } from './evaluation-analysis'
import type { CheckStatus, EvaluationFieldRow, EvaluationIndicatorRow, EvaluationRow } from './types'

/** The grade band of a 总分 (财预〔2020〕10号). */
export function gradeOf(score: string): '优' | '良' | '中' | '差' {
  if (cmp(score, '90') >= 0) return '优'
  if (cmp(score, '80') >= 0) return '良'
  if (cmp(score, '60') >= 0) return '中'
  return '差'
}

function status(diff: string, tol: string): CheckStatus {
  if (cmp(diff, '0') === 0) return 'pass'
  return cmp(abs(diff), tol) <= 0 ? 'rounding' : 'fail'
}

/** One unit of the last digit of a sentence amount, in 元 ("125.45万元" → 100.00 元). */
function amountTol(f: EvaluationFieldRow): string {
  const printed = parseNumber(f.raw) ?? '0'
  // The sentence says 万元 when its value is ten thousand times the printed number.
  const unit = cmp(toYuan(printed, '万元'), f.value) === 0 ? '万元' : '元'
  return toYuan(lastDigitUnit(printed), unit)
}

function lineList(lines: readonly number[]): string {
  return [...new Set(lines)].sort((a, b) => a - b).join(';')
}

export function checkSelfEvaluations(
  c: Checker,
  evaluations: readonly EvaluationRow[],
  fields: readonly EvaluationFieldRow[],
  indicators: readonly EvaluationIndicatorRow[],
): void {
  const push = (check: string, expected: string, actual: string, diff: string, st: CheckStatus, lines: readonly number[], unit: string) =>
    c.rows.push({ doc_id: c.doc.doc_id, check, expected, actual, diff, status: st, lines: lineList(lines), unit })
  for (const e of evaluations) {
    const own = fields.filter((f) => f.project_name === e.project_name)
    const table = (field: string) => own.find((f) => f.part === '表' && f.row_label !== '总分' && f.field === field && f.line === e.line)
      ?? own.find((f) => f.part === '表' && f.field === field)
    const said = (field: string) => own.find((f) => f.part === '分析' && f.field === field)
    const P = e.project_name

    // The analysis sentence against the table.
    const sBudget = said('预算数')
    const sExecuted = said('执行数')
    const sRate = said('执行率')
    const tExecuted = table('全年执行数')
    if (sExecuted && tExecuted) {
      const diff = sub(sExecuted.value, tExecuted.value)
      push(`自评 ${P}：分析句执行数 = 自评表全年执行数`, tExecuted.value, sExecuted.value, diff, status(diff, amountTol(sExecuted)), [tExecuted.line, sExecuted.line], '元')
    }
    const budgetField = (den: string) => (den === '年初预算' ? table('年初预算数/预算编制数') ?? table('年初预算数') : table('全年预算数'))
    if (sBudget) {
      // Against the budget it equals; a budget equal to neither is compared with the 全年预算数 (the table's own base).
      const against = budgetField(sBudget.denominator || '全年预算')
      if (against) {
        const diff = sub(sBudget.value, against.value)
        push(`自评 ${P}：分析句预算数 = 自评表${sBudget.denominator || '全年预算'}数`, against.value, sBudget.value, diff, status(diff, amountTol(sBudget)), [against.line, sBudget.line], '元')
      }
    }
    if (sRate) {
      const tol = lastDigitUnit(sRate.value)
      const den = sRate.denominator ? budgetField(sRate.denominator) : undefined
      const q = den && tExecuted ? pctOf(tExecuted.value, den.value, decimals(sRate.value)) : null
      if (den && tExecuted && q !== null) {
        const diff = sub(sRate.value, q)
        push(`自评 ${P}：分析句执行率 = 自评表全年执行数 ÷ ${sRate.denominator}数`, q, sRate.value, diff, status(diff, tol), [tExecuted.line, den.line, sRate.line], '%')
      } else {
        // No budget of the table gives the stated rate: it is held against the table's own 执行率.
        const tRate = table('执行率')
        if (tRate) {
          const diff = sub(sRate.value, tRate.value)
          push(`自评 ${P}：分析句执行率 = 自评表执行率`, tRate.value, sRate.value, diff, status(diff, tol), [tRate.line, sRate.line], '%')
        }
      }
      if (sBudget && sExecuted) {
        const own = pctOf(sExecuted.value, sBudget.value, decimals(sRate.value))
        if (own !== null) {
          const diff = sub(sRate.value, own)
          push(`自评 ${P}：分析句执行率 = 分析句执行数 ÷ 分析句预算数`, own, sRate.value, diff, status(diff, tol), [sRate.line], '%')
        }
      }
    }

    // 总分 = Σ 指标得分 + 资金总额 得分.
    const total = own.find((f) => f.part === '表' && f.field === '总分')
    const items = indicators.filter((i) => i.project_name === P)
    const moneyScore = own.find((f) => f.part === '表' && f.field === '得分' && f.line === e.line)
    if (total && items.length > 0 && moneyScore) {
      const actual = sum([...items.map((i) => i.score), moneyScore.value])
      const diff = sub(actual, total.value)
      push(`自评 ${P}：总分 = 各指标得分 + 资金执行得分`, total.value, actual, diff, status(diff, '0'), [total.line, moneyScore.line, ...items.map((i) => i.line)], '分')
    }

    // 等级 against the band of its 总分.
    const grade = own.find((f) => f.field === '等级')
    if (total && grade) {
      const band = gradeOf(total.value)
      push(`自评 ${P}：等级 = 总分所在档（优≥90，良≥80，中≥60，差<60）`, band, grade.value, band === grade.value ? '0' : '', band === grade.value ? 'pass' : 'fail', [total.line, grade.line], '')
    }
  }
}
