/**
 * 绩效目标表 → targets.csv rows: one per indicator (三级指标 with its 指标值) of
 * every 项目支出绩效目标表, and of the 整体支出绩效目标申报表 (project_name 整体支出).
 *
 * A table is found by its title; its header (targets-header.ts: 项目名称, 实施单位, 实施期/年度资金总额
 * and the printed amount unit) is read by the template's labels, its indicator
 * rows by targets-rows.ts (cells wrapped over lines by targets-wrap.ts). Tables repeat their header on every PDF page, so a
 * block that repeats the previous block's header while the previous block never
 * reached its 负责人 footer is the same project continued (changzhi-2026 lines
 * 894–958: 促就业工作经费 prints its indicators, then its header again with only the
 * footer). Same-named tables that are complete on their own stay apart
 * (jincheng-2024 lines 2015 and 2121: two 96年机构改革… projects, 5,620,000 and
 * 1,940,000 元).
 */
import type { ParseContext } from './context'
import { parseNumber, toYuan } from './decimal'
import { isWatermark, stripMarkup } from './lines'
import { flat, readTargetHeader, SIDE_LABEL_RE, tokensOf, type Amount, type Block, type ParsedBlock } from './targets-header'
import type { SourceLine, TargetRow } from './types'
import { indicatorOf, isLevel1, isLevel2, readRow, type RowReading, type Token } from './targets-rows'
import { joinedPieces, unwrap, type Wrapping } from './targets-wrap'

const PROJECT_TITLE_RE = /项目支出绩效目标表$/
const WHOLE_TITLE_RE = /整体支出绩效目标(申报)?表$/
/** A heading that closes the appendix of target tables ("十一、国有资产占有使用情况", "第四部分 名词解释"). */
const SECTION_RE = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)/
const FOOTER_RE = /^负责人/
/** Page furniture of the pdftotext extraction: "-31-" and the running title. */
const PAGE_FURNITURE_RE = /^-\s*\d+\s*-$|(预算|决算)公开报告$/

/** Indicators of every 项目支出绩效目标表 and the 整体支出绩效目标申报表. */
export function parseTargets(ctx: ParseContext): TargetRow[] {
  const blocks = findBlocks(ctx.lines)
  const projects: ParsedBlock[] = []
  for (const b of blocks) {
    const prev = projects.at(-1)
    const pb = readBlock(ctx, b, prev ?? null)
    if (prev && continues(prev, pb)) {
      prev.rows.push(...pb.rows)
      prev.closed = pb.closed
      continue
    }
    projects.push(pb)
  }
  const out: TargetRow[] = []
  for (const p of projects) {
    const total = yuan(ctx, p, p.total)
    const periodTotal = yuan(ctx, p, p.periodTotal)
    if (p.rows.length === 0) {
      ctx.problems.push({ severity: 'warning', where: 'targets', line: p.start, message: `绩效目标表“${p.name}”未读出任何指标` })
    }
    for (const r of p.rows) {
      out.push({
        doc_id: ctx.document.doc_id,
        unit_name: p.unitName,
        project_name: p.name,
        total_yuan: total,
        period_total_yuan: periodTotal,
        ...r,
      })
    }
  }
  return out
}

/** The next block continues `prev`: `prev` never reached its footer and the next repeats its header or names no project. */
function continues(prev: ParsedBlock, next: ParsedBlock): boolean {
  if (prev.closed || prev.kind !== next.kind) return false
  if (next.name === '') return true
  return (
    next.name === prev.name &&
    next.unitName === prev.unitName &&
    next.total?.raw === prev.total?.raw &&
    next.periodTotal?.raw === prev.periodTotal?.raw
  )
}

function yuan(ctx: ParseContext, p: ParsedBlock, amount: Amount | null): string {
  if (!amount) return ''
  const n = parseNumber(amount.raw)
  if (n === null) return ''
  if (!p.unit) {
    ctx.problems.push({ severity: 'warning', where: 'targets', line: amount.line, message: `绩效目标表“${p.name}”未写明金额单位，资金总额未读` })
    return ''
  }
  return toYuan(n, p.unit)
}

