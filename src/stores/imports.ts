/**
 * The user's imports as the Import view shows them: reading a report or CSV
 * files (parsed in the import worker), the preview the person confirms, the
 * list kept in IndexedDB, removal and export. What confirming and removing do
 * — load, save, roll back, never overwrite another tab's import unseen — is
 * src/import/service.ts, handed IndexedDB and DuckDB here; no SQL here.
 * The page never holds an import's rows: the worker answers with canonical
 * CSV text, which goes as it is to DuckDB and to IndexedDB.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { downloadEach, textBlob } from '../publish/download'
import summary from 'virtual:kanzhang-summary'
import { datasetFiles } from '../db/datasetFiles'
import { getDb, reloadDataset, restoreReport, type ImportFiles, type RestoreReport } from '../db/client'
import { documentRows } from '../db/queries/overview'
import type { DocumentRow } from '../ingest/types'
import { exportDataset, withDocument, type Bilingual, type IdentityField, type ImportIssue, type PreparedImport } from '../import'
import { ImportFailure } from '../import/issues'
import { createImportService } from '../import/service'
import { listImports, loadAllImports, removeImport, saveImport, storedSummaries, type ImportSummary } from '../import/store-idb'
import { watchImportChanges, type TabSync } from '../import/tab-sync'
import { importCsvInWorker, importReportInWorker } from '../import/worker-client'
import type { CsvRead, ReportRead } from '../import/worker-protocol'
import type { TextEncodingName } from '../import/decode'
import { useDbStore } from './db'

export type ImportStatus = 'idle' | 'reading' | 'preview' | 'saving' | 'done' | 'error'

/** Identity a user may type for a document (what the text or CSV did not say). */
export type Overrides = Partial<Pick<DocumentRow, IdentityField>>

export interface PendingReport {
  kind: 'report'
  fileName: string
  encoding: TextEncodingName | null
  result: ReportRead
  overrides: Overrides
  /** A pasted text gets a fresh doc_id; a file of the same name as an import replaces it (re-import). */
  pasted: boolean
  /** The stored import each planned doc_id would replace (null: none), as the person was shown it. */
  existing: Record<string, ImportSummary | null>
}

export interface PendingCsv {
  kind: 'csv'
  files: CsvRead['files']
  imports: PreparedImport[]
  /** Original doc_ids whose city/year/stage no documents CSV gave: the user fills them in. */
  withoutIdentity: string[]
  /** The stored import each planned doc_id would replace (null: none), as the person was shown it. */
  existing: Record<string, ImportSummary | null>
}

export type Pending = PendingReport | PendingCsv

/** The doc_ids of the bundled dataset: an import may never take one. */
export const BUNDLED_DOC_IDS: ReadonlySet<string> = new Set(summary.documents.map((d) => d.doc_id))

/** The identity fields that must be known before a document joins the views. */
const REQUIRED: readonly IdentityField[] = ['city', 'year', 'stage']
const FIELD_ZH: Record<IdentityField, string> = { publisher: '发布单位', city: '城市', year: '年度', stage: '阶段', scope: '范围', unit: '原表单位' }

/** Lets the page paint between the heavy steps of a large import (each is one long task on the main thread). */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

const text = (zh: string, en: string): Bilingual => ({ zh, en })
const messageOf = (e: unknown): Bilingual => (e instanceof Error ? text(e.message, e.message) : text(String(e), String(e)))

