/**
 * Citations: every figure the app shows, traced back to the document, table,
 * row, column and source line it was read from (ARCHITECTURE.md: "a user can click
 * any number and see the line it came from"), and a one-line reference a
 * journalist can paste under a chart or into an article.
 *
 * Pure: rows of the canonical dataset and the source text in, plain objects
 * and strings out.
 */
import { isLineItem, isSangong, type CitableRow } from '../db/queries/rows-on-line'
import { contextLines, findPrintedAmount, lineText, linesOf, printedUnitOf, type ContextLine, type SourceText } from './citation-source'
import { pageOfLine } from '../ingest/pages'
import { locateTables } from '../ingest/locate'
import type {
  DocumentRow, EvaluationFieldRow, EvaluationRow, LineItemRow, LocatedTable, NarrativeRow, SangongRow, TableCode, TargetRow,
} from '../ingest/types'
import { APPENDIX_NAMES, TABLE_NAMES, tableNumber } from './templates'

export type Lang = 'zh' | 'en'

export type CitationKind = 'line_item' | 'narrative' | 'sangong' | 'evaluation' | 'evaluation_field' | 'target'

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

export { contextLines, findPrintedAmount } from './citation-source'
export type { ContextLine, SourceText }
export { citationText, partsText, sourceLine, usesOf, type SourceUse } from './citation-text'

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
  // Stamped at ingest (src/ingest/provenance.ts); a report imported before rows carried it is worked out here.
  const printedUnit = row.printed_unit || (amount ? printedUnitOf(row.raw, row.value, doc.unit) : row.unit)
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
  // The figure and table are stamped at ingest; an older import's row is looked up on its line.
  const found = row.raw ? { raw: row.raw, unit: row.printed_unit ?? '' } : findPrintedAmount(text, row.amount_yuan, doc.unit)
  const tableCode = row.table_code || tableAt(source, line)
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
  if (!derived && row.raw) {
    printed = row.raw
    printedUnit = row.printed_unit ?? ''
  } else if (!derived) {
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
  const found = row.raw ? { raw: row.raw, unit: row.printed_unit ?? '' } : row.executed_yuan ? findPrintedAmount(text, row.executed_yuan, doc.unit) : null
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

/** Any row of the dataset that carries provenance. */
export type { CitableRow }

/** The citation of any dataset row, told apart by its columns (a FigureLink can hold any of them). */
export function cite(row: CitableRow, doc: DocumentRow, source: SourceText): Citation {
  const c =
    isSangong(row) ? citeSangong(row, doc, source)
    : isLineItem(row) ? citeLineItem(row, doc, source)
    : 'relation' in row ? citeNarrative(row, doc, source)
    : 'executed_yuan' in row ? citeEvaluation(row, doc, source)
    : 'field' in row ? citeEvaluationField(row, doc, source)
    : citeTarget(row, doc, source)
  const page = Number(row.page) || pageOfLine(linesOf(source), c.line)
  return page ? { ...c, page } : c
}
