/**
 * The prose against the tables: totals stated in the narrative against the
 * table figures they restate, and the 绩效自评 summary against its tables.
 * The status rules are those of checks.ts.
 */
import { labelIs, pick, tolerance, totalRow, type Checker, type Pick } from './checks-core'
import { cmp, decimals, div, lastDigitUnit, shift, sum, toYuan } from './decimal'
import type { DocumentRow, EvaluationRow, LineItemRow, NarrativeRow } from './types'

/**
 * Prose against tables: a total stated in the narrative against the table
 * figure it restates. Each entry: the narrative subject (narrative-subjects.ts
 * names them in the template's words) and where a budget / a final account
 * prints the same figure.
 */
const PROSE: ReadonlyArray<[RegExp, Pick, Pick]> = [
  [/^收入总计$/, pick('B01', /^预算数$/, labelIs(/^收入总计$/), '收入'), pick('F01', /^决算数$/, labelIs(/^总计$/), '收入')],
  [/^支出总计$/, pick('B01', /^合计$/, labelIs(/^支出总计$/), '支出'), pick('F01', /^决算数$/, labelIs(/^总计$/), '支出')],
  [/^本年收入$/, pick('B01', /^预算数$/, labelIs(/^本年收入合计$/), '收入'), pick('F01', /^决算数$/, labelIs(/^本年收入合计$/), '收入')],
  [/^本年支出$/, pick('B01', /^合计$/, labelIs(/^本年支出合计$/), '支出'), pick('F01', /^决算数$/, labelIs(/^本年支出合计$/), '支出')],
  [/^上年结转$/, pick('B01', /^预算数$/, labelIs(/^上年结转$/), '收入'), () => undefined],
  // 基本支出 / 项目支出 of all expenditure (B03/F03, including 上年结转) …
  [/^基本支出$/, pick('B03', /^基本支出$/, totalRow), pick('F03', /^基本支出$/, totalRow)],
  [/^项目支出$/, pick('B03', /^项目支出$/, totalRow), pick('F03', /^项目支出$/, totalRow)],
  // … and of the 一般公共预算 (B05/F05).
  [/^一般公共预算当年支出$/, pick('B05', /^合计$/, totalRow), pick('F05', /^小计$/, totalRow)],
  [/^一般公共预算基本支出$/, pick('B05', /^基本支出$/, totalRow), pick('F05', /^基本支出$/, totalRow)],
  [/^财政拨款支出$/, pick('B04', /^小计$/, labelIs(/^本年支出合计$/), '支出'), pick('F05', /^小计$/, totalRow)],
  [/^人员经费$/, pick('B06', /^人员经费$/, totalRow), (items) => items.find((i) => i.table_code === 'F06' && i.row_label === '人员经费合计' && /基本支出$|^人员经费\/决算数$/.test(i.measure))],
  [/^公用经费$/, pick('B06', /^公用经费$/, totalRow), (items) => items.find((i) => i.table_code === 'F06' && i.row_label === '公用经费合计' && /基本支出$|^公用经费\/决算数$/.test(i.measure))],
  [/^机关运行经费$/, pick('B11', /^合计$/, (i) => i.row_kind === '合计'), (items) => items.find((i) => i.table_code === 'F10' && /行政单位/.test(i.row_label))],
  [/^三公经费$/, pick('B10', /^合计$/, labelIs(/^合计$/)), pick('F07', /^决算数\/合计$/, () => true)],
  [/^三公经费预算$/, () => undefined, pick('F07', /^预算数\/合计$/, () => true)],
]

/** The printed figure in a quote that gives `value` 元, and its unit: tells the precision the prose printed. */
function printedInQuote(quote: string, value: string): { number: string; unit: string } | null {
  for (const m of quote.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)/g)) {
    const number = m[1]!.replace(/,/g, '')
    if (cmp(toYuan(number, m[2]!), value) === 0) return { number, unit: m[2]! }
  }
  return null
}

function proseAgainst(c: Checker, n: NarrativeRow, t: LineItemRow, doc: DocumentRow): void {
  // Same precision → exact; the prose in a coarser unit → within its last digit.
  const printed = printedInQuote(n.quote, n.value)
  const proseUnit = printed ? toYuan(lastDigitUnit(printed.number), printed.unit) : '0'
  const tol = cmp(proseUnit, tolerance(t, doc)) > 0 ? proseUnit : '0'
  c.same(`文字说明（第${n.line}行）${n.subject} = ${t.table_code} ${[t.class_code, t.row_label].filter(Boolean).join(' ')} ${t.measure}`, { value: t.value, line: t.line, unit: t.unit }, { value: n.value, line: n.line }, tol)
}

