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
