/**
 * The user's choices in every view, mirrored to the URL (hash routing) so a
 * link reproduces the view. Each route owns some keys; `toQuery` writes them,
 * `fromQuery` reads them back with defaults.
 */
import { defineStore } from 'pinia'
import { reactive } from 'vue'
import { DIMENSIONS, VALUE_MODES, type Dimension, type ValueMode } from '../db/queries/compare'
import { PROJECT_SORTS, type ProjectSort } from '../db/queries/projects'
import { AMOUNT_UNITS, type AmountUnit } from '../format/amount'

export interface Selection {
  docs: string[]
  dimension: Dimension
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
}

export const DEFAULT_SELECTION: Selection = {
  docs: [], dimension: 'class3', mode: 'amount', unit: '万元',
  doc: '', node: '', part: '合计', kind: 'treemap', category: '合计',
  q: '', sort: 'amount', desc: true, sql: '',
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
}

type Query = Record<string, string>

function encode(key: keyof Selection, value: Selection[keyof Selection]): string {
  if (key === 'docs') return (value as string[]).join(',')
  if (key === 'desc') return value ? '1' : '0'
  return String(value)
}

export const useSelectionStore = defineStore('selection', () => {
  const state = reactive<Selection>({ ...DEFAULT_SELECTION, docs: [] })

  function toQuery(route: string): Query {
    const q: Query = {}
    for (const key of ROUTE_KEYS[route] ?? []) {
      const v = encode(key, state[key])
      if (v !== encode(key, DEFAULT_SELECTION[key])) q[key] = v
    }
    return q
  }

  function fromQuery(route: string, query: Record<string, unknown>): void {
    const get = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : undefined)
    for (const key of ROUTE_KEYS[route] ?? []) {
      const v = get(key)
      const s = state as unknown as Record<string, unknown>
      if (v === undefined) {
        s[key] = key === 'docs' ? [...DEFAULT_SELECTION.docs] : DEFAULT_SELECTION[key]
        continue
      }
      switch (key) {
        case 'docs': state.docs = v.split(',').filter(Boolean); break
        case 'dimension': state.dimension = (DIMENSIONS as readonly string[]).includes(v) ? (v as Dimension) : DEFAULT_SELECTION.dimension; break
        case 'mode': state.mode = (VALUE_MODES as readonly string[]).includes(v) ? (v as ValueMode) : DEFAULT_SELECTION.mode; break
        case 'unit': state.unit = (AMOUNT_UNITS as readonly string[]).includes(v) ? (v as AmountUnit) : DEFAULT_SELECTION.unit; break
        case 'kind': state.kind = v === 'sunburst' ? 'sunburst' : 'treemap'; break
        case 'sort': state.sort = (PROJECT_SORTS as readonly string[]).includes(v) ? (v as ProjectSort) : DEFAULT_SELECTION.sort; break
        case 'desc': state.desc = v !== '0'; break
        default: s[key] = v
      }
    }
  }

  return { state, toQuery, fromQuery }
})
