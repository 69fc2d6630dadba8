/**
 * The templates' table names and numbers (ARCHITECTURE.md, "Report
 * templates"): budget reports print 预算公开表1–13, final
 * accounts print 公开01–10表 (jincheng-2022-final.txt line 143 "公开01表").
 * A citation names a table by the template's own wording, so a reader can
 * find it in any city's report, whatever that report's local title prefix
 * ("表三2026年…", changzhi line 15).
 */
import type { TableCode } from '../ingest/types'

/** Template name of every table (ARCHITECTURE.md, "Report templates", lists them in this order). */
export const TABLE_NAMES: Readonly<Record<TableCode, string>> = {
  B01: '预算收支总表',
  B02: '预算收入总表',
  B03: '预算支出总表',
  B04: '财政拨款收支总表',
  B05: '一般公共预算支出预算表',
  B06: '一般公共预算基本支出分经济科目表',
  B07: '政府性基金预算收入表',
  B08: '政府性基金预算支出表',
  B09: '国有资本经营预算收支预算表',
  B10: '“三公”经费支出预算表',
  B11: '机关运行经费预算表',
  B12: '项目支出预算表（本年预算）',
  B13: '项目支出预算表（上年结转）',
  F01: '收入支出决算总表',
  F02: '收入决算表',
  F03: '支出决算表',
  F04: '财政拨款收入支出决算总表',
  F05: '一般公共预算财政拨款支出决算表',
  F06: '一般公共预算财政拨款支出决算明细表',
  F07: '“三公”经费支出决算表',
  F08: '政府性基金预算财政拨款收入支出决算表',
  F09: '国有资本经营预算财政拨款支出决算表',
  F10: '部门决算公开相关信息统计表',
}

/** English names, for the English variant of a citation. */
export const TABLE_NAMES_EN: Readonly<Record<TableCode, string>> = {
  B01: 'Budget revenue and expenditure summary',
  B02: 'Budget revenue summary',
  B03: 'Budget expenditure summary',
  B04: 'Fiscal appropriation revenue and expenditure summary',
  B05: 'General public budget expenditure',
  B06: 'General public budget basic expenditure by economic classification',
  B07: 'Government fund budget revenue',
  B08: 'Government fund budget expenditure',
  B09: 'State capital operation budget',
  B10: '“Three public expenses” budget',
  B11: 'Administrative operating costs budget',
  B12: 'Project expenditure budget (this year)',
  B13: 'Project expenditure budget (carried over)',
  F01: 'Final accounts revenue and expenditure summary',
  F02: 'Final accounts revenue',
  F03: 'Final accounts expenditure',
  F04: 'Fiscal appropriation revenue and expenditure final accounts summary',
  F05: 'General public budget appropriation expenditure final accounts',
  F06: 'General public budget appropriation expenditure final accounts, detail',
  F07: '“Three public expenses” final accounts',
  F08: 'Government fund appropriation final accounts',
  F09: 'State capital operation appropriation final accounts',
  F10: 'Statistics related to the final accounts disclosure',
}

export function isTableCode(code: string): code is TableCode {
  return Object.prototype.hasOwnProperty.call(TABLE_NAMES, code)
}

/** The number the template prints above a table: B03 → "预算公开表3", F03 → "公开03表". */
export function tableNumber(code: TableCode): string {
  const n = code.slice(1)
  return code.startsWith('B') ? `预算公开表${Number(n)}` : `公开${n}表`
}

/** The short reference used in a chart's source line: B03 → "表3", F03 → "公开03表". */
export function tableShortRef(code: TableCode): string {
  return code.startsWith('B') ? `表${Number(code.slice(1))}` : tableNumber(code)
}

/** English table number: B03 → "Budget table 3", F03 → "Final accounts table 03". */
export function tableNumberEn(code: TableCode): string {
  const n = code.slice(1)
  return code.startsWith('B') ? `Budget table ${Number(n)}` : `Final accounts table ${n}`
}

/** The tables that hold 三公经费 figures in each kind of report (sangong.csv rows come from them). */
export const SANGONG_TABLE: Readonly<Record<'预算' | '决算', TableCode>> = { 预算: 'B10', 决算: 'F07' }

/** Appendix tables that have no B/F code. */
export const APPENDIX_NAMES = {
  narrative: '情况说明',
  target: '项目支出绩效目标表',
  evaluation: '项目支出绩效自评表',
} as const
