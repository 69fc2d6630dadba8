/**
 * Citations: every figure the app shows, traced back to the document, table,
 * row, column and source line it was read from (ARCHITECTURE.md: "a user can click
 * any number and see the line it came from"), and a one-line reference a
 * journalist can paste under a chart or into an article.
 *
 * Pure: rows of the canonical dataset and the source text in, plain objects
 * and strings out.
 */
import type { CitableRow } from '../db/queries/rows-on-line'
import { cmp, parseNumber, round, shift, toYuan } from '../ingest/decimal'
import { isWatermark, toLines } from '../ingest/lines'
import { pageOfLine } from './pages'
import { locateTables } from '../ingest/locate'
import type {
  DocumentRow, EvaluationFieldRow, EvaluationRow, LineItemRow, LocatedTable, NarrativeRow, SangongRow, TableCode, TargetRow,
} from '../ingest/types'
import {
  APPENDIX_NAMES, SANGONG_TABLE, TABLE_NAMES, TABLE_NAMES_EN, tableNumber, tableNumberEn, tableShortRef,
} from './templates'

export type Lang = 'zh' | 'en'

/** The source text of a document: the whole text, or its lines (index 0 = line 1). */
export type SourceText = string | readonly string[]

export type CitationKind = 'line_item' | 'narrative' | 'sangong' | 'evaluation' | 'evaluation_field' | 'target'

/** A line of the source shown around the cited one. */
export interface ContextLine {
  line: number
  text: string
  cited: boolean
}

export interface Citation {
  kind: CitationKind
  doc_id: string
  /** e.g. 长治市人力资源和社会保障局2026年部门预算公开 */
  documentTitle: string
  publisher: string
  year: string
  stage: string
  scope: string
  /** File name in data/raw. */
  sourceFile: string
  /** 1-based line of the cited figure in the source file. */
  line: number
  /** 1-based page of that line when the source has pages (a PDF's text), else 0 or absent. */
  page?: number
  /** B01…F10, or '' for narrative and appendix tables. */
  tableCode: TableCode | ''
  /** Template name: 预算支出总表, or 情况说明 / 项目支出绩效目标表 / 项目支出绩效自评表. */
  tableName: string
  /** The number the template prints: 预算公开表3, 公开03表; '' for sections without one. */
  tableNumber: string
  side: string
  rowLabel: string
  classCode: string
  econCode: string
  unitName: string
  projectName: string
  /** Column header (line items), category (三公), indicator (targets), subject (narrative). */
  measure: string
  /** The figure exactly as printed ('' when the figure is derived, not printed). */
  printed: string
  /** The unit the figure is printed in (万元, 元, %, 人 …). */
  printedUnit: string
  /** printed + printedUnit: "19290.76万元". */
  printedFigure: string
  /** The value in 元 for amounts, else in its own unit. */
  value: string
  valueUnit: string
  /** The quoted sentence (narrative) or indicator value (targets). */
  quote: string
  /** The year the figure describes (a derived prior-year figure carries the prior year). */
  figureYear: string
  /** The unit the document prints its amounts in (元 / 万元). */
  documentUnit: string
  /** True when the figure is computed from a stated change, not printed (narrative relation 'derived'). */
  derived: boolean
  /** Further figures of the row: 执行率 / 得分 / 等级 of an evaluation (keys rate_pct, score, grade). */
  details: Record<string, string>
  /** True when the cited line of the source holds the printed figure. */
  lineHoldsFigure: boolean
  /** The cited line ± 2 content lines (watermark and blank lines skipped). */
  context: ContextLine[]
}

// ---------------------------------------------------------------- source lines

// The last text split, so citing many rows of one document splits it once.
let lastText = ''
let lastLines: readonly string[] = []

function linesOf(source: SourceText): readonly string[] {
  if (typeof source !== 'string') return source
  if (source !== lastText) {
    lastText = source
    lastLines = toLines(source).map((l) => l.text)
  }
  return lastLines
}

/**
 * The cited line and `radius` content lines either side. Watermark lines
 * (仅供 / 内部 / 审核 alone, jincheng-2024-budget.txt lines 318–352), page
 * numbers ("-6-", line 314) and blank lines are skipped: the pdftotext
 * extraction puts a blank line between table rows (lines 926–938), so ± 2
 * raw lines would show one row either side at best.
 */
