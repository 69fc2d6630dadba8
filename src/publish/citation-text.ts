/**
 * Citations as text: the one-line reference a journalist pastes under a chart
 * or into an article (citationText), and the source line of a chart or table
 * built from several documents (sourceLine, usesOf). Pure, like citation.ts.
 */
import type { Citation, Lang } from './citation'
import type { DocumentRow, NarrativeRow, SangongRow, TableCode } from '../ingest/types'
import { round, shift } from '../ingest/decimal'
import { BUDGET_BASES_EN } from '../ingest/vocabulary'
import { APPENDIX_NAMES, appendixNameEn, SANGONG_TABLE, TABLE_NAMES, TABLE_NAMES_EN, tableNumberEn, tableShortRef } from './templates'

function where(c: Citation, lang: Lang): string {
  if (c.tableCode) {
    return lang === 'zh'
      ? `${c.tableNumber}《${c.tableName}》`
      : `${tableNumberEn(c.tableCode)}: ${TABLE_NAMES_EN[c.tableCode]} (${c.tableNumber}《${c.tableName}》)`
  }
  if (lang === 'zh') return c.kind === 'narrative' || c.kind === 'sangong' ? c.tableName : `《${c.tableName}》`
  return appendixNameEn(c.tableName) ?? c.tableName
}


/** A derived amount in the document's printed unit, two decimals (as the prose prints its changes). */
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
 * A figure that is the sum of several rows (a Compare cell over two B06 rows
 * of one 经济分类 name), cited row by row: every part in full, in line order;
 * or a share or change, with the rows it was computed from (`how` 'from').
 */
export function partsText(parts: readonly Citation[], lang: Lang = 'zh', how: 'sum' | 'from' = 'sum'): string {
  const list = parts.map((c) => citationText(c, lang))
  if (how === 'from') return lang === 'zh' ? `计算依据：${list.join('；')}` : `Computed from: ${list.join('; ')}`
  return lang === 'zh' ? `以下${parts.length}项之和：${list.join('；')}` : `Sum of ${parts.length} figures: ${list.join('; ')}`
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
        : `project “${rowName(c)}”, ${label.replace('：', ' ')}: ${figure}${den ? ` (divided by the ${(BUDGET_BASES_EN as Record<string, string>)[den] ?? den})` : ''}`
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
  return appendixNameEn(table)?.replace(/ table$/, '') ?? table
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
