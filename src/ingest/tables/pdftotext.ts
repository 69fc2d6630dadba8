/**
 * Table grids of the pdftotext-like extraction (jincheng-2024-budget.txt):
 * pdf-rows.ts reads raw rows (labels joined across wraps, figures un-glued,
 * watermark and page furniture skipped), pdf-templates.ts names the columns,
 * pdf-place.ts decides by arithmetic which column each figure stands in.
 */
import { linesBetween, type ParseContext } from '../context'
import { decimals, parseNumber, toYuan } from '../decimal'
import type { LineItemRow, LocatedTable, TableCode } from '../types'
import { agreeingWithGaps, gapColumns } from './pdf-gaps'
import { rowPlacements, scaled, solveGroups, type Group, type PlaceVar } from './pdf-place'
import { dataStart, readRows, rowStyle, type RawRow } from './pdf-rows'
import { measures, sourceOfLabel, TEMPLATES, type FundSource, type SideSpec } from './pdf-templates'

type Side = LineItemRow['side']

/** A raw row with what the table's structure says about it. */
interface Row {
  raw: RawRow
  side: Side
  label: string
  /** Second label column (B06 政府经济科目). */
  label2: string
  kind: LineItemRow['row_kind']
  unitName: string
  projectName: string
  v: PlaceVar | null
  spec: SideSpec
  names: string[]
}

/** 支出-side labels of the two-sided tables (B01/B04): functional 类, 预备费 and the template's totals. */
const EXPENSE_LABEL = /支出$|预备费$|^年终结转$|支出合计$|支出总计$/
const TWO_SIDED_TOTAL = /^(本年收入合计|本年支出合计|收入总计|支出总计|合计)$/

/**
 * Tables of the pdftotext-like extraction (space-separated, empty cells
 * collapsed): every figure of B01–B13 whose column arithmetic decides, as a
 * line item on the line where it stands. Figures that cannot be placed are
 * problems, never guesses.
 */
export function parsePdftotextTables(ctx: ParseContext): LineItemRow[] {
  const read = new Map<LocatedTable, RawRow[]>()
  for (const t of ctx.tables) {
    if (!/^B(0\d|1[0-3])$/.test(t.code)) continue
    try {
      const lines = linesBetween(ctx, t.start + 1, t.end)
      const rows = readRows(t.code, lines.slice(dataStart(t.code, lines)), (cell) =>
        ctx.problems.push({ severity: 'warning', where: t.code, line: cell.line, message: `数字 ${cell.text} 前没有行标题，未读取` }),
      )
      read.set(t, rows)
    } catch (err) {
      failed(ctx, t, err)
    }
  }
  const sources = fundSources(read)
  const out: LineItemRow[] = []
  for (const [t, rows] of read) {
    try {
      out.push(...placeTable(ctx, t, rows, sources))
    } catch (err) {
      failed(ctx, t, err)
    }
  }
  return out
}

/** A crash in one table costs that table only, never the document. */
function failed(ctx: ParseContext, t: LocatedTable, err: unknown): void {
  ctx.problems.push({ severity: 'error', where: t.code, line: t.start, message: `表格解析失败：${err instanceof Error ? err.message : String(err)}` })
}

interface Sources {
  /** Fund sources B01 prints with an empty 本年 income (本年收入 is nil for them). */
  emptyThisYear: Set<FundSource>
  /** Sources B04 prints with an empty 上年财政拨款结转. */
  emptyCarry: Set<FundSource>
}

/**
 * The department's fund sources that are empty. Budgets are not negative, so
 * a source whose department total is empty is empty in every row of every
 * table: this is what leaves B10's `公务接待费 1.59 1.59` (jincheng 2024 line
 * 931) no column but 一般公共预算 — B01 prints `二、政府性基金预算` and
 * `三、国有资本经营预算` with no figure, and B04 their 上年财政拨款结转 likewise.
 */
function fundSources(read: Map<LocatedTable, RawRow[]>): Sources {
  const emptyThisYear = new Set<FundSource>()
  const emptyCarry = new Set<FundSource>()
  for (const [t, rows] of read) {
    if (t.code !== 'B01' && t.code !== 'B04') continue
    let carry = false
    for (const r of rows) {
      const label = r.labels.map((c) => c.text).join('')
      if (EXPENSE_LABEL.test(label)) continue
      if (/^上年(财政拨款)?结转$/.test(label)) carry = true
      if (/合计$|总计$/.test(label)) carry = false
      const src = sourceOfLabel(label)
      if (!src || r.values.length > 0) continue
      if (t.code === 'B01' && !carry) emptyThisYear.add(src)
      if (t.code === 'B04' && carry) emptyCarry.add(src)
    }
  }
  return { emptyThisYear, emptyCarry }
}

