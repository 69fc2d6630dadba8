/**
 * The user's choices in every view, mirrored to the URL (hash routing) so a
 * link reproduces the view. Each route owns some keys; `toQuery` writes them,
 * `fromQuery` reads them back with defaults, noting what it could not use
 * (unknown parameters, bad values) so the page can say so.
 */
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { VALUE_MODES, type ValueMode } from '../db/queries/compare'
import { PROJECT_SORTS, type ProjectSort } from '../db/queries/projects'
import { FACT_DIMENSIONS, YEAR_DIMENSIONS, type FactDimension, type YearDimension } from '../ingest/vocabulary'
import { AMOUNT_UNITS, type AmountUnit } from '../format/amount'

export interface Selection {
  docs: string[]
  dimension: FactDimension
  mode: ValueMode
  unit: AmountUnit
  doc: string
  node: string
  part: string
  kind: 'treemap' | 'sunburst'
  category: string
  q: string
  sort: ProjectSort
  desc: boolean
  sql: string
  /** Years view: publisher keys, dimension and the item its chart draws. */
  pubs: string[]
  ydim: YearDimension
  item: string
}

export const DEFAULT_SELECTION: Selection = {
  docs: [], dimension: 'class3', mode: 'amount', unit: '万元',
  doc: '', node: '', part: '合计', kind: 'treemap', category: '合计',
  q: '', sort: 'amount', desc: true, sql: '',
  pubs: [], ydim: 'class3', item: '',
}

/** Which keys each route keeps in its URL. */
export const ROUTE_KEYS: Record<string, (keyof Selection)[]> = {
  overview: ['unit'],
  compare: ['docs', 'dimension', 'mode', 'unit'],
  structure: ['doc', 'node', 'part', 'kind', 'unit'],
  sangong: ['category', 'unit'],
  execution: ['unit'],
  projects: ['q', 'sort', 'desc', 'unit'],
  workbench: ['sql'],
  years: ['pubs', 'ydim', 'item', 'unit'],
  // 审查 Review (issue 12): one document's findings.
  review: ['doc', 'unit'],
}

/** Parameters a route reads besides its choices (the source view's line, the data view's check). */
const OTHER_KEYS: Record<string, string[]> = { source: ['line'], data: ['doc', 'check'] }

/** Choices typed letter by letter: each keystroke replaces the history entry instead of adding one. */
export const TYPED_KEYS: readonly (keyof Selection)[] = ['q', 'sql']

/** A problem with the link: a parameter the view does not know, or a value it cannot use (and the default used instead). */
export interface UrlProblem {
  key: string
  value: string
  kind: 'unknown' | 'invalid'
}

type Query = Record<string, string>

function encode(key: keyof Selection, value: Selection[keyof Selection]): string {
  if (key === 'docs' || key === 'pubs') return (value as string[]).join(',')
  if (key === 'desc') return value ? '1' : '0'
  return String(value)
}

