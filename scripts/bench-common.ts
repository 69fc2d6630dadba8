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
 * When DuckDB's worker was requested and when its wasm was requested and
 * received, in ms from the page's navigation start: read from the page's and
 * the worker's own resource timings (the wasm is fetched by the worker, so the
 * page never sees it). Empty where the worker is not found (the single file's
 * comes from a Blob and its wasm from the page).
 */
export async function duckdbFetchPhases(page: Page): Promise<Record<string, number>> {
  const worker = page.workers().find((w) => /duckdb-browser-\w+\.worker/.test(w.url()))
  if (!worker) return {}
  const pageOrigin = await page.evaluate('performance.timeOrigin') as number
  const script = await page.evaluate(`performance.getEntriesByType('resource').find((e) => /duckdb-browser-\\w+\\.worker/.test(e.name))?.startTime ?? null`) as number | null
  const wasm = await worker.evaluate(`(() => {
    const e = performance.getEntriesByType('resource').find((r) => /\\.wasm$/.test(new URL(r.name).pathname))
    return e ? { origin: performance.timeOrigin, start: e.startTime, end: e.responseEnd } : null
  })()`) as { origin: number; start: number; end: number } | null
  const out: Record<string, number> = {}
  if (script !== null) out['worker requested'] = script
  if (wasm) {
    out['wasm requested'] = wasm.origin + wasm.start - pageOrigin
    out['wasm received'] = wasm.origin + wasm.end - pageOrigin
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
