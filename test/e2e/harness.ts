/**
 * Shared by the end-to-end tests and the app benchmark: build the app, serve
 * dist/ from a tiny static server on a free 127.0.0.1 port, and drive Debian's
 * Chromium through playwright-core with a fresh profile and no network
 * features.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
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

/** `vite build` into outDir (KANZHANG_DATASET_DIR, if set, picks the dataset; args e.g. ['--mode', 'single']). */
export function buildApp(outDir: string, env: Record<string, string> = {}, args: string[] = []): void {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...args], {
    cwd: ROOT, env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env }, stdio: 'pipe',
  })
}

/** Serves a directory on 127.0.0.1 (port chosen by the OS). */
export async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
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
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) }
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

export type { Browser, Page }
