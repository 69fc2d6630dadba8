/**
 * npm run bench:offline — the two offline builds in headless Chromium:
 *
 * - the single file (vite build --mode single): its size, then cold loads
 *   from file:// (fresh browser profile each, every network request aborted);
 * - the PWA (vite build): one visit over 127.0.0.1 to precache it, the server
 *   stopped, then cold loads, each a browser restart on that profile.
 *
 * Every load is measured against the reference timed in the same run (a
 * bare, cold start of the same DuckDB worker and wasm: bench-common.ts), and
 * the single file's first view against the hosted app's, cold, in the same
 * round: the machine's noise and drift cancel in the ratios. Reports medians
 * of the first view painted and of DuckDB ready (dataset loaded), both from
 * navigation start (performance marks of the app), and of the ratios.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildApp, launch, serve, waitForDb, watchForeignRequests, type Page } from '../test/e2e/harness'
import { duckdbFetchPhases, mark, median, referenceReady } from './bench-common'
import { blockNetwork, launchWithProfile, waitForPrecache, watchProblems } from '../test/e2e/offline-helpers'

const LOADS = Number(process.env.BENCH_LOADS ?? 5)


/** `phases`: the single file's before its first view; `fetches`: when DuckDB's worker script arrived and the worker started, and when its wasm was requested and received (bench-common.ts). */
interface Series { firstView: number[]; dbReady: number[]; phases?: Record<string, number[]>; fetches?: Record<string, number[]> }

/** The single file's phases before its first view, ms from navigation start (loader marks: scripts/offline-build.ts). */
async function singleFilePhases(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    const at = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))
    return {
      'loader reached by the parser': at['kanzhang:loader-start'] ?? NaN,
      'app code unpacked': at['kanzhang:app-unpacked'] ?? NaN,
      'first view': at['kanzhang:first-view'] ?? NaN,
      'page parsed (DOMContentLoaded)': nav.domContentLoadedEventStart,
      'DuckDB start': at['kanzhang:duckdb-start'] ?? NaN,
      'DuckDB instantiated': at['kanzhang:duckdb-instantiated'] ?? NaN,
    }
  })
}

async function measure(page: Page, series: Series, label: string): Promise<void> {
  const fv = await mark(page, 'kanzhang:first-view')
  const db = await mark(page, 'kanzhang:db-ready')
  await waitForDb(page)
  series.firstView.push(fv)
  series.dbReady.push(db)
  if (series.phases) for (const [k, v] of Object.entries(await singleFilePhases(page))) (series.phases[k] ??= []).push(v)
  if (series.fetches) for (const [k, v] of Object.entries(await duckdbFetchPhases(page))) (series.fetches[k] ??= []).push(v)
  console.log(`${label}: first view ${fv.toFixed(0)} ms, DuckDB ready ${db.toFixed(0)} ms`)
}

/**
 * One more warm load (not timed), traced, to tell whether Chromium used or wrote a
 * compiled-code cache for DuckDB's wasm: the only way a warm start could do less
 * than the cold reference's compile. Blink's wasm streaming traces
 * `v8.wasm.moduleCacheHit` when it hands V8 a cached module and
 * `v8.wasm.compiledModule` / `v8.wasm.cachedModule` when V8 offers one to store.
 */
async function wasmCodeCacheEvents(profile: string, url: string): Promise<string> {
  const browser = await launchWithProfile(profile)
  try {
    const page = browser.pages()[0] ?? await browser.newPage()
    const cdp = await browser.newCDPSession(page)
    const names: string[] = []
    cdp.on('Tracing.dataCollected', (e) => { for (const ev of e.value as { name: string }[]) if (ev.name.startsWith('v8.wasm.')) names.push(ev.name) })
    const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok))
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' })
    await page.goto(url)
    await waitForDb(page)
    await page.waitForTimeout(3000) // V8 offers a module for caching after its tier-up settles
    await cdp.send('Tracing.end')
    await complete
    const count = (n: string) => names.filter((x) => x === n).length
    return `streaming compiles ${count('v8.wasm.streamFromResponseCallback')}, cache hits ${count('v8.wasm.moduleCacheHit')}, modules offered for caching ${count('v8.wasm.compiledModule')}, stored ${count('v8.wasm.cachedModule')}`
  } finally {
    await browser.close()
  }
}

function check(problems: ReturnType<typeof watchProblems>, extra: string[] = []): void {
  const bad = [...problems.foreign, ...problems.csp, ...problems.pageErrors, ...extra]
  if (bad.length) throw new Error(`not clean offline: ${bad.join(' | ')}`)
}

