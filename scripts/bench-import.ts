/**
 * npx tsx scripts/bench-import.ts — time and peak memory of imports (too slow
 * for the unit suite). Each scenario runs in its own child process, so its
 * peak resident memory (getrusage maxRSS) is its own; a baseline child that
 * only loads the code and holds the input gives what the import itself adds.
 *
 * Each import runs as the import worker runs it (handleImportRequest: decode,
 * parse, group by document, write the canonical CSV text the page receives);
 * then what the page still does with that text is timed on its own: the
 * doc_id check saveImport makes and the merge with the bundled CSVs that goes
 * to DuckDB (datasetWithImports).
 *
 * Scenarios:
 *  - csv-long: a generated 50 MB long table (城市,年度,阶段,项目,金额,单位,科目编码), bytes → decode → parse → CSV text
 *  - csv-canonical: 50 MB of canonical line_items (the bundled file repeated under new doc_ids)
 *  - csv-gbk: the long table again, as GBK bytes (decoded with the gb18030 fallback)
 *  - report: the 0.5 MB jincheng-2024-budget.txt through importReportText
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { datasetWithImports } from '../src/db/load'
import { TABLES } from '../src/db/schema'
import { saveConflict } from '../src/import/doc-id'
import type { PreparedImport } from '../src/import/types'
import { handleImportRequest } from '../src/import/worker-handler'

const root = join(import.meta.dirname, '..')
const TARGET = Number(process.env.BENCH_MB ?? 50) * 1e6

const ITEMS = ['一般公共服务支出', '社会保障和就业支出', '人力资源和社会保障管理事务', '行政运行', '一般行政管理事务', '就业补助', '<img src=x onerror=alert(1)>']
const CITIES = ['晋城', '长治', '高平', '太原', '晋中']

/** A long table of about TARGET bytes, with the number forms people type (thousands, 万 suffix, negatives, dashes). */
function longTable(): string {
  const parts = ['城市,年度,阶段,项目,金额,单位,科目编码\n']
  let size = parts[0]!.length
  for (let i = 0; size < TARGET; i++) {
    const amount = i % 7 === 0 ? `"${(i % 999) + 1},${String(i % 1000).padStart(3, '0')}.5"` : i % 11 === 0 ? `${i % 500}.25万` : i % 13 === 0 ? `（${i % 77}.1）` : i % 17 === 0 ? '—' : `${i % 100000}.${i % 100}`
    const unit = i % 7 !== 0 && i % 11 === 0 ? '' : i % 2 ? '万元' : '元'
    const line = `${CITIES[i % CITIES.length]},${2020 + (i % 7)},${i % 3 ? '预算' : '决算'},${ITEMS[i % ITEMS.length]}${i},${amount},${unit},208${String(i % 100).padStart(2, '0')}\n`
    parts.push(line)
    size += Buffer.byteLength(line)
  }
  return parts.join('')
}

function canonicalTable(): string {
  const text = readFileSync(join(root, 'data/dataset/line_items.csv'), 'utf8')
  const nl = text.indexOf('\n')
  const header = text.slice(0, nl + 1)
  const body = text.slice(nl + 1)
  const parts = [header]
  let size = header.length
  for (let copy = 0; size < TARGET; copy++) {
    const chunk = body.replace(/^([^,\n]+),/gm, `$1-copy${copy},`)
    parts.push(chunk)
    size += Buffer.byteLength(chunk)
  }
  return parts.join('')
}

/** GBK bytes of a text, by inverting the platform's GB18030 decoder (as the tests do). */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number>()
  const decoder = new TextDecoder('gb18030')
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && !table.has(ch)) table.set(ch, (lead << 8) | trail)
    }
  }
  const out = new Uint8Array(text.length * 2)
  let n = 0
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (code < 0x80) out[n++] = code
    else {
      const pair = table.get(ch)!
      out[n++] = pair >> 8
      out[n++] = pair & 0xff
    }
  }
  return out.subarray(0, n)
}

type Scenario = 'baseline-csv' | 'csv-long' | 'csv-canonical' | 'csv-gbk' | 'baseline-report' | 'report'

const INPUTS: Record<Scenario, string> = {
  'baseline-csv': 'long.csv', 'csv-long': 'long.csv', 'csv-canonical': 'canonical.csv', 'csv-gbk': 'long-gbk.csv',
  'baseline-report': 'report.txt', report: 'report.txt',
}

/** Writes the generated inputs once, so every child only reads its file (the baseline holds the same bytes). */
function writeInputs(dir: string): void {
  const long = longTable()
  writeFileSync(join(dir, 'long.csv'), long)
  writeFileSync(join(dir, 'long-gbk.csv'), encodeGbk(long))
  writeFileSync(join(dir, 'canonical.csv'), canonicalTable())
  writeFileSync(join(dir, 'report.txt'), readFileSync(join(root, 'data/raw/jincheng-2024-budget.txt')))
}

