/**
 * Row types of the canonical dataset (ARCHITECTURE.md, "The data contract").
 * Every field is a string exactly as it is written to CSV: amounts are decimal
 * text in 元 ("237437100.00"), never JS floats, so nothing drifts on the way.
 * An empty string means "not applicable / not printed".
 */

/** Scopes, stages, printed units and table codes (vocabulary.ts, with their lists). */
export type { BudgetBasis, PrintedUnit, Scope, Stage, TableCode } from './vocabulary'
import type { BudgetBasis, PrintedUnit, Scope, Stage, TableCode } from './vocabulary'

export interface DocumentRow {
  doc_id: string
  city: string
  /** Parent city of a 县级市 (高平 → 晋城), else empty. */
  county_of: string
  publisher: string
  scope: Scope | ''
  year: string
  stage: Stage | ''
  unit: PrintedUnit | ''
  /** File name in data/raw. */
  source: string
  title: string
}

export interface LineItemRow {
  doc_id: string
  table_code: TableCode
  /** 收入 / 支出 for two-sided tables (B01, B04, F01, F04), else empty. */
  side: '收入' | '支出' | ''
  row_label: string
  /** 功能分类 code (3/5/7 digits), when the row has one. */
  class_code: string
  /** 经济分类 code (3/5 digits), when the row has one. */
  econ_code: string
  /** The unit (单位) a row belongs to, in tables listed per unit (B11, B12, B13). */
  unit_name: string
  project_name: string
  /** Printed column header, normalised; nested headers joined with '/'. */
  measure: string
  /** Amount in 元 (decimal text), or a count in its own unit. */
  value: string
  /** 元 for amounts; 人, 辆, %, 平方米 … for counts. */
  unit: string
  /** The figure exactly as printed. */
  raw: string
  /** 1-based line in the source file where `raw` stands. */
  line: number
  /**
   * Extra column (not in the original contract): what kind of row this is, so
   * sums do not double count. '合计' for a table's total row, '单位' for a unit's
   * subtotal in B11/B12/B13, '项目' for a project row, '' for ordinary rows
   * (whose hierarchy, where there is one, is the class_code length).
   */
  row_kind: '合计' | '单位' | '项目' | ''
  /** The unit the figure is printed in (元 / 万元 / 亿元 for amounts, else the row's unit). Set by stampRows. */
  printed_unit?: string
  /** 1-based page of `line` when the text has pages (form feeds: a PDF's text), else ''. Set by stampRows. */
  page?: number | ''
  /** Stable id of the row: `<doc_id>:<table tag><line>` (+ `.k` for the k-th row on one line); src/ingest/provenance.ts. */
  row_id?: string
}

/** The 三公 categories (vocabulary.ts). */
export type { SangongCategory } from './vocabulary'
import type { SangongCategory } from './vocabulary'

export interface SangongRow {
  doc_id: string
  year: string
  figure: Stage
  category: SangongCategory
  amount_yuan: string
  line: number
  /** The table the figure was read from (B10, F07 …), '' when the prose states it. */
  table_code?: TableCode | ''
  /** The figure exactly as printed ('' when no figure on the line prints it). Set by stampRows. */
  raw?: string
  /** The unit the figure is printed in (元 / 万元 / 亿元 for amounts, else the row's unit). Set by stampRows. */
  printed_unit?: string
  /** 1-based page of `line` when the text has pages (form feeds: a PDF's text), else ''. Set by stampRows. */
  page?: number | ''
  /** Stable id of the row: `<doc_id>:<table tag><line>` (+ `.k` for the k-th row on one line); src/ingest/provenance.ts. */
  row_id?: string
}

export interface TargetRow {
  doc_id: string
  unit_name: string
  project_name: string
  /** 年度资金总额 in 元. */
  total_yuan: string
  /** 实施期资金总额 in 元. */
  period_total_yuan: string
  /** Which half of the table the indicator sits in: 实施期 or 年度. */
  period: '实施期' | '年度' | ''
  level1: string
  level2: string
  level3: string
  /** 指标值 as printed. */
  target: string
  line: number
  /** 1-based page of `line` when the text has pages (form feeds: a PDF's text), else ''. Set by stampRows. */
  page?: number | ''
  /** Stable id of the row: `<doc_id>:<table tag><line>` (+ `.k` for the k-th row on one line); src/ingest/provenance.ts. */
  row_id?: string
}

/**
 * One figure of the 预算情况 block of a 整体支出绩效目标申报表 (jincheng-2024 lines 1541–1553):
 * the 合计 and its split by 资金来源 and by 资金方向.
 */
