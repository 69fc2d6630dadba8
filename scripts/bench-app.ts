/**
 * npm run bench:app — the built app in headless Chromium over several cold
 * loads (fresh browser profile each): medians of time to first view painted,
 * DuckDB ready, and the Compare pivot re-rendered after a selection change;
 * then the Compare PIVOT over a synthetic 1,000,000-row line_items table, run
 * through the SQL workbench of the same app.
 *
 * Each app load is paired with a load of the reference page
 * (scripts/bench-reference.html: a bare start of the same DuckDB worker and
 * wasm, then SELECT 42) in the same browser build and run, and DuckDB ready is
 * reported as a ratio to it — the figure that carries across machines — with
 * the app's start-up phases from its performance marks.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compareQuery } from '../src/db/queries/compare'
import { inlineParams } from '../src/db/sql'
import { buildApp, launch, serve, waitForDb, watchForeignRequests, type Page } from '../test/e2e/harness'
import { duckdbFetchPhases, mark, median, referenceReady } from './bench-common'

const LOADS = Number(process.env.BENCH_LOADS ?? 5)
const PIVOT_RUNS = 7


/**
 * Changes the Compare dimension and times until the pivot table has re-rendered,
 * with the part of it spent waiting for DuckDB (the view's asked/answered marks).
 */
async function pivotRerender(page: Page, dimension: string): Promise<{ total: number; query: number }> {
  return page.evaluate(async (dim) => {
    const table = document.querySelector('[data-testid="pivot"]')!
    const before = table.getAttribute('data-seq')
    const select = document.querySelector('[data-testid="dimension"]') as HTMLSelectElement
    performance.clearMarks('kanzhang:compare-asked')
    performance.clearMarks('kanzhang:compare-answered')
    const t0 = performance.now()
    const done = new Promise<number>((resolve) => {
      const obs = new MutationObserver(() => {
        if (table.getAttribute('data-seq') !== before) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - t0)) }
      })
      obs.observe(table, { attributes: true })
    })
    select.value = dim
    select.dispatchEvent(new Event('change'))
    const total = await done
    // (No named helper here: tsx would wrap it in a __name() the page does not have.)
    const [asked, answered] = ['kanzhang:compare-asked', 'kanzhang:compare-answered'].map((n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN)
    return { total, query: answered! - asked! }
  }, dimension)
}

async function workbench(page: Page, sql: string): Promise<number> {
  await page.fill('[data-testid="sql-input"]', sql)
  const runs = () => page.evaluate(() => (window as unknown as { __runs?: number }).__runs ?? 0)
  // Count completed runs from the DOM: the summary's data-ms changes with every run.
  await page.evaluate(() => {
    const w = window as unknown as { __runs?: number; __obs?: MutationObserver }
    w.__runs = 0
    w.__obs?.disconnect()
    w.__obs = new MutationObserver(() => { w.__runs = (w.__runs ?? 0) + 1 })
    w.__obs.observe(document.querySelector('[data-testid="view-workbench"]')!, { subtree: true, attributes: true, attributeFilter: ['data-ms'], childList: true })
  })
  await page.click('[data-testid="run-sql"]')
  const t0 = Date.now()
  while ((await runs()) === 0 || await page.locator('[data-testid="run-sql"][disabled]').count()) {
    if (await page.locator('[data-testid="sql-error"]').count()) throw new Error(await page.locator('[data-testid="sql-error"]').innerText())
    if (Date.now() - t0 > 120_000) throw new Error('workbench query timed out')
    await page.waitForTimeout(20)
  }
  if (await page.locator('[data-testid="sql-error"]').count()) throw new Error(await page.locator('[data-testid="sql-error"]').innerText())
  return Number(await page.locator('[data-testid="sql-summary"]').getAttribute('data-ms'))
}

const PHASES = ['kanzhang:duckdb-start', 'kanzhang:first-view', 'worker script received', 'worker started', 'wasm requested', 'wasm received', 'kanzhang:duckdb-instantiated', 'kanzhang:duckdb-connected', 'kanzhang:files-registered', 'kanzhang:tables-inserted', 'kanzhang:dataset-loaded', 'kanzhang:restore-end', 'kanzhang:db-ready', 'kanzhang:publishers-shown']

/** Every mark of the page whose name starts with `prefix`, in ms from navigation start. */
async function marks(page: Page, prefix: string): Promise<Record<string, number>> {
  return page.evaluate((p) => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith(p)).map((m) => [m.name, m.startTime])), prefix)
}