export function contextLines(source: SourceText, line: number, radius = 2): ContextLine[] {
  const lines = linesOf(source)
  if (line < 1 || line > lines.length) return []
  const keep = (n: number) => {
    const t = lines[n - 1]!
    return t.trim() !== '' && !isWatermark(t) && !/^\s*-\s*\d+\s*-\s*$/.test(t)
  }
  const before: ContextLine[] = []
  for (let n = line - 1; n >= 1 && before.length < radius; n--) if (keep(n)) before.unshift({ line: n, text: lines[n - 1]!, cited: false })
  const after: ContextLine[] = []
  for (let n = line + 1; n <= lines.length && after.length < radius; n++) if (keep(n)) after.push({ line: n, text: lines[n - 1]!, cited: false })
  return [...before, { line, text: lines[line - 1]!, cited: true }, ...after]
}

/** Numbers printed on a line (cells split on whitespace and CJK text), as printed. */
function printedNumbers(text: string): string[] {
  return text.match(/[-+]?\d[\d,]*(\.\d+)?/g) ?? []
}

const AMOUNT_UNITS = ['元', '万元', '亿元'] as const

/**
 * Which figure on a line prints an amount of `yuan` 元, and in which unit.
 * The document's unit is tried first; 绩效自评表 print 万元 inside a report in
 * 元 (jincheng-2022-final.txt line 685: "90 90 97.2 97.2"), so the others follow.
 */
export function findPrintedAmount(text: string, yuan: string, preferred = ''): { raw: string; unit: string } | null {
  const units = [preferred, ...AMOUNT_UNITS.filter((u) => u !== preferred)].filter((u) => u !== '')
  const numbers = printedNumbers(text)
  for (const unit of units) {
    for (const raw of numbers) {
      const n = parseNumber(raw)
      if (n !== null && cmp(toYuan(n, unit), yuan) === 0) return { raw, unit }
    }
  }
  return null
}

/** The unit an amount was printed in, told by arithmetic: raw × unit = value. */
function printedUnitOf(raw: string, yuan: string, preferred: string): string {
  const n = parseNumber(raw)
  if (n === null) return preferred
  for (const unit of [preferred, ...AMOUNT_UNITS]) {
    if (unit && (AMOUNT_UNITS as readonly string[]).includes(unit) && cmp(toYuan(n, unit), yuan) === 0) return unit
  }
  return preferred
}

function lineText(source: SourceText, line: number): string {
  return linesOf(source)[line - 1] ?? ''
}

function docPart(doc: DocumentRow) {
  return {
    doc_id: doc.doc_id, documentTitle: doc.title, publisher: doc.publisher, year: doc.year,
    stage: doc.stage, scope: doc.scope, sourceFile: doc.source, figureYear: doc.year, documentUnit: doc.unit,
  }
}

/** Fields a kind of row leaves empty (a fresh object each time: citations share nothing). */
function empty() {
  return {
    side: '', rowLabel: '', classCode: '', econCode: '', unitName: '', projectName: '', measure: '',
    printed: '', printedUnit: '', printedFigure: '', value: '', valueUnit: '', quote: '', derived: false,
    details: {} as Record<string, string>,
  }
}

// ---------------------------------------------------------------- builders

/** Citation of a line_items row: table, row, column and the printed figure on its line. */
export function citeLineItem(row: LineItemRow, doc: DocumentRow, source: SourceText): Citation {
  const line = Number(row.line)
  const amount = row.unit === '元'
  const printedUnit = amount ? printedUnitOf(row.raw, row.value, doc.unit) : row.unit
  return {
    ...empty(),
    kind: 'line_item',
    ...docPart(doc),
    line,
    tableCode: row.table_code,
    tableName: TABLE_NAMES[row.table_code] ?? '',
    tableNumber: TABLE_NAMES[row.table_code] ? tableNumber(row.table_code) : '',
    side: row.side,
    rowLabel: row.row_label,
    classCode: row.class_code,
    econCode: row.econ_code,
    unitName: row.unit_name,
    projectName: row.project_name,
    measure: row.measure,
    printed: row.raw,
    printedUnit,
    printedFigure: row.raw + printedUnit,
    value: row.value,
    valueUnit: row.unit,
    lineHoldsFigure: lineText(source, line).includes(row.raw),
    context: contextLines(source, line),
  }
}

