/**
 * The catalogue of disclosure table templates: which printed titles name which
 * table, and how the national-template reader lays each one out. Adding a
 * province's variant means adding entries here (plus a test), not branches in
 * the readers.
 *
 * Codes: B01–B13 are the budget tables, F01–F10 the final-accounts tables, as
 * in the Shanxi 13-table set of the bundled reports; the national 9-table sets
 * map onto the code of the table with the same content (national
 * 财务收支预算总表 = B01 收支总表, 一般公共预算基本支出部门预算经济分类预算表 = B06 …).
 * The codes themselves, with the names the app says them by, are the
 * vocabulary's (vocabulary.ts, TEMPLATE_TABLES): this catalogue only reads titles.
 */
import type { TableCode } from './types'

/** Which family a title belongs to: the reader of the national templates handles 'national'. */
export type TemplateFamily = 'shanxi' | 'national'

/** How the national-template reader treats a table. */
export interface TableLayout {
  /** Income on the left, expenditure on the right (收支总表). */
  twoSided?: boolean
  /** No row-label column: the columns themselves are the categories (三公 tables). */
  noLabel?: boolean
  /** The row codes are 经济分类 (econ_code) rather than 功能分类 (class_code). */
  econ?: boolean
  /**
   * A column that is another table's figure printed inside this one: the
   * national 三公 table carries 机关运行经费 (B11's total in the Shanxi set).
   */
  moved?: { header: RegExp; code: TableCode; label: string }
  /** Why the table is located but not read item by item (said as a warning, never silently). */
  unread?: string
  /**
   * Panels side by side, left to right, each with its own code, name and value
   * columns; the panel's name prefixes its measures (决算 基本支出: 人员经费 | 公用经费).
   */
  panels?: readonly string[]
}

export interface TemplateEntry {
  code: TableCode
  family: TemplateFamily
  /** The title, matched at the end of the printed title line. */
  title: RegExp
  layout?: TableLayout
}

const Q = '[“"]三公[”"]'

/**
 * Every known title. Order matters: a more specific title comes first
 * (财政拨款收支总表 before 收支总表, 一般公共预算财政拨款基本支出决算表 before
 * 一般公共预算财政拨款支出决算表 is not needed since both end differently).
 */
export const CATALOGUE: readonly TemplateEntry[] = [
  // National 部门/单位预算 9-table set (上海 and most provinces).
  { code: 'B04', family: 'national', title: /财政拨款收支预算总表$/, layout: { twoSided: true } },
  { code: 'B01', family: 'national', title: /财务收支预算总表$/, layout: { twoSided: true } },
  { code: 'B02', family: 'national', title: /收入预算总表$/ },
  { code: 'B03', family: 'national', title: /支出预算总表$/ },
  { code: 'B05', family: 'national', title: /一般公共预算支出功能分类预算表$/ },
  { code: 'B08', family: 'national', title: /政府性基金预算支出功能分类预算表$/ },
  { code: 'B09', family: 'national', title: /国有资本经营预算支出功能分类预算表$/ },
  { code: 'B06', family: 'national', title: /一般公共预算基本支出(部门预算)?经济分类预算表$/, layout: { econ: true } },
  { code: 'B10', family: 'national', title: new RegExp(`${Q}经费和机关运行经费预算表$`),
    layout: { noLabel: true, moved: { header: /^机关运行经费/, code: 'B11', label: '机关运行经费' } } },
  // Shanxi 13-table budget set.
  { code: 'B04', family: 'shanxi', title: /财政拨款收支总表$/ },
  { code: 'B01', family: 'shanxi', title: /预算收支总表$/ },
  { code: 'B02', family: 'shanxi', title: /预算收入总表$/ },
  { code: 'B03', family: 'shanxi', title: /预算支出总表$/ },
  { code: 'B05', family: 'shanxi', title: /一般公共预算支出预算表(（不含上年结转）)?$/ },
  { code: 'B06', family: 'shanxi', title: /一般公共预算(安排)?基本支出分经济科目表(（不含上年结转）)?$/ },
  { code: 'B07', family: 'shanxi', title: /政府性基金预算收入表(（不含上年结转）)?$/ },
  { code: 'B08', family: 'shanxi', title: /政府性基金预算支出表(（不含上年结转）)?$/ },
  { code: 'B09', family: 'shanxi', title: /国有资本经营预算收支预算表(（不含上年结转）)?$/ },
  { code: 'B10', family: 'shanxi', title: new RegExp(`${Q}经费支出预算表$`) },
  { code: 'B11', family: 'shanxi', title: /机关运行经费预算表$/ },
  { code: 'B12', family: 'shanxi', title: /项目支出预算表（本年预算）$/ },
  { code: 'B13', family: 'shanxi', title: /项目支出预算表（上年结转）$/ },
  // 决算: the national 9-table set and the Shanxi 10-table set share most titles.
  { code: 'F04', family: 'national', title: /财政拨款收入支出决算总表$/, layout: { twoSided: true } },
  { code: 'F08', family: 'national', title: /政府性基金预算财政拨款收入支出决算表$/ },
  { code: 'F09', family: 'national', title: /国有资本经营预算财政拨款(收入)?支出决算表$/ },
  { code: 'F01', family: 'national', title: /收入支出决算总表$/, layout: { twoSided: true } },
  { code: 'F02', family: 'national', title: /收入决算表$/ },
  // Shanxi's 决算 明细表 (four panels) and 相关信息统计表 are read from tab extractions only.
  { code: 'F06', family: 'national', title: /一般公共预算财政拨款支出决算明细表$/, layout: { econ: true, unread: '四栏并列的明细表只从制表符分隔的文本读取' } },
  // Two 经济分类 panels side by side: 人员经费 (301, 303) on the left, 公用经费 (302, 310 …) on the right.
  { code: 'F06', family: 'national', title: /一般公共预算财政拨款基本支出决算表$/, layout: { econ: true, panels: ['人员经费', '公用经费'] } },
  { code: 'F05', family: 'national', title: /一般公共预算财政拨款支出决算表$/ },
  { code: 'F03', family: 'national', title: /支出决算表$/ },
  { code: 'F07', family: 'national', title: new RegExp(`${Q}经费支出决算表$`), layout: { noLabel: true } },
  { code: 'F10', family: 'national', title: /部门决算公开相关信息统计表$/, layout: { unread: '统计表只从制表符分隔的文本读取' } },
]

/** The layout of a located table (by its title), or an empty layout. */
export function layoutOf(title: string): TableLayout {
  return CATALOGUE.find((e) => e.title.test(title.replace(/^.*?(\d{4}年度?)/, '')) || e.title.test(title))?.layout ?? {}
}
