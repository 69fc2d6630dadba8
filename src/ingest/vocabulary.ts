/**
 * The domain's fixed lists, defined once for the parser, the SQL views and
 * the app (ARCHITECTURE.md, "The data contract"). A list restated elsewhere
 * drifts: name it from here. Each list's English names (`*_EN`) stand beside
 * it; the interface's English reads them (src/i18n/translate.ts).
 */

/** 部门 consolidates the bureau and its subordinate units; 单位 is one unit. */
export const SCOPES = ['部门', '单位'] as const
export type Scope = (typeof SCOPES)[number]
export const SCOPES_EN: Readonly<Record<Scope, string>> = { 部门: 'department', 单位: 'unit' }

/** 预算 (the budget) and 决算 (the final accounts): two stages, never one series. */
export const STAGES = ['预算', '决算'] as const
export type Stage = (typeof STAGES)[number]
export const STAGES_EN: Readonly<Record<Stage, string>> = { 预算: 'budget', 决算: 'final accounts' }

/** The units a report prints its amounts in. */
export const PRINTED_UNITS = ['元', '万元'] as const
export type PrintedUnit = (typeof PRINTED_UNITS)[number]
export const PRINTED_UNITS_EN: Readonly<Record<PrintedUnit, string>> = { 元: 'yuan', 万元: '10k yuan' }

/**
 * The units a check's or a finding's values count in (checks.csv `unit`, findings.csv
 * `value_unit`, besides %), and the amount units they are shown in, in English;
 * a count (个) needs no word.
 */
export const VALUE_UNITS_EN: Readonly<Record<string, string>> = { ...PRINTED_UNITS_EN, 亿元: '100m yuan', 分: 'points', 个: '' }

/**
 * The 三公经费 categories, the values of sangong.category, in the order the
 * templates print them: the total, then 因公出国（境）费, 公务用车购置及运行费
 * with its two parts, and 公务接待费.
 */
export const SANGONG_CATEGORIES = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行维护费', '公务接待费'] as const
export type SangongCategory = (typeof SANGONG_CATEGORIES)[number]
export const SANGONG_CATEGORIES_EN: Readonly<Record<SangongCategory, string>> = {
  合计: 'total', '因公出国（境）费': 'official travel abroad', 公务用车购置及运行费: 'official vehicles',
  公务用车购置费: 'vehicle purchase', 公务用车运行维护费: 'vehicle operation', 公务接待费: 'official hospitality',
}

/** What adds up: 合计 = the three categories; 公务用车购置及运行费 = its two parts. */
export const SANGONG_SUMS: ReadonlyArray<readonly [SangongCategory, readonly SangongCategory[]]> = [
  ['合计', ['因公出国（境）费', '公务用车购置及运行费', '公务接待费']],
  ['公务用车购置及运行费', ['公务用车购置费', '公务用车运行维护费']],
]

/** How a long table may name the 三公 total: an item of that name is the category 合计. */
export const SANGONG_TOTAL_NAMES = ['三公经费', '“三公”经费', '三公经费合计'] as const

/** Every name a long-table item may give a 三公 figure by: the total's names and each category but 合计. */
export const SANGONG_ITEM_NAMES: readonly string[] = [...SANGONG_TOTAL_NAMES, ...SANGONG_CATEGORIES.filter((c) => c !== '合计')]

/**
 * What a rate in the prose divides by ("完成年初预算的119.09%"): the budget it
 * names, or 预算 where the sentence names none. The Execution view says it as
 * the rate's denominator.
 */
export const BUDGET_BASES = ['年初预算', '全年预算', '调整后预算', '预算'] as const
export type BudgetBasis = (typeof BUDGET_BASES)[number]
export const BUDGET_BASES_EN: Readonly<Record<BudgetBasis, string>> = {
  年初预算: 'initial budget', 全年预算: 'full-year budget', 调整后预算: 'adjusted budget', 预算: 'budget',
}

