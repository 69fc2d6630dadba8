/**
 * Data-quality notices next to a chart or table: the identity checks
 * (checks.csv) that fail on a figure the chart or table shows. ARCHITECTURE.md: "A
 * failure in the source is data, not a crash: it is shown to users as a
 * data-quality finding." A check touches a figure when it is about the same
 * document and lists the figure's line among its lines.
 */
import { formatValue, type AmountUnit } from '../format/amount'
import { numberRuns } from '../format/runs'
import type { CheckRow, CheckStatus } from '../ingest/types'
import type { Lang } from './citation'

/** Any row with provenance: line_items, sangong, narrative, evaluations, targets rows all fit. */
export interface FigureRef {
  doc_id: string
  line: number | string
}

export interface QualityFinding {
  check: CheckRow
  /** The check's lines, as numbers. */
  lines: number[]
  /** The figures of the chart/table the check touches: every one standing on one of its lines. */
  figures: FigureRef[]
}

export interface QualityOptions {
  /** Which statuses to report (default only 'fail'; 'rounding' is a difference of one unit in the last printed digit). */
  statuses?: readonly CheckStatus[]
}

/** "463;629" → [463, 629]. */
export function checkLines(check: CheckRow): number[] {
  return check.lines.split(/[;,\s]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 0)
}

/**
 * The failing checks that touch the figures a chart or table uses, in the
 * order of `checks`, each with the figures it touches.
 */
export function qualityFindings(
  checks: readonly CheckRow[],
  figures: readonly FigureRef[],
  opts: QualityOptions = {},
): QualityFinding[] {
  const statuses = new Set<CheckStatus>(opts.statuses ?? ['fail'])
  const used = new Map<string, FigureRef[]>()
  for (const f of figures) {
    const key = `${f.doc_id}\u0000${Number(f.line)}`
    const list = used.get(key)
    if (list) list.push(f)
    else used.set(key, [f])
  }
  const out: QualityFinding[] = []
  for (const check of checks) {
    if (!statuses.has(check.status)) continue
    const lines = checkLines(check)
    const touched = lines.flatMap((n) => used.get(`${check.doc_id}\u0000${n}`) ?? [])
    if (touched.length) out.push({ check, lines, figures: [...new Set(touched)] })
  }
  return out
}

/** A check's expected and actual values as a reader reads them: amounts in `unit`, rates, scores and counts with theirs. */
export function comparedValues(c: CheckRow, unit: AmountUnit, lang: Lang = 'zh'): [string, string] {
  return [formatValue(c.expected, c.unit, unit, lang), formatValue(c.actual, c.unit, unit, lang)]
}

/**
 * One line per finding for a notice or an export's notes, the compared amounts
 * in the reader's unit (元 by default, exactly as checked) and the difference in
 * the check's own, since it is often a few 元 that 万元 would round away:
 * "数据质量提示：文字说明（第629行）机关运行经费 = B11 部门合计 合计 不相符（预期425.28万元，实际425.27万元，差-100.00元；第463、629行）"
 * Checks saved before checks.csv had a unit keep their bare numbers.
 */
export function findingText(f: QualityFinding, lang: Lang = 'zh', unit: AmountUnit = '元'): string {
  const c = f.check
  const [expected, actual] = comparedValues(c, unit, lang)
  const diff = formatValue(c.diff, c.unit, '元', lang)
  if (lang === 'zh') {
    const word = c.status === 'fail' ? '不相符' : '有舍入差'
    return `数据质量提示：${c.check} ${word}（预期${expected}，实际${actual}，差${diff}；第${numberRuns(f.lines)}行）`
  }
  const word = c.status === 'fail' ? 'does not hold' : 'is off by rounding'
  return `Data quality: ${c.check} ${word} (expected ${expected}, actual ${actual}, difference ${diff}; lines ${numberRuns(f.lines, ', ')})`
}
