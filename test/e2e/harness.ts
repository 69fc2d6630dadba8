/**
 * Shared by the end-to-end tests and the app benchmark: build the app, serve
 * dist/ from a tiny static server on a free 127.0.0.1 port, and drive Debian's
 * Chromium through playwright-core with a fresh profile and no network
 * features. `startApp` does all of it for a test file's beforeAll.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

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

/** Serves a directory on 127.0.0.1 (port chosen by the OS). */
/** Serves `dir` on 127.0.0.1 (on `port`, to come back to an origin a browser profile knows; else any free one). */
export async function serve(dir: string, port: number | string = 0): Promise<{ url: string; close(): Promise<void> }> {
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

export interface StartOptions {
  /** Environment for `vite build` (e.g. KANZHANG_DATASET_DIR). */
  env?: Record<string, string>
  /** Extra `vite build` arguments (e.g. ['--mode', 'single']). */
  args?: string[]
  /** Permissions granted to the app's origin (e.g. ['clipboard-read', 'clipboard-write']). */
  permissions?: string[]
  /** Where the page first opens, after the app's URL (e.g. '#/import'); default the Overview. */
  path?: string
  /** Called with the page before it first opens (to listen for dialogs, say). */
  onPage?: (page: Page) => void
}

/** The built app, served, with a page open in a fresh Chromium and DuckDB ready. */
export interface StartedApp {
  /** The app's URL (http://127.0.0.1:port/). */
  url: string
  server: { url: string; close(): Promise<void> }
  /** The browser context (its own profile): newPage, grantPermissions. */
  browser: BrowserContext
  page: Page
  /** Requests to any host but the app's own (the tests expect none). */
  foreign: string[]
  /** Uncaught errors of the page. */
  pageErrors: string[]
  /** Closes the browser and the server and removes the build. */
  close(): Promise<void>
}

/**
 * Builds the app into a temporary folder, serves it, opens it in a fresh
 * headless Chromium that records requests to other hosts and page errors, and
 * waits until DuckDB is ready. Whatever was started is stopped again if a step
 * fails.
 */
export async function startApp(opts: StartOptions = {}): Promise<StartedApp> {
  const dist = mkdtempSync(join(tmpdir(), 'kanzhang-dist-'))
  let server: StartedApp['server'] | undefined
  let chromium: Awaited<ReturnType<typeof launch>> | undefined
  const close = async () => {
    await chromium?.close()
    await server?.close()
    rmSync(dist, { recursive: true, force: true })
  }
  try {
    buildApp(dist, opts.env, opts.args)
    server = await serve(dist)
    chromium = await launch()
    if (opts.permissions?.length) await chromium.browser.grantPermissions(opts.permissions, { origin: server.url.replace(/\/$/, '') })
    const page = await chromium.browser.newPage()
    const foreign = watchForeignRequests(page, server.url)
    const pageErrors: string[] = []
    page.on('pageerror', (e) => pageErrors.push(String(e)))
    opts.onPage?.(page)
    await page.goto(server.url + (opts.path ?? ''))
    await waitForDb(page)
    return { url: server.url, server, browser: chromium.browser, page, foreign, pageErrors, close }
  } catch (e) {
    await close()
    throw e
  }
}

export type { Browser, Page }