/**
 * The templates' tables (ARCHITECTURE.md, "Report templates"), in template
 * order: each code (B01–B13 of the Shanxi 13-table budget set, F01–F10 of its
 * 10-table final accounts) with the template's own title and its English
 * translation. A report may print a code's title otherwise (a local prefix,
 * "（不含上年结转）", a national 9-table title): the parser's catalogue
 * (templates.ts) recognises those; these are the names the app says.
 */
export const TEMPLATE_TABLES = [
  { code: 'B01', zh: '预算收支总表', en: 'Budget revenue and expenditure summary' },
  { code: 'B02', zh: '预算收入总表', en: 'Budget revenue summary' },
  { code: 'B03', zh: '预算支出总表', en: 'Budget expenditure summary' },
  { code: 'B04', zh: '财政拨款收支总表', en: 'Fiscal appropriation revenue and expenditure summary' },
  { code: 'B05', zh: '一般公共预算支出预算表', en: 'General public budget expenditure budget' },
  { code: 'B06', zh: '一般公共预算基本支出分经济科目表', en: 'General public budget basic expenditure by economic classification' },
  { code: 'B07', zh: '政府性基金预算收入表', en: 'Government fund budget revenue' },
  { code: 'B08', zh: '政府性基金预算支出表', en: 'Government fund budget expenditure' },
  { code: 'B09', zh: '国有资本经营预算收支预算表', en: 'State capital operation budget revenue and expenditure budget' },
  { code: 'B10', zh: '“三公”经费支出预算表', en: '“Three public expenses” expenditure budget' },
  { code: 'B11', zh: '机关运行经费预算表', en: 'Administrative operating costs budget' },
  { code: 'B12', zh: '项目支出预算表（本年预算）', en: 'Project expenditure budget (this year’s budget)' },
  { code: 'B13', zh: '项目支出预算表（上年结转）', en: 'Project expenditure budget (carried over from last year)' },
  { code: 'F01', zh: '收入支出决算总表', en: 'Revenue and expenditure final accounts summary' },
  { code: 'F02', zh: '收入决算表', en: 'Revenue final accounts' },
  { code: 'F03', zh: '支出决算表', en: 'Expenditure final accounts' },
  { code: 'F04', zh: '财政拨款收入支出决算总表', en: 'Fiscal appropriation revenue and expenditure final accounts summary' },
  { code: 'F05', zh: '一般公共预算财政拨款支出决算表', en: 'General public budget appropriation expenditure final accounts' },
  { code: 'F06', zh: '一般公共预算财政拨款支出决算明细表', en: 'General public budget appropriation expenditure final accounts, detail' },
  { code: 'F07', zh: '“三公”经费支出决算表', en: '“Three public expenses” expenditure final accounts' },
  { code: 'F08', zh: '政府性基金预算财政拨款收入支出决算表', en: 'Government fund budget appropriation revenue and expenditure final accounts' },
  { code: 'F09', zh: '国有资本经营预算财政拨款支出决算表', en: 'State capital operation budget appropriation expenditure final accounts' },
  { code: 'F10', zh: '部门决算公开相关信息统计表', en: 'Statistics related to the department final accounts disclosure' },
] as const
export type TableCode = (typeof TEMPLATE_TABLES)[number]['code']

/** Every table code, in template order. */
export const TABLE_CODES: readonly TableCode[] = TEMPLATE_TABLES.map((t) => t.code)

/** The template's name of every table (预算支出总表 …). */
export const TABLE_NAMES = Object.fromEntries(TEMPLATE_TABLES.map((t) => [t.code, t.zh])) as Readonly<Record<TableCode, string>>

/** The English name of every table, for the English interface, citations and findings. */
export const TABLE_NAMES_EN = Object.fromEntries(TEMPLATE_TABLES.map((t) => [t.code, t.en])) as Readonly<Record<TableCode, string>>

export function isTableCode(code: string): code is TableCode {
  return Object.prototype.hasOwnProperty.call(TABLE_NAMES, code)
}

