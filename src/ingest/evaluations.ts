/**
 * 绩效自评表 → evaluations.csv rows (one per 项目支出绩效自评表: 年初预算数, 全年预算数,
 * 全年执行数, 执行率, 总分 and 等级, plus the 部门整体支出 self-evaluation), and each of their
 * fields on its own line (evaluation_fields.csv), and each indicator row
 * (evaluation_indicators.csv, evaluation-indicators.ts). The 自评结果分析 sentence's
 * figures are read by evaluation-analysis.ts.
 *
 * The 资金 rows of a 自评表 collapse their empty cells unevenly
 * (jincheng-2022 line 722 "| 资金总额: | 50 | 50 | 18.451 |  | 18.451 | 0 | 100 | 10",
 * line 836 "| 资金总额: |  | 178.2 | 178.2 | 178.2 | 0 | 178.2 | 0 | 0"), so their figures are
 * read in order and matched to the printed column headers (年初预算数 split into
 * 目标申报数 / 预算编制数) only when their count equals the number of columns.
 */
import type { ParseContext } from './context'
import { parseNumber, toYuan } from './decimal'
import { readAnalysis } from './evaluation-analysis'
import { readIndicators } from './evaluation-indicators'
import { cellsOf, flat } from './evaluation-cells'
import { stripMarkup } from './lines'
import type { EvaluationFieldRow, EvaluationIndicatorRow, EvaluationRow, SourceLine } from './types'

const TITLE_RE = /^(.{2,60})项目支出绩效自评表([（(]\d{4}年度?[）)])?$/
const SECTION_RE = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/

/** The first non-empty cell after the one matching `label`. */
function after(cells: readonly string[], label: RegExp): string {
  const i = cells.findIndex((c) => label.test(c.replace(/\s+/g, '')))
  if (i < 0) return ''
  return cells.slice(i + 1).find((c) => c !== '') ?? ''
}

/** Everything read from the 绩效自评 of one report. */
export interface EvaluationParts {
  rows: EvaluationRow[]
  fields: EvaluationFieldRow[]
  indicators: EvaluationIndicatorRow[]
}

/** One row per 项目支出绩效自评表, plus the 整体支出 self-evaluation; their fields and indicators. */
export function parseEvaluations(ctx: ParseContext): EvaluationParts {
  const out: EvaluationParts = { rows: [], fields: [], indicators: [] }
  const titles = ctx.lines.filter((l) => !/\.{3,}|…{2,}/.test(l.text) && TITLE_RE.test(flat(l.text)))
  titles.forEach((title, k) => {
    const end = k + 1 < titles.length ? titles[k + 1]!.no : ctx.lines.length + 1
    const table = readTable(ctx, title.no, end)
    if (!table) return
    out.rows.push(table.row)
    out.fields.push(...table.fields)
    out.indicators.push(...table.indicators)
  })
  const whole = readWholeNarrative(ctx)
  if (whole) {
    out.rows.push(whole.row)
    out.fields.push(...whole.fields)
  }
  return out
}

/** Canonical field name of a 资金 column header. */
function fieldOf(column: string): string {
  if (/^目标申报数$/.test(column)) return '年初预算数/目标申报数'
  if (/^预算编制数$/.test(column)) return '年初预算数/预算编制数'
  if (/^资金结/.test(column)) return '结余'
  if (/^执行率/.test(column)) return '执行率'
  return column
}

interface Figure {
  raw: string
  line: number
}

/** A 资金 row: its label (资金总额, 市县区财政资金 …) and its figures in print order. */
interface MoneyRow {
  label: string
  figures: Figure[]
  line: number
}

/** What the lines of a 自评表 say, before its figures are matched to its columns. */
interface TableScan {
  name: string
  unitName: string
  /** The printed amount unit: 万元 or 元. */
  unit: string
  /** The 资金 column headers from 年初预算数 on, and the sub-columns 年初预算数 is split into (目标申报数, 预算编制数). */
  header: string[]
  sub: string[]
  /** 资金总额 first, then the rows under it up to 项目年度绩效目标. */
  moneyRows: MoneyRow[]
  score: Figure | null
  grade: Figure | null
  /** Index in the lines of the 总分 row; -1 when there is none. */
  scoreIndex: number
}

type TableParts = { row: EvaluationRow; fields: EvaluationFieldRow[]; indicators: EvaluationIndicatorRow[] }

/** One 自评表: its lines scanned → the 资金 figures matched to their columns → its fields, its row, its indicators and analysis. */
function readTable(ctx: ParseContext, start: number, end: number): TableParts | null {
  const lines = ctx.lines.slice(start, end - 1)
  const scan = scanTable(ctx, lines)
  const columns = moneyColumns(ctx, scan, start)
  if (!columns) return null
  const fields = tableFields(ctx, scan, columns)
  const row = evaluationRow(ctx.document.doc_id, scan, columns)
  const indicators = readIndicators(ctx, lines.slice(0, scan.scoreIndex < 0 ? lines.length : scan.scoreIndex), scan.name)
  // The analysis sentence stands after the 总分 row.
  fields.push(...readAnalysis(ctx, lines.slice(scan.scoreIndex + 1), row))
  for (const f of fields) f.project_name = scan.name
  return { row, fields, indicators }
}