const BUNDLED_FILES = Object.fromEntries(TABLES.map((t) => [t, readFileSync(join(root, 'data/dataset', `${t}.csv`), 'utf8')]))
const BUNDLED_IDS = ['changzhi-2026-budget', 'gaoping-2026-budget', 'jincheng-2022-final', 'jincheng-2024-budget']

/** What the page does with the worker's answer: saveImport's doc_id check, and the merged text handed to DuckDB. */
function pageWork(imports: readonly PreparedImport[]): string {
  const t0 = performance.now()
  for (const doc of imports) if (saveConflict(doc, new Set(BUNDLED_IDS), new Set(), true)) throw new Error(`${doc.document.doc_id} refused`)
  const t1 = performance.now()
  const merged = datasetWithImports(BUNDLED_FILES, imports.map((d) => d.files))
  const size = Object.values(merged).reduce((n, text) => n + (text?.length ?? 0), 0)
  return `page: doc_id check ${(t1 - t0).toFixed(0)} ms, merge ${(performance.now() - t1).toFixed(0)} ms (${(size / 1e6).toFixed(0)} M characters)`
}

function runChild(scenario: Scenario, dir: string): void {
  const bytes = new Uint8Array(readFileSync(join(dir, INPUTS[scenario])))
  globalThis.gc?.()
  const before = process.resourceUsage().maxRSS
  const t0 = performance.now()
  let summary = ''
  let page = ''
  let workerMs = 0
  if (scenario.startsWith('csv')) {
    const res = handleImportRequest({ id: 1, kind: 'csv', reserved: BUNDLED_IDS, files: [{ fileName: 'bench.csv', bytes: bytes.buffer as ArrayBuffer }] })
    if (!res.ok || res.kind !== 'csv') throw new Error(res.ok ? 'not a CSV answer' : res.message)
    workerMs = performance.now() - t0
    const rows = res.result.imports.reduce((n, d) => n + d.counts.line_items, 0)
    const text = res.result.imports.reduce((n, d) => n + Object.values(d.files).reduce((m, f) => m + (f?.length ?? 0), 0), 0)
    summary = `${(bytes.length / 1e6).toFixed(1)} MB ${res.result.files[0]!.encoding}, ${rows.toLocaleString('en')} rows, ${res.result.imports.length} documents, ${(text / 1e6).toFixed(0)} M characters of CSV`
    page = pageWork(res.result.imports)
  } else if (scenario === 'report') {
    const res = handleImportRequest({ id: 1, kind: 'report', reserved: BUNDLED_IDS, fileName: 'bench.txt', bytes: bytes.buffer as ArrayBuffer })
    if (!res.ok || res.kind !== 'report') throw new Error(res.ok ? 'not a report answer' : res.message)
    workerMs = performance.now() - t0
    const { preview } = res.result
    summary = `${(bytes.length / 1e6).toFixed(2)} MB, ${preview.counts.line_items} line items, ${preview.tables.length} tables, ${preview.counts.checks} checks`
    page = pageWork([res.result.prepared])
  }
  // The worker's time; the page's share is in the summary.
  const ms = workerMs
  const usage = process.resourceUsage().maxRSS
  console.log(JSON.stringify({ scenario, ms, maxRssMB: usage / 1024, rssBeforeMB: before / 1024, summary: page ? `${summary}; ${page}` : summary }))
}

const child = process.argv[2] as Scenario | undefined
if (child) {
  runChild(child, process.argv[3]!)
} else {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'))
  writeInputs(dir)
  const results = new Map<string, { ms: number; maxRssMB: number; rssBeforeMB: number; summary: string }>()
  for (const s of ['baseline-csv', 'csv-long', 'csv-canonical', 'csv-gbk', 'baseline-report', 'report'] as Scenario[]) {
    const out = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, s, dir], { encoding: 'utf8', maxBuffer: 1e7 })
    if (out.status !== 0) throw new Error(`${s} failed: ${out.stderr}`)
    results.set(s, JSON.parse(out.stdout.trim().split('\n').pop()!))
  }
  rmSync(dir, { recursive: true, force: true })
  const base = (s: string) => results.get(s.startsWith('report') ? 'baseline-report' : 'baseline-csv')!.maxRssMB
  for (const [s, r] of results) {
    if (s.startsWith('baseline')) {
      console.log(`${s}: peak RSS ${r.maxRssMB.toFixed(0)} MB (code loaded, input bytes read)`)
      continue
    }
    console.log(`${s}: ${r.ms.toFixed(0)} ms, peak RSS ${r.maxRssMB.toFixed(0)} MB (+${(r.maxRssMB - base(s)).toFixed(0)} MB over baseline) — ${r.summary}`)
  }
}
