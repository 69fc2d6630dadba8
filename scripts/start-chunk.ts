/**
 * The hosted build's chunks: every module the app's entry imports statically
 * (what the first view needs before anything runs) goes into one `app` chunk.
 *
 * Left to itself, Rolldown cut those modules into about 20 chunks, by which
 * lazily loaded views share them. Each is one more request before the entry
 * runs (HTTP/1.1 allows six at a time), and DuckDB starts only when it does:
 * with one chunk it started ≈ 25 ms earlier from a local server (BENCHMARKS.md,
 * seventh round), and more where requests take a round trip across a network.
 * The views opened later import what they share from the `app` chunk, which is
 * already loaded.
 *
 * In a benchmark build (KANZHANG_BENCH_REFERENCE=1) the reference page's own
 * imports (DuckDB's loader, duckdb-wasm, Arrow) form an `engine` chunk of
 * their own, so the reference loads what it always did and nothing of the app.
 */
import type { Plugin } from 'vite'

/** What a group of `output.codeSplitting` needs of Rolldown's type. */
interface ChunkGroup {
  name: string
  priority: number
  test: (id: string) => boolean
}

/** Module ids reached by static imports from an entry, the entry itself excluded. */
function staticGraph(entry: string, importsOf: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>()
  const todo = [...importsOf(entry)]
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id) || id === entry) continue
    seen.add(id)
    todo.push(...importsOf(id))
  }
  return seen
}

/**
 * The plugin that reads the import graph once the modules are known, and the
 * chunk groups that ask it (their tests run after the build's `buildEnd`).
 * `appEntry` and `referenceEntry` end the entries' module ids.
 */
export function startChunk(appEntry: string, referenceEntry: string): { plugin: Plugin; groups: ChunkGroup[] } {
  let app = new Set<string>()
  let reference = new Set<string>()
  const plugin: Plugin = {
    name: 'kanzhang-start-chunk',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()]
      const importsOf = (id: string) => this.getModuleInfo(id)?.importedIds ?? []
      const app0 = ids.find((id) => id.endsWith(appEntry))
      if (!app0) this.error(`start-chunk: no module ends with ${appEntry}`)
      app = staticGraph(app0, importsOf)
      const ref0 = ids.find((id) => id.endsWith(referenceEntry))
      reference = ref0 ? staticGraph(ref0, importsOf) : new Set()
    },
  }
  const groups: ChunkGroup[] = [
    { name: 'engine', priority: 2, test: (id) => reference.has(id) },
    { name: 'app', priority: 1, test: (id) => app.has(id) },
  ]
  return { plugin, groups }
}
