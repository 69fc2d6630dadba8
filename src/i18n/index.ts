/**
 * A tiny i18n: a reactive locale, `t(key, vars)` with `{name}` placeholders.
 * The locale is remembered in localStorage; Chinese is the default.
 */
import { ref } from 'vue'
import { docLabel as docLabelIn, term as termIn, termsIn, translate, translator, type Locale, type Translate } from './translate'
import type { MessageKey } from './messages'
import { dimensionName, type Dimension } from '../ingest/vocabulary'

export { translate, translator, type Locale, type Translate }

function initialLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem('kanzhang.locale') === 'en' ? 'en' : 'zh'
  } catch {
    return 'zh'
  }
}

export const locale = ref<Locale>(initialLocale())
// The page's language follows the remembered choice from the first paint (screen readers, hyphenation).
if (typeof document !== 'undefined') document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en'

export function setLocale(l: Locale): void {
  locale.value = l
  try {
    globalThis.localStorage?.setItem('kanzhang.locale', l)
  } catch {
    // storage may be unavailable (private mode, file://); the choice then lasts for the session
  }
  if (typeof document !== 'undefined') document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en'
}


/** `t` for the current locale (reactive: reads `locale`). */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return translate(locale.value, key, vars)
}

/** A term of the reports (预算, 部门, 万元, 合计 …) in the current locale (reactive). */
export function term(zhTerm: string): string {
  return termIn(locale.value, zhTerm)
}

/** A dimension's name in the current locale: 功能分类·类 / Function · class (reactive). */
export function dimName(key: Dimension): string {
  return dimensionName(key, locale.value)
}

/** A document's label in the current locale: 长治 2026 预算 / 长治 2026 budget (reactive). */
export function docLabel(d: Parameters<typeof docLabelIn>[1]): string {
  return docLabelIn(locale.value, d)
}

/** A message whose variables carry the reports' terms (caveats: "2022 (单位)"): the terms in the current locale too. */
export function tTerms(key: MessageKey, vars: Record<string, string> = {}): string {
  const l = locale.value
  return translate(l, key, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, termsIn(l, v)])))
}

/** A `Translate` for the current locale, to hand to a chart builder (read inside a computed, it tracks the locale). */
export function tr(): Translate {
  return translator(locale.value)
}

/** Text in brackets as each language writes them: （万元） / (10k yuan). */
export function paren(text: string): string {
  return locale.value === 'en' ? ` (${text})` : `（${text}）`
}

/** "label：value" / "label: value". */
export function labelled(label: string, value: string): string {
  return locale.value === 'en' ? `${label}: ${value}` : `${label}：${value}`
}

export type { MessageKey }
