/**
 * DuckDB status and the loaded documents. The engine itself lives in
 * src/db/client.ts (one instance); this store only records whether it is
 * starting, ready or failed, so every view can show it.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { getDb, type AppDb } from '../db/client'
import { documentRows, type DocumentInfo } from '../db/queries/overview'

export type DbStatus = 'starting' | 'ready' | 'error'

export const useDbStore = defineStore('db', () => {
  const status = ref<DbStatus>('starting')
  const error = ref<string | null>(null)
  /** Milliseconds from page start to ready. */
  const readyAt = ref<number | null>(null)
  const documents = shallowRef<DocumentInfo[]>([])
  const db = shallowRef<AppDb | null>(null)

  async function start(): Promise<void> {
    try {
      const engine = await getDb()
      documents.value = await documentRows(engine)
      db.value = engine
      readyAt.value = performance.now()
      performance.mark('kanzhang:db-ready')
      status.value = 'ready'
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      status.value = 'error'
    }
  }

  return { status, error, readyAt, documents, db, start }
})