export const useImportsStore = defineStore('imports', () => {
  const list = shallowRef<ImportSummary[]>([])
  const status = ref<ImportStatus>('idle')
  /** Problems with the input, each naming file, line and column. */
  const issues = shallowRef<ImportIssue[]>([])
  /** A failure that is not about a line of the input (IndexedDB, loading, a missing identity field). */
  const failure = shallowRef<Bilingual | null>(null)
  const pending = shallowRef<Pending | null>(null)
  /** doc_ids of the last successful import. */
  const done = shallowRef<string[]>([])
  const restore = shallowRef<RestoreReport | null>(null)
  /** Milliseconds of the last read (worker) and the last save (load + IndexedDB), for the UI and benchmarks. */
  const timings = ref<{ read: number; save: number }>({ read: 0, save: 0 })
  /** Counts finished operations (read, confirm, remove …), so a caller can wait for the next result. */
  const finished = ref(0)
  /** Operations queued or running. */
  const active = ref(0)
  let listLoaded = false
  let sync: TabSync | null = null
  // The confirm / remove / sync logic, with IndexedDB and DuckDB handed in (unit-tested with fakes: test/import/service.test.ts).
  const service = createImportService({
    loadAll: loadAllImports,
    save: (doc, o) => saveImport(doc, { bundledDocIds: BUNDLED_DOC_IDS, ...o }),
    remove: removeImport,
    summaries: storedSummaries,
  }, { load: (imports) => loadSet(imports) })

  /** Operations run one after another: a field's change event (fired on blur) and the click that caused it must not interleave. */
  let chain: Promise<void> = Promise.resolve()
  function track<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return (...args: A) => {
      active.value++
      const run = chain.then(() => fn(...args)).finally(() => {
        active.value--
        finished.value++
      })
      chain = run.catch(() => undefined)
      return run
    }
  }

  function reset(next: ImportStatus): void {
    status.value = next
    issues.value = []
    failure.value = null
    done.value = []
  }

  async function refreshList(): Promise<void> {
    try {
      list.value = await listImports()
      listLoaded = true
    } catch (e) {
      failure.value = messageOf(e)
    }
  }

  async function init(): Promise<void> {
    sync ??= watchImportChanges(() => void syncFromStorage())
    await getDb().catch(() => undefined)
    restore.value = restoreReport()
    await service.restored(restore.value?.restored ?? [])
    if (!listLoaded) await refreshList()
  }

  /** What the pending import would replace, read again from storage (another tab may have changed it). */
  async function markExisting(): Promise<void> {
    const p = pending.value
    if (!p) return
    const existing = await storedSummaries(plannedDocuments().map((d) => d.document.doc_id)).catch(() => ({}))
    if (pending.value === p) pending.value = { ...p, existing }
  }

  function fail(e: unknown): void {
    if (e instanceof ImportFailure) issues.value = e.issues
    else failure.value = messageOf(e)
    status.value = 'error'
  }

  /** doc_ids a new import may not take: the bundled ones, and for a fresh (pasted) text the imported ones. */
  async function reserved(fresh: boolean): Promise<string[]> {
    if (fresh && !listLoaded) await refreshList()
    return [...BUNDLED_DOC_IDS, ...(fresh ? list.value.map((i) => i.docId) : [])]
  }

  async function runReport(input: { text: string } | { bytes: ArrayBuffer }, fileName: string, pasted: boolean, overrides: Overrides): Promise<void> {
    const t0 = performance.now()
    try {
      const { result, encoding } = await importReportInWorker(input, fileName, await reserved(pasted), Object.keys(overrides).length > 0 ? overrides : undefined)
      timings.value = { ...timings.value, read: performance.now() - t0 }
      pending.value = { kind: 'report', fileName, encoding, result, overrides, pasted, existing: {} }
      await markExisting()
      status.value = 'preview'
    } catch (e) {
      pending.value = null
      fail(e)
    }
  }

  /** Reads a dropped or chosen report file (any supported encoding) and shows its preview. */
  async function readReportFile(file: File): Promise<void> {
    reset('reading')
    pending.value = null
    await runReport({ bytes: await file.arrayBuffer() }, file.name, false, {})
  }

  /** Reads pasted report text. */
  async function readReportText(body: string, fileName: string): Promise<void> {
    reset('reading')
    pending.value = null
    await runReport({ text: body }, fileName.trim() || 'pasted.txt', true, {})
  }

  /** Re-reads the pending report with identity the user typed (the unit changes how amounts convert). */
  async function setReportIdentity(field: IdentityField, value: string): Promise<void> {
    const p = pending.value
    if (!p || p.kind !== 'report') return
    // Nothing changed (a change event repeated on blur): keep the preview as it is.
    if ((p.overrides[field] ?? '') === value.trim() && p.result.preview.document[field] === value.trim()) return
    const overrides: Overrides = { ...p.overrides }
    if (value.trim() === '') delete overrides[field]
    else (overrides as Record<string, string>)[field] = value.trim()
    reset('reading')
    await runReport({ text: p.result.prepared.sourceText ?? '' }, p.fileName, p.pasted, overrides)
  }

  /** Reads CSV files (canonical line_items / documents, or a long table); all must be valid. */
  async function readCsvFiles(files: readonly File[]): Promise<void> {
    reset('reading')
    pending.value = null
    const t0 = performance.now()
    let read: CsvRead
    try {
      const inputs = await Promise.all(files.map(async (file) => ({ fileName: file.name, bytes: await file.arrayBuffer() })))
      // A CSV import replaces an import of the same doc_id (re-import), so only bundled ids are reserved.
      read = await importCsvInWorker(inputs, await reserved(false))
    } catch (e) {
      // Bad input: every problem of every file, each with its file, line and column.
      fail(e)
      return
    }
    timings.value = { ...timings.value, read: performance.now() - t0 }
    if (read.imports.length === 0) {
      failure.value = text('文件中没有可导入的行', 'the files hold no rows to import')
      status.value = 'error'
      return
    }
    pending.value = { kind: 'csv', files: read.files, imports: read.imports, withoutIdentity: read.withoutIdentity, existing: {} }
    await markExisting()
    status.value = 'preview'
  }

  /** Sets an identity field of a CSV document that came without one. */
  function setCsvIdentity(docId: string, field: IdentityField, value: string): void {
    const p = pending.value
    if (!p || p.kind !== 'csv') return
    const imports = p.imports.map((doc) => (doc.originalDocId !== docId ? doc : withDocument(doc, { ...doc.document, [field]: value.trim() } as DocumentRow)))
    pending.value = { ...p, imports }
  }

  /** The documents the pending import will save, under the doc_ids they will get (renamed by the worker, see reserved()). */
  function plannedDocuments(): PreparedImport[] {
    const p = pending.value
    if (!p) return []
    return p.kind === 'report' ? [p.result.prepared] : p.imports
  }

  /** Loads the bundled data plus `imports`; the tables stay as they were if that fails. */
  async function loadSet(imports: readonly ImportFiles[]): Promise<void> {
    await reloadDataset(imports)
    const dbStore = useDbStore()
    const engine = await getDb()
    dbStore.documents = await documentRows(engine)
  }

  /** Saves the pending import: loads it with the others, then keeps it in IndexedDB. */
  async function confirm(): Promise<void> {
    const p = pending.value
    if (!p) return
    if (p.kind === 'report' && !p.result.preview.importable) {
      failure.value = text('没有识别出任何表格，无法导入', 'no table was recognised, so there is nothing to import')
      status.value = 'error'
      return
    }
    const docs = plannedDocuments()
    for (const doc of docs) {
      const missing = REQUIRED.filter((f) => !doc.document[f])
      if (missing.length > 0) {
        failure.value = text(`${doc.fileName}（${doc.document.doc_id}）：请先填写${missing.map((f) => FIELD_ZH[f]).join('、')}`, `${doc.fileName} (${doc.document.doc_id}): fill in the ${missing.join(', ')} first`)
        return
      }
    }
    reset('saving')
    const t0 = performance.now()
    const outcome = await service.confirm(docs, p.existing, breathe)
    if (outcome.ok) {
      sync?.announce()
      timings.value = { ...timings.value, save: performance.now() - t0 }
      pending.value = null
      done.value = outcome.docIds
      status.value = 'done'
    } else if (outcome.reason === 'changed') {
      // Not a failure of the input: show the preview again with what is stored now, and let the person choose.
      await markExisting()
      failure.value = outcome.message
      status.value = 'preview'
    } else {
      const m = outcome.message
      failure.value = outcome.reason === 'load'
        ? text(`数据无法载入，未做任何更改：${m.zh}`, `the data could not be loaded; nothing was changed: ${m.en}`)
        : outcome.reason === 'save' ? text(`无法保存到浏览器存储，未做任何更改：${m.zh}`, `could not save to browser storage; nothing was changed: ${m.en}`) : m
      status.value = 'error'
    }
    await refreshList()
  }

  /**
   * Another tab changed the stored imports: load exactly what is stored now
   * (unless that is what is loaded) and show it, in turn with this tab's own operations.
   */
  const syncFromStorage = track(async () => {
    try {
      await service.sync()
    } catch (e) {
      failure.value = messageOf(e)
    }
    // A pending preview keeps what its person was shown: confirming it will say if another tab has taken its doc_id since.
    await refreshList()
  })

  /** Saves the pending report under a new doc_id instead of replacing the stored import of the same name. */
  async function keepBoth(): Promise<void> {
    const p = pending.value
    if (!p || p.kind !== 'report') return
    reset('reading')
    await refreshList()
    await runReport({ text: p.result.prepared.sourceText ?? '' }, p.fileName, true, p.overrides)
  }

  function cancel(): void {
    pending.value = null
    reset('idle')
  }

  /** Removes an imported document from the views and from IndexedDB. Bundled documents are not stored, so cannot be removed. */
  async function remove(docId: string): Promise<void> {
    reset('saving')
    const outcome = await service.remove(docId)
    if (outcome.ok) {
      sync?.announce()
      status.value = 'idle'
    } else {
      failure.value = outcome.message
      status.value = 'error'
    }
    await refreshList()
  }

  /** Downloads the whole dataset (bundled plus imports), one canonical CSV per table. */
  async function exportAll(): Promise<void> {
    try {
      const stored = await loadAllImports()
      // With the BOM Excel needs to read UTF-8.
      await downloadEach(exportDataset(await datasetFiles(), stored.map((s) => s.files), { bom: true }).map((f) => ({ fileName: f.fileName, blob: textBlob(f.text, 'text/csv;charset=utf-8') })))
    } catch (e) {
      fail(e)
    }
  }

  return {
    list, status, issues, failure, pending, done, restore, timings, finished, active,
    init, refreshList, setCsvIdentity, plannedDocuments, cancel, exportAll,
    readReportFile: track(readReportFile), readReportText: track(readReportText), setReportIdentity: track(setReportIdentity),
    readCsvFiles: track(readCsvFiles), confirm: track(confirm), remove: track(remove), keepBoth: track(keepBoth), syncFromStorage,
  }
})
