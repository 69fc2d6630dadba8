/**
 * The i18n core without Vue, shared by the views (through `t` in index.ts)
 * and the framework-free chart builders, which receive a `Translate` for the
 * page's locale instead of the reactive `t`.
 */
import { en, zh, type MessageKey } from './messages'
import { APPENDICES, BUDGET_BASES_EN, PRINTED_UNITS_EN, SANGONG_CATEGORIES_EN, SCOPES_EN, STAGES_EN } from '../ingest/vocabulary'

export type Locale = 'zh' | 'en'

/** A message in one locale: `{name}` placeholders filled from vars. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

export function translate(l: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = (l === 'en' ? en : zh)[key] ?? key
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
}

/** `translate` bound to a locale (what a chart builder is given). */
export function translator(l: Locale): Translate {
  return (key, vars) => translate(l, key, vars)
}

/**
 * The reports' own vocabulary — stages, scopes, units, parts of spending, the
 * 三公 categories, headline subjects — in English. These words come with the
 * data (a document's stage is 预算 or 决算) but are the interface's words too:
 * in English they are translated; names (cities, items, projects) are not.
 */
const TERMS_EN: Record<string, string> = {
  ...STAGES_EN, ...SCOPES_EN, ...PRINTED_UNITS_EN, ...SANGONG_CATEGORIES_EN, ...BUDGET_BASES_EN,
  亿元: '100m yuan',
  基本支出: 'basic spending', 项目支出: 'project spending', 人员经费: 'personnel costs', 公用经费: 'operating costs',
  支出合计: 'total spending', 三公经费预算: 'three public expenses (budget)', 三公经费决算: 'three public expenses (actual)',
  三公经费: 'three public expenses',
  [APPENDICES.narrative.zh]: APPENDICES.narrative.en, 推算: 'derived', 类: 'class', 款: 'section', 项: 'item',
  '基本/项目': 'basic / project', '人员/公用': 'personnel / operating', 功能分类: 'functional classification',
  调整预算: 'adjusted budget', 本年预算: 'this year’s budget', 上年结转: 'carried over',
  期间: 'period', 一级指标: 'level 1', 二级指标: 'level 2', 三级指标: 'level 3', 指标值: 'target',
}

/** A term of the reports in the locale (unknown terms, such as names, unchanged). */
export function term(l: Locale, zhTerm: string): string {
  if (l === 'zh') return zhTerm
  return TERMS_EN[zhTerm] ?? zhTerm
}

const TERM_RE = new RegExp(Object.keys(TERMS_EN).sort((a, b) => b.length - a.length).map((k) => k.replace(/[()（）/]/g, '\\$&')).join('|'), 'g')

/** Every known term inside a text (a caveat's "2022 (单位); 2023 (部门)") in the locale; names untouched. */
export function termsIn(l: Locale, text: string): string {
  return l === 'zh' ? text : text.replace(TERM_RE, (m) => TERMS_EN[m] ?? m)
}

/** What a document is called in the interface: 长治 2026 预算 / 长治 2026 budget (the city is a name, not translated). */
export function docLabel(l: Locale, d: { city: string; year: number | string; stage: string; label: string; doc_id?: string }): string {
  if (l === 'zh') return d.label
  const dup = d.label.match(/ \(([^)]*)\)$/)
  return `${d.city} ${d.year} ${term(l, d.stage)}${dup ? ` (${dup[1]})` : ''}`
}
