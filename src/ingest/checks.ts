/**
 * Accounting identities of a document (ARCHITECTURE.md, "The data contract", checks.csv). A failure in
 * the source is data, not a crash: every identity becomes a row with its
 * status, and the app shows failures as data-quality findings.
 *
 * Status rules:
 * - A **sum** (total = its parts, parent code = its children) may be off by
 *   one unit of the total's last printed digit: every printed figure was
 *   rounded on its own from the 元 ledger (the reports say so: "因取数时四舍五入，
 *   部分金额可能存在尾差"). Such a difference is `rounding`; more is `fail`.
 * - The **same figure printed in two tables** is held to the same tolerance,
 *   since each table is rounded from the ledger on its own.
 * - The **prose restating a table figure** must match it exactly when both are
 *   printed to the same precision: 长治 2026's 机关运行经费 425.27万元 in the
 *   prose against 425.28万元 in B11 is a real inconsistency (`fail`). Only when
 *   the prose prints a coarser unit (万元 against a table in 元) is a
 *   difference within the prose's last digit `rounding`.
 */
import { SANGONG_SUMS, STAGES } from './vocabulary'
import { Checker, labelIs, pick, tolerance, totalRow, TOTAL_LEAF, type Pick } from './checks-core'
import { checkEvaluations, checkProse } from './checks-prose'
import { checkSelfEvaluations } from './checks-evaluations'
import { checkUnits } from './checks-units'
import { checkTargetBudgets } from './targets-budget'
import type { CheckRow, DocumentRow, EvaluationFieldRow, EvaluationIndicatorRow, EvaluationRow, LineItemRow, NarrativeRow, SangongRow, TargetBudgetRow } from './types'

export interface CheckInput {
  document: DocumentRow
  lineItems: readonly LineItemRow[]
  sangong: readonly SangongRow[]
  narrative: readonly NarrativeRow[]
  evaluations?: readonly EvaluationRow[]
  /** 绩效自评 fields and indicator rows, for the 自评 checks (checks-evaluations.ts). */
  evaluationFields?: readonly EvaluationFieldRow[]
  evaluationIndicators?: readonly EvaluationIndicatorRow[]
  /** The 整体支出绩效目标申报表's 预算情况 block (targets-budget.ts). */
  targetBudgets?: readonly TargetBudgetRow[]
}

/** Items of one printed row: same table, side, labels and line. */
function rowsOf(items: readonly LineItemRow[]): LineItemRow[][] {
  const rows = new Map<string, LineItemRow[]>()
  for (const it of items) {
    const key = [it.table_code, it.side, it.row_label, it.class_code, it.econ_code, it.unit_name, it.project_name, it.line].join('\u0000')
    const list = rows.get(key)
    if (list) list.push(it)
    else rows.set(key, [it])
  }
  return [...rows.values()]
}

/**
 * The parts that add up to the measure `prefix/…`: each next header segment
 * under the prefix, taken as its own measure, or its group's total leaf, or
 * (a group without a total) its own parts.
 */
function partsOf(prefix: string, measures: ReadonlySet<string>): string[] {
  const depth = prefix === '' ? 0 : prefix.split('/').length
  const segments = new Set<string>()
  for (const m of measures) {
    const segs = m.split('/')
    if (segs.length > depth && (prefix === '' || m.startsWith(prefix + '/'))) segments.add(segs[depth]!)
  }
  const parts: string[] = []
  for (const s of segments) {
    if (TOTAL_LEAF.test(s)) continue
    const m = prefix ? `${prefix}/${s}` : s
    if (measures.has(m)) parts.push(m)
    else {
      const total = [...measures].find((x) => x.startsWith(m + '/') && x.split('/').length === depth + 2 && TOTAL_LEAF.test(x.split('/').at(-1)!))
      parts.push(...(total ? [total] : partsOf(m, measures)))
    }
  }
  return parts
}

/** Within each row: every total column = the columns it totals (合计 = 基本支出 + 项目支出, …). */
function checkRowTotals(c: Checker, items: readonly LineItemRow[]): void {
  const byTable = new Map<string, LineItemRow[]>()
  for (const it of items) byTable.set(`${it.table_code}|${it.side}`, [...(byTable.get(`${it.table_code}|${it.side}`) ?? []), it])
  for (const tableItems of byTable.values()) {
    const measures = new Set(tableItems.map((i) => i.measure))
    const totals = [...measures].filter((m) => TOTAL_LEAF.test(m.split('/').at(-1)!))
    const plan = totals
      .map((t) => ({ total: t, parts: partsOf(t.split('/').slice(0, -1).join('/'), measures) }))
      .filter((p) => p.parts.length > 1)
    if (plan.length === 0) continue
    for (const row of rowsOf(tableItems)) {
      for (const { total, parts } of plan) {
        const t = row.find((i) => i.measure === total)
        const ps = row.filter((i) => parts.includes(i.measure))
        if (!t && ps.length === 0) continue
        const label = rowName(row[0]!)
        const name = `${row[0]!.table_code} ${label}（第${row[0]!.line}行）：${total} = ${parts.join(' + ')}`
        c.sum(name, t ?? zeroAt(row[0]!), ps)
      }
    }
  }
}