/** Target-table blocks: from a title to the next title or the heading that ends the appendix. */
function findBlocks(lines: readonly SourceLine[]): Block[] {
  const blocks: Block[] = []
  let open: Block | null = null
  for (const line of lines) {
    const t = flat(line.text)
    if (/\.{3,}|…{2,}/.test(t)) continue
    const kind = t.length <= 40 ? (PROJECT_TITLE_RE.test(t) ? 'project' : WHOLE_TITLE_RE.test(t) ? 'whole' : null) : null
    if (kind) {
      if (open) blocks.push({ ...open, end: line.no })
      open = { kind, start: line.no, end: 0 }
      continue
    }
    // Only a heading ends the appendix, not a numbered sentence inside a table cell
    // (jincheng-2024 line 1642 "一、创业就业方面2024年，将开拓优质大学生岗").
    const heading = stripMarkup(line.text).trim()
    if (open && SECTION_RE.test(heading) && heading.length <= 30 && !/[，。；]/.test(heading)) {
      blocks.push({ ...open, end: line.no })
      open = null
    }
  }
  if (open) blocks.push({ ...open, end: lines.length + 1 })
  return blocks
}

/** How the indicator rows of a table are laid out, as its indicator header row says. */
interface IndicatorColumns {
  /** The table prints an indicator header row (一级指标 … 指标值); else the first line is an indicator row. */
  hasHeader: boolean
  headerTokens: Token[]
  /** The 实施期 and 年度 halves side by side (project tables). */
  twoHalves: boolean
  /** Which halves print a 指标值 column. */
  hasValue: [boolean, boolean]
  /** From which column a lone (三级指标, 指标值) pair is the 年度 half's; null without columns. */
  yearColumn: number | null
}

/** One table block: its header rows, then its indicator rows up to the 负责人 footer. */
function readBlock(ctx: ParseContext, block: Block, prev: ParsedBlock | null): ParsedBlock {
  const pb: ParsedBlock = {
    kind: block.kind,
    start: block.start,
    name: block.kind === 'whole' ? '整体支出' : '',
    unitName: '',
    unit: '',
    periodTotal: null,
    total: null,
    closed: false,
    state: null,
    rows: [],
  }
  const lines = ctx.lines
    .slice(block.start, block.end - 1)
    .filter((l) => !isWatermark(l.text) && !PAGE_FURNITURE_RE.test(l.text.trim()))
  const { next: headerAt, yearGoalColumn } = readTargetHeader(ctx, block, lines, pb)
  if (headerAt >= lines.length) return pb
  if (block.kind === 'project' && !pb.name) {
    ctx.problems.push({ severity: 'warning', where: 'targets', line: block.start, message: '绩效目标表未写项目名称' })
  }
  const columns = indicatorColumns(ctx, block, lines[headerAt]!, yearGoalColumn)
  // A block that continues the previous project continues its merged 一级/二级 cells too.
  const state = prev?.state && continues(prev, pb) ? prev.state : new LevelState(ctx.style === 'pdftotext')
  pb.state = state
  // The header row itself may carry the first labels (changzhi-2026 line 914:
  // "绩效指标 | 产出指标 | 数量指标 | 一级指标 | 二级指标 | …").
  const headerLabels = columns.headerTokens.filter((tk) => isLevel1(tk.text) || isLevel2(tk.text))
  if (headerLabels.length) state.take(readRow(headerLabels, { yearColumn: columns.yearColumn, due: 0, twoHalves: columns.twoHalves }))
  readIndicatorRows(ctx, lines.slice(columns.hasHeader ? headerAt + 1 : headerAt), columns, pb, state)
  return pb
}

function indicatorColumns(ctx: ParseContext, block: Block, headerLine: SourceLine, yearGoalColumn: number): IndicatorColumns {
  const headerFlat = flat(headerLine.text)
  const hasHeader = /一级指标/.test(headerFlat)
  const headerTokens = hasHeader ? tokensOf(ctx, headerLine) : []
  const valueColumns = hasHeader ? headerFlat.split('指标值').length - 1 : 2
  const twoHalves = block.kind === 'project' && (valueColumns >= 2 || /二级指标.*二级指标/.test(headerFlat))
  const firstValueCol = headerTokens.find((tk) => /指标值/.test(tk.text))?.col ?? -1
  return {
    hasHeader,
    headerTokens,
    twoHalves,
    // gaoping-2026 line 890: a header with two 二级指标 but one 指标值 — the 年度 half prints no values.
    hasValue: [true, valueColumns >= 2 || !twoHalves],
    // Just right of the 实施期 指标值 column, or of the 年度目标 label when the table prints no header row.
    yearColumn: ctx.style === 'pdftotext' ? null : firstValueCol >= 0 ? firstValueCol + 1 : yearGoalColumn >= 0 ? yearGoalColumn + 1 : null,
  }
}

