/** Data-quality findings of what a view shows, kept up to date as its figures change. */
import { shallowRef, watch, type ShallowRef } from 'vue'
import type { AmountUnit } from '../format/amount'
import { findingText, type FigureRef, type QualityFinding } from '../publish/data-quality'
import { findingsFor } from './provenance'
import { locale } from '../i18n'
import { useDbStore } from '../stores/db'

export function useQuality(figures: () => readonly FigureRef[]): ShallowRef<QualityFinding[]> {
  const db = useDbStore()
  const out = shallowRef<QualityFinding[]>([])
  let seq = 0
  watch(() => [db.db, figures()] as const, async ([engine, figs]) => {
    const mine = ++seq
    const found = engine && figs.length ? await findingsFor(engine, figs) : []
    if (mine === seq) out.value = found
  }, { immediate: true })
  return out
}

/** The findings as lines for an export's notes, amounts in the export's unit. */
export function findingNotes(findings: readonly QualityFinding[], unit?: AmountUnit): string[] {
  return findings.map((f) => findingText(f, locale.value === 'en' ? 'en' : 'zh', unit))
}