/** A stand-in for an empty total cell whose parts are not empty (the sum then fails unless they are all zero). */
function zeroAt(item: LineItemRow): LineItemRow {
  return { ...item, value: '0.00', raw: '0', line: item.line }
}

function rowName(it: LineItemRow): string {
  return [it.class_code || it.econ_code, it.project_name || it.unit_name || it.row_label].filter(Boolean).join(' ')
}

/** Classification hierarchy: 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类 (功能分类), and the same for 经济分类 codes. */
function checkHierarchy(c: Checker, items: readonly LineItemRow[]): void {
  const groups = new Map<string, LineItemRow[]>()
  for (const it of items) {
    const key = `${it.table_code}|${it.side}|${it.measure}`
    groups.set(key, [...(groups.get(key) ?? []), it])
  }
  for (const group of groups.values()) {
    for (const codeField of ['class_code', 'econ_code'] as const) {
      const coded = group.filter((i) => /^\d+$/.test(i[codeField]))
      if (coded.length === 0) continue
      for (const parent of coded) {
        const code = parent[codeField]
        const childLength = code.length === 3 ? 5 : code.length === 5 ? 7 : 0
        if (!childLength) continue
        const children = coded.filter((i) => i[codeField].length === childLength && i[codeField].startsWith(code))
        c.sum(`${parent.table_code} ${parent.measure}：${code} ${parent.row_label} = 下级科目之和`, parent, children)
      }
      if (codeField === 'class_code') {
        const total = group.find((i) => i.row_kind === '合计' && !i.class_code)
        const top = coded.filter((i) => i.class_code.length === 3)
        if (total) c.sum(`${total.table_code} ${total.measure}：合计 = 各类之和`, total, top)
      }
    }
  }
}

const NUMBERED = /^[一二三四五六七八九十]+、/

/** Two-sided summary tables (B01, B04, F01, F04): 本年合计 = its items, 总计 = 本年合计 + 结转, 收入总计 = 支出总计. */
function checkTwoSided(c: Checker, items: readonly LineItemRow[]): void {
  for (const table of ['B01', 'B04', 'F01', 'F04'] as const) {
    const t = items.filter((i) => i.table_code === table)
    if (t.length === 0) continue
    const grand: Partial<Record<'收入' | '支出', LineItemRow>> = {}
    for (const side of ['收入', '支出'] as const) {
      const s = t.filter((i) => i.side === side)
      const measures = [...new Set(s.map((i) => i.measure))]
      for (const m of measures) {
        const col = s.filter((i) => i.measure === m).sort((a, b) => a.line - b.line)
        const yearTotal = col.find((i) => /^本年(收入|支出)合计$/.test(i.row_label))
        const total = col.find((i) => /^(收入|支出)?总计$/.test(i.row_label))
        if (yearTotal) {
          const before = col.filter((i) => i.line < yearTotal.line && NUMBERED.test(i.row_label))
          c.sum(`${table} ${side} ${m}：${yearTotal.row_label} = 各项之和`, yearTotal, before)
          if (total) {
            const between = col.filter((i) => i.line > yearTotal.line && i.line < total.line && !NUMBERED.test(i.row_label))
            c.sum(`${table} ${side} ${m}：${total.row_label} = ${yearTotal.row_label} + 结转结余`, total, [yearTotal, ...between])
          }
        }
        if (total && measures.indexOf(m) === 0) grand[side] = total
      }
    }
    if (grand.收入 && grand.支出) {
      c.same(`${table} 收入总计 = 支出总计`, grand.收入, grand.支出, tolerance(grand.收入, c.doc))
    }
  }
}


