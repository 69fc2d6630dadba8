/** What the browser benchmarks share: the median of repeated runs, and reading a performance mark the app sets. */
import type { Page } from '../test/e2e/harness'

/** Median of repeated timings (the machine has 2 noisy cores: medians, not means). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

/**
 * When the app set the performance mark `name` (ms since navigation start),
 * waiting for it if needed. A PerformanceObserver in the page waits, not
 * Playwright's `waitForFunction`: that polls on every animation frame, and the
 * rAF loop made the page render 150–230 frames during a start of 1.5 s — work
 * on a 2-core machine that competed with DuckDB's and that no user's page does.
 */
export async function mark(page: Page, name: string): Promise<number> {
  // A string, not a function: tsx would wrap the named arrows in a helper the page lacks.
  return page.evaluate(`new Promise((resolve, reject) => {
    const n = ${JSON.stringify(name)}
    const seen = () => performance.getEntriesByName(n, 'mark')[0]?.startTime
    const timer = setTimeout(() => reject(new Error('no performance mark ' + n + ' within 60 s')), 60000)
    const observer = new PerformanceObserver(() => { const t = seen(); if (t !== undefined) done(t) })
    const done = (t) => { clearTimeout(timer); observer.disconnect(); resolve(t) }
    observer.observe({ type: 'mark' })
    const t = seen()
    if (t !== undefined) done(t)
  })`)
}

/**
 * When DuckDB's worker script was received, when the worker started, and when
 * its wasm was requested and received, in ms from the page's navigation start.
 *
 * - "worker script received": the responseEnd of the page's resource entry for
 *   the script. Not its startTime: Chromium (156) fetches a dedicated worker's
 *   script in the browser process and stamps the entry's start when the page
 *   later starts the worker, after the fetch (its duration comes out negative).
 * - "worker started": the worker's own timeOrigin. The page's main thread
 *   starts the worker once the script has arrived, so a busy page starts it late.
 * - the wasm: from the worker's own resource timings (the page never sees it).
 *
 * Empty where the worker is not found (the single file's comes from a Blob and its wasm from the page).
 */
export async function duckdbFetchPhases(page: Page): Promise<Record<string, number>> {
  const worker = page.workers().find((w) => /duckdb-browser-\w+\.worker/.test(w.url()))
  if (!worker) return {}
  const pageOrigin = await page.evaluate('performance.timeOrigin') as number
  const script = await page.evaluate(`performance.getEntriesByType('resource').find((e) => /duckdb-browser-\\w+\\.worker/.test(e.name))?.responseEnd ?? null`) as number | null
  const inWorker = await worker.evaluate(`(() => {
    const e = performance.getEntriesByType('resource').find((r) => /\\.wasm$/.test(new URL(r.name).pathname))
    return { origin: performance.timeOrigin, wasm: e ? { start: e.startTime, end: e.responseEnd } : null }
  })()`) as { origin: number; wasm: { start: number; end: number } | null }
  const out: Record<string, number> = {}
  if (script !== null) out['worker script received'] = script
  out['worker started'] = inWorker.origin - pageOrigin
  if (inWorker.wasm) {
    out['wasm requested'] = inWorker.origin + inWorker.wasm.start - pageOrigin
    out['wasm received'] = inWorker.origin + inWorker.wasm.end - pageOrigin
  }
  return out
}

/**
 * The reference every start-up figure is a ratio of: a bare start of the
 * app's own DuckDB worker and wasm (scripts/bench-reference.html, in a build
 * made with KANZHANG_BENCH_REFERENCE=1), cold, in a fresh browser — ms from
 * navigation start to `SELECT 42` answered.
 */
export async function referenceReady(serverUrl: string, phases?: Record<string, number[]>): Promise<number> {
  const { launch } = await import('../test/e2e/harness')
  const ref = await launch()
  try {
    const page = await ref.browser.newPage()
    await page.goto(serverUrl + 'scripts/bench-reference.html')
    const ready = await mark(page, 'reference:ready')
    if (phases) {
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('reference:')).map((m) => [m.name, m.startTime] as const))
      for (const [name, t] of marks) (phases[name] ??= []).push(t)
      for (const [name, t] of Object.entries(await duckdbFetchPhases(page))) (phases[`reference:${name}`] ??= []).push(t)
    }
    return ready
  } finally {
    await ref.close()
  }
}
