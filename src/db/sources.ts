import { fileText } from 'virtual:kanzhang-files'

/**
 * The raw report texts, each a file of the build (precached by the PWA, carried
 * in the single file as an inert element), read only when a citation or the
 * source viewer needs one: they work offline and cost nothing before.
 */
const URLS = import.meta.glob<string>('/data/raw/*.txt', { query: '?url&no-inline', import: 'default', eager: true })

/** The text of a report in data/raw by its file name, or null when it is not shipped. */
export async function sourceText(fileName: string): Promise<string | null> {
  const url = URLS[`/data/raw/${fileName}`]
  return url ? await fileText(url) : null
}

/** A document's source text, title and file name: bundled reports from data/raw, imported ones from IndexedDB. */
export interface DocumentSource {
  source: string
  title: string
  text: string | null
}

export async function documentSource(docId: string, bundled?: { source: string; title: string }): Promise<DocumentSource | null> {
  if (bundled) return { ...bundled, text: await sourceText(bundled.source) }
  // Imported reports keep their text with them (src/import/store-idb.ts); a CSV import has none.
  try {
    const { loadAllImports } = await import('../import/store-idb')
    const stored = (await loadAllImports()).find((r) => r.docId === docId)
    if (!stored) return null
    return { source: stored.fileName, title: stored.document.title || stored.docId, text: stored.sourceText ?? null }
  } catch {
    return null // IndexedDB unavailable (private mode): nothing imported to show
  }
}
