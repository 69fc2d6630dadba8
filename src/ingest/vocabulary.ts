/**
 * The domain's fixed lists, defined once for the parser, the SQL views and
 * the app (ARCHITECTURE.md, "The data contract"). A list restated elsewhere
 * drifts: name it from here.
 */

/** 部门 consolidates the bureau and its subordinate units; 单位 is one unit. */
export const SCOPES = ['部门', '单位'] as const
export type Scope = (typeof SCOPES)[number]

/** 预算 (the budget) and 决算 (the final accounts): two stages, never one series. */
export const STAGES = ['预算', '决算'] as const
export type Stage = (typeof STAGES)[number]

/** The units a report prints its amounts in. */
export const PRINTED_UNITS = ['元', '万元'] as const
export type PrintedUnit = (typeof PRINTED_UNITS)[number]

/**
 * The 三公经费 categories, the values of sangong.category, in the order the
 * templates print them: the total, then 因公出国（境）费, 公务用车购置及运行费
 * with its two parts, and 公务接待费.
 */
export const SANGONG_CATEGORIES = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行维护费', '公务接待费'] as const
export type SangongCategory = (typeof SANGONG_CATEGORIES)[number]

/** What adds up: 合计 = the three categories; 公务用车购置及运行费 = its two parts. */
export const SANGONG_SUMS: ReadonlyArray<readonly [SangongCategory, readonly SangongCategory[]]> = [
  ['合计', ['因公出国（境）费', '公务用车购置及运行费', '公务接待费']],
  ['公务用车购置及运行费', ['公务用车购置费', '公务用车运行维护费']],
]

/** How a long table may name the 三公 total: an item of that name is the category 合计. */
export const SANGONG_TOTAL_NAMES = ['三公经费', '“三公”经费', '三公经费合计'] as const

/** Every name a long-table item may give a 三公 figure by: the total's names and each category but 合计. */
export const SANGONG_ITEM_NAMES: readonly string[] = [...SANGONG_TOTAL_NAMES, ...SANGONG_CATEGORIES.filter((c) => c !== '合计')]

/** A list of texts as a SQL `IN (…)` list (the texts are this module's constants, quoted with '' doubled). */
export function sqlTextList(texts: readonly string[]): string {
  return texts.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ')
}
