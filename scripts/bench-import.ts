/**
 * npx tsx scripts/bench-import.ts — time and peak memory of imports (too slow
 * for the unit suite). Each scenario runs in its own child process, so its
 * peak resident memory (getrusage maxRSS) is its own; a baseline child that
 * only loads the code and holds the input gives what the import itself adds.
 *
 * Scenarios:
 *  - csv-long: a generated 50 MB long table (城市,年度,阶段,项目,金额,单位,科目编码), bytes → decodeBytes → parseCsvImport
 *  - csv-canonical: 50 MB of canonical line_items (the bundled file repeated under new doc_ids)
 *  - csv-gbk: the long table again, as GBK bytes (decoded with the gb18030 fallback)
 *  - report: the 0.5 MB jincheng-2024-budget.txt through importReportText
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseCsvImport } from '../src/import/csv-import'
import { decodeBytes } from '../src/import/decode'
import { importReportText } from '../src/import/report-import'

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

function runChild(scenario: Scenario, dir: string): void {
  const bytes = new Uint8Array(readFileSync(join(dir, INPUTS[scenario])))
  const text = scenario === 'report' || scenario === 'baseline-report' ? new TextDecoder().decode(bytes) : ''
  globalThis.gc?.()
  const before = process.resourceUsage().maxRSS
  const t0 = performance.now()
  let summary = ''
  if (scenario.startsWith('csv')) {
    const decoded = decodeBytes(bytes, 'bench.csv')
    const t1 = performance.now()
    const r = parseCsvImport(decoded.text, 'bench.csv')
    if (!r.ok) throw new Error(r.errors[0]!.message.en)
    summary = `${(bytes.length / 1e6).toFixed(1)} MB ${decoded.encoding}, decode ${(t1 - t0).toFixed(0)} ms, ${r.lineItems.length.toLocaleString('en')} rows, ${r.documents.length} documents`
  } else if (scenario === 'report') {
    const r = importReportText(text, 'bench.txt')
    summary = `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${r.preview.counts.line_items} line items, ${r.preview.tables.length} tables, ${r.preview.counts.checks} checks`
  }
  const ms = performance.now() - t0
  const usage = process.resourceUsage().maxRSS
  console.log(JSON.stringify({ scenario, ms, maxRssMB: usage / 1024, rssBeforeMB: before / 1024, summary }))
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
