/**
 * What happens when a person confirms or removes an import, as a service with
 * its storage and database handed in — IndexedDB and DuckDB in the app, plain
 * fakes in the unit tests — so that the rollback paths are tested, not hoped for.
 *
 * An import is all or nothing: the merged data is loaded first (the database
 * keeps its old tables if that fails), then each document is saved; if a save
 * fails, what was saved is removed again and the previous data loaded back.
 * A save replaces only the stored record its person was shown (`expected`), so
 * a tab never overwrites another tab's import unseen. The service remembers
 * which stored imports (and which version of each) are loaded, so a tab told
 * of another tab's change reloads only when the stored set differs.
 */
import type { Bilingual } from './issues'
import type { DatasetCsvFiles, PreparedImport } from './types'
import { SaveImportError, type ImportSummary, type StoredImport } from './store-idb'

/** One import as the database loads it. */
export interface LoadedImport {
  docId: string
  files: DatasetCsvFiles
}

/** Where imports are kept (IndexedDB: store-idb.ts). */
export interface ImportStorage {
  loadAll(): Promise<StoredImport[]>
  save(doc: PreparedImport, options: { replace: boolean; expected: string | null }): Promise<StoredImport>
  remove(docId: string): Promise<void>
  summaries(docIds: readonly string[]): Promise<Record<string, ImportSummary | null>>
}

/** The database the views read: loads the bundled data plus exactly these imports, or rejects and keeps what it had. */
export interface ImportDatabase {
  load(imports: readonly LoadedImport[]): Promise<void>
}

export type ImportOutcome =
  | { ok: true; docIds: string[] }
  /** Nothing changed: the data did not load, could not be saved, or another tab changed a record in the meantime ('changed'). */
  | { ok: false; reason: 'load' | 'save' | 'changed' | 'storage'; message: Bilingual }

function messageOf(e: unknown): Bilingual {
  if (e instanceof SaveImportError) return e.text
  const m = e instanceof Error ? e.message : String(e)
  return { zh: m, en: m }
}

/** Which imports (and which version of each) a set of stored records is: equal strings, equal data. */
export function versionOf(records: ReadonlyArray<Pick<StoredImport, 'docId' | 'importedAt'>>): string {
  return records.map((r) => `${r.docId}@${r.importedAt}`).sort().join('\n')
}

const asLoaded = (r: StoredImport): LoadedImport => ({ docId: r.docId, files: r.files })

export interface ImportService {
  /**
   * Loads and saves `docs`; `existing` is the stored record each doc_id
   * would replace as the person was shown it (null: none).
   */
  confirm(docs: readonly PreparedImport[], existing: Readonly<Record<string, ImportSummary | null>>, pause?: () => Promise<void>): Promise<ImportOutcome>
  /** Removes an import from the views and from storage (both, or neither). */
  remove(docId: string): Promise<ImportOutcome>
  /** Loads what storage holds now if it is not what is loaded (another tab changed it); true when it reloaded. */
  sync(): Promise<boolean>
  /** Records what start-up restored (the stored records whose doc_ids were loaded). */
  restored(docIds: readonly string[]): Promise<void>
}

export function createImportService(storage: ImportStorage, database: ImportDatabase): ImportService {
  /** versionOf the imports now loaded; null until known. */
  let loaded: string | null = null
  const nothing = () => Promise.resolve()

  return {
    async confirm(docs, existing, pause = nothing) {
      let before: StoredImport[]
      try {
        before = await storage.loadAll()
      } catch (e) {
        return { ok: false, reason: 'storage', message: messageOf(e) }
      }
      const ids = new Set(docs.map((d) => d.document.doc_id))
      const kept = before.filter((b) => !ids.has(b.docId))
      try {
        await pause()
        // The worker's CSV text as it is: nothing is re-written on the page.
        await database.load([...kept.map(asLoaded), ...docs.map((d) => ({ docId: d.document.doc_id, files: d.files }))])
      } catch (e) {
        return { ok: false, reason: 'load', message: messageOf(e) }
      }
      const saved: StoredImport[] = []
      try {
        for (const doc of docs) {
          await pause()
          saved.push(await storage.save(doc, { replace: true, expected: existing[doc.document.doc_id]?.importedAt ?? null }))
        }
      } catch (e) {
        // Put back exactly what was there (a replaced import's old record is still stored unless it was overwritten).
        for (const r of saved) if (!before.some((b) => b.docId === r.docId)) await storage.remove(r.docId).catch(() => undefined)
        await database.load(before.map(asLoaded)).catch(() => undefined)
        loaded = versionOf(before)
        const changed = e instanceof SaveImportError && e.code === 'changed'
        return { ok: false, reason: changed ? 'changed' : 'save', message: messageOf(e) }
      }
      loaded = versionOf([...kept, ...saved])
      return { ok: true, docIds: [...ids] }
    },

    async remove(docId) {
      let records: StoredImport[]
      try {
        records = await storage.loadAll()
      } catch (e) {
        return { ok: false, reason: 'storage', message: messageOf(e) }
      }
      const rest = records.filter((r) => r.docId !== docId)
      try {
        await database.load(rest.map(asLoaded))
      } catch (e) {
        return { ok: false, reason: 'load', message: messageOf(e) }
      }
      try {
        await storage.remove(docId)
      } catch (e) {
        await database.load(records.map(asLoaded)).catch(() => undefined)
        loaded = versionOf(records)
        return { ok: false, reason: 'save', message: messageOf(e) }
      }
      loaded = versionOf(rest)
      return { ok: true, docIds: [docId] }
    },

    async sync() {
      const records = await storage.loadAll()
      const version = versionOf(records)
      if (version === loaded) return false
      await database.load(records.map(asLoaded))
      loaded = version
      return true
    },

    async restored(docIds) {
      if (loaded !== null) return
      const ids = new Set(docIds)
      loaded = versionOf((await storage.loadAll().catch(() => [])).filter((r) => ids.has(r.docId)))
    },
  }
}