function excludedColumns(code: TableCode, spec: SideSpec, sources: Sources): Set<number> {
  const both = new Set([...sources.emptyThisYear].filter((s) => sources.emptyCarry.has(s)))
  const empty =
    code === 'B02' || code === 'B12' ? sources.emptyThisYear : code === 'B13' ? sources.emptyCarry : code === 'B04' || code === 'B10' || code === 'B11' ? both : new Set<FundSource>()
  const out = new Set<number>()
  spec.columns.forEach((c, i) => {
    if (c.source && empty.has(c.source)) out.add(i)
  })
  return out
}

function placeTable(ctx: ParseContext, t: LocatedTable, raws: RawRow[], sources: Sources): LineItemRow[] {
  const code = t.code
  const withFigures = raws.filter((r) => r.values.length > 0)
  if (withFigures.length === 0) return []
  const tmpl = TEMPLATES[code]
  if (!tmpl) {
    ctx.problems.push({ severity: 'error', where: code, line: withFigures[0]!.values[0]!.line, message: `${code} 表有数据，但尚不支持读取此表` })
    return []
  }
  const lines = linesBetween(ctx, t.start + 1, t.end)
  const header = lines.slice(0, dataStart(code, lines)).map((l) => l.text).join('\n')
  const scale = Math.max(2, ...withFigures.flatMap((r) => r.values.map((c) => decimals(parseNumber(c.text) ?? ''))))
  const rows = describe(code, raws, tmpl, header)

  // Row arithmetic: every order-preserving placement that keeps 合计 = Σ parts.
  for (const r of rows) {
    if (r.raw.values.length === 0) continue
    const values = r.raw.values.map((c) => scaled(parseNumber(c.text) ?? '', scale))
    if (values.some((x) => x === null)) {
      ctx.problems.push({ severity: 'error', where: code, line: r.raw.values[0]!.line, message: `无法读取数字：${r.raw.values.map((c) => c.text).join(' ')}` })
      continue
    }
    const nums = values as number[]
    const width = r.spec.columns.length
    const options = rowPlacements(nums, width, r.spec.identities, excludedColumns(code, r.spec, sources), 1)
    r.v = { values: nums, options: agreeingWithGaps(options, gapColumns(ctx.lines, r.raw.values, width)) }
  }

  // Column arithmetic: a parent equals the sum of its children in every column.
  const groups: Group[] = []
  const zero = (width: number): PlaceVar => ({ values: [], options: [{ cols: [], amounts: new Array<number>(width).fill(0) }] })
  for (const [parent, children] of hierarchy(code, rows)) {
    const width = parent.spec.columns.length
    const kids = children.filter((c) => c.v !== null && c.spec === parent.spec)
    if (kids.length === 0 || kids.some((c) => c.v!.options.length === 0)) continue
    if (parent.raw.values.length > 0 && (parent.v === null || parent.v.options.length === 0)) continue
    const pv = parent.v ?? zero(width)
    // Each printed figure is within half a unit of its true value, so a parent and
    // its m children may disagree by at most (m + 1) / 2 units of the last digit.
    groups.push({ parent: pv, children: kids.map((c) => c.v!), tol: Math.max(1, Math.floor((kids.length + 1) / 2)) })
  }
  solveGroups(groups)

  const out: LineItemRow[] = []
  for (const r of rows) {
    if (r.raw.values.length === 0 || r.v === null) continue
    if (r.label === '' && r.raw.code === null) {
      ctx.problems.push({ severity: 'warning', where: code, line: r.raw.values[0]!.line, message: `数字 ${r.raw.values.map((c) => c.text).join(' ')} 没有行标题，未读取` })
      continue
    }
    const { options } = r.v
    if (options.length === 0) {
      ctx.problems.push({
        severity: 'warning',
        where: code,
        line: r.raw.values[0]!.line,
        message: `“${r.label}”的数字 ${r.raw.values.map((c) => c.text).join(' ')} 不符合本表的合计关系，无法确定所在的列，未读取`,
      })
      continue
    }
    r.raw.values.forEach((cell, i) => {
      const cols = [...new Set(options.map((o) => o.cols[i]!))]
      if (cols.length !== 1) {
        ctx.problems.push({
          severity: 'warning',
          where: code,
          line: cell.line,
          message: `“${r.label}”的数字 ${cell.text} 所在的列无法由算术唯一确定（可能是 ${cols.map((c) => r.names[c]).join('、')}），未读取`,
        })
        return
      }
      out.push({
        doc_id: ctx.document.doc_id,
        table_code: code,
        side: r.side,
        row_label: r.label2 ? `${r.label}/${r.label2}` : r.label,
        class_code: r.raw.code?.text ?? '',
        econ_code: '',
        unit_name: r.unitName,
        project_name: r.projectName,
        measure: r.names[cols[0]!]!,
        value: toYuan(parseNumber(cell.text)!, ctx.document.unit || '元'),
        unit: '元',
        raw: cell.text,
        line: cell.line,
        row_kind: r.kind,
      })
    })
  }
  return out
}