/** The table's lines up to its 总分 row (or the next section heading). */
function scanTable(ctx: ParseContext, lines: readonly SourceLine[]): TableScan {
  const scan: TableScan = { name: '', unitName: '', unit: '', header: [], sub: [], moneyRows: [], score: null, grade: null, scoreIndex: -1 }
  let moneyDone = false
  for (const [index, line] of lines.entries()) {
    const t = flat(line.text)
    if (SECTION_RE.test(stripMarkup(line.text).trim()) && t.length <= 30) break
    const cells = cellsOf(ctx, line)
    const filled = cells.filter((c) => c !== '').map((c) => c.replace(/\s+/g, ''))
    if (/^项目名称/.test(t) && !scan.name) scan.name = after(cells, /^项目名称$/)
    if (/预算单位/.test(t) && !scan.unitName) scan.unitName = after(cells, /^预算单位$/).replace(/^\d+-/, '')
    if (/年初预算数/.test(t) && /全年执行数/.test(t)) {
      const u = /[（(](万元|元)[)）]/.exec(t)
      if (u) scan.unit = u[1]!
      const i = cells.findIndex((c) => /年初预算数/.test(c))
      scan.header = cells.slice(i).filter((c) => c !== '').map((c) => c.replace(/\s+/g, ''))
      continue
    }
    if (scan.header.length && !scan.sub.length && /目标申报数/.test(t)) {
      scan.sub = filled
      continue
    }
    if (scan.header.length && !moneyDone) {
      if (/^(项目年度绩效目标|年度目标|绩效指标)/.test(t)) moneyDone = true
      else if (scan.moneyRows.length > 0 || /^资金总额/.test(filled[0] ?? '')) {
        const label = (filled.find((c) => parseNumber(c) === null) ?? '').replace(/[:：]$/, '')
        const figures = cells.filter((c) => parseNumber(c) !== null).map((raw) => ({ raw, line: line.no }))
        if (figures.length > 0) scan.moneyRows.push({ label, figures, line: line.no })
        continue
      }
    }
    if (/^总分/.test(t)) {
      const rest = cells.filter((c) => c !== '' && !/^总\s*分$/.test(c))
      const s = rest.find((c) => parseNumber(c) !== null)
      const g = rest.find((c) => /^(优|良|中|差)$/.test(c))
      if (s) scan.score = { raw: s, line: line.no }
      if (g) scan.grade = { raw: g, line: line.no }
      scan.scoreIndex = index
      break
    }
  }
  return scan
}

/** The 资金 columns in print order, 年初预算数 replaced by its sub-columns where printed; null when the 资金总额 row cannot be matched to them. */
function moneyColumns(ctx: ParseContext, scan: TableScan, start: number): string[] | null {
  const { name, header, sub } = scan
  const total = scan.moneyRows[0]
  if (!total || !header.length) {
    const title = ctx.lines[start - 1]!
    ctx.problems.push({ severity: 'warning', where: 'evaluations', line: start, message: `绩效自评表“${name || flat(title.text)}”未找到资金总额行` })
    return null
  }
  const columns = header.flatMap((h) => (/年初预算数/.test(h) && sub.length ? sub : [h]))
  if (total.figures.length !== columns.length) {
    ctx.problems.push({
      severity: 'warning',
      where: 'evaluations',
      line: total.line,
      message: `绩效自评表“${name}”资金总额行有${total.figures.length}个数，表头有${columns.length}列，无法对应`,
    })
    return null
  }
  if (!scan.unit) {
    ctx.problems.push({ severity: 'warning', where: 'evaluations', line: start, message: `绩效自评表“${name}”未写明金额单位` })
    return null
  }
  return columns
}

/** Each figure of the 资金 rows under its column, and the 总分 and 等级. */
function tableFields(ctx: ParseContext, scan: TableScan, columns: readonly string[]): EvaluationFieldRow[] {
  const docId = ctx.document.doc_id
  const fields: EvaluationFieldRow[] = []
  for (const money of scan.moneyRows) {
    if (money.figures.length !== columns.length) {
      ctx.problems.push({
        severity: 'warning',
        where: 'evaluations',
        line: money.line,
        message: `绩效自评表“${scan.name}”“${money.label}”行有${money.figures.length}个数，表头有${columns.length}列，无法对应`,
      })
      continue
    }
    money.figures.forEach((f, i) => fields.push(moneyField(docId, scan.unit, money.label, columns[i]!, f)))
  }
  const { score, grade } = scan
  if (score) fields.push({ doc_id: docId, project_name: '', part: '表', row_label: '总分', field: '总分', value: parseNumber(score.raw)!, unit: '分', raw: score.raw, denominator: '', quote: '', line: score.line })
  if (grade) fields.push({ doc_id: docId, project_name: '', part: '表', row_label: '总分', field: '等级', value: grade.raw, unit: '', raw: grade.raw, denominator: '', quote: '', line: grade.line })
  return fields
}

