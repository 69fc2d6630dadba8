/** The committed dataset and raw reports, read the way an outside tool would (CSV with a header row). */
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import type {
  CheckRow, DocumentRow, EvaluationFieldRow, EvaluationRow, LineItemRow, NarrativeRow, SangongRow, TargetRow,
} from '../../src/ingest/types'

function read<T>(table: string): T[] {
  const text = readFileSync(`data/dataset/${table}.csv`, 'utf8')
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
  return rows.map((r) => ('line' in r ? { ...r, line: Number(r.line) } : r)) as T[]
}

export const documents = read<DocumentRow>('documents')
export const lineItems = read<LineItemRow>('line_items')
export const sangong = read<SangongRow>('sangong')
export const narrative = read<NarrativeRow>('narrative')
export const evaluations = read<EvaluationRow>('evaluations')
export const evaluationFields = read<EvaluationFieldRow>('evaluation_fields')
export const targets = read<TargetRow>('targets')
export const checks = read<CheckRow>('checks')

export function doc(id: string): DocumentRow {
  const d = documents.find((x) => x.doc_id === id)
  if (!d) throw new Error(`no document ${id}`)
  return d
}

const texts = new Map<string, string>()
/** The raw report text of a document. */
export function raw(id: string): string {
  if (!texts.has(id)) texts.set(id, readFileSync(`data/raw/${doc(id).source}`, 'utf8'))
  return texts.get(id)!
}

/** Line n (1-based) of a raw report. */
export function rawLine(id: string, n: number): string {
  return raw(id).split(/\r\n|\n|\r/)[n - 1] ?? ''
}

/** The one row matching every given field; throws when there is not exactly one. */
export function only<T extends object>(rows: readonly T[], match: Partial<T>): T {
  const found = rows.filter((r) => Object.entries(match).every(([k, v]) => (r as Record<string, unknown>)[k] === v))
  if (found.length !== 1) throw new Error(`${found.length} rows match ${JSON.stringify(match)}`)
  return found[0]!
}
