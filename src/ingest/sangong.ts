import { toYuan } from './decimal'
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
  if (/运行维护费$/.test(t)) return '公务用车运行维护费'
  if (/^合计$/.test(t)) return '合计'
  return null
}

const ORDER: readonly SangongCategory[] = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行维护费', '公务接待费']

/**
 * 三公经费 of a document: from B10 (预算: category rows, the 合计 column) or
 * F07 (预算数 and 决算数 groups whose leaf headers are the categories). A
 * document whose table is empty and whose prose states it has no 三公经费
 * ("本单位无“三公”经费预算") yields zeros for that year, cited at that sentence.
 */
export function deriveSangong(doc: DocumentRow, items: readonly LineItemRow[], narrative: readonly NarrativeRow[]): SangongRow[] {
  const rows: SangongRow[] = []
  const push = (figure: Stage, category: SangongCategory, amount: string, line: number) => {
    if (!rows.some((r) => r.figure === figure && r.category === category)) {
      rows.push({ doc_id: doc.doc_id, year: doc.year, figure, category, amount_yuan: amount, line })
    }
  }

  const b10 = items.filter((r) => r.table_code === 'B10')
  if (b10.length > 0) {
    // The total column is 合计; a report that prints only one column has it as its only measure.
    const measures = [...new Set(b10.map((r) => r.measure))]
    const total = measures.includes('合计') ? '合计' : measures[0]
    for (const r of b10) {
      const category = sangongCategory(r.row_label)
      if (category && r.measure === total) push('预算', category, r.value, r.line)
    }
  }

  for (const r of items.filter((r) => r.table_code === 'F07')) {
    const [group, ...rest] = r.measure.split('/')
    const figure: Stage | null = group?.startsWith('预算') ? '预算' : group?.startsWith('决算') ? '决算' : null
    if (!figure || rest.length === 0) continue
    // "公务用车购置及运行维护费/小计" names the composite by its leaf 小计.
    const leaf = rest.at(-1)!
    const category = leaf === '小计' ? sangongCategory(rest[0]!) : sangongCategory(leaf)
    if (category) push(figure, category, r.value, r.line)
  }

  if (rows.length === 0) {
    const none = narrative.find((n) => n.subject === '三公经费' && /^0(\.0+)?$/.test(n.value) && /无.{0,2}三公/.test(n.quote))
    if (none) {
      const figure: Stage = doc.stage === '决算' ? '决算' : '预算'
      for (const category of ORDER) push(figure, category, toYuan('0', '元'), none.line)
    }
  }
  const figureRank = (f: Stage) => (f === '预算' ? 0 : 1)
  return rows.sort((a, b) => figureRank(a.figure) - figureRank(b.figure) || ORDER.indexOf(a.category) - ORDER.indexOf(b.category))
}
