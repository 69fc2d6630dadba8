/**
 * Cross-table identities beyond the parser's checks, each comparing figures
 * printed in two tables, exactly, with a tolerance of one unit of the last
 * printed digit (a difference within it is rounding, not a finding):
 *
 * - 基本支出 of the function table = the economic-classification table
 *   (预算: B05 基本支出 = B06 合计; 决算: F05 基本支出 = F06 人员经费 + 公用经费);
 * - 项目支出 = the project tables (预算: B03 项目支出 = B12 + B13 合计;
 *   B05 项目支出 = B12 一般公共预算);
 * - 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 (F01, with 使用非财政拨款结余 and 结余分配);
 * - 三公 决算 above its 预算 (a notice: allowed, but a reader asks why).
 */
import { add, cmp, lastDigitUnit, parseNumber, sub, toYuan } from '../../ingest/decimal'
import type { LineItemRow, SangongCategory, TableCode } from '../../ingest/types'
import { SANGONG_TABLE } from '../../ingest/vocabulary'
import type { Draft, ReviewInput } from '../types'

/** One unit of the last printed digit of a row's figure, in 元 (the unit it was printed in, found from raw vs value). */
function unitOf(li: LineItemRow): string {
  const printed = parseNumber(li.raw)
  if (!printed) return '0'
  const unit = cmp(toYuan(printed, '万元'), li.value) === 0 && cmp(printed, '0') !== 0 ? '万元' : '元'
  return toYuan(lastDigitUnit(printed), unit)
}

function maxOf(values: readonly string[]): string {
  return values.reduce((m, v) => (cmp(v, m) > 0 ? v : m), '0')
}

function totalRow(items: readonly LineItemRow[], table: TableCode, measure: RegExp, label?: RegExp): LineItemRow | undefined {
  return items.find((li) => li.table_code === table && li.row_kind === '合计' && measure.test(li.measure) && (!label || label.test(li.row_label)) && li.unit === '元')
}

interface Side { name: string; rows: readonly LineItemRow[] }

function compare(rule: string, left: Side, right: Side, table: TableCode): Draft[] {
  if (left.rows.length === 0 || right.rows.length === 0) return []
  const a = left.rows.reduce((s, r) => add(s, r.value), '0')
  const b = right.rows.reduce((s, r) => add(s, r.value), '0')
  const diff = sub(b, a)
  const tol = maxOf([...left.rows, ...right.rows].map(unitOf))
  const absDiff = cmp(diff, '0') < 0 ? sub('0', diff) : diff
  if (cmp(absDiff, tol) <= 0) return []
  const lines = [...left.rows, ...right.rows].map((r) => r.line)
  return [{
    rule, severity: 'error', table_code: table, line: Math.min(...lines), row_label: left.name, measure: right.name,
    expected: a, actual: b, value_unit: '元',
    message: `表间不符：${left.name} ${a} 元 ≠ ${right.name} ${b} 元（差 ${diff} 元，行 ${[...new Set(lines)].join('、')}）`,
    message_en: `Tables disagree: ${left.name} ${a} yuan ≠ ${right.name} ${b} yuan (difference ${diff}, lines ${[...new Set(lines)].join(', ')})`,
  }]
}

export function basicVsEconomic(input: ReviewInput): Draft[] {
  const items = input.report.lineItems
  if (input.report.document.stage === '预算') {
    const b05 = totalRow(items, 'B05', /^基本支出$/)
    const b06 = totalRow(items, 'B06', /^合计$/)
    return compare('X-BASIC-ECON', { name: 'B05 基本支出', rows: b05 ? [b05] : [] }, { name: 'B06 合计', rows: b06 ? [b06] : [] }, 'B06')
  }
  const f05 = totalRow(items, 'F05', /^基本支出$/)
  // The Shanxi 明细表 splits each panel into 金额 and 其中：基本支出; the national table prints 基本支出 only (决算数).
  const basic = ['人员经费', '公用经费'].map((p) => totalRow(items, 'F06', new RegExp(`^${p}/其中：基本支出$`), new RegExp(`^${p}合计$`))
    ?? totalRow(items, 'F06', new RegExp(`^${p}/决算数$`), new RegExp(`^${p}合计$`)))
  if (basic.some((b) => !b)) return []
  return compare('X-BASIC-ECON', { name: 'F05 基本支出', rows: f05 ? [f05] : [] }, { name: 'F06 人员经费 + 公用经费', rows: basic as LineItemRow[] }, 'F06')
}