let lastLocatedFor: readonly string[] | null = null
let lastLocated: LocatedTable[] = []

/** The table a line falls in, found the way the parser found it. */
function tableAt(source: SourceText, line: number): TableCode | '' {
  const lines = linesOf(source)
  if (lines !== lastLocatedFor) {
    lastLocatedFor = lines
    lastLocated = locateTables(lines.map((text, i) => ({ no: i + 1, text })))
  }
  const t = lastLocated.find((x) => line >= x.start && line < x.end)
  return t ? t.code : ''
}

/**
 * Citation of a 三公经费 row. sangong.csv keeps no raw text, so the printed
 * figure is looked up on the cited line. A document that says it has no
 * 三公经费 cites its sentence (gaoping-2026-budget.txt line 417 "本单位无“三公”经费预算"),
 * so the row is then cited as prose, not as a table.
 */
export function citeSangong(row: SangongRow, doc: DocumentRow, source: SourceText): Citation {
  const line = Number(row.line)
  const text = lineText(source, line)
  const found = findPrintedAmount(text, row.amount_yuan, doc.unit)
  const tableCode = tableAt(source, line)
  return {
    ...empty(),
    kind: 'sangong',
    ...docPart(doc),
    line,
    tableCode,
    tableName: tableCode ? TABLE_NAMES[tableCode] : APPENDIX_NAMES.narrative,
    tableNumber: tableCode ? tableNumber(tableCode) : '',
    rowLabel: row.category,
    measure: `${row.figure}数`,
    printed: found?.raw ?? '',
    printedUnit: found?.unit ?? '',
    printedFigure: found ? found.raw + found.unit : '',
    value: row.amount_yuan,
    valueUnit: '元',
    quote: tableCode ? '' : text.trim(),
    lineHoldsFigure: found !== null,
    context: contextLines(source, line),
  }
}

/**
 * Citation of a figure stated in the prose: the quote and its line. A
 * derived row (a prior-year figure computed from "比上年减少…") is marked as
 * such: its value is not printed anywhere, only the change it comes from.
 */
export function citeNarrative(row: NarrativeRow, doc: DocumentRow, source: SourceText): Citation {
  const line = Number(row.line)
  const derived = row.relation === 'derived'
  let printed = ''
  let printedUnit = ''
  if (!derived) {
    if (row.unit === '元') {
      const found = findPrintedAmount(row.quote, row.value, '万元') ?? findPrintedAmount(lineText(source, line), row.value, '万元')
      if (found) ({ raw: printed, unit: printedUnit } = found)
    } else {
      printed = row.value
      printedUnit = row.unit
    }
  }
  return {
    ...empty(),
    kind: 'narrative',
    ...docPart(doc),
    line,
    tableCode: '',
    tableName: APPENDIX_NAMES.narrative,
    tableNumber: '',
    measure: row.subject,
    printed,
    printedUnit,
    printedFigure: printed ? printed + printedUnit : '',
    value: row.value,
    valueUnit: row.unit,
    quote: row.quote,
    figureYear: row.year,
    derived,
    lineHoldsFigure: derived ? false : printed !== '' && lineText(source, line).includes(printed),
    context: contextLines(source, line),
  }
}

/** Citation of a 项目支出绩效自评表 row: the project, its 全年执行数 and 执行率. */
export function citeEvaluation(row: EvaluationRow, doc: DocumentRow, source: SourceText): Citation {
  const line = Number(row.line)
  const text = lineText(source, line)
  const found = row.executed_yuan ? findPrintedAmount(text, row.executed_yuan, doc.unit) : null
  return {
    ...empty(),
    kind: 'evaluation',
    ...docPart(doc),
    line,
    tableCode: '',
    tableName: APPENDIX_NAMES.evaluation,
    tableNumber: '',
    unitName: row.unit_name,
    projectName: row.project_name,
    measure: '全年执行数',
    printed: found?.raw ?? '',
    printedUnit: found?.unit ?? '',
    printedFigure: found ? found.raw + found.unit : '',
    value: row.executed_yuan,
    valueUnit: '元',
    details: Object.fromEntries(
      (['rate_pct', 'score', 'grade'] as const).filter((k) => row[k] !== '').map((k) => [k, row[k]]),
    ),
    lineHoldsFigure: found !== null,
    context: contextLines(source, line),
  }
}

