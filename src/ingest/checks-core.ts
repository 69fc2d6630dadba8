/**
 * What every check is made with (checks.ts, checks-prose.ts, checks-units.ts,
 * checks-evaluations.ts …): the Checker that records each identity with its
 * status by the rules written at the head of checks.ts, the tolerance of one
 * printed digit, and picks of table rows.
 */
import { abs, cmp, lastDigitUnit, parseNumber, sub, sum, toYuan } from './decimal'
import type { CheckRow, CheckStatus, DocumentRow, LineItemRow } from './types'

/** Leaf headers that name a total of the columns beside them. */
export const TOTAL_LEAF = /^(合计|小计|本年收入合计|本年支出合计)$/

/** One unit of the last printed digit of a table figure, in 元. */
export function tolerance(item: LineItemRow, doc: DocumentRow): string {
  if (item.unit !== '元' || !doc.unit) return '0'
  // A table may print another unit than the report (the national 三公 table in 万元 inside a 元 report).
  const printed = parseNumber(item.raw)
  const unit = printed && cmp(printed, '0') !== 0 && cmp(toYuan(printed, '万元'), item.value) === 0 ? '万元' : doc.unit
  return toYuan(lastDigitUnit(item.raw.replace(/,/g, '')), unit)
}

function status(diff: string, tol: string): CheckStatus {
  if (cmp(diff, '0') === 0) return 'pass'
  return cmp(abs(diff), tol) <= 0 ? 'rounding' : 'fail'
}

function lineList(lines: readonly number[]): string {
  return [...new Set(lines)].sort((a, b) => a - b).join(';')
}

/** Collects check rows; exported for the checks kept in their own files (checks-units.ts). */
export class Checker {
  readonly rows: CheckRow[] = []
  constructor(readonly doc: DocumentRow) {}

  /** total = Σ parts (parts that are empty cells are simply absent). */
  sum(name: string, total: LineItemRow, parts: readonly LineItemRow[]): void {
    if (parts.length === 0) return
    const actual = sum(parts.map((p) => p.value))
    const diff = sub(actual, total.value)
    this.rows.push({
      doc_id: this.doc.doc_id,
      check: name,
      expected: total.value,
      actual,
      diff,
      status: status(diff, tolerance(total, this.doc)),
      lines: lineList([total.line, ...parts.map((p) => p.line)]),
      unit: total.unit,
    })
  }

  /**
   * The same figure printed twice; `tol` is how far apart rounding can put them.
   * The row's unit is the expected figure's (a line item's own, or given: 元, %, 个).
   */
  same(name: string, expected: { value: string; line: number; unit: string }, actual: { value: string; line: number }, tol: string): void {
    const diff = sub(actual.value, expected.value)
    this.rows.push({
      doc_id: this.doc.doc_id,
      check: name,
      expected: expected.value,
      actual: actual.value,
      diff,
      status: status(diff, tol),
      lines: lineList([expected.line, actual.line]),
      unit: expected.unit,
    })
  }
}

/** First item matching a predicate. */
export type Pick = (items: readonly LineItemRow[]) => LineItemRow | undefined

export const pick = (table: string, measure: RegExp, row: (i: LineItemRow) => boolean, side = ''): Pick =>
  (items) => items.find((i) => i.table_code === table && i.side === side && measure.test(i.measure) && row(i))

export const labelIs = (re: RegExp) => (i: LineItemRow) => re.test(i.row_label)
export const totalRow = (i: LineItemRow) => i.row_kind === '合计' && !i.class_code && /^合计$/.test(i.row_label)