export const useSelectionStore = defineStore('selection', () => {
  const state = reactive<Selection>({ ...DEFAULT_SELECTION, docs: [], pubs: [] })
  /** What the last link read could not use. */
  const problems = ref<UrlProblem[]>([])
  /**
   * Set while a view fills in a default (the first document, the 部门 budgets):
   * that change replaces the history entry, so Back does not land on a page
   * that fills the same default in again.
   */
  let defaulting = false
  /** Set while the choices are read from the URL: that change must not be written back as a new entry. */
  let reading = false
  let lastRoute = ''

  /** Run a view's default choice: the URL follows it without a new history entry. */
  function setDefault(fill: () => void): void {
    defaulting = true
    queueMicrotask(() => { defaulting = false })
    fill()
  }
  /** Whether the pending change came from the URL itself (read once by the URL writer, then cleared). */
  function takeReading(): boolean {
    const was = reading
    reading = false
    return was
  }
  /** Whether the pending change is a default (read once by the URL writer, then cleared). */
  function takeDefaulting(): boolean {
    const was = defaulting
    defaulting = false
    return was
  }
  /** A view that finds a value of the link unusable (an unknown document) reports it here. */
  function reportProblem(p: UrlProblem): void {
    if (!problems.value.some((x) => x.key === p.key && x.value === p.value)) problems.value = [...problems.value, p]
  }

  function toQuery(route: string): Query {
    const q: Query = {}
    for (const key of ROUTE_KEYS[route] ?? []) {
      const v = encode(key, state[key])
      if (v !== encode(key, DEFAULT_SELECTION[key])) q[key] = v
    }
    return q
  }

  function fromQuery(route: string, query: Record<string, unknown>): void {
    reading = true
    // The URL writer runs in the same flush as this read; a read that changed nothing must not leave the flag up.
    queueMicrotask(() => { reading = false })
    const get = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : undefined)
    const known = new Set<string>([...(ROUTE_KEYS[route] ?? []), ...(OTHER_KEYS[route] ?? [])])
    const found: UrlProblem[] = Object.keys(query).filter((k) => !known.has(k)).map((k) => ({ key: k, value: String(query[k] ?? ''), kind: 'unknown' }))
    const check = (key: string, v: string, ok: boolean) => { if (!ok) found.push({ key, value: v, kind: 'invalid' }) }
    for (const key of ROUTE_KEYS[route] ?? []) {
      const v = get(key)
      const s = state as unknown as Record<string, unknown>
      if (v === undefined) {
        s[key] = key === 'docs' || key === 'pubs' ? [] : DEFAULT_SELECTION[key]
        continue
      }
      switch (key) {
        case 'docs': {
          // The same documents keep the same array: a new one would make every view that reads them ask again.
          const docs = v.split(',').filter(Boolean)
          if (docs.join(',') !== state.docs.join(',')) state.docs = docs
          break
        }
        case 'dimension': check(key, v, (FACT_DIMENSIONS as readonly string[]).includes(v)); state.dimension = (FACT_DIMENSIONS as readonly string[]).includes(v) ? (v as FactDimension) : DEFAULT_SELECTION.dimension; break
        case 'mode': check(key, v, (VALUE_MODES as readonly string[]).includes(v)); state.mode = (VALUE_MODES as readonly string[]).includes(v) ? (v as ValueMode) : DEFAULT_SELECTION.mode; break
        case 'unit': check(key, v, (AMOUNT_UNITS as readonly string[]).includes(v)); state.unit = (AMOUNT_UNITS as readonly string[]).includes(v) ? (v as AmountUnit) : DEFAULT_SELECTION.unit; break
        case 'kind': check(key, v, v === 'sunburst' || v === 'treemap'); state.kind = v === 'sunburst' ? 'sunburst' : 'treemap'; break
        case 'sort': check(key, v, (PROJECT_SORTS as readonly string[]).includes(v)); state.sort = (PROJECT_SORTS as readonly string[]).includes(v) ? (v as ProjectSort) : DEFAULT_SELECTION.sort; break
        case 'desc': state.desc = v !== '0'; break
        case 'pubs': state.pubs = v.split(',').filter(Boolean); break
        case 'ydim': check(key, v, (YEAR_DIMENSIONS as readonly string[]).includes(v)); state.ydim = (YEAR_DIMENSIONS as readonly string[]).includes(v) ? (v as YearDimension) : DEFAULT_SELECTION.ydim; break
        default: s[key] = v
      }
    }
    // A default filled in after a bad link rewrites the URL (a replace): the notice stays until
    // the reader goes elsewhere or makes a choice (clearProblems).
    const kept = route === lastRoute ? problems.value.filter((p) => !found.some((f) => f.key === p.key && f.value === p.value)) : []
    problems.value = [...kept, ...found]
    lastRoute = route
  }

  /** The reader made a choice of their own: what was wrong with the link no longer matters. */
  function clearProblems(): void {
    problems.value = []
  }

  return { state, problems, toQuery, fromQuery, setDefault, takeDefaulting, takeReading, reportProblem, clearProblems }
})