/** The same figure in two tables (B01/B02/B03/B05, F01/F02/F03/F04/F05). */
const CROSS: ReadonlyArray<[string, Pick, Pick]> = [
  ['B01 支出总计 = B03 合计', pick('B01', /^合计$/, labelIs(/^支出总计$/), '支出'), pick('B03', /^合计$/, totalRow)],
  ['B01 本年收入合计 = B02 本年收入合计', pick('B01', /^预算数$/, labelIs(/^本年收入合计$/), '收入'), pick('B02', /^本年收入\/合计$/, totalRow)],
  ['B01 上年结转 = B02 上年结转', pick('B01', /^预算数$/, labelIs(/^上年结转$/), '收入'), pick('B02', /^上年结转$/, totalRow)],
  ['B01 一般公共预算收入 = B05 合计', pick('B01', /^预算数$/, labelIs(/^一、一般公共预算$/), '收入'), pick('B05', /^合计$/, totalRow)],
  ['B04 一般公共预算收入 = B05 合计', pick('B04', /^金额$/, labelIs(/^一、一般公共预算$/), '收入'), pick('B05', /^合计$/, totalRow)],
  ['F01 本年收入合计 = F02 合计', pick('F01', /^决算数$/, labelIs(/^本年收入合计$/), '收入'), pick('F02', /^本年收入合计$/, totalRow)],
  ['F01 本年支出合计 = F03 合计', pick('F01', /^决算数$/, labelIs(/^本年支出合计$/), '支出'), pick('F03', /^本年支出合计$/, totalRow)],
  ['F01 一般公共预算财政拨款收入 = F05 合计', pick('F01', /^决算数$/, labelIs(/一般公共预算财政拨款收入$/), '收入'), pick('F05', /^小计$/, totalRow)],
  ['F04 一般公共预算财政拨款 = F05 合计', pick('F04', /^金额$/, labelIs(/一般公共预算财政拨款$/), '收入'), pick('F05', /^小计$/, totalRow)],
]

/** Per 类: the category row of a summary table against the 3-digit row of a detail table, matched by name. */
const CROSS_BY_CLASS: ReadonlyArray<[string, string, RegExp, string, RegExp]> = [
  // [summary table, its side, its measure, detail table, its measure]
  ['B01', '支出', /^合计$/, 'B03', /^合计$/],
  ['F01', '支出', /^决算数$/, 'F03', /^本年支出合计$/],
  ['F04', '支出', /^合计$/, 'F05', /^小计$/],
]

function checkCrossTable(c: Checker, items: readonly LineItemRow[], doc: DocumentRow): void {
  for (const [name, a, b] of CROSS) {
    const x = a(items)
    const y = b(items)
    if (x && y) c.same(name, x, y, tolerance(x, doc))
  }
  for (const [summary, side, sm, detail, dm] of CROSS_BY_CLASS) {
    for (const s of items.filter((i) => i.table_code === summary && i.side === side && sm.test(i.measure) && NUMBERED.test(i.row_label))) {
      const name = s.row_label.replace(NUMBERED, '')
      const d = items.find((i) => i.table_code === detail && i.class_code.length === 3 && dm.test(i.measure) && i.row_label === name)
      if (d) c.same(`${summary} ${name} = ${detail} ${d.class_code}`, s, d, tolerance(s, doc))
    }
  }
}

/** 三公 合计 = 因公出国 + 公务用车购置及运行 + 公务接待; 公务用车购置及运行 = 购置 + 运行维护. */
function checkSangong(c: Checker, sangong: readonly SangongRow[], items: readonly LineItemRow[]): void {
  const asItem = (r: SangongRow): LineItemRow | undefined => {
    const it = items.find((i) => (i.table_code === 'B10' || i.table_code === 'F07') && i.line === r.line && i.value === r.amount_yuan)
    return it
  }
  const rules = SANGONG_SUMS
  for (const figure of STAGES) {
    const rows = sangong.filter((r) => r.figure === figure)
    for (const [total, partNames] of rules) {
      const t = rows.find((r) => r.category === total)
      // The table's own figures: a 0 the prose states beside an empty cell (sangong.ts) adds nothing to the sum.
      const parts = rows.filter((r) => partNames.includes(r.category) && (r.line === t?.line || asItem(r)))
      const ti = t && asItem(t)
      if (!t || !ti || parts.length === 0) continue
      const partItems = parts.map((p) => asItem(p) ?? { ...ti, value: p.amount_yuan, line: p.line })
      c.sum(`三公${figure}：${total} = ${partNames.join(' + ')}`, ti, partItems)
    }
  }
}

export { Checker } from './checks-core'

/** The accounting identities of a document, each with pass / rounding / fail. */
export function runChecks(input: CheckInput): CheckRow[] {
  const { document: doc, lineItems, sangong, narrative, evaluations = [], evaluationFields = [], evaluationIndicators = [], targetBudgets = [] } = input
  const c = new Checker(doc)
  checkTwoSided(c, lineItems)
  checkRowTotals(c, lineItems)
  checkHierarchy(c, lineItems)
  checkUnits(c, lineItems)
  checkCrossTable(c, lineItems, doc)
  checkSangong(c, sangong, lineItems)
  checkProse(c, narrative, lineItems, doc)
  checkEvaluations(c, evaluations, narrative, doc)
  checkSelfEvaluations(c, evaluations, evaluationFields, evaluationIndicators)
  checkTargetBudgets(c, targetBudgets)
  return c.rows
}

