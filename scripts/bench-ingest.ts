/**
 * npm run bench:ingest — how long the parser takes.
 *
 * 1. All four reports (≈ 0.9 MB of text), parsed N times: median and spread.
 * 2. A synthetic batch of 1,000 reports (the four repeated 250 times), to show
 *    how the cost grows with the number of reports (it should be linear).
 * Figures are medians of repeated runs: the machine has 2 noisy cores.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseReport } from '../src/ingest/index'

const rawDir = join(import.meta.dirname, '..', 'data', 'raw')
const reports = readdirSync(rawDir).filter((f) => f.endsWith('.txt')).sort()
  .map((source) => ({ source, text: readFileSync(join(rawDir, source), 'utf8') }))
const bytes = reports.reduce((n, r) => n + Buffer.byteLength(r.text), 0)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const runs = Number(process.env.RUNS ?? 15)

function parseAll(times = 1): number {
  const t0 = performance.now()
  for (let i = 0; i < times; i++) for (const r of reports) parseReport(r.text, { source: r.source })
  return performance.now() - t0
}

parseAll() // warm-up (JIT)
const four = Array.from({ length: runs }, () => parseAll())
console.log(`four reports (${(bytes / 1e6).toFixed(2)} MB): median ${median(four).toFixed(1)} ms over ${runs} runs (min ${Math.min(...four).toFixed(1)}, max ${Math.max(...four).toFixed(1)})`)
for (const r of reports) {
  const ts = Array.from({ length: runs }, () => { const t0 = performance.now(); parseReport(r.text, { source: r.source }); return performance.now() - t0 })
  console.log(`  ${r.source}: median ${median(ts).toFixed(1)} ms`)
}
const batchRuns = Number(process.env.BATCH_RUNS ?? 3)
const batch = Array.from({ length: batchRuns }, () => parseAll(250))
const perReport = median(batch) / 1000
console.log(`1,000 reports (${(bytes * 250 / 1e6).toFixed(0)} MB): median ${(median(batch) / 1000).toFixed(2)} s over ${batchRuns} runs — ${perReport.toFixed(2)} ms per report; ratio to a single pass of the four: ${(median(batch) / median(four)).toFixed(0)}× for 250× the text`)
