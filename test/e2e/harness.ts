/**
 * Shared by the end-to-end tests and the benchmarks: build the app (once per
 * run, global-setup.ts), serve it with Vite's own preview server — the app's
 * vite.config.ts, so its CSP header too — on a free 127.0.0.1 port, and drive
 * Debian's Chromium through playwright-core with a fresh profile and no network
 * features. `startApp` does all of it for a test file's beforeAll.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { preview } from 'vite'

export const ROOT = resolve(import.meta.dirname, '..', '..')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
}

/** Environment variables naming the builds made once per browser-test run (global-setup.ts). */
export const PREBUILT_HOSTED = 'KANZHANG_E2E_PREBUILT_HOSTED'
export const PREBUILT_SINGLE = 'KANZHANG_E2E_PREBUILT_SINGLE'

/**
 * `vite build` into outDir (KANZHANG_DATASET_DIR, if set, picks the dataset; args e.g. ['--mode', 'single']).
 * The plain hosted build and the plain single file are copied from the run's prebuilt ones when there are.
 */
export function buildApp(outDir: string, env: Record<string, string> = {}, args: string[] = []): void {
  const plain = Object.keys(env).length === 0 && process.env.KANZHANG_DATASET_DIR === undefined
  const prebuilt = !plain ? undefined
    : args.length === 0 ? process.env[PREBUILT_HOSTED]
      : args.join(' ') === '--mode single' ? process.env[PREBUILT_SINGLE] : undefined
  if (prebuilt && existsSync(prebuilt)) {
    cpSync(prebuilt, outDir, { recursive: true })
    return
  }
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...args], {
    // NODE_ENV: vitest sets 'test', which would build a non-production app (import.meta.env.PROD false).
    cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env }, stdio: 'pipe',
  })
}

/** A running server of the app: its URL (http://127.0.0.1:port/) and how to stop it. */
export interface AppServer {
  url: string
  close(): Promise<void>
}

/**
 * Serves a hosted build with `vite preview` on 127.0.0.1, a free port: what a
 * person hosting dist/ runs, with the headers vite.config.ts gives it (the CSP
 * that governs DuckDB's worker).
 */
export async function previewApp(dir: string): Promise<AppServer> {
  // Vite names the config's extension-less imports on every load; they are fine for the bundled loader it uses.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true'
  const server = await preview({
    root: ROOT, logLevel: 'warn', build: { outDir: resolve(dir) },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) {
    await server.close()
    throw new Error('vite preview is not listening')
  }
  return { url, close: () => server.close() }
}

/**
 * A plain static server for the benchmarks, which restart it on the port a
 * browser profile knows (bench:offline) and want no revalidation in their
 * timings (`cache-control: no-store`). Tests use `previewApp`.
 */
export async function serve(dir: string, port: number | string = 0): Promise<AppServer> {
  const root = resolve(dir)
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    let file = normalize(join(root, path))
    if (!file.startsWith(root)) { res.writeHead(403).end(); return }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html')
      const body = readFileSync(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
      res.end(body)
    } catch {
      res.writeHead(404).end('not found')
    }
  })
  await new Promise<void>((ok) => server.listen(Number(port), '127.0.0.1', ok))
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((ok) => { server.close(() => ok()); server.closeAllConnections() }),
  }
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** A fresh headless Chromium (its own user-data-dir, removed on close). */
export async function launch(): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'kanzhang-chromium-'))
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  })
  return { browser, close: async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }) } }
}

/**
 * Records every request to a host other than the app's own; the tests fail
 * when this list is not empty (the app must work with no network).
 */