/**
 * Citation of one 绩效自评 field (evaluation_fields): a 资金 cell, the 总分 / 等级, or a figure
 * of the 自评结果分析 sentence with the sentence quoted (jincheng-2022 line 922 "实际执行125.45万元").
 */
export function citeEvaluationField(row: EvaluationFieldRow, doc: DocumentRow, source: SourceText): Citation {
  const line = Number(row.line)
  const text = lineText(source, line)
  const amount = row.unit === '元'
  // A cell's figures are tab-separated: search the line as printed, never with its spaces removed.
  const found = amount ? findPrintedAmount(text, row.value, doc.unit) : text.includes(row.raw) ? { raw: row.raw, unit: row.unit === '分' ? '' : row.unit } : null
  return {
    ...empty(),
    kind: 'evaluation_field',
    ...docPart(doc),
    line,
    tableCode: '',
    tableName: APPENDIX_NAMES.evaluation,
    tableNumber: '',
    projectName: row.project_name,
    rowLabel: row.part === '表' ? row.row_label : row.part === '分析' ? '自评结果分析' : '文字说明',
    measure: row.field,
    printed: found?.raw ?? row.raw,
    printedUnit: found?.unit ?? '',
    printedFigure: found ? found.raw + found.unit : row.raw,
    value: row.value,
    valueUnit: row.unit,
    quote: row.part === '表' ? '' : row.quote,
    details: row.denominator && row.field === '执行率' ? { denominator: row.denominator } : {},
    lineHoldsFigure: found !== null,
    context: contextLines(source, line),
  }
}

/** Citation of a 项目支出绩效目标表 indicator: the project, the indicator path and its 指标值 as printed. */
export function citeTarget(row: TargetRow, doc: DocumentRow, source: SourceText): Citation {
  const line = Number(row.line)
  return {
    ...empty(),
    kind: 'target',
    ...docPart(doc),
    line,
    tableCode: '',
    tableName: APPENDIX_NAMES.target,
    tableNumber: '',
    unitName: row.unit_name,
    projectName: row.project_name,
    rowLabel: [row.level1, row.level2, row.level3].filter(Boolean).join('/'),
    measure: row.period ? `${row.period}指标` : '指标值',
    printed: row.target,
    printedFigure: row.target,
    value: row.target,
    quote: row.target,
    lineHoldsFigure: row.target !== '' && lineText(source, line).includes(row.target),
    context: contextLines(source, line),
  }
}

// ---------------------------------------------------------------- text

function where(c: Citation, lang: Lang): string {
  if (c.tableCode) {
    return lang === 'zh'
      ? `${c.tableNumber}《${c.tableName}》`
      : `${tableNumberEn(c.tableCode)}: ${TABLE_NAMES_EN[c.tableCode]} (${c.tableNumber}《${c.tableName}》)`
  }
  if (lang === 'zh') return c.kind === 'narrative' || c.kind === 'sangong' ? c.tableName : `《${c.tableName}》`
  return { 情况说明: 'narrative', 项目支出绩效目标表: 'performance targets table', 项目支出绩效自评表: 'performance self-evaluation table' }[c.tableName] ?? c.tableName
}

/** A derived amount in the document's printed unit, two decimals (as the prose prints its changes). */
/** The denominators a 执行率 names, in English. */
const TERM_EN: Record<string, string> = { 年初预算: 'initial budget', 全年预算: 'full-year budget' }

function derivedFigure(c: Citation): string {
  if (c.valueUnit !== '元' || !/^-?\d+(\.\d+)?$/.test(c.value)) return c.value + c.valueUnit
  const unit = c.documentUnit === '万元' ? '万元' : '元'
  return round(shift(c.value, unit === '万元' ? -4 : 0), 2) + unit
}

function rowName(c: Citation): string {
  const code = c.classCode || c.econCode
  if (c.projectName) return c.unitName ? `${c.unitName}·${c.projectName}` : c.projectName
  return code ? `${code} ${c.rowLabel}` : c.rowLabel
}

/** Chinese quotation: inner “” become ‘’ so the quote's own quotes nest (高平 line 417 “本单位无‘三公’经费预算。”). */
function q(text: string): string {
  return '“' + text.replace(/“/g, '‘').replace(/”/g, '’') + '”'
}