const single = mkdtempSync(join(tmpdir(), 'kanzhang-bench-single-'))
const hosted = mkdtempSync(join(tmpdir(), 'kanzhang-bench-pwa-'))
const profile = mkdtempSync(join(tmpdir(), 'kanzhang-bench-profile-'))
const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`
try {
  console.log('building the single file…')
  buildApp(single, {}, ['--mode', 'single'])
  const file = join(single, 'kanzhang.html')
  const size = statSync(file).size
  console.log('building the hosted app (with the reference page)…')
  buildApp(hosted, { KANZHANG_BENCH_REFERENCE: '1' })
  let server = await serve(hosted)

  // Cold rounds: the reference, the hosted app, the single file from file://, each in a fresh browser.
  const reference: number[] = []
  const hostedSeries: Series = { firstView: [], dbReady: [], fetches: {} }
  const fileSeries: Series = { firstView: [], dbReady: [], phases: {} }
  const fileRatio: number[] = []
  const hostedRatio: number[] = []
  const firstViewRatio: number[] = []
  for (let i = 0; i < LOADS; i++) {
    reference.push(await referenceReady(server.url))
    {
      const chromium = await launch()
      const page = await chromium.browser.newPage()
      const foreign = watchForeignRequests(page, server.url)
      await page.goto(server.url + '#/')
      await measure(page, hostedSeries, `hosted load ${i + 1}`)
      if (foreign.length) throw new Error(`foreign requests: ${foreign.join(', ')}`)
      await chromium.close()
    }
    {
      const chromium = await launch()
      const problems = watchProblems(chromium.browser, null)
      const blocked = await blockNetwork(chromium.browser)
      const page = await chromium.browser.newPage()
      await page.goto(pathToFileURL(file).href)
      await measure(page, fileSeries, `file:// load ${i + 1}`)
      check(problems, blocked)
      await chromium.close()
    }
    hostedRatio.push(hostedSeries.dbReady[i]! / reference[i]!)
    fileRatio.push(fileSeries.dbReady[i]! / reference[i]!)
    firstViewRatio.push(fileSeries.firstView[i]! / hostedSeries.firstView[i]!)
    console.log(`round ${i + 1}: reference ${reference[i]!.toFixed(0)} ms; DuckDB ready hosted ${hostedRatio[i]!.toFixed(2)} ×, single file ${fileRatio[i]!.toFixed(2)} ×; first view single ÷ hosted ${firstViewRatio[i]!.toFixed(2)}`)
  }

  // Warm: one visit precaches the PWA, the server stops, then each load is a browser restart on that
  // profile (wasm compiled from the cache), against a cold reference timed right before it.
  let precacheBytes = 0
  {
    const browser = await launchWithProfile(profile)
    const page = browser.pages()[0] ?? await browser.newPage()
    await page.goto(server.url)
    await waitForDb(page)
    await waitForPrecache(page)
    precacheBytes = await page.evaluate(async () => {
      const cache = await caches.open('kanzhang-precache')
      let n = 0
      for (const req of await cache.keys()) n += (await (await cache.match(req))!.blob()).size
      return n
    })
    await browser.close()
  }
  const pwaSeries: Series = { firstView: [], dbReady: [], fetches: {} }
  const warmRatio: number[] = []
  const warmReference: number[] = []
  for (let i = 0; i < LOADS; i++) {
    warmReference.push(await referenceReady(server.url))
    await server.close()
    const browser = await launchWithProfile(profile)
    const problems = watchProblems(browser, new URL(server.url).host)
    const page = browser.pages()[0] ?? await browser.newPage()
    await page.goto(server.url)
    await measure(page, pwaSeries, `PWA offline load ${i + 1}`)
    check(problems)
    await browser.close()
    warmRatio.push(pwaSeries.dbReady[i]! / warmReference[i]!)
    console.log(`warm ${i + 1}: reference ${warmReference[i]!.toFixed(0)} ms; PWA DuckDB ready ${warmRatio[i]!.toFixed(2)} ×`)
    server = await serve(hosted, new URL(server.url).port)
  }
  await server.close()
  const codeCache = await wasmCodeCacheEvents(profile, server.url)

  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB (${(n / 2 ** 20).toFixed(2)} MiB)`
  console.log('\n== bench:offline (medians) ==')
  console.log(`cold rounds: ${LOADS}; warm loads: ${LOADS}`)
  console.log(`single file kanzhang.html: ${mb(size)}`)
  console.log(`reference (bare DuckDB start, cold): ${median(reference).toFixed(0)} ms`)
  console.log(`hosted, cold: first view ${median(hostedSeries.firstView).toFixed(0)} ms, DuckDB ready ${median(hostedSeries.dbReady).toFixed(0)} ms = ${median(hostedRatio).toFixed(2)} × the reference (${range(hostedRatio)})`)
  console.log(`single file from file://, cold: first view ${median(fileSeries.firstView).toFixed(0)} ms (${median(firstViewRatio).toFixed(2)} × the hosted first view, median of the rounds' ratios, ${range(firstViewRatio)}; ${(median(fileSeries.firstView) / median(hostedSeries.firstView)).toFixed(2)} × as a ratio of the two medians, which one noisy load moves less), DuckDB ready ${median(fileSeries.dbReady).toFixed(0)} ms = ${median(fileRatio).toFixed(2)} × the reference (${range(fileRatio)})`)
  console.log('single file, phases (median ms from navigation start):')
  for (const [k, v] of Object.entries(fileSeries.phases!)) console.log(`  ${k}: ${median(v).toFixed(0)}`)
  const fetches = (s: Series) => Object.entries(s.fetches!).map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join(', ')
  console.log(`hosted, DuckDB's files (median ms from navigation start): ${fetches(hostedSeries)}`)
  console.log(`PWA precache (this browser's share): ${mb(precacheBytes)}`)
  console.log(`PWA offline after one visit (browser restart, server down): first view ${median(pwaSeries.firstView).toFixed(0)} ms, DuckDB ready ${median(pwaSeries.dbReady).toFixed(0)} ms = ${median(warmRatio).toFixed(2)} × the cold reference (${range(warmRatio)}); DuckDB's files from the service worker: ${fetches(pwaSeries)}`)
  console.log(`PWA, wasm code cache on one more warm load (traced, not timed): ${codeCache}`)
} finally {
  for (const d of [single, hosted, profile]) rmSync(d, { recursive: true, force: true })
}
