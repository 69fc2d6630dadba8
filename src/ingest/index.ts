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
import { locateTables } from './locate'
import { parseNarrative } from './narrative'
import { deriveSangong } from './sangong'
import { parseTables } from './tables'
import { parseTargets } from './targets'
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

/** Parses a report's text. Never throws: what cannot be read is listed in `problems`. */
export function parseReport(text: string, hints: IdentityHints): ParsedReport {
  const lines = toLines(text)
  const { document, problems } = readIdentity(lines, hints)
  const tables = locateTables(lines)
  if (text.trim() === '') {
    problems.push({ severity: 'error', where: 'file', line: 0, message: '文件为空' })
  } else if (tables.length === 0) {
    problems.push({ severity: 'error', where: 'file', line: 0, message: '未找到任何预算/决算公开表（不是公开报告，或表格标题无法识别）' })
  }
  const ctx: ParseContext = { lines, style: detectStyle(lines), document, tables, problems }
  const lineItems = document.unit ? guarded(problems, 'tables', () => parseTables(ctx)) : []
  const narrative = guarded(problems, 'narrative', () => parseNarrative(ctx))
  const targets = guarded(problems, 'targets', () => parseTargets(ctx))
  const evaluations = guarded(problems, 'evaluations', () => parseEvaluations(ctx))
  const sangong = guarded(problems, 'sangong', () => deriveSangong(document, lineItems, narrative))
  const checks = guarded(problems, 'checks', () => runChecks({ document, lineItems, sangong, narrative, evaluations }))
  return { document, lineItems, sangong, targets, evaluations, narrative, checks, problems, tables }
}