function evaluationDetails(c: Citation, lang: Lang): string {
  const d = c.details
  const parts = lang === 'zh'
    ? [d.rate_pct ? `执行率${d.rate_pct}%` : '', d.score ? `得分${d.score}` : '', d.grade ? `等级${d.grade}` : '']
    : [d.rate_pct ? `execution rate ${d.rate_pct}%` : '', d.score ? `score ${d.score}` : '', d.grade ? `grade ${d.grade}` : '']
  return parts.filter(Boolean).join(lang === 'zh' ? '，' : ', ')
}

function lineRef(c: Citation, lang: Lang): string {
  if (c.page) return lang === 'zh' ? `（原文第${c.page}页，第${c.line}行）` : ` (${c.sourceFile}, page ${c.page}, line ${c.line})`
  return lang === 'zh' ? `（原文第${c.line}行）` : ` (${c.sourceFile}, line ${c.line})`
}

/**
 * The citation as one line a journalist can paste:
 * 来源：长治市人力资源和社会保障局2026年部门预算公开，预算公开表3《预算支出总表》，
 * “208 社会保障和就业支出”行“合计”列，19290.76万元（原文第187行）
 */
export function citationText(c: Citation, lang: Lang = 'zh'): string {
  const zh = lang === 'zh'
  const head = zh ? `来源：${c.documentTitle}，${where(c, lang)}，` : `Source: ${c.documentTitle}, ${where(c, lang)}, `
  const figure = c.printedFigure
  switch (c.kind) {
    case 'line_item': {
      const side = c.side ? (zh ? `${c.side}方` : `${c.side === '收入' ? 'revenue' : 'expenditure'} side, `) : ''
      const row = rowName(c)
      const cell = zh
        ? `${side}${row ? `“${row}”行` : ''}“${c.measure}”列`
        : `${side}${row ? `row “${row}”, ` : ''}column “${c.measure}”`
      return zh ? `${head}${cell}，${figure}${lineRef(c, lang)}` : `${head}${cell}: ${figure}${lineRef(c, lang)}`
    }
    case 'sangong': {
      if (!c.tableCode) {
        return zh
          ? `${head}${q(c.quote)}，${c.rowLabel}${c.measure}按0计${lineRef(c, lang)}`
          : `${head}“${c.quote}”: ${c.rowLabel} (${c.measure}) taken as 0${lineRef(c, lang)}`
      }
      return zh
        ? `${head}“${c.rowLabel}”${c.measure}，${figure}${lineRef(c, lang)}`
        : `${head}${c.rowLabel}, ${c.measure}: ${figure}${lineRef(c, lang)}`
    }
    case 'narrative': {
      if (c.derived) {
        return zh
          ? `${head}${q(c.quote)}${lineRef(c, lang)}；据此推算${c.figureYear}年${c.measure}为${derivedFigure(c)}`
          : `${head}“${c.quote}”${lineRef(c, lang)}; ${c.figureYear} ${c.measure} derived from the stated change: ${derivedFigure(c)}`
      }
      const stated = figure ? (zh ? `${c.measure}${figure}，原文：` : `${c.measure} ${figure}, quoting `) : ''
      return zh ? `${head}${stated}${q(c.quote)}${lineRef(c, lang)}` : `${head}${stated}“${c.quote}”${lineRef(c, lang)}`
    }
    case 'evaluation': {
      const rest = evaluationDetails(c, lang)
      return zh
        ? `${head}“${rowName(c)}”项目全年执行数${figure}${rest ? '，' + rest : ''}${lineRef(c, lang)}`
        : `${head}project “${rowName(c)}”, executed ${figure}${rest ? ', ' + rest : ''}${lineRef(c, lang)}`
    }
    case 'evaluation_field': {
      const den = c.details.denominator
      // "总分" on the 总分 row is one word, not "总分总分".
      const label = c.rowLabel === c.measure ? c.measure : `${c.rowLabel}：${c.measure}`
      const what = zh
        ? `“${rowName(c)}”项目${label}${figure}${den ? `（分母：${den}）` : ''}`
        : `project “${rowName(c)}”, ${label.replace('：', ' ')}: ${figure}${den ? ` (divided by the ${TERM_EN[den] ?? den})` : ''}`
      const quoted = c.quote ? (zh ? `，原文：${q(c.quote)}` : `, quoting “${c.quote}”`) : ''
      return zh ? `${head}${what}${quoted}${lineRef(c, lang)}` : `${head}${what}${quoted}${lineRef(c, lang)}`
    }
    case 'target': {
      const period = c.measure === '年度指标' ? 'annual ' : c.measure === '实施期指标' ? 'implementation-period ' : ''
      return zh
        ? `${head}“${rowName(c)}”项目，${c.measure}“${c.rowLabel}”：${c.printed}${lineRef(c, lang)}`
        : `${head}project “${rowName(c)}”, ${period}indicator “${c.rowLabel}”: ${c.printed}${lineRef(c, lang)}`
    }
  }
}

