/**
 * The 预算情况 block of a 整体支出绩效目标申报表 → target_budgets.csv: the 合计 and
 * its split 按资金来源划分 (一般公共预算资金, 政府性基金预算资金 …) and 按资金方向划分
 * (基本支出, 项目支出), each figure with its line.
 *
 * jincheng-2024-budget lines 1539–1553 print the two panels side by side, one
 * space apart, the source panel longer:
 *   "按资金来源划分 资金总额（万元） 按资金方向划分 资金总额（万元）"
 *   "合 计 40143.35 合 计 40143.35"
 *   "其中:一般公共预算资金 39593.35 其中:基本支出 11256.85"
 *   "政府性基金预算资金 0.00 项目支出 28886.50"
 *   "国有资本经营预算资金 0.00" …
 * So each line is read as label–figure pairs: the first pair is the 资金来源 panel's
 * and the second the 资金方向 panel's; a lone pair is the 资金方向 panel's only
 * when its label is one of that panel's (基本支出, 项目支出). Both panels are then
 * verified by arithmetic (checks: 合计 = Σ its items).
 */
import type { Checker } from './checks'
import type { ParseContext } from './context'
import { abs, cmp, lastDigitUnit, parseNumber, sub, sum, toYuan } from './decimal'
import { stripMarkup } from './lines'
import type { TargetBudgetRow, TargetRow } from './types'

const HEADER_RE = /按资金来源划分.*按资金方向划分/
const DIRECTION_ITEM_RE = /^(基本支出|项目支出)$/
/** What ends the block: the next part of the table. */
const END_RE = /^(年度重点|年度绩效目标|任务|绩效指标|核心职能)/

function itemOf(label: string): string {
  return label.replace(/\s+/g, '').replace(/^其中[:：]/, '')
}

/** The 预算情况 rows of every 整体支出绩效目标申报表 in the text. */
export function parseTargetBudgets(ctx: ParseContext, targets: readonly TargetRow[]): TargetBudgetRow[] {
  const out: TargetBudgetRow[] = []
  const whole = targets.find((t) => t.project_name === '整体支出')
  for (const [i, header] of ctx.lines.entries()) {
    const h = stripMarkup(header.text).replace(/\s+/g, '')
    if (!HEADER_RE.test(h)) continue
    const unit = /[（(](万元|元)[)）]/.exec(h)?.[1]
    if (!unit) {
      ctx.problems.push({ severity: 'warning', where: 'targets', line: header.no, message: '整体支出绩效目标申报表的预算情况未写明金额单位，未读' })
      continue
    }
    for (const line of ctx.lines.slice(i + 1)) {
      const text = stripMarkup(line.text).trim()
      if (text === '') continue
      if (END_RE.test(text.replace(/\s+/g, ''))) break
      // Label–figure pairs in print order.
      const pairs: Array<{ label: string; raw: string }> = []
      let label: string[] = []
      for (const token of text.split(/\s+/)) {
        if (parseNumber(token) !== null && label.length > 0) {
          pairs.push({ label: itemOf(label.join('')), raw: token })
          label = []
        } else {
          label.push(token)
        }
      }
      if (pairs.length === 0 || label.length > 0 || pairs.length > 2) {
        ctx.problems.push({ severity: 'warning', where: 'targets', line: line.no, message: `整体支出预算情况“${text.slice(0, 40)}”不是“名称 金额”的格式，未读` })
        continue
      }
      pairs.forEach((p, k) => {
        const dimension = pairs.length === 2 ? (k === 0 ? '资金来源' : '资金方向') : DIRECTION_ITEM_RE.test(p.label) ? '资金方向' : '资金来源'
        out.push({
          doc_id: ctx.document.doc_id,
          unit_name: whole?.unit_name ?? '',
          project_name: '整体支出',
          dimension,
          item: p.label,
          value: toYuan(parseNumber(p.raw)!, unit),
          raw: p.raw,
          line: line.no,
        })
      })
    }
  }
  return out
}

/**
 * The block against itself: per panel, 合计 = Σ its items (off by one unit of the
 * 合计's last printed digit at most: rounding). The 合计 is the 年度资金总额 targets.csv
 * carries (read from the same line), so it is not compared with it.
 */
export function checkTargetBudgets(c: Checker, rows: readonly TargetBudgetRow[]): void {
  for (const dimension of ['资金来源', '资金方向'] as const) {
    const panel = rows.filter((r) => r.dimension === dimension)
    const total = panel.find((r) => r.item === '合计')
    const items = panel.filter((r) => r.item !== '合计')
    if (!total || items.length === 0) continue
    const actual = sum(items.map((r) => r.value))
    const diff = sub(actual, total.value)
    const tol = toYuan(lastDigitUnit(total.raw), cmp(toYuan(parseNumber(total.raw)!, '万元'), total.value) === 0 ? '万元' : '元')
    c.rows.push({
      doc_id: c.doc.doc_id,
      check: `整体支出绩效目标 预算情况：合计 = 按${dimension}划分各项之和`,
      expected: total.value,
      actual,
      diff,
      status: cmp(diff, '0') === 0 ? 'pass' : cmp(abs(diff), tol) <= 0 ? 'rounding' : 'fail',
      lines: [...new Set([total.line, ...items.map((r) => r.line)])].sort((a, b) => a - b).join(';'),
      unit: '元',
    })
  }
}
