/** Provenance: one document's row (title, source file, unit…) as documents.csv prints it. */
import type { DocumentRow } from '../../ingest/types'
import type { Db } from '../types'
import { asText } from './text-rows'

export const DOCUMENT_SQL = 'SELECT COLUMNS(*)::VARCHAR FROM documents WHERE doc_id = ?'

/** The document, or null when no document has that id. */
export async function documentRow(db: Db, docId: string): Promise<DocumentRow | null> {
  const rows = asText(await db.query<Record<string, unknown>>(DOCUMENT_SQL, [docId]))
  return (rows[0] as unknown as DocumentRow | undefined) ?? null
}
