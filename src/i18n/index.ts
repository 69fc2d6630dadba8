/**
 * A tiny i18n: a reactive locale, `t(key, vars)` with `{name}` placeholders.
 * The locale is remembered in localStorage; Chinese is the default.
 */
import { ref } from 'vue'
import { en, zh, type MessageKey } from './messages'

export type Locale = 'zh' | 'en'

function initialLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem('kanzhang.locale') === 'en' ? 'en' : 'zh'
  } catch {
    return 'zh'
  }
}

export const locale = ref<Locale>(initialLocale())

export function setLocale(l: Locale): void {
  locale.value = l
  try {
    globalThis.localStorage?.setItem('kanzhang.locale', l)
  } catch {
    // storage may be unavailable (private mode, file://); the choice then lasts for the session
  }
  if (typeof document !== 'undefined') document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en'
}

export function translate(l: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = (l === 'en' ? en : zh)[key] ?? key
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
}

/** `t` for the current locale (reactive: reads `locale`). */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return translate(locale.value, key, vars)
}

export type { MessageKey }