/** Labels, sides, kinds and unit/project names of a table's rows. */
function describe(code: TableCode, raws: RawRow[], tmpl: NonNullable<(typeof TEMPLATES)[TableCode]>, header: string): Row[] {
  const style = rowStyle(code)
  const names = new Map<SideSpec, string[]>()
  const namesOf = (s: SideSpec): string[] => {
    if (!names.has(s)) names.set(s, measures(s, header))
    return names.get(s)!
  }
  let unitName = ''
  return raws.map((raw) => {
    const texts = raw.labels.map((c) => c.text)
    // Only B06 has two label columns (部门经济科目名称 / 政府经济科目名称).
    const label = code === 'B06' ? (texts[0] ?? '') : texts.join('')
    const label2 = code === 'B06' ? texts.slice(1).join('') : ''
    let side: Side = ''
    let spec = tmpl.main
    let kind: LineItemRow['row_kind'] = ''
    let unit = ''
    let project = ''
    if (style === 'two-sided') {
      side = EXPENSE_LABEL.test(label) ? '支出' : '收入'
      spec = side === '支出' ? tmpl.expense : tmpl.income
      if (TWO_SIDED_TOTAL.test(label)) kind = '合计'
    } else if (style === 'indented') {
      if (raw.indent === 0) kind = '合计'
      else if (raw.indent === 1) {
        kind = '单位'
        unitName = label
        unit = label
      } else {
        kind = '项目'
        unit = unitName
        project = label
      }
    } else if (/^(合计|部门合计|总计)$/.test(label)) {
      kind = '合计'
    } else if (code === 'B11') {
      kind = '单位'
      unit = label
    }
    const s = spec ?? tmpl.main ?? tmpl.expense!
    return { raw, side, label, label2, kind, unitName: unit, projectName: project, v: null, spec: s, names: namesOf(s) }
  })
}

/** Parent rows with their children, as the template nests them (so column sums can place figures). */
function hierarchy(code: TableCode, rows: Row[]): Array<[Row, Row[]]> {
  const style = rowStyle(code)
  const out = new Map<Row, Row[]>()
  const add = (p: Row | undefined, c: Row): void => {
    if (!p || p === c) return
    if (!out.has(p)) out.set(p, [])
    out.get(p)!.push(c)
  }
  const find = (re: RegExp, side: Side = ''): Row | undefined => rows.find((r) => re.test(r.label) && r.side === side && r.raw.code === null)
  if (style === 'coded') {
    const total = find(/^合计$/)
    const byCode = new Map<string, Row>()
    for (const r of rows) {
      const c = r.raw.code?.text
      if (!c) continue
      byCode.set(c, r)
      add(c.length === 3 ? total : byCode.get(c.slice(0, -2)), r)
    }
  } else if (style === 'two-sided') {
    const total = find(/^本年支出合计$/, '支出')
    const grand = find(/^支出总计$/, '支出')
    for (const r of rows) {
      if (r.side !== '支出') continue
      if (/^[一二三四五六七八九十]+、/.test(r.label)) add(total, r)
      else if (/^(本年支出合计|年终结转)$/.test(r.label)) add(grand, r)
    }
  } else if (style === 'indented') {
    const total = rows.find((r) => r.kind === '合计')
    let unit: Row | undefined
    for (const r of rows) {
      if (r.kind === '单位') {
        unit = r
        add(total, r)
      } else if (r.kind === '项目') add(unit, r)
    }
  } else if (code === 'B06') {
    const total = find(/^合计$/)
    let category: Row | undefined
    for (const r of rows) {
      if (r.kind === '合计') continue
      if (r.label2 === '') {
        category = r
        add(total, r)
      } else add(category, r)
    }
  } else {
    // B10: ①② are parts of the row before them (公务用车购置及运行费); B11: units of 部门合计.
    const total = rows.find((r) => r.kind === '合计')
    let head: Row | undefined
    for (const r of rows) {
      if (r.kind === '合计') continue
      if (/^[①②③④⑤⑥⑦⑧⑨]/.test(r.label)) add(head, r)
      else {
        head = r
        add(total, r)
      }
    }
  }
  return [...out]
}
