/**
 * 绩效自评表 → evaluations.csv rows: one per 项目支出绩效自评表 (年初预算数,
 * 全年预算数, 全年执行数, 执行率, 总分 and 等级), plus the 部门整体支出 self-evaluation.
 *
 * The 资金总额 row of a 自评表 collapses its empty cells unevenly
 * (jincheng-2022 line 722 "| 资金总额: | 50 | 50 | 18.451 |  | 18.451 | 0 | 100 | 10",
 * line 836 "| 资金总额: |  | 178.2 | 178.2 | 178.2 | 0 | 178.2 | 0 | 0"), so its figures are
 * read in order and matched to the printed column headers (年初预算数 split into
 * 目标申报数 / 预算编制数) only when their count equals the number of columns.
 */
import type { ParseContext } from './context'
import { parseNumber, toYuan } from './decimal'
import { stripMarkup, tabCells } from './lines'
import type { EvaluationRow, SourceLine } from './types'

const TITLE_RE = /^(.{2,60})项目支出绩效自评表([（(]\d{4}年度?[）)])?$/
const SECTION_RE = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/

function flat(text: string): string {
  return stripMarkup(text).replace(/\s+/g, '')
}

/** Cells of a line: tab cells, or space-separated words in the pdftotext extraction. */
function cellsOf(ctx: ParseContext, line: SourceLine): string[] {
  if (ctx.style === 'pdftotext') return line.text.trim().split(/\s+/)
  return tabCells(line.text)
}

/** The first non-empty cell after the one matching `label`. */
function after(cells: readonly string[], label: RegExp): string {
  const i = cells.findIndex((c) => label.test(c.replace(/\s+/g, '')))
  if (i < 0) return ''
  return cells.slice(i + 1).find((c) => c !== '') ?? ''
}

/** One row per 项目支出绩效自评表, plus the 整体支出 self-evaluation. */
export function parseEvaluations(ctx: ParseContext): EvaluationRow[] {
  const out: EvaluationRow[] = []
  const titles = ctx.lines.filter((l) => !/\.{3,}|…{2,}/.test(l.text) && TITLE_RE.test(flat(l.text)))
  titles.forEach((title, k) => {
    const end = k + 1 < titles.length ? titles[k + 1]!.no : ctx.lines.length + 1
    const row = readTable(ctx, title.no, end)
    if (row) out.push(row)
  })
  const whole = readWholeNarrative(ctx)
  if (whole) out.push(whole)
  return out
}

