/**
 * The 自评结果分析 sentence of a 绩效自评表 (the 项目实施和预算执行情况 row) read as
 * figures of its project: the budget it names, the amount executed and the
 * 执行率, each with its line and the sentence as quote.
 *
 * The rate's denominator is named, as the Execution view does: the table's
 * 执行率 divides by 全年预算数 (备注 4 of the report), but a sentence may divide
 * by the 年初预算: 人才工作专项经费 (jincheng-2022 line 697) "该项目预算下达90万元，实际执行97.2万元，
 * 预算执行率为108%" is 97.2 ÷ 90, the 年初预算, beside a 全年预算数 of 97.2. The
 * denominator is the table budget the sentence's own budget amount equals
 * (年初预算 first, the one a 下达 names); without an amount, the one whose
 * quotient gives the stated rate; else empty (checks-evaluations.ts reports it).
 *
 * Only labelled amounts are read: "分析2133.06万元，预算执行率86%" (line 1034, the cell
 * cut short) gives its rate but not the amount, whose label is lost.
 */
import type { ParseContext } from './context'
import { abs, cmp, decimals, div, lastDigitUnit, parseNumber, shift, sub, toYuan } from './decimal'
import { cellsOf, flat } from './evaluation-cells'
import { stripMarkup } from './lines'
import type { EvaluationFieldRow, EvaluationRow, SourceLine } from './types'

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)`
/** "预算下达900万元", "年初预算额50万元", "该项目预算40万元"; a number without its unit (a cut cell) is not read. */
const BUDGET = new RegExp(String.raw`(?:预算下达|年初预算(?:额|数|金额)|项目预算)(?:为|是)?${NUM}(万元|元)`)
/** "实际执行97.2万元", "全年执行额18.45万元". */
const EXECUTED = new RegExp(String.raw`(?:实际执行|全年执行额|执行数)(?:为|是)?${NUM}(万元|元)`)
/** "预算执行率为108%". */
const RATE = new RegExp(String.raw`执行率(?:为|是)?${NUM}[%％]`)

/** a ÷ b as a percentage to `scale` decimals; null when b is zero. */
export function pctOf(a: string, b: string, scale: number): string | null {
  return cmp(b, '0') === 0 ? null : div(shift(a, 2), b, scale)
}

/** Whether two amounts agree within `tol`. */
function near(a: string, b: string, tol: string): boolean {
  return cmp(abs(sub(a, b)), tol) <= 0
}

/** The table budgets a sentence may divide by, 年初预算 first. */
function budgetsOf(row: EvaluationRow): Array<[string, string]> {
  return ([['年初预算', row.initial_yuan], ['全年预算', row.budget_yuan]] as Array<[string, string]>).filter(([, v]) => v !== '')
}

/** Which table budget a sentence's rate divides by (see the file comment), or ''. */
export function denominatorOf(row: EvaluationRow, rate: string, budget: { value: string; tol: string } | null, executed: string | null): string {
  const budgets = budgetsOf(row)
  if (budget) return budgets.find(([, v]) => near(v, budget.value, budget.tol))?.[0] ?? ''
  const e = executed ?? row.executed_yuan
  if (e === '') return ''
  return budgets.find(([, v]) => {
    const q = pctOf(e, v, decimals(rate))
    return q !== null && near(q, rate, lastDigitUnit(rate))
  })?.[0] ?? ''
}

/** The analysis sentence's figures (part 分析); `lines` are the table's lines after its 总分 row. */
export function readAnalysis(ctx: ParseContext, lines: readonly SourceLine[], row: EvaluationRow): EvaluationFieldRow[] {
  const line = lines.find((l) => /预算执行情况/.test(flat(l.text)))
  if (!line) return []
  const cells = cellsOf(ctx, line)
  const label = cells.findIndex((c) => /预算执行情况$/.test(c.replace(/\s+/g, '')))
  const quote = stripMarkup(cells.slice(label + 1).filter((c) => c.trim() !== '').join(' ')).trim()
  const s = flat(quote)
  const out: EvaluationFieldRow[] = []
  const field = (name: string, raw: string, value: string, unitOut: string, denominator = ''): EvaluationFieldRow => ({
    doc_id: ctx.document.doc_id, project_name: row.project_name, part: '分析', row_label: '', field: name,
    value, unit: unitOut, raw, denominator, quote, line: line.no,
  })
  const b = BUDGET.exec(s)
  const e = EXECUTED.exec(s)
  const r = RATE.exec(s)
  const budget = b ? { raw: b[1]!, value: toYuan(parseNumber(b[1]!)!, b[2]!), tol: toYuan(lastDigitUnit(parseNumber(b[1]!)!), b[2]!) } : null
  const executed = e ? toYuan(parseNumber(e[1]!)!, e[2]!) : null
  if (budget) out.push(field('预算数', budget.raw, budget.value, '元', denominatorOf(row, '0', budget, null)))
  if (e) out.push(field('执行数', e[1]!, executed!, '元'))
  if (r) {
    const rate = parseNumber(r[1]!)!
    out.push(field('执行率', r[1]!, rate, '%', denominatorOf(row, rate, budget, executed)))
  }
  return out
}