export function checkProse(c: Checker, narrative: readonly NarrativeRow[], items: readonly LineItemRow[], doc: DocumentRow): void {
  const stated = narrative.filter((n) => n.relation === 'stated' && n.year === doc.year)
  const isFinal = doc.stage === '决算'
  for (const n of stated.filter((s) => s.unit === '元')) {
    const entry = PROSE.find(([re]) => re.test(n.subject))
    if (entry) {
      const t = (isFinal ? entry[2] : entry[1])(items)
      if (t) proseAgainst(c, n, t, doc)
      continue
    }
    // A 类 named in the prose (一般公共预算当年支出 by 类, 财政拨款支出决算 by 类) against B05 / F05.
    const category = items.find((i) => i.table_code === (isFinal ? 'F05' : 'B05') && i.class_code.length === 3 && i.row_label === n.subject && /^(合计|小计)$/.test(i.measure))
    if (category) proseAgainst(c, n, category, doc)
  }
  // A rate stated with its two figures (完成年初预算的119.09%): the rate against the figures beside it.
  for (const rate of stated.filter((r) => r.unit === '%')) {
    const m = /^(.*)完成(年初|全年)预算$/.exec(rate.subject)
    if (!m) continue
    const onLine = stated.filter((r) => r.line === rate.line && r.unit === '元')
    const executed = onLine.find((r) => r.subject === m[1])
    const budget = onLine.find((r) => r.subject === `${m[1]}${m[2]}预算` || r.subject === `${m[1]}预算`)
    if (!executed || !budget || cmp(budget.value, '0') === 0) continue
    const printedDecimals = decimals(rate.value)
    c.same(
      `文字说明 ${rate.subject} = ${executed.subject} ÷ ${budget.subject}`,
      { value: rate.value, line: rate.line, unit: '%' },
      { value: pctOf(executed.value, budget.value, printedDecimals), line: executed.line },
      lastDigitUnit(rate.value),
    )
  }
}

/** a as a percentage of b, to the decimals the report printed the rate with. */
function pctOf(a: string, b: string, scale: number): string {
  return div(shift(a, 2), b, scale)
}

/**
 * 绩效自评表: each table's 执行率 against its own 执行数 ÷ 全年预算数, and the
 * prose summary (how many projects were evaluated, with what grades, for how
 * much money) against the tables.
 */
export function checkEvaluations(c: Checker, evaluations: readonly EvaluationRow[], narrative: readonly NarrativeRow[], doc: DocumentRow): void {
  const projects = evaluations.filter((e) => e.project_name !== '整体支出')
  for (const e of evaluations) {
    if (!e.rate_pct || !e.budget_yuan || !e.executed_yuan || cmp(e.budget_yuan, '0') === 0) continue
    c.same(
      `绩效自评 ${e.project_name}：执行率 = 全年执行数 ÷ 全年预算数`,
      { value: e.rate_pct, line: e.line, unit: '%' },
      { value: pctOf(e.executed_yuan, e.budget_yuan, decimals(e.rate_pct)), line: e.line },
      lastDigitUnit(e.rate_pct),
    )
  }
  if (projects.length === 0) return
  const stated = narrative.filter((n) => n.relation === 'stated' && n.year === doc.year && /二级项目绩效自评/.test(n.subject))
  const count = stated.find((n) => /自评个数$/.test(n.subject))
  if (count) {
    c.same(`文字说明 ${count.subject} = 自评表张数`, { value: count.value, line: count.line, unit: '个' }, { value: String(projects.length), line: projects[0]!.line }, '0')
  }
  for (const n of stated) {
    const grade = /自评等级为“(.)”的项目数$/.exec(n.subject)
    if (!grade) continue
    const graded = projects.filter((e) => e.grade === grade[1])
    c.same(`文字说明 ${n.subject} = 自评表中等级为${grade[1]}的张数`, { value: n.value, line: n.line, unit: '个' }, { value: String(graded.length), line: graded[0]?.line ?? n.line }, '0')
  }
  const amount = stated.find((n) => /自评金额$/.test(n.subject) && n.unit === '元')
  const initial = projects.filter((e) => e.initial_yuan)
  if (amount && initial.length > 0) {
    c.same(`文字说明 ${amount.subject} = 自评表年初预算数之和`, { value: amount.value, line: amount.line, unit: '元' }, { value: sum(initial.map((e) => e.initial_yuan)), line: initial[0]!.line }, '0')
  }
}