const dist = mkdtempSync(join(tmpdir(), 'kanzhang-bench-'))
console.log('building…')
buildApp(dist, { KANZHANG_BENCH_REFERENCE: '1' })
const server = await serve(dist)
const firstView: number[] = []
const dbReady: number[] = []
const reference: number[] = []
const ratio: number[] = []
const rerender: number[] = []
const shown: number[] = []
const rerenderQuery: number[] = []
const phases: Record<string, number[]> = {}
const referencePhases: Record<string, number[]> = {}
try {
  for (let i = 0; i < LOADS; i++) {
    // The reference: a cold, bare DuckDB start in a fresh browser.
    reference.push(await referenceReady(server.url, referencePhases))

    const chromium = await launch()
    const page = await chromium.browser.newPage()
    const foreign = watchForeignRequests(page, server.url)
    await page.goto(server.url + '#/')
    firstView.push(await mark(page, 'kanzhang:first-view'))
    dbReady.push(await mark(page, 'kanzhang:db-ready'))
    ratio.push(dbReady[i]! / reference[i]!)
    // The Overview's first answer from DuckDB (its views are made when first asked, after ready).
    shown.push(await mark(page, 'kanzhang:publishers-shown') / reference[i]!)
    for (const [name, t] of Object.entries(await marks(page, 'kanzhang:'))) (phases[name] ??= []).push(t)
    for (const [name, t] of Object.entries(await duckdbFetchPhases(page))) (phases[name] ??= []).push(t)
    await waitForDb(page)
    await page.click('[data-nav="compare"]')
    await page.waitForSelector('[data-testid="pivot"] tbody tr')
    const dims = ['class5', 'class7', 'class3', 'fund', 'class5', 'econ1', 'class3']
    const times: number[] = []
    const queries: number[] = []
    for (const d of dims) {
      const r = await pivotRerender(page, d)
      times.push(r.total)
      queries.push(r.query)
    }
    rerender.push(median(times))
    rerenderQuery.push(median(queries))
    if (foreign.length) throw new Error(`foreign requests: ${foreign.join(', ')}`)
    console.log(`load ${i + 1}: reference ready ${reference[i]!.toFixed(0)} ms; app first view ${firstView[i]!.toFixed(0)} ms, DuckDB ready ${dbReady[i]!.toFixed(0)} ms (${ratio[i]!.toFixed(2)} × reference), pivot re-render ${rerender[i]!.toFixed(0)} ms`)
    await chromium.close()
  }
  // Synthetic 1,000,000-row line_items, pivoted by the Compare query (class7 across 4 documents, shares).
  const chromium = await launch()
  const page = await chromium.browser.newPage()
  await page.goto(server.url + '#/workbench')
  await waitForDb(page)
  await page.waitForSelector('[data-testid="sql-input"]')
  const docs = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']
  const createMs = await workbench(page, `CREATE OR REPLACE TABLE big_line_items AS
SELECT 'd' || (i % 8) AS doc_id, 'B03' AS table_code,
  CASE (i % 3) WHEN 0 THEN (200 + i % 20)::VARCHAR WHEN 1 THEN (20000 + i % 200)::VARCHAR ELSE (2000000 + i % 2000)::VARCHAR END AS class_code,
  '合计' AS measure, ((i * 7919) % 100000000 / 100.0)::DECIMAL(18,2) AS value, (i % 5000)::INTEGER AS line
FROM range(1000000) t(i);
CREATE OR REPLACE VIEW big_facts AS
SELECT 'class' || length(class_code) AS dimension, doc_id, class_code AS dim_key, class_code AS dim_label, value AS amount, line, table_code,
  doc_id || ':L' || line AS row_id FROM big_line_items;
SELECT count(*) AS n FROM big_line_items`)
  const q = compareQuery({ docs: docs.slice(0, 4), dimension: 'class7', mode: 'share' }, docs)
  // The app pivots the facts table materialised at load; here a view over the synthetic rows stands in for it.
  if (!/FROM facts\b/.test(q.sql)) throw new Error('the Compare query no longer reads facts: update the benchmark')
  const sql = inlineParams(q.sql, q.params).replace(/FROM facts\b/, 'FROM big_facts')
  const pivot: number[] = []
  for (let i = 0; i < PIVOT_RUNS; i++) pivot.push(await workbench(page, sql))
  const rows = await page.locator('[data-testid="sql-summary"]').innerText()
  await chromium.close()

  console.log('\n== bench:app (medians) ==')
  console.log(`cold loads: ${LOADS}`)
  console.log(`reference (bare DuckDB start, SELECT 42): ${median(reference).toFixed(0)} ms`)
  console.log(`first view painted: ${median(firstView).toFixed(0)} ms`)
  console.log(`DuckDB ready (dataset loaded): ${median(dbReady).toFixed(0)} ms = ${median(ratio).toFixed(2)} × the reference (median of per-load ratios; range ${Math.min(...ratio).toFixed(2)}–${Math.max(...ratio).toFixed(2)})`)
  console.log(`Overview's publisher rows shown (its first DuckDB answer): ${median(shown).toFixed(2)} × the reference (range ${Math.min(...shown).toFixed(2)}–${Math.max(...shown).toFixed(2)})`)
  console.log(`reference phases (median ms from navigation start): ${Object.entries(referencePhases).map(([n, t]) => [n, median(t)] as const).sort((a, b) => a[1] - b[1]).map(([n, t]) => `${n.replace('reference:', '')} ${t.toFixed(0)}`).join(', ')}`)
  console.log('start-up phases (median ms from navigation start):')
  for (const name of [...PHASES, ...Object.keys(phases).filter((n) => !PHASES.includes(n))]) if (phases[name]) console.log(`  ${name.replace('kanzhang:', '')}: ${median(phases[name]).toFixed(0)}`)
  console.log(`Compare pivot re-render after a selection change: ${median(rerender).toFixed(0)} ms (of it waiting for DuckDB: ${median(rerenderQuery).toFixed(0)} ms)`)
  console.log(`synthetic 1,000,000-row line_items: created in ${createMs.toFixed(0)} ms; Compare PIVOT (项 level, 4 of 8 documents, shares): ${median(pivot).toFixed(0)} ms median of ${PIVOT_RUNS} (${rows})`)
} finally {
  await server.close()
  rmSync(dist, { recursive: true, force: true })
}
