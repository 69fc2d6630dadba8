/**
 * The report parser: text of a 部门预算公开 / 部门决算公开 report → the rows of
 * the canonical dataset, plus a list of problems. Pure TypeScript, no DOM,
 * no Vue, no DuckDB: Node scripts, the browser importer and tests share it.
 */
import { runChecks } from './checks'
import type { ParseContext } from './context'
import { parseEvaluations } from './evaluations'
import { readIdentity, type IdentityHints } from './identity'
import { detectStyle, toLines } from './lines'
import type { LayoutRow } from './layout/rows'
import { listedTables, locateTables } from './locate'
import { parseNarrative } from './narrative'
import { stampRows } from './provenance'
import { deriveSangong } from './sangong'
import { parseTables } from './tables'
import { parseTargets } from './targets'
import { parseTargetBudgets } from './targets-budget'
import type { ParsedReport, Problem } from './types'

export type { IdentityHints } from './identity'
export * from './types'

/** Runs one section parser; a crash in it becomes a problem and the other sections still load. */
function guarded<T>(problems: Problem[], where: string, fn: () => T[]): T[] {
  try {
    return fn()
  } catch (err) {
    problems.push({ severity: 'error', where, line: 0, message: `解析失败：${err instanceof Error ? err.message : String(err)}` })
    return []
  }
}

/** What else is known of a report than its text. */
export interface ParseOptions {
  /** Positioned rows of a PDF-born text (layoutFromPdf): figures are placed by their x position. */
  layout?: readonly LayoutRow[]
}

/** Parses a report's text. Never throws: what cannot be read is listed in `problems`. */
export function parseReport(text: string, hints: IdentityHints, options: ParseOptions = {}): ParsedReport {
  const lines = toLines(text)
  const { document, problems } = readIdentity(lines, hints)
  const tables = locateTables(lines)
  if (text.trim() === '') {
    problems.push({ severity: 'error', where: 'file', line: 0, message: '文件为空' })
  } else if (tables.length === 0) {
    problems.push({ severity: 'error', where: 'file', line: 0, message: '未找到任何预算/决算公开表（不是公开报告，或表格标题无法识别）' })
  }
  const ctx: ParseContext = { lines, style: detectStyle(lines), document, tables, problems, layout: options.layout }
  const lineItems = document.unit ? guarded(problems, 'tables', () => parseTables(ctx)) : []
  // Never silent: a table the 目录 lists but the text lacks, and a report of titles without figures.
  for (const listed of listedTables(lines)) {
    if (!tables.some((t) => t.code === listed.code)) {
      problems.push({ severity: 'warning', where: listed.code, line: listed.line, message: `目录列出“${listed.title}”，正文中未找到该表` })
    }
  }
  // (Without a printed unit no figure is read at all: the identity problem says so already.)
  if (tables.length > 0 && document.unit && lineItems.length === 0) {
    problems.push({ severity: 'error', where: 'file', line: tables[0]!.start, message: '报告中没有任何数字（空白模板？）：找到了表格标题，但没有读到金额' })
  }
  const narrative = guarded(problems, 'narrative', () => parseNarrative(ctx))
  const targets = guarded(problems, 'targets', () => parseTargets(ctx))
  const targetBudgets = guarded(problems, 'targets', () => parseTargetBudgets(ctx, targets))
  const selfEvaluation = guarded(problems, 'evaluations', () => [parseEvaluations(ctx)])[0] ?? { rows: [], fields: [], indicators: [] }
  const evaluations = selfEvaluation.rows
  const evaluationFields = selfEvaluation.fields
  const evaluationIndicators = selfEvaluation.indicators
  const sangong = guarded(problems, 'sangong', () => deriveSangong(document, lineItems, narrative))
  const checks = guarded(problems, 'checks', () => runChecks({ document, lineItems, sangong, narrative, evaluations, evaluationFields, evaluationIndicators, targetBudgets }))
  const report = { document, lineItems, sangong, targets, targetBudgets, evaluations, evaluationFields, evaluationIndicators, narrative, checks, problems, tables }
  stampRows(report, lines)
  return report
}
