/**
 * What makes a comparison of documents unequal (ARCHITECTURE.md, "Comparing like with like"): a 部门 report
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

/** A point of a trend (三公经费 over the years): its series is city × figure. */
export interface TrendPoint {
  city: string
  /** 预算 or 决算: what the point measures. */
  figure: string
  year: number
  doc_id: string
}

/** "2022 (单位); 2023, 2024 (部门)": the years of each group, in year order. */
function yearsBy(points: readonly TrendPoint[], key: (p: TrendPoint) => string): string {
  const groups = new Map<string, Set<number>>()
  for (const p of [...points].sort((a, b) => a.year - b.year)) {
    const k = key(p)
    if (!groups.has(k)) groups.set(k, new Set())
    groups.get(k)!.add(p.year)
  }
  return [...groups].map(([k, ys]) => `${[...ys].join(', ')} (${k})`).join('; ')
}

/**
 * What makes a trend unequal: within one series (city × figure), points from
 * documents of different scope (部门 vs 单位: 晋城 2022's 预算数 comes from the
 * bureau's own 单位 决算, 2024's from the consolidated 部门 预算) or of different
 * stage (a 决算's 预算数 is the full-year budget, a 预算's the initial one);
 * across the chart, a 县级市 beside another city and different printed units.
 * Different years are the point of a trend: no caveat for them.
 */
export function trendCaveats(points: readonly TrendPoint[], docs: readonly CaveatDoc[]): Caveat[] {
  const byId = new Map(docs.map((d) => [d.doc_id, d]))
  const known = points.filter((p) => byId.has(p.doc_id))
  const out: Caveat[] = []
  const series = new Map<string, TrendPoint[]>()
  for (const p of known) {
    const name = `${p.city} ${p.figure}`
    if (!series.has(name)) series.set(name, [])
    series.get(name)!.push(p)
  }
  for (const [name, ps] of [...series].sort((a, b) => a[0].localeCompare(b[0], 'zh'))) {
    const scopes = new Set(ps.map((p) => byId.get(p.doc_id)!.scope))
    if (scopes.size > 1) out.push({ key: 'caveat_trend_scope', vars: { series: name, parts: yearsBy(ps, (p) => byId.get(p.doc_id)!.scope) } })
    const stages = new Set(ps.map((p) => byId.get(p.doc_id)!.stage))
    if (stages.size > 1) out.push({ key: 'caveat_trend_stage', vars: { series: name, parts: yearsBy(ps, (p) => byId.get(p.doc_id)!.stage) } })
  }
  const used = [...new Set(known.map((p) => p.doc_id))].map((id) => byId.get(id)!)
  const seen = new Set<string>()
  for (const c of comparisonCaveats(used)) {
    if (c.key !== 'caveat_county' && c.key !== 'caveat_unit') continue
    const k = c.key + JSON.stringify(c.vars)
    if (!seen.has(k)) out.push(c)
    seen.add(k)
  }
  return out
}
