/**
 * Imported documents kept in IndexedDB (database 'kanzhang', store 'imports'),
 * so they survive a reload and a browser restart — also under file://, where
 * OPFS is unavailable (TECH-NOTES.md, "Persisting imported data"). One record
 * per document, its rows as canonical CSV text per table: the same text the
 * app loads for the bundled dataset, so restoring needs no other format.
 * Browser-only (IndexedDB); the rules it enforces live in doc-id.ts.
 */
import type { DocumentRow } from '../ingest/types'
import { saveConflict } from './doc-id'
import type { Bilingual } from './issues'
import type { DatasetCsvFiles, PreparedImport } from './types'

export const DB_NAME = 'kanzhang'
/** 2: the 'links' store (publishers linked by hand) beside 'imports'. */
export const DB_VERSION = 2
export const STORE = 'imports'
export const LINKS_STORE = 'links'

/** What is kept of one imported document. */
export interface StoredImport {
  /** Key: the document's doc_id (never a bundled one). */
  docId: string
  /** Record format, for future migrations. */
  format: 1
  kind: 'csv' | 'report'
  fileName: string
  /** ISO 8601 time of the import. */
  importedAt: string
  document: DocumentRow
  /** Canonical CSV text per dataset table (header row included). */
  files: DatasetCsvFiles
  /** The report's text, for showing a figure's source line (report imports only). */
  sourceText?: string
}

/** What saveImport takes: a document with its rows as canonical CSV text per table (a PreparedImport, as the import worker builds it). */
export type ImportToSave = Pick<PreparedImport, 'document' | 'files' | 'kind' | 'fileName' | 'sourceText'>

/** The list entry of an import (no rows). */
export type ImportSummary = Pick<StoredImport, 'docId' | 'kind' | 'fileName' | 'importedAt' | 'document'>

/**
 * saveImport refused: the doc_id is bundled, already imported (without
 * `replace`), rows disagree, or the stored record is no longer the one the
 * person saw (another tab saved or removed it since: 'changed').
 */
export class SaveImportError extends Error {
  readonly code: 'bundled' | 'exists' | 'inconsistent' | 'empty-id' | 'changed'
  readonly text: Bilingual
  constructor(code: SaveImportError['code'], text: Bilingual) {
    super(text.en)
    this.name = 'SaveImportError'
    this.code = code
    this.text = text
  }
}

let opened: Promise<IDBDatabase> | null = null

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
  })
}

/** The database, opened once (memoised); a failed open is retried on the next call. */
export function openImportDb(factory: IDBFactory = globalThis.indexedDB): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (!factory) {
      reject(new Error('IndexedDB is not available in this browser'))
      return
    }
    const req = factory.open(DB_NAME, DB_VERSION)
    req.onupgradeneeded = () => {
      const db = req.result
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'docId' })
      if (!db.objectStoreNames.contains(LINKS_STORE)) db.createObjectStore(LINKS_STORE, { keyPath: 'id' })
    }
    req.onsuccess = () => {
      const db = req.result
      // Another tab upgrading the database: let it, and reopen on next use.
      db.onversionchange = () => {
        db.close()
        opened = null
      }
      resolve(db)
    }
    req.onerror = () => reject(req.error ?? new Error('cannot open IndexedDB'))
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of this app; close it and retry'))
  }).catch((err: unknown) => {
    opened = null
    throw err
  })
  return opened
}

/**
 * Saves an imported document, its rows given as canonical CSV text (kept as
 * given, not rewritten). Refuses (SaveImportError) a doc_id of a bundled
 * document — rename it first (planDocIds / renameImport, before the CSV is
 * written) — rows under another doc_id, and an existing import's doc_id unless
 * `replace` is set. With `expected` (the `importedAt` of the stored record the
 * person saw, or null when they saw none) the save is refused ('changed') if
 * the record is no longer that one: another tab imported or removed it in the
 * meantime, and replacing it unseen would lose that tab's rows. The checks and
 * the write are one transaction, so two tabs cannot both claim a doc_id.
 */
