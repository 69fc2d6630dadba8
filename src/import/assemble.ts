/**
 * Parsed CSV files → imported documents. A line_items CSV names doc_ids; their
 * identity (city, year, stage …) comes from a documents CSV imported with it,
 * or, failing that, is left empty for the user to fill in (nothing is guessed).
 */
import type { DocumentRow } from '../ingest/types'
import type { CsvImportResult } from './csv-import'
import { issue, type ImportIssue } from './issues'
import { emptyRows, type ImportedDocument } from './types'

type CsvOk = Extract<CsvImportResult, { ok: true }>

export type AssembleResult =
  | { ok: true; imports: ImportedDocument[]; /** doc_ids whose identity no documents row gave. */ withoutIdentity: string[] }
  | { ok: false; errors: ImportIssue[] }

/** Groups the rows of successfully parsed CSV files by document. Fails on a doc_id defined twice. */
export function assembleCsvImports(results: readonly CsvOk[]): AssembleResult {
  const docs = new Map<string, { document: DocumentRow; fileName: string }>()
  const errors: ImportIssue[] = []
  for (const r of results) {
    for (const d of r.documents) {
      const prior = docs.get(d.doc_id)
      if (prior) {
        errors.push(issue('duplicate-document', { file: r.fileName }, `doc_id “${d.doc_id}” 在 ${prior.fileName} 中已定义`, `doc_id "${d.doc_id}" is already defined in ${prior.fileName}`))
      } else {
        docs.set(d.doc_id, { document: d, fileName: r.fileName })
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors }

  const out = new Map<string, ImportedDocument>()
  const withoutIdentity: string[] = []
  const get = (docId: string, fileName: string): ImportedDocument => {
    let doc = out.get(docId)
    if (!doc) {
      const known = docs.get(docId)
      if (!known) withoutIdentity.push(docId)
      const document: DocumentRow = known?.document ?? { doc_id: docId, city: '', county_of: '', publisher: '', scope: '', year: '', stage: '', unit: '', source: fileName, title: '' }
      doc = { document, rows: emptyRows(), kind: 'csv', fileName: known?.fileName ?? fileName }
      doc.rows.documents.push(document)
      out.set(docId, doc)
    }
    return doc
  }
  for (const r of results) for (const d of r.documents) get(d.doc_id, r.fileName)
  for (const r of results) for (const item of r.lineItems) get(item.doc_id, r.fileName).rows.line_items.push(item)
  return { ok: true, imports: [...out.values()], withoutIdentity }
}