export function projectsVsProjectTables(input: ReviewInput): Draft[] {
  if (input.report.document.stage !== '预算') return []
  const items = input.report.lineItems
  const b03 = totalRow(items, 'B03', /^项目支出$/)
  const b12 = totalRow(items, 'B12', /^合计$/)
  const b13 = totalRow(items, 'B13', /^合计$/)
  const out: Draft[] = []
  // Both project tables must be read: B13 (上年结转) may be empty, but a missing B12 total says nothing.
  if (b03 && b12) out.push(...compare('X-PROJECTS', { name: 'B03 项目支出', rows: [b03] }, { name: 'B12 + B13 合计', rows: b13 ? [b12, b13] : [b12] }, 'B12'))
  const b05 = totalRow(items, 'B05', /^项目支出$/)
  const b12gpb = totalRow(items, 'B12', /^财政拨款\/一般公共预算$/)
  if (b05 && b12gpb) out.push(...compare('X-PROJECTS', { name: 'B05 项目支出', rows: [b05] }, { name: 'B12 一般公共预算', rows: [b12gpb] }, 'B12'))
  return out
}

/** 财政拨款 in the income table (B02 / F02) = 本年收入合计 of the 财政拨款收支总表 (B04 / F04). */
export function fundingVsFundingTable(input: ReviewInput): Draft[] {
  const stage = input.report.document.stage
  if (!stage) return []
  const [income, funding]: TableCode[] = stage === '决算' ? ['F02', 'F04'] : ['B02', 'B04']
  const items = input.report.lineItems.filter((li) => li.unit === '元')
  const total = items.find((li) => li.table_code === funding && li.side === '收入' && li.row_label === '本年收入合计')
  if (!total) return []
  const incomeTotals = items.filter((li) => li.table_code === income && li.row_kind === '合计')
  const direct = incomeTotals.filter((li) => li.measure === '财政拨款收入')
  // The Shanxi B02 splits 本年收入 by fund: the 财政拨款 is its three budget funds (单位资金, 财政专户 are not).
  const byFund = incomeTotals.filter((li) => /^本年收入\/(一般公共预算|政府性基金预算|国有资本经营预算)$/.test(li.measure))
  const parts = direct.length === 1 ? direct : byFund
  if (parts.length === 0) return []
  return compare('X-FUNDING', { name: `${income} 财政拨款收入`, rows: parts }, { name: `${funding} 本年收入合计`, rows: [total] }, funding)
}

export function carryOver(input: ReviewInput): Draft[] {
  const items = input.report.lineItems.filter((li) => li.table_code === 'F01' && li.unit === '元')
  const one = (side: string, label: RegExp) => items.filter((li) => li.side === side && label.test(li.row_label))
  const start = one('收入', /年初结转和结余$/)
  const income = one('收入', /^本年收入合计$/)
  const useSurplus = one('收入', /使用非财政拨款结余/)
  const spending = one('支出', /^本年支出合计$/)
  const allocation = one('支出', /结余分配/)
  const end = one('支出', /年末结转和结余$/)
  if (income.length !== 1 || spending.length !== 1 || end.length !== 1) return []
  // 年初 + 本年收入 + 使用结余 − 本年支出 − 结余分配 = 年末; the sides are compared as printed sums.
  const left = [...start, ...income, ...useSurplus]
  const right = [...spending, ...allocation, ...end]
  return compare('X-CARRY', { name: 'F01 年初结转和结余 + 本年收入合计', rows: left }, { name: 'F01 本年支出合计 + 年末结转和结余', rows: right }, 'F01')
}

export function sangongOverBudget(input: ReviewInput): Draft[] {
  const rows = input.report.sangong
  const out: Draft[] = []
  for (const actual of rows.filter((r) => r.figure === '决算')) {
    const budget = rows.find((r) => r.figure === '预算' && r.category === actual.category && r.year === actual.year)
    if (!budget || cmp(actual.amount_yuan, budget.amount_yuan) <= 0) continue
    out.push({
      rule: 'X-SANGONG-OVER', severity: 'notice', table_code: SANGONG_TABLE[input.report.document.stage === '决算' ? '决算' : '预算'], line: actual.line,
      row_label: actual.category, expected: `≤ ${budget.amount_yuan}`, actual: actual.amount_yuan, value_unit: '元',
      message: `“三公”${actual.category} 决算 ${actual.amount_yuan} 元 超过预算 ${budget.amount_yuan} 元`,
      message_en: `三公 ${actual.category}: final ${actual.amount_yuan} yuan above the budget ${budget.amount_yuan} yuan`,
    })
  }
  return out
}

