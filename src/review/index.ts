/**
 * The review: a report read as an auditor reads it. `reviewReport` runs every
 * rule of RULES over a parsed report and its source lines and returns the
 * findings as dataset rows (findings.csv), each with its rule id, severity,
 * location (table, row, column, line, page) and a message in Chinese and
 * English with the values compared. Pure TypeScript: `npm run ingest`, the
 * import worker and the tests call it alike.
 */
import { toLines } from '../ingest/lines'
import type { FindingRow, ParsedReport } from '../ingest/types'
import { failedChecks } from './rules/checks'
import { contentsCount, emptyTables, requiredTables } from './rules/completeness'
import { basicVsEconomic, carryOver, fundingVsFundingTable, projectsVsProjectTables, sangongOverBudget, sangongProse } from './rules/identities'
import { leftovers, negativeAmounts } from './rules/leftovers'
import { changes, comparisons, inOut, shares } from './rules/logic'
import { dates, headingYears, priorYears, tableUnits } from './rules/years'
import { pagesOf } from './text'
import type { Draft, ReviewInput, RuleInfo } from './types'

export type { FindingRow, RuleInfo, Severity } from './types'
export { CHECK_FAMILIES, checkRule } from './rules/checks'

/** Every rule id with its family, top severity and meaning; the README lists the same (a test keeps them equal). */
export const RULES: readonly RuleInfo[] = [
  { id: 'COMP-REQUIRED', family: 'completeness', severity: 'error', zh: '模板要求的表都在', en: 'Every table the template requires is present' },
  { id: 'COMP-ORDER', family: 'completeness', severity: 'warning', zh: '表按模板顺序排列', en: 'Tables are in the template’s order' },
  { id: 'COMP-TOC', family: 'completeness', severity: 'error', zh: '目录所列表数 = 正文中找到的表数', en: 'The contents list as many tables as the text has' },
  { id: 'COMP-EMPTY', family: 'completeness', severity: 'warning', zh: '空表（无说明为警告，有说明为提示）', en: 'An empty table (warning without a note, notice with one)' },
  { id: 'COMP-NOTE', family: 'completeness', severity: 'warning', zh: '空表的说明要写对资金（政府性基金 / 国有资本经营 / 三公）', en: 'An empty table’s note names its own fund' },
  { id: 'COMP-BLANK-PROSE', family: 'completeness', severity: 'error', zh: '表为空，文字说明却给出非零数', en: 'A blank table while the prose gives it a non-zero figure' },
  { id: 'YEAR-HEADING', family: 'years', severity: 'error', zh: '标题与表名的年度 = 报告年度', en: 'Headings and table titles name the report’s year' },
  { id: 'YEAR-DATE', family: 'years', severity: 'error', zh: '截至日期与落款日期合乎报告年度', en: 'As-of and closing dates fit the report’s year and stage' },
  { id: 'YEAR-PRIOR', family: 'years', severity: 'error', zh: '与上年比较所写的年份 = 报告年度的上一年', en: 'A year-over-year comparison names the year before the report’s' },
  { id: 'UNIT-CONTRADICT', family: 'years', severity: 'error', zh: '表的金额单位与数字不矛盾（同一数字相差正好一万倍即元、万元之误）', en: 'A table’s unit does not contradict its figures (the same figure exactly 10,000 times apart)' },
  { id: 'UNIT-MISSING', family: 'years', severity: 'warning', zh: '有数字的表标明金额单位', en: 'A table with figures prints its unit' },
  { id: 'LOGIC-CMP', family: 'logic', severity: 'error', zh: '“决算数大于/小于/持平预算数”与所比两数一致', en: '“Final above/below/equal to budget” agrees with the two figures' },
  { id: 'LOGIC-REASON', family: 'logic', severity: 'warning', zh: '决算与预算有差异时说明原因', en: 'A difference from the budget is followed by its reason' },
  { id: 'LOGIC-DIRECTION', family: 'logic', severity: 'error', zh: '同一变动的金额与比率方向一致（增加…增长）', en: 'One change’s amount and rate go the same way' },
  { id: 'LOGIC-CHANGE', family: 'logic', severity: 'error', zh: '增减额、增减率与本年数相符（上年 = 本年 ∓ 增减额）', en: 'A change and its rate agree with the year’s figure' },
  { id: 'LOGIC-INOUT', family: 'logic', severity: 'error', zh: '收入总计与支出总计的变动方向和金额一致', en: 'Income and expenditure totals change the same way, by the same amount' },
  { id: 'LOGIC-SHARE', family: 'logic', severity: 'error', zh: '“其中…占 p%”与所占两数相符', en: '“Of which … p%” agrees with the part and the whole' },
  { id: 'X-BASIC-ECON', family: 'identities', severity: 'error', zh: '功能分类表的基本支出 = 经济分类表（人员经费 + 公用经费）', en: 'Basic spending in the function table = the economic-classification table' },
  { id: 'X-PROJECTS', family: 'identities', severity: 'error', zh: '项目支出 = 项目支出表合计（B03 = B12 + B13；B05 = B12 一般公共预算）', en: 'Project spending = the project tables’ totals' },
  { id: 'X-FUNDING', family: 'identities', severity: 'error', zh: '收入表的财政拨款 = 财政拨款收支总表的本年收入合计', en: 'Government funding in the income table = the funding table’s income total' },
  { id: 'X-CARRY', family: 'identities', severity: 'error', zh: '年末结转和结余 = 年初 + 本年收入 − 本年支出（F01）', en: 'Year-end balance = opening balance + income − spending (F01)' },
  { id: 'X-SANGONG-PROSE', family: 'identities', severity: 'error', zh: '文字说明中的“三公”各项 = “三公”表', en: 'The prose’s “three public expenses” items = the table' },
  { id: 'X-SANGONG-OVER', family: 'identities', severity: 'notice', zh: '“三公”经费决算超过预算', en: 'A “three public expenses” final figure above its budget' },
  { id: 'LEFT-PLACEHOLDER', family: 'leftovers', severity: 'error', zh: '没有模板占位符（XX、待填写、……、TBD）', en: 'No template placeholders (XX, “to be filled”, ……, TBD)' },
  { id: 'LEFT-ALTERNATIVES', family: 'leftovers', severity: 'error', zh: '没有并存的模板选项（“下降（增长）”）', en: 'No template alternatives left side by side' },
  { id: 'LEFT-IMPOSSIBLE', family: 'leftovers', severity: 'error', zh: '没有自相矛盾的说法（“增加持平”）', en: 'No self-contradictory phrases' },
  { id: 'LEFT-ZERO-CHANGE', family: 'leftovers', severity: 'warning', zh: '零变动不写作增减（“增加0万元”）', en: 'A zero change is not worded as a rise or fall' },
  { id: 'LEFT-PCT-DIGITS', family: 'leftovers', severity: 'warning', zh: '百分比至多两位小数', en: 'Percentages have at most two decimals' },
  { id: 'LEFT-PCT-SIGN', family: 'leftovers', severity: 'warning', zh: '增长率带百分号', en: 'Growth rates carry their % sign' },
  { id: 'LEFT-NEGATIVE', family: 'leftovers', severity: 'error', zh: '不可能为负的栏目没有负数', en: 'No negative amount where none can be' },
  { id: 'CHK-BALANCE', family: 'checks', severity: 'error', zh: '核对：收入总计 = 支出总计', en: 'Check: income total = expenditure total' },
  { id: 'CHK-ROW', family: 'checks', severity: 'error', zh: '核对：行内合计 = 各栏之和', en: 'Check: a row’s total = its columns' },
  { id: 'CHK-TREE', family: 'checks', severity: 'error', zh: '核对：科目 = 下级科目之和', en: 'Check: a code = the sum of its children' },
  { id: 'CHK-COLUMN', family: 'checks', severity: 'error', zh: '核对：栏目合计 = 各项之和', en: 'Check: a column total = its items' },
  { id: 'CHK-UNITS', family: 'checks', severity: 'error', zh: '核对：单位 = 各项目之和，部门 = 各单位之和', en: 'Check: unit = its projects, department = its units' },
  { id: 'CHK-CROSS', family: 'checks', severity: 'error', zh: '核对：表间勾稽', en: 'Check: cross-table identities' },
  { id: 'CHK-SANGONG', family: 'checks', severity: 'error', zh: '核对：“三公”合计 = 各项之和', en: 'Check: the “three public expenses” total = its items' },
  { id: 'CHK-PROSE', family: 'checks', severity: 'error', zh: '核对：文字说明中的数 = 表中的数', en: 'Check: figures in the prose = the tables' },
  { id: 'CHK-SELFEVAL', family: 'checks', severity: 'error', zh: '核对：绩效自评', en: 'Check: performance self-evaluation' },
  { id: 'CHK-OTHER', family: 'checks', severity: 'error', zh: '核对：其他', en: 'Check: other' },
]

