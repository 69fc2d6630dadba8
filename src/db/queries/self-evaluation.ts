/**
 * The 绩效自评 of a document set, for the Execution view's 自评 part: where a
 * table and its own analysis sentence disagree (the failed 自评 checks, with the
 * fields of both sides and their lines), and the rates that call for a notice
 * (over 100% or under 60%), each with the budget it divides by.
 */
import type { EvaluationFieldRow } from '../../ingest/types'
import type { Db } from '../types'

/** One 绩效自评 field, as the dataset contract defines it (evaluation_fields.csv). */
export type SelfEvalField = EvaluationFieldRow

/** The 资金总额 and 总分 rows of each table, and every sentence figure. */
export const SELF_EVAL_FIELDS_SQL = `SELECT doc_id, project_name, part, row_label, field, value, unit, raw, denominator, quote, line, row_id
FROM evaluation_fields
WHERE part <> '表' OR row_label IN ('资金总额', '总分')
ORDER BY doc_id, line, part, field`

/** A failed 自评 check, with the project it names ("自评 <project>：…"). */
export interface SelfEvalCheck {
  doc_id: string
  project_name: string
  check: string
  expected: string
  actual: string
  /** What expected and actual count (元, %, 分), '' for a grade. */
  unit: string
  lines: string
}

export const SELF_EVAL_FAILED_SQL = `SELECT doc_id, regexp_extract("check", '^自评 (.+?)：', 1) AS project_name, "check", expected, actual, unit, lines
FROM checks
WHERE "check" LIKE '自评 %' AND status = 'fail'
ORDER BY doc_id, "check"`

/** A 执行率 over 100% or under 60%: a notice, not an error. */
export interface RateNotice {
  doc_id: string
  project_name: string
  part: '表' | '分析' | '文字'
  rate: number
  /** 全年预算 / 年初预算, or '' when no budget of the table gives the stated rate. */
  denominator: string
  line: number
  row_id: string
  quote: string
}

export const RATE_NOTICES_SQL = `SELECT doc_id, project_name, part, TRY_CAST(value AS DECIMAL(9,2))::DOUBLE AS rate, denominator, line, row_id, quote
FROM evaluation_fields
WHERE field = '执行率' AND (part <> '表' OR row_label = '资金总额')
  AND (TRY_CAST(value AS DECIMAL(9,2)) > 100 OR TRY_CAST(value AS DECIMAL(9,2)) < 60)
ORDER BY doc_id, line, part`

/** A project whose table and analysis sentence disagree: both sides' fields, each on its line. */
export interface Disagreement {
  doc_id: string
  project_name: string
  /** The table's 资金总额 fields (年初预算数, 全年预算数, 全年执行数, 执行率). */
  table: SelfEvalField[]
  /** The sentence's figures (预算数, 执行数, 执行率), and its quote and line. */
  sentence: SelfEvalField[]
  quote: string
  sentenceLine: number
  checks: SelfEvalCheck[]
}

const SENTENCE_ORDER = ['预算数', '执行数', '执行率']
const TABLE_FIELDS = ['年初预算数/预算编制数', '年初预算数', '全年预算数', '全年执行数', '执行率']

/** Groups the failed checks by project, beside the fields of both sides (pure: Node-tested). */
export function disagreementsOf(fields: readonly SelfEvalField[], failed: readonly SelfEvalCheck[]): Disagreement[] {
  const out: Disagreement[] = []
  for (const c of failed) {
    let d = out.find((x) => x.doc_id === c.doc_id && x.project_name === c.project_name)
    if (!d) {
      const own = fields.filter((f) => f.doc_id === c.doc_id && f.project_name === c.project_name)
      const sentence = own.filter((f) => f.part === '分析').sort((a, b) => SENTENCE_ORDER.indexOf(a.field) - SENTENCE_ORDER.indexOf(b.field))
      // Only a table against its sentence is shown side by side; a check of the table alone (总分, 等级) lists no sentence.
      d = {
        doc_id: c.doc_id,
        project_name: c.project_name,
        table: TABLE_FIELDS.map((name) => own.find((f) => f.part === '表' && f.row_label === '资金总额' && f.field === name)).filter((f): f is SelfEvalField => !!f),
        sentence,
        quote: sentence[0]?.quote ?? '',
        sentenceLine: sentence[0]?.line ?? 0,
        checks: [],
      }
      out.push(d)
    }
    d.checks.push(c)
  }
  return out
}

export async function selfEvaluationDisagreements(db: Db): Promise<Disagreement[]> {
  const [fields, failed] = await Promise.all([db.query<SelfEvalField>(SELF_EVAL_FIELDS_SQL), db.query<SelfEvalCheck>(SELF_EVAL_FAILED_SQL)])
  return disagreementsOf(fields, failed)
}

export function rateNotices(db: Db): Promise<RateNotice[]> {
  return db.query<RateNotice>(RATE_NOTICES_SQL)
}
