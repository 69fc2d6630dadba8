/**
 * The raw report texts, inlined as text (`?raw`) and loaded lazily per file,
 * so the source viewer works offline and the big reports load only when opened.
 */
const LOADERS = import.meta.glob<string>('/data/raw/*.txt', { query: '?raw', import: 'default' })

/** The text of a report in data/raw by its file name, or null when it is not shipped. */
export async function sourceText(fileName: string): Promise<string | null> {
  const load = LOADERS[`/data/raw/${fileName}`]
  return load ? await load() : null
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