function readTable(ctx: ParseContext, start: number, end: number): EvaluationRow | null {
  const lines = ctx.lines.slice(start, end - 1)
  let name = ''
  let unitName = ''
  let unit = ''
  let header: string[] = []
  let sub: string[] = []
  let figures: Array<{ raw: string; line: number }> | null = null
  let score = ''
  let grade = ''
  for (const line of lines) {
    const t = flat(line.text)
    if (SECTION_RE.test(stripMarkup(line.text).trim()) && t.length <= 30) break
    const cells = cellsOf(ctx, line)
    if (/^项目名称/.test(t) && !name) name = after(cells, /^项目名称$/)
    if (/预算单位/.test(t) && !unitName) unitName = after(cells, /^预算单位$/).replace(/^\d+-/, '')
    if (/年初预算数/.test(t) && /全年执行数/.test(t)) {
      const u = /[（(](万元|元)[)）]/.exec(t)
      if (u) unit = u[1]!
      const i = cells.findIndex((c) => /年初预算数/.test(c))
      header = cells.slice(i).filter((c) => c !== '').map((c) => c.replace(/\s+/g, ''))
      continue
    }
    if (header.length && !sub.length && /目标申报数/.test(t)) {
      sub = cells.filter((c) => c !== '').map((c) => c.replace(/\s+/g, ''))
      continue
    }
    if (!figures && /^资金总额/.test(cells.filter((c) => c !== '')[0]?.replace(/\s+/g, '') ?? '')) {
      figures = cells.filter((c) => parseNumber(c) !== null).map((raw) => ({ raw, line: line.no }))
      continue
    }
    if (/^总分/.test(t)) {
      const rest = cells.filter((c) => c !== '' && !/^总\s*分$/.test(c))
      score = rest.find((c) => parseNumber(c) !== null) ?? ''
      grade = rest.find((c) => /^(优|良|中|差)$/.test(c)) ?? ''
      break
    }
  }
  const title = ctx.lines[start - 1]!
  if (!figures || !header.length) {
    ctx.problems.push({ severity: 'warning', where: 'evaluations', line: start, message: `绩效自评表“${name || flat(title.text)}”未找到资金总额行` })
    return null
  }
  // Columns in print order, 年初预算数 replaced by its sub-columns where printed.
  const columns = header.flatMap((h) => (/年初预算数/.test(h) && sub.length ? sub : [h]))
  if (figures.length !== columns.length) {
    ctx.problems.push({
      severity: 'warning',
      where: 'evaluations',
      line: figures[0]?.line ?? start,
      message: `绩效自评表“${name}”资金总额行有${figures.length}个数，表头有${columns.length}列，无法对应`,
    })
    return null
  }
  if (!unit) {
    ctx.problems.push({ severity: 'warning', where: 'evaluations', line: start, message: `绩效自评表“${name}”未写明金额单位` })
    return null
  }
  const at = (re: RegExp): { raw: string; line: number } | null => {
    const i = columns.findIndex((c) => re.test(c))
    return i < 0 ? null : figures![i]!
  }
  const yuan = (f: { raw: string } | null): string => (f ? toYuan(parseNumber(f.raw)!, unit) : '')
  // 年初预算数: the 预算编制数 sub-column (the budget as compiled; 目标申报数 is what the
  // project's target table asked for), or the column itself where it is not split.
  const initial = at(/^预算编制数$/) ?? at(/^年初预算数$/)
  const executed = at(/^全年执行数$/)
  const rate = at(/^执行率/)
  return {
    doc_id: ctx.document.doc_id,
    unit_name: unitName,
    project_name: name,
    initial_yuan: yuan(initial),
    budget_yuan: yuan(at(/^全年预算数$/)),
    executed_yuan: yuan(executed),
    rate_pct: rate ? parseNumber(rate.raw)! : '',
    score: score ? parseNumber(score)! : '',
    grade,
    line: executed?.line ?? figures[0]!.line,
  }
}

/**
 * The department's 整体支出 self-evaluation as the narrative states it
 * (jincheng-2022 line 642: "整体绩效自评得分为85分。部门（单位）全年预算数为45802600元，
 * 执行数为33202679.33元，执行率为72.49%"); the report prints no table for it.
 */
function readWholeNarrative(ctx: ParseContext): EvaluationRow | null {
  for (const line of ctx.lines) {
    const t = flat(line.text)
    if (!/整体支出绩效自评/.test(t)) continue
    const budget = /全年预算数为([\d,.]+)(万元|元)/.exec(t)
    const executed = /执行数为([\d,.]+)(万元|元)/.exec(t)
    if (!budget || !executed) continue
    const rate = /执行率为([\d.]+)%/.exec(t)
    const score = /自评得分为([\d.]+)分/.exec(t)
    const grade = /自评等级为[“"]?(优|良|中|差)/.exec(t)
    return {
      doc_id: ctx.document.doc_id,
      unit_name: ctx.document.publisher,
      project_name: '整体支出',
      initial_yuan: '',
      budget_yuan: toYuan(parseNumber(budget[1]!)!, budget[2]!),
      executed_yuan: toYuan(parseNumber(executed[1]!)!, executed[2]!),
      rate_pct: rate ? rate[1]! : '',
      score: score ? score[1]! : '',
      grade: grade ? grade[1]! : '',
      line: line.no,
    }
  }
  return null
}
