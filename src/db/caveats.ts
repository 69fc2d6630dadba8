/**
 * What makes a comparison of documents unequal (DESIGN.md): a 部门 report
 * consolidates the bureau and its units while a 单位 report covers one unit;
 * 预算 and 决算 are different stages; different years mix change over time; a
 * 县级市 is administered by its parent city. Pure: documents in, notices out.
 */
import type { MessageKey } from '../i18n/messages'

export interface CaveatDoc {
  doc_id: string
  city: string
  county_of: string
  scope: string
  year: number | string
  stage: string
  unit: string
  label: string
}

export interface Caveat {
  key: MessageKey
  vars: Record<string, string>
}

export function comparisonCaveats(docs: readonly CaveatDoc[]): Caveat[] {
  const out: Caveat[] = []
  const dept = docs.find((d) => d.scope === '部门')
  const unit = docs.find((d) => d.scope === '单位')
  if (dept && unit) out.push({ key: 'caveat_scope', vars: { a: dept.label, b: unit.label } })
  const budget = docs.find((d) => d.stage === '预算')
  const final = docs.find((d) => d.stage === '决算')
  if (budget && final) out.push({ key: 'caveat_stage', vars: { a: budget.label, b: final.label } })
  const years = [...new Set(docs.map((d) => String(d.year)))].sort()
  if (years.length > 1) out.push({ key: 'caveat_years', vars: { years: years.join(' / ') } })
  for (const c of docs.filter((d) => d.county_of !== '')) {
    if (docs.some((d) => d.county_of === '' && d.city !== c.city)) out.push({ key: 'caveat_county', vars: { county: c.city, parent: c.county_of } })
  }
  const units = [...new Set(docs.map((d) => d.unit).filter((u) => u !== ''))]
  if (units.length > 1) out.push({ key: 'caveat_unit', vars: { units: units.join(' / ') } })
  return out
}