/** A figure of a 资金 row: an amount in 元, or the 执行率 in % or a 得分. */
function moneyField(docId: string, unit: string, rowLabel: string, column: string, f: Figure): EvaluationFieldRow {
  const name = fieldOf(column)
  const n = parseNumber(f.raw)!
  const isRate = name === '执行率'
  const isScore = name === '得分'
  return {
    doc_id: docId, project_name: '', part: '表', row_label: rowLabel, field: name,
    value: isRate || isScore ? n : toYuan(n, unit), unit: isRate ? '%' : isScore ? '分' : '元', raw: f.raw,
    // The report's 备注 4: "“执行率”是执行数与“全年预算数”相比较" (jincheng-2022 line 712).
    denominator: isRate ? '全年预算' : '', quote: '', line: f.line,
  }
}

/** The table's evaluations.csv row, from the 资金总额 row and the 总分 row. */
function evaluationRow(docId: string, scan: TableScan, columns: readonly string[]): EvaluationRow {
  const total = scan.moneyRows[0]!
  const { score, grade } = scan
  const at = (re: RegExp): Figure | null => {
    const i = columns.findIndex((c) => re.test(c))
    return i < 0 ? null : total.figures[i]!
  }
  const yuan = (f: Figure | null): string => (f ? toYuan(parseNumber(f.raw)!, scan.unit) : '')
  // 年初预算数: the 预算编制数 sub-column (the budget as compiled; 目标申报数 is what the
  // project's target table asked for), or the column itself where it is not split.
  const initial = at(/^预算编制数$/) ?? at(/^年初预算数$/)
  const executed = at(/^全年执行数$/)
  const rate = at(/^执行率/)
  return {
    doc_id: docId,
    unit_name: scan.unitName,
    project_name: scan.name,
    initial_yuan: yuan(initial),
    budget_yuan: yuan(at(/^全年预算数$/)),
    executed_yuan: yuan(executed),
    rate_pct: rate ? parseNumber(rate.raw)! : '',
    score: score ? parseNumber(score.raw)! : '',
    grade: grade?.raw ?? '',
    line: executed?.line ?? total.figures[0]!.line,
    score_line: score?.line ?? '',
    grade_line: grade?.line ?? '',
  }
}

/**
 * The department's 整体支出 self-evaluation as the narrative states it
 * (jincheng-2022 line 642: "整体绩效自评得分为85分。部门（单位）全年预算数为45802600元，
 * 执行数为33202679.33元，执行率为72.49%"); the report prints no table for it.
 */
function readWholeNarrative(ctx: ParseContext): { row: EvaluationRow; fields: EvaluationFieldRow[] } | null {
  for (const line of ctx.lines) {
    const t = flat(line.text)
    if (!/整体支出绩效自评/.test(t)) continue
    const budget = /全年预算数为([\d,.]+)(万元|元)/.exec(t)
    const executed = /执行数为([\d,.]+)(万元|元)/.exec(t)
    if (!budget || !executed) continue
    const rate = /执行率为([\d.]+)%/.exec(t)
    const score = /自评得分为([\d.]+)分/.exec(t)
    const grade = /自评等级为[“"]?(优|良|中|差)/.exec(t)
    const doc = ctx.document
    const quote = stripMarkup(line.text).trim()
    const field = (name: string, raw: string, value: string, unit: string, denominator = ''): EvaluationFieldRow => ({
      doc_id: doc.doc_id, project_name: '整体支出', part: '文字', row_label: '', field: name, value, unit, raw, denominator, quote, line: line.no,
    })
    const fields = [
      field('全年预算数', budget[1]!, toYuan(parseNumber(budget[1]!)!, budget[2]!), '元'),
      field('全年执行数', executed[1]!, toYuan(parseNumber(executed[1]!)!, executed[2]!), '元'),
    ]
    // "全年预算数为…，执行数为…，执行率为…": the rate named right after the 全年预算数 it divides.
    if (rate) fields.push(field('执行率', rate[1]!, rate[1]!, '%', '全年预算'))
    if (score) fields.push(field('总分', score[1]!, score[1]!, '分'))
    if (grade) fields.push(field('等级', grade[1]!, grade[1]!, ''))
    const row: EvaluationRow = {
      doc_id: doc.doc_id,
      unit_name: doc.publisher,
      project_name: '整体支出',
      initial_yuan: '',
      budget_yuan: fields[0]!.value,
      executed_yuan: fields[1]!.value,
      rate_pct: rate ? rate[1]! : '',
      score: score ? score[1]! : '',
      grade: grade ? grade[1]! : '',
      line: line.no,
      score_line: score ? line.no : '',
      grade_line: grade ? line.no : '',
    }
    return { row, fields }
  }
  return null
}