export function watchForeignRequests(page: Page, appUrl: string): string[] {
  const own = new URL(appUrl).host
  const foreign: string[] = []
  page.on('request', (req) => {
    const u = new URL(req.url())
    if ((u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') && u.host !== own) foreign.push(req.url())
  })
  return foreign
}

/** Waits until the DuckDB status says ready (or throws with its error). */
export async function waitForDb(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('[data-testid="db-status"][data-status="ready"], [data-testid="db-status"][data-status="error"]', { timeout })
  const status = await page.getAttribute('[data-testid="db-status"]', 'data-status')
  if (status !== 'ready') throw new Error(`DuckDB failed: ${await page.getAttribute('[data-testid="db-status"]', 'title')}`)
}

/**
 * A hosted build to serve: the run's prebuilt one as it is (served read-only,
 * nothing to remove), or — with a build environment, or outside a test run —
 * a fresh build in a temporary folder that `remove` deletes.
 */
export function hostedBuild(env: Record<string, string> = {}): { dir: string; remove(): void } {
  const prebuilt = process.env[PREBUILT_HOSTED]
  if (Object.keys(env).length === 0 && process.env.KANZHANG_DATASET_DIR === undefined && prebuilt && existsSync(prebuilt)) {
    return { dir: prebuilt, remove: () => undefined }
  }
  const dir = mkdtempSync(join(tmpdir(), 'kanzhang-dist-'))
  try {
    buildApp(dir, env)
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    throw e
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Waits until every chart on the page has finished drawing: each canvas is
 * the same over several animation frames in a row (ECharts animates a chart in
 * and then stops painting). For pictures taken for people to look at.
 */
export async function waitForChartsAtRest(page: Page, frames = 5): Promise<void> {
  await page.waitForFunction((need) => {
    const w = window as unknown as { __kanzhangCharts?: { last: string; still: number } }
    const now = [...document.querySelectorAll('[data-testid="chart"] canvas')].map((c) => (c as HTMLCanvasElement).toDataURL()).join('|')
    const prev = w.__kanzhangCharts
    w.__kanzhangCharts = { last: now, still: prev && prev.last === now ? prev.still + 1 : 0 }
    if (w.__kanzhangCharts.still < need) return false
    delete w.__kanzhangCharts
    return true
  }, frames, { polling: 'raf', timeout: 30_000 })
}

const IMPORT_VIEW = '[data-testid="view-import"]'

/**
 * Does something on the import view and waits until the imports store has
 * finished it (its count of finished operations has passed the one before,
 * and nothing is queued); returns the status the view ends in.
 */
export async function actOnImport(page: Page, action: () => Promise<unknown>, timeout = 120_000): Promise<string> {
  const before = Number(await page.getAttribute(IMPORT_VIEW, 'data-finished'))
  await action()
  await page.waitForFunction(([sel, n]) => {
    const v = document.querySelector(sel)
    return Number(v?.getAttribute('data-finished')) > n && v?.getAttribute('data-active') === '0'
  }, [IMPORT_VIEW, before] as const, { timeout })
  return (await page.getAttribute(IMPORT_VIEW, 'data-status')) ?? ''
}

/** Opens the import view at `base` (the app's URL, http or file), chooses a report file (a PDF unless said) and waits for the outcome: 'preview' or 'error'. */
export async function chooseReport(page: Page, base: string, file: { name: string; buffer: Buffer | Uint8Array; mimeType?: string }): Promise<string> {
  await page.goto(base + '#/import')
  await page.waitForSelector(IMPORT_VIEW)
  await waitForDb(page, 60_000)
  return actOnImport(page, () => page.setInputFiles('[data-testid="report-file"]', {
    name: file.name, mimeType: file.mimeType ?? 'application/pdf', buffer: Buffer.from(file.buffer),
  }))
}

export interface StartOptions {
  /** Environment for `vite build` (e.g. KANZHANG_DATASET_DIR): the app is built again with it. */
  env?: Record<string, string>
  /** Permissions granted to the app's origin (e.g. ['clipboard-read', 'clipboard-write']). */
  permissions?: string[]
  /** Where the page first opens, after the app's URL (e.g. '#/import'); default the Overview. */
  path?: string
  /** Called with the page before it first opens (to listen for dialogs, or add an init script: awaited). */
  onPage?: (page: Page) => unknown
}

/** The built app, served, with a page open in a fresh Chromium and DuckDB ready. */
export interface StartedApp {
  /** The app's URL (http://127.0.0.1:port/). */
  url: string
  server: AppServer
  /** The browser context (its own profile): newPage, grantPermissions. */
  browser: BrowserContext
  page: Page
  /** Requests to any host but the app's own (the tests expect none). */
  foreign: string[]
  /** Uncaught errors of the page. */
  pageErrors: string[]
  /** Closes the browser and the server (and removes a build made for this app). */
  close(): Promise<void>
}

/**
 * Serves the hosted build with `vite preview`, opens it in a fresh headless
 * Chromium that records requests to other hosts and page errors, and waits
 * until DuckDB is ready. Whatever was started is stopped again if a step fails.
 */
export async function startApp(opts: StartOptions = {}): Promise<StartedApp> {
  const build = hostedBuild(opts.env)
  let server: AppServer | undefined
  let chromium: Awaited<ReturnType<typeof launch>> | undefined
  const close = async () => {
    await chromium?.close()
    await server?.close()
    build.remove()
  }
  try {
    server = await previewApp(build.dir)
    chromium = await launch()
    if (opts.permissions?.length) await chromium.browser.grantPermissions(opts.permissions, { origin: server.url.replace(/\/$/, '') })
    const page = await chromium.browser.newPage()
    const foreign = watchForeignRequests(page, server.url)
    const pageErrors: string[] = []
    page.on('pageerror', (e) => pageErrors.push(String(e)))
    await opts.onPage?.(page)
    await page.goto(server.url + (opts.path ?? ''))
    await waitForDb(page)
    return { url: server.url, server, browser: chromium.browser, page, foreign, pageErrors, close }
  } catch (e) {
    await close()
    throw e
  }
}

export type { Browser, Page }
