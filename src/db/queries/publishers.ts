/**
 * Publishers across documents: each document's publisher key (automatic, or
 * as linked by hand) and the links themselves. The links live with the
 * imports in IndexedDB; `applyPublisherLinks` writes them into the
 * `publisher_links` table the views read (views-years.sql.ts).
 */
import { LINKS_TABLE } from '../views-years.sql'
import type { Db } from '../types'

/** One document with its publisher key. */
export interface PublisherDoc {
  doc_id: string
  city: string
  county_of: string
  publisher: string
  scope: string
  year: number
  stage: string
  title: string
  /** The key from the city and the normalised name (src/db/publisher-key.ts). */
  auto_key: string
  /** The key after links made by hand. */
  publisher_key: string
  by_hand: boolean
}

export const PUBLISHER_DOCS_SQL = `SELECT doc_id, city, county_of, publisher, scope, year, stage, title, auto_key, publisher_key, by_hand
FROM v_publisher_docs ORDER BY publisher_key, year, stage, scope, doc_id`

export function publisherDocs(db: Db): Promise<PublisherDoc[]> {
  return db.query<PublisherDoc>(PUBLISHER_DOCS_SQL)
}

/** Links made by hand: doc_id → the publisher key it joins. */
export type PublisherLinks = Readonly<Record<string, string>>

/** Replaces the links the views read with `links` (one statement, bind parameters). */
export async function applyPublisherLinks(db: Db, links: PublisherLinks): Promise<void> {
  const entries = Object.entries(links)
  const values = entries.map(() => '(?, ?)').join(', ')
  const sql = `CREATE OR REPLACE TABLE ${LINKS_TABLE} AS SELECT * FROM (${
    entries.length === 0 ? 'SELECT NULL::VARCHAR AS doc_id, NULL::VARCHAR AS publisher_key WHERE false' : `VALUES ${values}`
  }) t(doc_id, publisher_key)`
  await db.query(sql, entries.flat())
}

/**
 * The links after joining document `docId` to the publisher of `target`:
 * every document now sharing `docId`'s key moves too (a publisher joins a
 * publisher), each keeping the key it had as a record for undo.
 */
export function linkedTo(links: PublisherLinks, docs: readonly PublisherDoc[], docId: string, targetKey: string): Record<string, string> {
  const from = docs.find((d) => d.doc_id === docId)?.publisher_key
  const next: Record<string, string> = { ...links }
  for (const d of docs) {
    if (d.publisher_key === from) next[d.doc_id] = targetKey
  }
  return next
}

/** The links after taking document `docId` out of its publisher: it becomes a publisher of its own. */
export function unlinked(links: PublisherLinks, docId: string): Record<string, string> {
  return { ...links, [docId]: `doc:${docId}` }
}
