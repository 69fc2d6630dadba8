/**
 * npm run bench:offline — the two offline builds in headless Chromium:
 *
 * - the single file (vite build --mode single): its size, then cold loads
 *   from file:// (fresh browser profile each, every network request aborted);
 * - the PWA (vite build): one visit over 127.0.0.1 to precache it, the server
 *   stopped, then cold loads, each a browser restart on that profile.
 *
 * Reports medians of the first view painted and of DuckDB ready (dataset
 * loaded), both from navigation start (performance marks of the app).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildApp, launch, serve, waitForDb, type Page } from '../test/e2e/harness'
import { mark, median } from './bench-common'
import { blockNetwork, launchWithProfile, waitForPrecache, watchProblems } from '../test/e2e/offline-helpers'

const LOADS = Number(process.env.BENCH_LOADS ?? 5)


interface Series { firstView: number[]; dbReady: number[] }

async function measure(page: Page, series: Series, label: string): Promise<void> {
  const fv = await mark(page, 'kanzhang:first-view')
  const db = await mark(page, 'kanzhang:db-ready')
  await waitForDb(page)
  series.firstView.push(fv)
  series.dbReady.push(db)
  console.log(`${label}: first view ${fv.toFixed(0)} ms, DuckDB ready ${db.toFixed(0)} ms`)
}

function check(problems: ReturnType<typeof watchProblems>, extra: string[] = []): void {
  const bad = [...problems.foreign, ...problems.csp, ...problems.pageErrors, ...extra]
  if (bad.length) throw new Error(`not clean offline: ${bad.join(' | ')}`)
}

const single = mkdtempSync(join(tmpdir(), 'kanzhang-bench-single-'))
const hosted = mkdtempSync(join(tmpdir(), 'kanzhang-bench-pwa-'))
const profile = mkdtempSync(join(tmpdir(), 'kanzhang-bench-profile-'))
try {
  console.log('building the single file…')
  buildApp(single, {}, ['--mode', 'single'])
  const file = join(single, 'kanzhang.html')
  const size = statSync(file).size
  const fileSeries: Series = { firstView: [], dbReady: [] }
  for (let i = 0; i < LOADS; i++) {
    const chromium = await launch()
    const problems = watchProblems(chromium.browser, null)
    const blocked = await blockNetwork(chromium.browser)
    const page = await chromium.browser.newPage()
    await page.goto(pathToFileURL(file).href)
    await measure(page, fileSeries, `file:// load ${i + 1}`)
    check(problems, blocked)
    await chromium.close()
  }

  console.log('building the hosted PWA…')
  buildApp(hosted)
  const server = await serve(hosted)
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
  await server.close()
  const pwaSeries: Series = { firstView: [], dbReady: [] }
  for (let i = 0; i < LOADS; i++) {
    const browser = await launchWithProfile(profile)
    const problems = watchProblems(browser, new URL(server.url).host)
    const page = browser.pages()[0] ?? await browser.newPage()
    await page.goto(server.url)
    await measure(page, pwaSeries, `PWA offline load ${i + 1}`)
    check(problems)
    await browser.close()
  }

  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB (${(n / 2 ** 20).toFixed(2)} MiB)`
  console.log('\n== bench:offline (medians) ==')
  console.log(`cold loads per build: ${LOADS}`)
  console.log(`single file kanzhang.html: ${mb(size)}`)
  console.log(`single file from file://: first view painted ${median(fileSeries.firstView).toFixed(0)} ms, DuckDB ready ${median(fileSeries.dbReady).toFixed(0)} ms`)
  console.log(`PWA precache (this browser's share): ${mb(precacheBytes)}`)
  console.log(`PWA offline after one visit (browser restart, server down): first view painted ${median(pwaSeries.firstView).toFixed(0)} ms, DuckDB ready ${median(pwaSeries.dbReady).toFixed(0)} ms`)
} finally {
  for (const d of [single, hosted, profile]) rmSync(d, { recursive: true, force: true })
}