export async function saveImport(doc: ImportToSave, options: { bundledDocIds: ReadonlySet<string>; replace?: boolean; expected?: string | null }): Promise<StoredImport> {
  const record: StoredImport = {
    docId: doc.document.doc_id,
    format: 1,
    kind: doc.kind,
    fileName: doc.fileName,
    importedAt: new Date().toISOString(),
    document: doc.document,
    files: doc.files,
    ...(doc.sourceText !== undefined ? { sourceText: doc.sourceText } : {}),
  }
  // Everything but existence, checked once (the rows' doc_ids: one pass over the text).
  const early = saveConflict(doc, options.bundledDocIds, new Set(), true)
  if (early) throw new SaveImportError(early.code, early)
  const db = await openImportDb()
  const tx = db.transaction(STORE, 'readwrite')
  const store = tx.objectStore(STORE)
  const finished = done(tx)
  const existing = (await request(store.get(record.docId))) as StoredImport | undefined
  const conflict = saveConflict({ document: doc.document, files: {} }, options.bundledDocIds, new Set(existing === undefined ? [] : [record.docId]), options.replace ?? false)
  const changed = options.expected !== undefined && (existing?.importedAt ?? null) !== options.expected
  if (conflict || changed) {
    tx.abort()
    await finished.catch(() => undefined)
    if (conflict) throw new SaveImportError(conflict.code, conflict)
    throw new SaveImportError('changed', existing
      ? { zh: `另一个标签页刚刚导入了 “${record.docId}”（${existing.fileName}，${existing.importedAt}）；请选择替换它还是另存为新文档`, en: `another tab has just imported "${record.docId}" (${existing.fileName}, ${existing.importedAt}); choose whether to replace it or keep both` }
      : { zh: `另一个标签页刚刚删除了 “${record.docId}”；请重新确认`, en: `another tab has just removed "${record.docId}"; confirm again` })
  }
  store.put(record)
  await finished
  return record
}

/** The stored record's summary for each doc_id (null where none is stored): what a person sees before replacing it. */
export async function storedSummaries(docIds: readonly string[]): Promise<Record<string, ImportSummary | null>> {
  const db = await openImportDb()
  const store = db.transaction(STORE, 'readonly').objectStore(STORE)
  const out: Record<string, ImportSummary | null> = {}
  for (const id of docIds) {
    const r = (await request(store.get(id))) as StoredImport | undefined
    out[id] = r ? { docId: r.docId, kind: r.kind, fileName: r.fileName, importedAt: r.importedAt, document: r.document } : null
  }
  return out
}

/** Every import, without its rows, oldest first. */
export async function listImports(): Promise<ImportSummary[]> {
  const all = await loadAllImports()
  return all.map(({ docId, kind, fileName, importedAt, document }) => ({ docId, kind, fileName, importedAt, document }))
}

/**
 * The database if it exists, else null — for reads, so that a first visit,
 * which has nothing stored, does not create it (a database's creation is work
 * for the browser during DuckDB's start). Where the browser cannot list its
 * databases, it is opened (and made) as for a write.
 */
async function existingImportDb(factory: IDBFactory = globalThis.indexedDB): Promise<IDBDatabase | null> {
  if (opened || !factory?.databases) return openImportDb(factory)
  let names: Array<string | undefined>
  try {
    names = (await factory.databases()).map((d) => d.name)
  } catch {
    return openImportDb(factory)
  }
  return names.includes(DB_NAME) ? openImportDb(factory) : null
}

/** Every import with its rows (CSV text per table), oldest first. */
export async function loadAllImports(): Promise<StoredImport[]> {
  const db = await existingImportDb()
  if (!db) return []
  const tx = db.transaction(STORE, 'readonly')
  const all = (await request(tx.objectStore(STORE).getAll())) as StoredImport[]
  return all.filter((r) => r && r.format === 1).sort((a, b) => a.importedAt.localeCompare(b.importedAt))
}

/** Deletes an import; removing a doc_id that is not stored does nothing (bundled documents are never stored here). */
export async function removeImport(docId: string): Promise<void> {
  const db = await openImportDb()
  const tx = db.transaction(STORE, 'readwrite')
  const finished = done(tx)
  tx.objectStore(STORE).delete(docId)
  await finished
}

export { planDocIds, renameImport, uniqueDocId } from './doc-id'

// ── Publishers linked by hand (issue 13) ────────────────────────────────────────────────────────
// One record, kept with the imports: doc_id → the publisher key it was linked to (or 'doc:<id>'
// when it was taken out of its publisher), and the earlier states for undo, newest last.

/** The links record. */
export interface StoredLinks {
  id: 'links'
  format: 1
  links: Record<string, string>
  /** Earlier `links`, newest last (at most LINKS_HISTORY). */
  history: Array<Record<string, string>>
}

export const LINKS_HISTORY = 50

/** The links kept in IndexedDB (none: empty). */
export async function loadLinks(): Promise<StoredLinks> {
  const db = await existingImportDb()
  const r = db && (await request(db.transaction(LINKS_STORE, 'readonly').objectStore(LINKS_STORE).get('links'))) as StoredLinks | undefined
  return r && r.format === 1 ? r : { id: 'links', format: 1, links: {}, history: [] }
}

/** Keeps `links` with its undo history (trimmed to the last LINKS_HISTORY states). */
export async function saveLinks(links: Record<string, string>, history: ReadonlyArray<Record<string, string>>): Promise<StoredLinks> {
  const record: StoredLinks = { id: 'links', format: 1, links: { ...links }, history: history.slice(-LINKS_HISTORY).map((h) => ({ ...h })) }
  const db = await openImportDb()
  const tx = db.transaction(LINKS_STORE, 'readwrite')
  const finished = done(tx)
  tx.objectStore(LINKS_STORE).put(record)
  await finished
  return record
}