/** The rules that read the report, in the order their findings are listed. */
const RUNNERS: ReadonlyArray<(input: ReviewInput) => Draft[]> = [
  requiredTables, contentsCount, emptyTables,
  headingYears, dates, priorYears, tableUnits,
  comparisons, changes, shares, inOut,
  basicVsEconomic, projectsVsProjectTables, fundingVsFundingTable, carryOver, sangongOverBudget, sangongProse,
  leftovers, negativeAmounts,
  (input) => failedChecks(input.report.checks, input.report.narrative),
]

const ORDER = { error: 0, warning: 1, notice: 2 } as const

/** Every finding of one report: by severity, then by line. Never throws: a rule that crashes is itself a finding. */
export function reviewReport(report: ParsedReport, text: string): FindingRow[] {
  const lines = toLines(text)
  const input: ReviewInput = { report, lines }
  const page = pagesOf(lines)
  const drafts: Draft[] = []
  for (const run of RUNNERS) {
    try {
      drafts.push(...run(input))
    } catch (err) {
      drafts.push({
        rule: 'REVIEW-CRASH', severity: 'warning', line: 0,
        message: `审查规则 ${run.name} 出错：${err instanceof Error ? err.message : String(err)}`,
        message_en: `Review rule ${run.name} failed: ${err instanceof Error ? err.message : String(err)}`,
      })
    }
  }
  return drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => ORDER[a.d.severity] - ORDER[b.d.severity] || a.d.line - b.d.line || a.i - b.i)
    .map(({ d }) => ({
      doc_id: report.document.doc_id,
      rule: d.rule,
      severity: d.severity,
      table_code: d.table_code ?? '',
      row_label: d.row_label ?? '',
      measure: d.measure ?? '',
      line: d.line,
      page: page(d.line),
      expected: d.expected ?? '',
      actual: d.actual ?? '',
      quote: d.quote ?? '',
      message: d.message,
      message_en: d.message_en,
      value_unit: d.value_unit ?? '',
    }))
}
