import { toYuan } from './decimal'
import { SANGONG_CATEGORIES } from './vocabulary'
import type { DocumentRow, LineItemRow, NarrativeRow, SangongCategory, SangongRow, Stage } from './types'

/**
 * The contract's category for a printed 三公 label or column header.
 * Templates print the same category several ways: "因公出国 (境) 费",
 * "①公务用车购置费", "公务用车购置及运行维护费" (F07) vs "公务用车购置及运行费" (B10).
 */
export function sangongCategory(printed: string): SangongCategory | null {
  const t = printed.replace(/\s+/g, '').replace(/[①②③]/g, '')
  if (/出国/.test(t)) return '因公出国（境）费'
  if (/接待/.test(t)) return '公务接待费'
  if (/购置及运行|^小计$/.test(t)) return '公务用车购置及运行费'
  if (/购置费$/.test(t)) return '公务用车购置费'
  // B10 of the national template prints the column as 运行费.
  if (/运行(维护)?费$/.test(t)) return '公务用车运行维护费'
  if (/^合计$/.test(t)) return '合计'
  return null
}

/** The category of a header path; "公务用车购置及运行维护费/小计" names the composite by its leaf 小计. */
function categoryOf(path: readonly string[]): SangongCategory | null {
  const leaf = path.at(-1)
  if (!leaf) return null
  return leaf === '小计' && path.length > 1 ? sangongCategory(path[0]!) : sangongCategory(leaf)
}

const ORDER: readonly SangongCategory[] = SANGONG_CATEGORIES

/**
 * 三公经费 of a document: from B10 (预算: category rows, the 合计 column) or
 * F07 (预算数 and 决算数 groups whose leaf headers are the categories). A
 * document whose table is empty and whose prose states it has no 三公经费
 * ("本单位无“三公”经费预算") yields zeros for that year, cited at that sentence.
 */
export function deriveSangong(doc: DocumentRow, items: readonly LineItemRow[], narrative: readonly NarrativeRow[]): SangongRow[] {
  const rows: SangongRow[] = []
  // The table a figure was read from ('' for the prose), so its citation need not locate it again.
  const push = (figure: Stage, category: SangongCategory, amount: string, line: number, table: SangongRow['table_code'] = '') => {
    if (!rows.some((r) => r.figure === figure && r.category === category)) {
      rows.push({ doc_id: doc.doc_id, year: doc.year, figure, category, amount_yuan: amount, line, table_code: table })
    }
  }

  const b10 = items.filter((r) => r.table_code === 'B10')
  if (b10.length > 0) {
    // The total column is 合计; a report that prints only one column has it as its only measure.
    const measures = [...new Set(b10.map((r) => r.measure))]
    const total = measures.includes('合计') ? '合计' : measures[0]
    for (const r of b10) {
      // The national template has no row labels: its columns are the categories (合计 … 小计, 购置费, 运行费).
      const category = r.row_label ? (r.measure === total ? sangongCategory(r.row_label) : null) : categoryOf(r.measure.split('/'))
      if (category) push('预算', category, r.value, r.line, r.table_code)
    }
  }

  for (const r of items.filter((r) => r.table_code === 'F07')) {
    // Shanxi prints the figure above the categories ("预算数/因公出国(境)费"), the national template below ("合计/预算数").
    const parts = r.measure.split('/')
    const at = /^[预决]算/.test(parts[0]!) ? 0 : /^[预决]算/.test(parts.at(-1)!) ? parts.length - 1 : -1
    if (at < 0 || parts.length < 2) continue
    const figure: Stage = parts[at]!.startsWith('预算') ? '预算' : '决算'
    const category = categoryOf(parts.filter((_, i) => i !== at))
    if (category) push(figure, category, r.value, r.line, r.table_code)
  }

  // A category the table leaves empty but the prose states as 0 is a figure, 0, cited at the prose
  // ("因公出国（境）费支出0.00元", jincheng-2022 line 574, beside an empty F07 cell): 0 stated is a
  // figure, empty is not. Only a 0: a nonzero prose figure beside an empty cell would be a contradiction.
  if (rows.length > 0) {
    const figure: Stage = doc.stage === '决算' ? '决算' : '预算'
    for (const category of ORDER) {
      const zero = narrative.find((n) => n.relation === 'stated' && n.subject_key === category && n.unit === '元' && n.year === doc.year && /^0(\.0+)?$/.test(n.value))
      if (zero) push(figure, category, toYuan('0', '元'), zero.line)
    }
  }

  if (rows.length === 0) {
    const none = narrative.find((n) => n.subject_key === '合计' && /^0(\.0+)?$/.test(n.value) && /无.{0,2}三公/.test(n.quote))
    if (none) {
      const figure: Stage = doc.stage === '决算' ? '决算' : '预算'
      for (const category of ORDER) push(figure, category, toYuan('0', '元'), none.line)
    }
  }
  const figureRank = (f: Stage) => (f === '预算' ? 0 : 1)
  return rows.sort((a, b) => figureRank(a.figure) - figureRank(b.figure) || ORDER.indexOf(a.category) - ORDER.indexOf(b.category))
}