/**
 * The number the template prints above a table: B03 → "预算公开表3", F03 →
 * "公开03表" (jincheng-2022-final.txt line 143 "公开01表"). A citation names
 * a table by it, so a reader finds the table in any city's report whatever
 * that report's local title prefix ("表三2026年…", changzhi line 15).
 */
export function tableNumber(code: TableCode): string {
  const n = code.slice(1)
  return code.startsWith('B') ? `预算公开表${Number(n)}` : `公开${n}表`
}

/** The printed number in English: B03 → "Budget table 3", F03 → "Final accounts table 03". */
export function tableNumberEn(code: TableCode): string {
  const n = code.slice(1)
  return code.startsWith('B') ? `Budget table ${Number(n)}` : `Final accounts table ${n}`
}

/** The table that holds a report's 三公经费 figures, by the report's stage (sangong.csv rows come from it). */
export const SANGONG_TABLE: Readonly<Record<Stage, TableCode>> = { 预算: 'B10', 决算: 'F07' }

/** The parts of a report that are no template table: the prose and the 绩效 appendices, with their English names. */
export const APPENDICES = {
  narrative: { zh: '情况说明', en: 'narrative' },
  target: { zh: '项目支出绩效目标表', en: 'performance targets table' },
  evaluation: { zh: '项目支出绩效自评表', en: 'performance self-evaluation table' },
} as const

/**
 * The dimensions spending is broken down by, with the names the interface
 * says: 功能分类 by level (3 digits 类, 5 款, 7 项), 经济分类 类/款, 基本/项目,
 * fund source, unit (B12's per-unit rows) and 三公 category. `facts`: a
 * dimension of a document's tables (v_facts, what Compare pivots); `years`: a
 * dimension a series over the years runs over (v_year_points).
 */
export const DIMENSIONS = [
  { key: 'class3', zh: '功能分类·类', en: 'Function · class', facts: true, years: true },
  { key: 'class5', zh: '功能分类·款', en: 'Function · section', facts: true, years: true },
  { key: 'class7', zh: '功能分类·项', en: 'Function · item', facts: true, years: true },
  { key: 'econ1', zh: '经济分类·类', en: 'Economic · class', facts: true, years: true },
  { key: 'econ2', zh: '经济分类·款', en: 'Economic · section', facts: true, years: true },
  { key: 'basic_project', zh: '基本/项目', en: 'Basic / project', facts: true, years: true },
  { key: 'fund', zh: '资金来源', en: 'Fund source', facts: true, years: false },
  { key: 'unit', zh: '单位（项目支出）', en: 'Unit (project spending)', facts: true, years: false },
  { key: 'sangong', zh: '三公经费', en: 'Three public expenses', facts: false, years: true },
] as const
type DimensionEntry = (typeof DIMENSIONS)[number]
export type Dimension = DimensionEntry['key']
/** A dimension of v_facts: what Compare pivots. */
export type FactDimension = Extract<DimensionEntry, { facts: true }>['key']
/** A dimension of v_year_points: what a series over the years runs over. */
export type YearDimension = Extract<DimensionEntry, { years: true }>['key']

export const FACT_DIMENSIONS: readonly FactDimension[] = DIMENSIONS.filter((d): d is Extract<DimensionEntry, { facts: true }> => d.facts).map((d) => d.key)
export const YEAR_DIMENSIONS: readonly YearDimension[] = DIMENSIONS.filter((d): d is Extract<DimensionEntry, { years: true }> => d.years).map((d) => d.key)

/** A dimension's name in a language: class3 → 功能分类·类 / Function · class. */
export function dimensionName(key: Dimension, lang: 'zh' | 'en'): string {
  const d = DIMENSIONS.find((x) => x.key === key)
  return d ? d[lang] : key
}

/** A list of texts as a SQL `IN (…)` list (the texts are this module's constants, quoted with '' doubled). */
export function sqlTextList(texts: readonly string[]): string {
  return texts.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ')
}