export interface TargetBudgetRow {
  doc_id: string
  unit_name: string
  /** 整体支出. */
  project_name: string
  /** 资金来源 (按资金来源划分) or 资金方向 (按资金方向划分). */
  dimension: '资金来源' | '资金方向'
  /** The printed label without spaces and without 其中: (合计, 一般公共预算资金, 基本支出 …). */
  item: string
  /** Amount in 元. */
  value: string
  raw: string
  line: number
  /** The unit the figure is printed in (元 / 万元 / 亿元 for amounts, else the row's unit). Set by stampRows. */
  printed_unit?: string
  /** 1-based page of `line` when the text has pages (form feeds: a PDF's text), else ''. Set by stampRows. */
  page?: number | ''
  /** Stable id of the row: `<doc_id>:<table tag><line>` (+ `.k` for the k-th row on one line); src/ingest/provenance.ts. */
  row_id?: string
}

export interface EvaluationRow {
  doc_id: string
  unit_name: string
  project_name: string
  initial_yuan: string
  budget_yuan: string
  executed_yuan: string
  rate_pct: string
  score: string
  grade: string
  line: number
  /** Line of the 总分 row, where the total score stands (jincheng-2022 line 696), empty when none is printed. */
  score_line: number | ''
  /** Line where the 等级 stands (the 总分 row in the Shanxi template), empty when none is printed. */
  grade_line: number | ''
  /** The 全年执行数 exactly as printed ('' when no figure on the line prints it). Set by stampRows. */
  raw?: string
  /** The unit the figure is printed in (元 / 万元 / 亿元 for amounts, else the row's unit). Set by stampRows. */
  printed_unit?: string
  /** 1-based page of `line` when the text has pages (form feeds: a PDF's text), else ''. Set by stampRows. */
  page?: number | ''
  /** Stable id of the row: `<doc_id>:<table tag><line>` (+ `.k` for the k-th row on one line); src/ingest/provenance.ts. */
  row_id?: string
}

/**
 * One field of a 绩效自评, on its own line: a cell of the 资金 rows (资金总额 and the
 * rows under it), the 总分 / 等级, or a figure stated in the 自评结果分析 sentence
 * (part 分析: "该项目预算下达900万元, 实际执行125.45万元, 预算执行率为13.9%",
 * jincheng-2022 line 922), or the 整体支出 narrative (part 文字).
 */
export interface EvaluationFieldRow {
  doc_id: string
  project_name: string
  /** 表 (the 自评表's cells), 分析 (its analysis sentence), 文字 (the 整体支出 prose). */
  part: '表' | '分析' | '文字'
  /** The printed row label (资金总额, 市县区财政资金, 总分); empty for a sentence. */
  row_label: string
  /**
   * 年初预算数/目标申报数, 年初预算数/预算编制数 (or 年初预算数 unsplit), 全年预算数, 全年执行数, 结余,
   * 执行率, 得分, 总分, 等级 for the table; 预算数, 执行数, 执行率, 总分 for a sentence.
   */
  field: string
  /** Amounts in 元; rates in %; scores in 分; the 等级 as printed. */
  value: string
  unit: string
  /** As printed. */
  raw: string
  /**
   * For a 执行率: what it divides by, 全年预算 (the table, as its 备注 4 says) or 年初预算; for a
   * sentence, decided by which of the table's budgets the sentence's amount (or rate) matches; empty when neither.
   * For a sentence's 预算数: which of the table's budgets (年初预算 / 全年预算) it equals, empty when neither.
   */
  denominator: string
  /** The sentence a 分析 / 文字 figure stands in. */
  quote: string
  line: number
  /** The unit the figure is printed in (元 / 万元 / 亿元 for amounts, else the row's unit). Set by stampRows. */
  printed_unit?: string
  /** 1-based page of `line` when the text has pages (form feeds: a PDF's text), else ''. Set by stampRows. */
  page?: number | ''
  /** Stable id of the row: `<doc_id>:<table tag><line>` (+ `.k` for the k-th row on one line); src/ingest/provenance.ts. */
  row_id?: string
}

/** One indicator row of a 绩效自评表 (一级/二级/三级指标, 年初/调整后指标值, 实际完成值, 分值, 得分, 偏差原因). */
export interface EvaluationIndicatorRow {
  doc_id: string
  project_name: string
  level1: string
  level2: string
  level3: string
  /** 年初指标值, as printed. */
  initial_target: string
  /** 调整后指标值, as printed. */
  adjusted_target: string
  /** 实际完成值, as printed. */
  actual: string
  /** 分值 (points available). */
  weight: string
  /** 得分 (points scored). */
  score: string
  /** 偏差原因分析及改进措施, as printed (a cell cut short in the source stays cut). */
  deviation: string
  line: number
  /** 1-based page of `line` when the text has pages (form feeds: a PDF's text), else ''. Set by stampRows. */
  page?: number | ''
  /** Stable id of the row: `<doc_id>:<table tag><line>` (+ `.k` for the k-th row on one line); src/ingest/provenance.ts. */
  row_id?: string
}

