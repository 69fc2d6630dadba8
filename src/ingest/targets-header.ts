/**
 * The head of a 绩效目标表 (targets.ts): its types, the cells of a line, and
 * the header rows above the indicators — 项目名称 and 实施单位 (wrapped over
 * lines in the pdftotext extraction), the printed amount unit, 实施期 and 年度
 * 资金总额 — up to the indicator header row (一级指标 … 三级指标 … 指标值).
 */
import type { ParseContext } from './context'
import { parseNumber } from './decimal'
import { stripMarkup, tabCells } from './lines'
import type { LevelState } from './targets'
import { isLevel1, isLevel2, type Token } from './targets-rows'
import type { SourceLine, TargetRow } from './types'

/** The vertical "绩 效 指 标" label and the 年度绩效指标 side label of the 整体支出 table. */
export const SIDE_LABEL_RE = /^(绩|效|指|标|绩效指标|年度绩效|指标|年度绩效指标)$/

export interface Block {
  kind: 'project' | 'whole'
  start: number
  end: number
}

export interface Amount {
  raw: string
  line: number
}

export interface ParsedBlock {
  kind: 'project' | 'whole'
  start: number
  name: string
  unitName: string
  unit: string
  periodTotal: Amount | null
  total: Amount | null
  /** Reached its 负责人 footer: the table is complete. */
  closed: boolean
  /** 一级/二级指标 in force at the end of the block, for a continuation block. */
  state: LevelState | null
  rows: Array<Omit<TargetRow, 'doc_id' | 'unit_name' | 'project_name' | 'total_yuan' | 'period_total_yuan'>>
}

/** Normalised text of a line for matching titles and labels. */
export function flat(text: string): string {
  return stripMarkup(text).replace(/\s+/g, '')
}

/** Non-empty cells of a line with their columns (tab/markdown) or its space-separated words (pdftotext). */
export function tokensOf(ctx: ParseContext, line: SourceLine): Token[] {
  if (ctx.style === 'pdftotext') {
    return line.text
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '')
      .map((text) => ({ text, col: -1, line: line.no }))
  }
  return tabCells(line.text)
    .map((text, col) => ({ text: compactLabel(text), col, line: line.no }))
    .filter((c) => c.text !== '')
}

/** A label printed with a space inside ("产出 指标", "质量 指标", changzhi-2026 lines 1095–1110), closed up. */
function compactLabel(text: string): string {
  const compact = text.replace(/\s+/g, '')
  return compact !== text && (isLevel1(compact) || isLevel2(compact) || SIDE_LABEL_RE.test(compact)) ? compact : text
}

/** The first figure after the label `label` among the tokens (cells) of a line. */
export function amountAfter(tokens: readonly Token[], label: RegExp): Amount | null {
  const i = tokens.findIndex((t) => label.test(t.text))
  if (i < 0) return null
  for (const t of tokens.slice(i + 1)) {
    if (parseNumber(t.text) !== null) return { raw: t.text, line: t.line }
    if (/资金总额/.test(t.text)) return null
  }
  return null
}

/** The text after a label on its line: the next cell (tab) or the words up to the next label (pdftotext). */
export function valueAfter(tokens: readonly Token[], label: RegExp, stop: RegExp | null): string {
  const i = tokens.findIndex((t) => label.test(t.text))
  if (i < 0) return ''
  // A label glued to its value ("项目名称 X" split into words, or "实施单位X").
  const glued = tokens[i]!.text.replace(label, '').replace(/^[:：]/, '').trim()
  const words: string[] = glued ? [glued] : []
  for (const t of tokens.slice(i + 1)) {
    if (stop && stop.test(t.text)) break
    words.push(t.text)
    if (t.col >= 0) break
  }
  return words.join('')
}

/**
 * Reads the header rows of a block into `pb` (name, unit name, unit, totals);
 * returns the index in `lines` of the indicator header row (or of the first
 * indicator row of a table that prints none; `lines.length` when there is
 * neither) and the column of the 年度目标 label, if any.
 */
export function readTargetHeader(ctx: ParseContext, block: Block, lines: readonly SourceLine[], pb: ParsedBlock): { next: number; yearGoalColumn: number } {
  let i = 0
  let sawMoneyLabel = false
  let yearGoalColumn = -1
  // Header: up to the indicator header row (一级指标 … 三级指标 … 指标值).
  for (; i < lines.length; i++) {
    const line = lines[i]!
    const t = flat(line.text)
    if (/一级指标/.test(t) && /三级指标/.test(t)) break
    // Some tables print no header row: the first indicator row starts with the 绩效指标 side label
    // (changzhi-2026 line 836 "绩效指标 | 产出指标 | 数量指标 | 仲裁文书送达数量 | …").
    if (/^绩效指标./.test(t) && (isLevel1(tokensOf(ctx, line)[1]?.text ?? '') || isLevel2(tokensOf(ctx, line)[1]?.text ?? ''))) break
    const tokens = tokensOf(ctx, line)
    if (/^实施期目标/.test(t)) yearGoalColumn = tokens.find((tk) => /^年度目标$/.test(tk.text))?.col ?? -1
    if (/^项目名称/.test(t) && block.kind === 'project') {
      pb.name = valueAfter(tokens, /^项目名称/, null)
      // A long name wraps onto the next lines in the pdftotext extraction, before 主管部门及代码.
      for (let j = i + 1; ctx.style === 'pdftotext' && j < lines.length; j++) {
        const next = flat(lines[j]!.text)
        if (next === '') continue
        if (/^主管部门/.test(next)) break
        pb.name += next
        i = j
      }
    } else if (/实施单位/.test(t) && block.kind === 'project') {
      pb.unitName = valueAfter(tokens, /^实施单位[:：]?/, null)
      // A long unit name wraps onto the next lines, before 项目属性 (jincheng-2024 lines 6491–6494).
      for (let j = i + 1; ctx.style === 'pdftotext' && j < lines.length; j++) {
        const next = flat(lines[j]!.text)
        if (next === '') continue
        if (/^(项目属性|项目期|项目资金)/.test(next)) break
        pb.unitName += next
        i = j
      }
    } else if (/^部门名称/.test(t) && block.kind === 'whole') {
      pb.unitName = valueAfter(tokens, /^部门名称[:：]?/, null).replace(/^\d+-/, '')
    }
    // "项目资金 (元)" in one cell, or "项目资金" and "（元）" on separate lines (pdftotext).
    const unit = /(项目资金|资金总额)[（(](万元|元)[)）]/.exec(t) ?? (sawMoneyLabel ? /^()[（(](万元|元)[)）]$/.exec(t) : null)
    if (unit && !pb.unit) pb.unit = unit[2]!
    if (/^项目资金$/.test(t)) sawMoneyLabel = true
    if (/实施期资金总额/.test(t)) pb.periodTotal ??= amountAfter(tokens, /实施期资金总额/)
    if (/年度资金总额/.test(t)) pb.total ??= amountAfter(tokens, /年度资金总额/)
    // 整体支出 table: "合 计 40143.35 合 计 40143.35" under "资金总额（万元）".
    if (block.kind === 'whole' && !pb.total && pb.unit && /^合计/.test(t)) {
      const fig = tokens.find((tk) => parseNumber(tk.text) !== null)
      if (fig) pb.total = { raw: fig.text, line: fig.line }
    }
  }
  return { next: i, yearGoalColumn }
}
