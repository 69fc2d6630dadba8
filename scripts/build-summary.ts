/**
 * Vite plugin: `virtual:kanzhang-summary` is the first-paint summary computed
 * from data/dataset/*.csv when the app is built (or served), so the Overview
 * paints without waiting for DuckDB. The CSVs are watched: re-running the
 * ingest updates it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { computeSummary } from '../src/db/summary'
import { TABLES } from '../src/db/schema'

const ID = 'virtual:kanzhang-summary'
const RESOLVED = '\0' + ID

export function summaryPlugin(datasetDir: string): Plugin {
  return {
    name: 'kanzhang-summary',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined
    },
    load(id) {
      if (id !== RESOLVED) return undefined
      const files: Record<string, string> = {}
      for (const t of TABLES) {
        const path = join(datasetDir, `${t}.csv`)
        if (!existsSync(path)) continue
        this.addWatchFile(path)
        files[t] = readFileSync(path, 'utf8')
      }
      return `export default ${JSON.stringify(computeSummary(files))}`
    },
  }
}
