/**
 * Vite plugin: `virtual:kanzhang-dataset-arrow` is the bundled dataset as Arrow
 * IPC streams, one file of the build per table (`<table>-<hash>.arrow`; the
 * module exports their URLs), typed exactly as the app's DuckDB types them —
 * made at build time by loading data/dataset/*.csv into DuckDB (the same wasm,
 * in Node) through src/db/load.ts and exporting each table. The browser then
 * inserts the tables as Arrow instead of parsing and casting 1 MB of CSV at
 * every start (src/db/client.ts). The views the app keeps as tables
 * (views.sql.ts, MATERIALISED) come along ready-made. A table with no rows is
 * left out (null): the app creates it empty from the contract.
 *
 * As files, not text in the app's script: the hosted build fetches them beside
 * DuckDB's start (binary, cached on their own), the single file carries them
 * as inert elements (scripts/offline-build.ts, inertFiles). Dev serves each as
 * a data: URL.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Table } from 'apache-arrow'
import type { Plugin } from 'vite'
import { engineFromConnection } from '../src/db/engine'
import { loadDataset, type DatasetFiles } from '../src/db/load'
import { TABLES } from '../src/db/schema'
import { MATERIALISED } from '../src/db/views.sql'
import { nodeDuckDB } from './duckdb-node'

// DuckDB's Node bundle is CommonJS and returns tables of apache-arrow's CommonJS build: only that build's
// tableToIPC recognises them (the ES module build's classes are other classes, and write nothing).
const { tableToIPC } = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow')

const ID = 'virtual:kanzhang-dataset-arrow'
const RESOLVED = '\0' + ID

/** Each dataset table of `files` as an Arrow IPC stream (null for an empty table). */
export async function datasetAsArrow(files: DatasetFiles): Promise<Record<string, Uint8Array | null>> {
  const bindings = await nodeDuckDB()
  const conn = bindings.connect()
  try {
    await loadDataset(engineFromConnection(conn, (name, text) => bindings.registerFileText(name, text)), files)
    const out: Record<string, Uint8Array | null> = {}
    // The tables, then the views the app keeps as tables (made here once rather than at every start).
    for (const t of [...TABLES, ...MATERIALISED.map((m) => m.table)]) {
      const table = conn.query(`SELECT * FROM "${t}"`) as unknown as Table
      out[t] = table.numRows === 0 ? null : tableToIPC(table, 'stream')
    }
    return out
  } finally {
    conn.close()
    bindings.reset()
  }
}

export function datasetArrowPlugin(datasetDir: string): Plugin {
  return {
    name: 'kanzhang-dataset-arrow',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined
      const files: DatasetFiles = {}
      for (const t of TABLES) {
        const path = join(datasetDir, `${t}.csv`)
        if (!existsSync(path)) continue
        this.addWatchFile(path)
        files[t] = readFileSync(path, 'utf8')
      }
      const build = this.environment.config.command === 'build'
      const entries = Object.entries(await datasetAsArrow(files)).map(([t, ipc]) => {
        if (ipc === null) return `${JSON.stringify(t)}: null`
        if (!build) return `${JSON.stringify(t)}: ${JSON.stringify(`data:application/vnd.apache.arrow.stream;base64,${Buffer.from(ipc).toString('base64')}`)}`
        const ref = this.emitFile({ type: 'asset', name: `${t}.arrow`, source: ipc })
        return `${JSON.stringify(t)}: import.meta.ROLLUP_FILE_URL_${ref}`
      })
      return `export default {\n${entries.join(',\n')}\n}`
    },
  }
}