/** The indicator rows into `pb.rows`, up to the 负责人 footer (which closes the table). */
function readIndicatorRows(ctx: ParseContext, lines: readonly SourceLine[], columns: IndicatorColumns, pb: ParsedBlock, state: LevelState): void {
  const spaceSeparated = ctx.style === 'pdftotext'
  const wrap: Wrapping = { pending: [], due: 0 }
  const emit = (reading: RowReading): void => emitIndicators(reading, columns, state, pb)
  for (const line of lines) {
    const t = flat(line.text)
    if (t === '') continue
    if (FOOTER_RE.test(t)) {
      pb.closed = true
      break
    }
    if (/一级指标/.test(t) && /三级指标/.test(t)) continue
    const tokens = tokensOf(ctx, line).filter((tk) => !SIDE_LABEL_RE.test(tk.text) && !(tk.col === 0 && /^绩效指标$/.test(tk.text)))
    if (tokens.length === 0) continue
    const reading = readRow(tokens, { yearColumn: columns.yearColumn, due: wrap.due, twoHalves: columns.twoHalves, spaceSeparated })
    if (spaceSeparated && unwrap(wrap, reading, columns.twoHalves, state, emit)) continue
    emit(reading)
  }
  if (wrap.pending.length) emit({ level1: null, halves: [{ level2: null, texts: [joinedPieces(wrap.pending)] }, null] })
}

/** A row's indicators, one per half, with the 一级/二级指标 in force. */
function emitIndicators(reading: RowReading, columns: IndicatorColumns, state: LevelState, pb: ParsedBlock): void {
  state.take(reading)
  reading.halves.forEach((half, h) => {
    if (!half) return
    const { level3, target } = indicatorOf(half.texts, columns.hasValue[h]!)
    if (!level3 && !target) return
    const [level1, level2] = state.levels(h as 0 | 1)
    const row = {
      period: (columns.twoHalves ? (h === 0 ? '实施期' : '年度') : '年度') as TargetRow['period'],
      level1,
      level2,
      level3: level3?.text ?? '',
      target: target?.text ?? '',
      line: (target ?? level3)!.line,
    }
    pb.rows.push(row)
    state.track(row, h as 0 | 1)
  })
}

type Row = ParsedBlock['rows'][number]

/**
 * 一级/二级指标 carried down from the rows above (merged cells print once). In
 * the pdftotext extraction a label printed below rows that have none yet also
 * applies to them: it prints a merged cell's label in the middle of its span
 * (jincheng-2024 line 1702 产出指标 and 1704 数量指标 after the rows from 1671).
 * The tab extractions print it on the span's first row, so there a row before
 * any label keeps an empty level (changzhi-2026 line 1210).
 */
export class LevelState {
  /** Back-fill labels upwards: only where the extraction prints a merged cell's label mid-span. */
  constructor(private readonly labelsMidSpan: boolean) {}
  private level1 = ''
  private level2: [string, string] = ['', '']
  private unlabelled1: Row[] = []
  private unlabelled2: [Row[], Row[]] = [[], []]

  take(reading: RowReading): void {
    if (reading.level1 !== null) {
      if (reading.level1 !== this.level1) this.level2 = ['', '']
      this.level1 = reading.level1
      for (const r of this.unlabelled1) r.level1 = reading.level1
      this.unlabelled1 = []
    }
    reading.halves.forEach((half, h) => {
      if (half?.level2) {
        this.level2[h] = half.level2
        for (const r of this.unlabelled2[h]!) r.level2 = half.level2
        this.unlabelled2[h as 0 | 1] = []
      }
    })
  }

  levels(h: 0 | 1): [string, string] {
    return [this.level1, this.level2[h]]
  }

  track(row: Row, h: 0 | 1): void {
    if (!this.labelsMidSpan) return
    if (!row.level1) this.unlabelled1.push(row)
    if (!row.level2) this.unlabelled2[h].push(row)
  }
}
