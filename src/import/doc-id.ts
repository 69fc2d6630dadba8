/**
 * doc_id rules of imports: an import may never take the doc_id of a bundled
 * document (it would replace or shadow it), so a colliding import is renamed
 * before it is saved. Pure functions; store-idb.ts enforces them.
 */
import Papa from 'papaparse'
import { DATASET_COLUMNS } from '../ingest/dataset'
import { everyFirstField } from './export-csv'
import type { DatasetCsvFiles, ImportedDocument, ImportedRows } from './types'

/**
 * `base` if it is free, else `base-2`, `base-3` … — the first not in `taken`.
 * uniqueDocId('gaoping-2026-budget', bundled) === 'gaoping-2026-budget-2'
 */
export function uniqueDocId(base: string, taken: ReadonlySet<string> | readonly string[]): string {
  const used = taken instanceof Set ? taken : new Set(taken as readonly string[])
  const stem = base.trim() || 'import'
  if (!used.has(stem)) return stem
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`
    if (!used.has(candidate)) return candidate
  }
}

/** The doc_ids listed in a documents CSV (the bundled data/dataset/documents.csv text). */
export function docIdsOfDocumentsCsv(csv: string): Set<string> {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true })
  return new Set(parsed.data.map((r) => r.doc_id ?? '').filter((id) => id !== ''))
}

/** The same import under another doc_id: every row of every table follows. */
export function renameImport(doc: ImportedDocument, docId: string): ImportedDocument {
  // A row id starts with its doc_id (src/ingest/provenance.ts): it follows the rename.
  const re = <T extends { doc_id: string; row_id?: string }>(rows: readonly T[]): T[] => rows.map((r) => ({
    ...r, doc_id: docId, ...(r.row_id?.startsWith(`${r.doc_id}:`) ? { row_id: docId + r.row_id.slice(r.doc_id.length) } : {}),
  }))
  const rows: ImportedRows = {
    documents: re(doc.rows.documents),
    line_items: re(doc.rows.line_items),
    sangong: re(doc.rows.sangong),
    targets: re(doc.rows.targets),
    evaluations: re(doc.rows.evaluations),
    evaluation_fields: re(doc.rows.evaluation_fields),
    evaluation_indicators: re(doc.rows.evaluation_indicators),
    target_budgets: re(doc.rows.target_budgets),
    narrative: re(doc.rows.narrative),
    checks: re(doc.rows.checks),
    findings: re(doc.rows.findings),
  }
  return { ...doc, document: { ...doc.document, doc_id: docId }, rows }
}

/**
 * A doc_id that a link can carry: links list documents separated by commas
 * (`#/compare?docs=a,b`), so a comma in an id (a city "阳城,沁水" in a CSV, a
 * file "a,b.csv") would make it impossible to select; commas become '-'.
 */
export function linkSafeDocId(id: string): string {
  return id.replace(/\s*,\s*/g, '-')
}

/**
 * The documents of one import under the doc_ids they will be saved as: each
 * link-safe (linkSafeDocId), none taking a `reserved` id (the bundled ones; for a
 * pasted text, the imported ones too), nor the id another document of the same import gets.
 */
export function planDocIds(docs: readonly ImportedDocument[], reserved: ReadonlySet<string>): ImportedDocument[] {
  const taken = new Set<string>()
  return docs.map((doc) => {
    let id = uniqueDocId(linkSafeDocId(doc.document.doc_id), reserved)
    if (taken.has(id)) id = uniqueDocId(id, new Set([...reserved, ...taken]))
    taken.add(id)
    return id === doc.document.doc_id ? doc : renameImport(doc, id)
  })
}

/** Whether every row of an import, as rows or as canonical CSV text, carries `id`. */
function consistent(doc: Pick<ImportedDocument, 'rows'> | { files: DatasetCsvFiles }, id: string): boolean {
  if ('files' in doc) {
    // doc_id is the first canonical column of every table; another header could put it anywhere.
    const columns = DATASET_COLUMNS as Record<string, readonly string[] | undefined>
    return Object.entries(doc.files).every(([table, csv]: [string, string | undefined]) =>
      csv === undefined || csv === '' || (csv.startsWith((columns[table] ?? []).join(',') + '\n', csv.charCodeAt(0) === 0xfeff ? 1 : 0) && everyFirstField(csv, id)))
  }
  const tables = Object.values(doc.rows) as Array<ReadonlyArray<{ doc_id: string }>>
  return tables.every((rows) => rows.every((r) => r.doc_id === id))
}

/** Why `doc` (its rows, or its CSV text per table) cannot be saved under its doc_id, or null when it can. */
export function saveConflict(
  doc: Pick<ImportedDocument, 'document' | 'rows'> | { document: ImportedDocument['document']; files: DatasetCsvFiles },
  bundled: ReadonlySet<string>,
  imported: ReadonlySet<string>,
  replace: boolean,
): { code: 'bundled' | 'exists' | 'inconsistent' | 'empty-id'; zh: string; en: string } | null {
  const id = doc.document.doc_id
  if (id.trim() === '') return { code: 'empty-id', zh: '导入的文档没有 doc_id', en: 'the imported document has no doc_id' }
  if (bundled.has(id)) {
    return { code: 'bundled', zh: `doc_id “${id}” 已被内置文档使用，导入不能替换内置数据，请改名（如 “${uniqueDocId(id, new Set([...bundled, ...imported]))}”）`, en: `doc_id "${id}" belongs to a bundled document, which an import may never replace; rename it (e.g. "${uniqueDocId(id, new Set([...bundled, ...imported]))}")` }
  }
  if (imported.has(id) && !replace) return { code: 'exists', zh: `已有导入的文档 “${id}”`, en: `an imported document "${id}" already exists` }
  if (!consistent(doc, id)) {
    return { code: 'inconsistent', zh: `有些行的 doc_id 不是 “${id}”`, en: `some rows carry a doc_id other than "${id}"` }
  }
  return null
}