// ---------------------------------------------------------------- chart source line

/** What a chart drew from one document: its tables (codes) and/or sections (情况说明 …). */
export interface SourceUse {
  doc_id: string
  /** B01…F10, or a section name such as 情况说明 / 项目支出绩效自评表. */
  table?: string
}

function refOf(table: string, lang: Lang): string {
  if (table in TABLE_NAMES) return lang === 'zh' ? tableShortRef(table as TableCode) : tableNumberEn(table as TableCode).replace(/^Budget table/, 'table')
  if (lang === 'zh') return table
  return { 情况说明: 'narrative', 项目支出绩效目标表: 'performance targets', 项目支出绩效自评表: 'performance self-evaluation' }[table] ?? table
}

/**
 * The source line for a chart or table built from several documents:
 * "来源：晋城市人力资源和社会保障局2024年部门预算公开，表3；长治市人力资源和社会保障局2026年部门预算公开，表3"
 * Documents appear in the order of `docs`; each lists the tables used, in template order.
 */
export function sourceLine(docs: readonly DocumentRow[], uses: readonly SourceUse[], lang: Lang = 'zh'): string {
  const parts: string[] = []
  for (const doc of docs) {
    const mine = uses.filter((u) => u.doc_id === doc.doc_id)
    if (mine.length === 0) continue
    const tables = [...new Set(mine.map((u) => u.table ?? '').filter(Boolean))]
    tables.sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    const refs = tables.map((t) => refOf(t, lang))
    parts.push(refs.length ? `${doc.title}${lang === 'zh' ? '，' : ', '}${refs.join(lang === 'zh' ? '、' : ', ')}` : doc.title)
  }
  if (parts.length === 0) return ''
  return lang === 'zh' ? `来源：${parts.join('；')}` : `Source: ${parts.join('; ')}`
}

const CODES = Object.keys(TABLE_NAMES)
function order(table: string): number {
  const i = CODES.indexOf(table)
  return i < 0 ? CODES.length : i
}

/** Uses of line items / 三公 rows / narrative rows, for sourceLine. */
export function usesOf(
  rows: readonly ({ doc_id: string; table_code?: string } | SangongRow | NarrativeRow)[],
  docs: readonly DocumentRow[] = [],
): SourceUse[] {
  const stageOf = new Map(docs.map((d) => [d.doc_id, d.stage]))
  return rows.map((r) => {
    if ('table_code' in r && r.table_code) return { doc_id: r.doc_id, table: r.table_code }
    if ('category' in r) {
      const stage = stageOf.get(r.doc_id) ?? r.figure
      return { doc_id: r.doc_id, table: stage === '决算' ? SANGONG_TABLE.决算 : SANGONG_TABLE.预算 }
    }
    if ('quote' in r) return { doc_id: r.doc_id, table: APPENDIX_NAMES.narrative }
    return { doc_id: r.doc_id }
  })
}

/** Any row of the dataset that carries provenance. */
export type { CitableRow }

/** The citation of any dataset row, told apart by its columns (a FigureLink can hold any of them). */
export function cite(row: CitableRow, doc: DocumentRow, source: SourceText): Citation {
  const c =
    'table_code' in row ? citeLineItem(row, doc, source)
    : 'category' in row ? citeSangong(row, doc, source)
    : 'relation' in row ? citeNarrative(row, doc, source)
    : 'executed_yuan' in row ? citeEvaluation(row, doc, source)
    : 'field' in row ? citeEvaluationField(row, doc, source)
    : citeTarget(row, doc, source)
  const page = pageOfLine(linesOf(source), c.line)
  return page ? { ...c, page } : c
}
