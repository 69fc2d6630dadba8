/**
 * The indicator rows of a 绩效自评表 (一级/二级/三级指标, 年初指标值, 调整后指标值,
 * 实际完成值, 分值, 得分, 偏差原因分析及改进措施), one row each.
 *
 * The extraction drops and shifts cells: a merged 一级指标 cell prints only on
 * its first row, and some rows start one column early (jincheng-2022 line 695
 * "满意度指标 | 服务对象满意度指标 | 补贴对象满意度 | >90% | …", line 772
 * " | 成本指标 | 成本指标 |  | 未填报 | 达成预期指标 | 10 | 5 | 年初未填报成本指标"). So a row is
 * anchored on its 分值 and 得分, the last two adjacent numbers: the three cells
 * before them are 年初指标值, 调整后指标值 and 实际完成值, the three before those the
 * 一级/二级/三级指标, and what follows is the 偏差原因. An empty level is the one
 * above it (a merged cell); a 二级 name printed in the 一级 place (line 956
 * "社会效益指标 |  | 助推转型发展") is moved to 二级. A row without two such numbers
 * is not guessed: a warning names its line.
 */
import type { ParseContext } from './context'
import { parseNumber } from './decimal'
import { cellsOf, flat } from './evaluation-cells'
import type { EvaluationIndicatorRow, SourceLine } from './types'

/** The 一级指标 of the templates. */
const LEVEL1 = /^(产出|效益|满意度|成本)指标$/

/** Indicator rows between the 绩效指标 header and the 总分 row (`lines` ends before 总分). */
export function readIndicators(ctx: ParseContext, lines: readonly SourceLine[], project: string): EvaluationIndicatorRow[] {
  const start = lines.findIndex((l) => /一级指标/.test(flat(l.text)) && /三级指标/.test(flat(l.text)))
  if (start < 0) return []
  const out: EvaluationIndicatorRow[] = []
  let level1 = ''
  let level2 = ''
  for (const line of lines.slice(start + 1)) {
    const cells = cellsOf(ctx, line).map((c) => c.trim())
    if (cells.every((c) => c === '')) continue
    let p = -1
    for (let i = cells.length - 2; i >= 0; i--) {
      if (parseNumber(cells[i]!) !== null && parseNumber(cells[i + 1]!) !== null) { p = i; break }
    }
    // Tab text keeps every cell, so the three levels and three targets stand before 分值. Text split on
    // spaces drops empty cells (a merged 一级/二级 prints on its first row only): there the cells before
    // 分值 are taken from the right — three targets, then 三级, 二级, 一级 as far as they go.
    const spaced = ctx.style === 'pdftotext'
    if (p < (spaced ? 4 : 6)) {
      ctx.problems.push({ severity: 'warning', where: 'evaluations', line: line.no, message: `绩效自评表“${project}”的指标行找不到分值和得分，未读` })
      continue
    }
    let [l1, l2] = [p >= 6 ? cells[p - 6] ?? '' : '', p >= 5 ? cells[p - 5] ?? '' : '']
    const l3 = cells[p - 4] ?? ''
    if (l1 && !LEVEL1.test(l1) && !l2) [l1, l2] = ['', l1]
    if (l1) { level1 = l1; level2 = '' }
    if (l2) level2 = l2
    out.push({
      doc_id: ctx.document.doc_id,
      project_name: project,
      level1,
      level2,
      level3: l3,
      initial_target: cells[p - 3] ?? '',
      adjusted_target: cells[p - 2] ?? '',
      actual: cells[p - 1] ?? '',
      weight: parseNumber(cells[p]!)!,
      score: parseNumber(cells[p + 1]!)!,
      deviation: cells.slice(p + 2).filter((c) => c !== '').join(' '),
      line: line.no,
    })
  }
  return out
}