export interface NarrativeRow {
  doc_id: string
  /** What the figure is about, e.g. "一般公共预算财政拨款支出" or "编制人数". */
  subject: string
  /** The year the figure describes (a derived prior-year figure carries the prior year). */
  year: string
  value: string
  unit: string
  relation: 'stated' | 'derived'
  /** The sentence (or clause) the figure comes from. */
  quote: string
  line: number
  /**
   * The vocabulary key the figure is about, set by the parser (narrative-subjects.ts,
   * subjectKey), so views join on it rather than on the subject's words: an amount
   * of a 三公 category its category (三公经费 → 合计), a rate of a budget
   * ("完成全年预算的28.57%") the budget it divides by; '' for any other figure.
   */
  subject_key: SangongCategory | BudgetBasis | ''
  /** The figure exactly as printed ('' when no figure on the line prints it). Set by stampRows. */
  raw?: string
  /** The unit the figure is printed in (元 / 万元 / 亿元 for amounts, else the row's unit). Set by stampRows. */
  printed_unit?: string
  /** 1-based page of `line` when the text has pages (form feeds: a PDF's text), else ''. Set by stampRows. */
  page?: number | ''
  /** Stable id of the row: `<doc_id>:<table tag><line>` (+ `.k` for the k-th row on one line); src/ingest/provenance.ts. */
  row_id?: string
}

export type CheckStatus = 'pass' | 'rounding' | 'fail'

export interface CheckRow {
  doc_id: string
  /** Human-readable name of the identity, e.g. "B01 收入总计 = 支出总计". */
  check: string
  expected: string
  actual: string
  diff: string
  status: CheckStatus
  /** Lines involved, joined with ';' (e.g. "113;117"). */
  lines: string
  /** Stable id of the row (src/ingest/provenance.ts). */
  row_id?: string
  /**
   * What expected, actual and diff count: 元 (amounts), % (rates), 分 (scores),
   * 个 (projects), or a line item's own unit; '' for words (a 自评 grade) and
   * in files written before the column was added.
   */
  unit?: string
}

/**
 * A finding of the review (src/review): one rule's verdict on one place of a
 * report, with its severity and the values it compared. Rules live in
 * src/review; the row is part of the dataset contract (findings.csv).
 */
export interface FindingRow {
  doc_id: string
  /** Stable rule id, e.g. "COMP-REQUIRED" or "CHK-PROSE" (README, "Review rules"). */
  rule: string
  severity: 'error' | 'warning' | 'notice'
  /** Table code the finding is about, '' for the prose or the whole document. */
  table_code: string
  /** Row label (or the subject of a sentence) the finding names. */
  row_label: string
  /** Column (measure) the finding names, when one. */
  measure: string
  /** 1-based source line; 0 for the whole document. */
  line: number
  /** 1-based page for a paged (PDF-born) text, else empty. */
  page: string
  /** What the rule expected, and what the report says (as text, amounts in 元). */
  expected: string
  actual: string
  /** The sentence or row text the finding is about, as printed (whitespace removed). */
  quote: string
  /** The finding in Chinese and in English, with the values compared. */
  message: string
  message_en: string
  /** Stable id of the row (src/ingest/provenance.ts). */
  row_id?: string
  /**
   * The unit of expected and actual when both are plain numbers — 元 for amounts,
   * which the app shows in the reader's unit — as a check's `unit`; '' when they
   * are words or carry their units in the text.
   */
  value_unit?: string
}

/** Something the parser could not read, named with its table and line. */
export interface Problem {
  severity: 'error' | 'warning'
  /** Table code or section ('narrative', 'targets', 'identity' …) the problem is in. */
  where: string
  /** 1-based source line, 0 when the problem concerns the whole file. */
  line: number
  message: string
}

export interface ParsedReport {
  document: DocumentRow
  lineItems: LineItemRow[]
  sangong: SangongRow[]
  targets: TargetRow[]
  /** The 预算情况 block of the 整体支出绩效目标申报表. */
  targetBudgets: TargetBudgetRow[]
  evaluations: EvaluationRow[]
  evaluationFields: EvaluationFieldRow[]
  evaluationIndicators: EvaluationIndicatorRow[]
  narrative: NarrativeRow[]
  checks: CheckRow[]
  problems: Problem[]
  /** Tables located in the text, with where they start and end and whether they were empty. */
  tables: LocatedTable[]
}

/** A table found in the text: its code, its title line and the half-open line range [start, end). */
export interface LocatedTable {
  code: TableCode
  title: string
  /** 1-based line of the title. */
  start: number
  /** 1-based line where the next section begins (exclusive). */
  end: number
  /** Which template family the title belongs to (templates.ts); the national tables are read by position. */
  family?: 'shanxi' | 'national'
}

/** A line of the source with its 1-based number. */
export interface SourceLine {
  no: number
  text: string
}
