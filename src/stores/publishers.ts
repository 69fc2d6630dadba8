/**
 * Publishers linked or unlinked by hand: the links (doc_id → publisher key)
 * and their undo history, kept in IndexedDB with the imports
 * (src/import/store-idb.ts) and written into DuckDB's publisher_links table,
 * which the views read. `version` counts applied changes: a view keys its
 * queries on it, and asks nothing before the stored links are applied
 * (`ready`), so it never shows an unlinked state that is not the person's.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import { getDb } from '../db/client'
import { applyPublisherLinks, linkedTo, publisherDocs, unlinked, type PublisherLinks } from '../db/queries/publishers'
import { loadLinks, saveLinks } from '../import/store-idb'
import { useDbStore } from './db'

export const usePublishersStore = defineStore('publishers', () => {
  const links = shallowRef<PublisherLinks>({})
  const history = shallowRef<PublisherLinks[]>([])
  const ready = ref(false)
  const version = ref(0)
  const error = ref<string | null>(null)
  let started: Promise<void> | null = null
  /** Other tabs of the app hear of a link change and read the links again (no channel: they catch up on reload). */
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('kanzhang-links')
  if (channel) channel.onmessage = () => { void reread().catch((e: unknown) => { error.value = String(e) }) }

  async function reread(): Promise<void> {
    const stored = await loadLinks()
    links.value = stored.links
    history.value = stored.history
    await apply()
  }

  /**
   * Whether the links last written into DuckDB were any. With none written and
   * none to write, its table (made empty when a query first names it) already
   * says so: a first visit writes nothing, so no table is made while DuckDB
   * reads its documents at start, and none again once it has.
   */
  let wroteLinks = false
  async function apply(): Promise<void> {
    const any = Object.keys(links.value).length > 0
    if (any || wroteLinks) {
      await applyPublisherLinks(await getDb(), links.value)
      wroteLinks = any
    }
    version.value++
  }

  /** Reads the stored links and applies them (once); again after every reload of the dataset. */
  function init(): Promise<void> {
    started ??= (async () => {
      try {
        const stored = await loadLinks()
        links.value = stored.links
        history.value = stored.history
      } catch (e) {
        // No IndexedDB: links still work for this page, they are just not kept.
        error.value = e instanceof Error ? e.message : String(e)
      }
      await apply()
      ready.value = true
      // A reload may start a fresh DuckDB instance (client.ts): put the links back into it.
      watch(() => useDbStore().documents, () => { void apply().catch((e: unknown) => { error.value = String(e) }) })
    })()
    return started
  }

  async function change(next: PublisherLinks): Promise<void> {
    const nextHistory = [...history.value, links.value]
    try {
      await saveLinks({ ...next }, nextHistory)
      error.value = null
      channel?.postMessage({ kind: 'links-changed' })
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
    history.value = nextHistory
    links.value = next
    await apply()
  }

  /** Joins document `docId` (with every document of its publisher) to the publisher `targetKey`. */
  async function link(docId: string, targetKey: string): Promise<void> {
    await init()
    const docs = await publisherDocs(await getDb())
    await change(linkedTo(links.value, docs, docId, targetKey))
  }

  /** Takes document `docId` out of its publisher: it becomes a publisher of its own. */
  async function unlink(docId: string): Promise<void> {
    await init()
    await change(unlinked(links.value, docId))
  }

  /** Back to the links before the last link or unlink. */
  async function undo(): Promise<void> {
    await init()
    const prev = history.value.at(-1)
    if (!prev) return
    const rest = history.value.slice(0, -1)
    try {
      await saveLinks({ ...prev }, rest)
      channel?.postMessage({ kind: 'links-changed' })
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
    history.value = rest
    links.value = prev
    await apply()
  }

  return { links, history, ready, version, error, init, link, unlink, undo }
})