/** Whether two amounts in 元 are exactly 10,000 times apart: one of them was read in 元 where it was printed in 万元, or the other way. */
export function tenThousandApart(a: string, b: string): boolean {
  if (cmp(a, '0') === 0 || cmp(b, '0') === 0) return false
  const times = (x: string) => toYuan(x, '万元')
  return cmp(times(a), b) === 0 || cmp(times(b), a) === 0
}

/** Prose subjects of the 三公 figures → the table's category; a subject naming 预算 is the budget figure. */
const SANGONG_SUBJECTS: ReadonlyArray<[RegExp, SangongCategory]> = [
  [/^三公经费((年初)?预算)?$/, '合计'],
  [/^因公出国（境）费$/, '因公出国（境）费'],
  [/^公务接待费$/, '公务接待费'],
  [/^公务用车购置及运行费$/, '公务用车购置及运行费'],
  [/^公务用车购置费$/, '公务用车购置费'],
  [/^公务用车运行维护(费|支出)$/, '公务用车运行维护费'],
]

/** The value as the prose would print it in 万元 and in 元 (for spotting a change amount read as a figure). */
function printedForms(yuan: string): string[] {
  const [i = '0', f = ''] = yuan.replace(/^-/, '').split('.')
  const whole = i.padStart(5, '0')
  const wan = `${String(Number(whole.slice(0, -4)))}.${(whole.slice(-4) + f).slice(0, 2)}`
  return [wan, `${i}.${(f + '00').slice(0, 2)}`]
}

export function sangongProse(input: ReviewInput): Draft[] {
  const { document, narrative, sangong } = input.report
  if (!document.stage) return []
  const out: Draft[] = []
  for (const n of narrative) {
    if (n.relation !== 'stated' || n.unit !== '元' || n.year !== document.year) continue
    const hit = SANGONG_SUBJECTS.find(([re]) => re.test(n.subject))
    if (!hit) continue
    const figure = /预算$/.test(n.subject) ? '预算' : document.stage
    const row = sangong.find((r) => r.category === hit[1] && r.figure === figure && r.year === n.year)
    if (!row) continue
    const quote = n.quote.replace(/,/g, '')
    // A change ("减少0.15万元") that the parser filed under the subject is not the year's figure.
    if (printedForms(n.value).some((p) => new RegExp(`(增加|减少|增长|下降)${p.replace('.', '\\.')}(万)?元`).test(quote))) continue
    const tol = /万元/.test(quote) ? '100.00' : '0.01'
    const diff = sub(n.value, row.amount_yuan)
    if (cmp(diff.replace(/^-/, ''), tol) <= 0) continue
    if (tenThousandApart(n.value, row.amount_yuan)) {
      out.push(unitContradiction(SANGONG_TABLE[document.stage === '决算' ? '决算' : '预算'], row.amount_yuan, n.value, n.line, row.line))
      continue
    }
    out.push({
      rule: 'X-SANGONG-PROSE', severity: 'error', table_code: SANGONG_TABLE[document.stage === '决算' ? '决算' : '预算'], line: n.line, row_label: hit[1], measure: figure,
      expected: row.amount_yuan, actual: n.value, quote: n.quote, value_unit: '元',
      message: `文字说明的“三公”${hit[1]}${figure} ${n.value} 元 ≠ 表中 ${row.amount_yuan} 元（第${row.line}行）`,
      message_en: `The prose's 三公 ${hit[1]} (${figure === '预算' ? 'budget' : 'final'}) ${n.value} yuan ≠ the table's ${row.amount_yuan} yuan (line ${row.line})`,
    })
  }
  return out
}

/** A table whose printed unit contradicts its figures: the same figure elsewhere is exactly 10,000 times apart. */
export function unitContradiction(table: string, tableValue: string, otherValue: string, line: number, tableLine: number): Draft {
  return {
    rule: 'UNIT-CONTRADICT', severity: 'error', table_code: table, line: tableLine, expected: otherValue, actual: tableValue, value_unit: '元',
    message: `${table} 的金额单位与数字矛盾：表中 ${tableValue} 元，第${line}行为 ${otherValue} 元，正好相差一万倍（元与万元）`,
    message_en: `${table}'s unit contradicts its figures: ${tableValue} yuan in the table, ${otherValue} yuan on line ${line} — exactly 10,000 times apart (元 vs 万元)`,
  }
}
