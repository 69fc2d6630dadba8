/**
 * The hosted build's service worker (built by vite-plugin-pwa, injectManifest):
 * after one visit the app loads and runs with no network.
 *
 * It precaches the build's files at install, but only one of DuckDB's two
 * bundles: the eh pair (wasm 34 MB + worker) where the browser has WebAssembly
 * exception handling — every current browser — else the mvp pair. The probe is
 * the one `selectBundle` runs in the page, so the page asks for exactly the pair
 * that was cached. Each cache key carries the file's revision, so an update
 * downloads only what changed; the new version takes over once every tab of the
 * old one is closed (no skipWaiting), so a running page never loses its files.
 * Requests are answered cache-first; anything not precached goes to the network.
 */
/// <reference lib="webworker" />
export {}

interface PrecacheEntry { url: string; revision: string | null }
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: PrecacheEntry[] }

const CACHE = 'kanzhang-precache'

// wasm-feature-detect's exception-handling probe, as in @duckdb/duckdb-wasm's selectBundle.
const EH = WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]))
const NOT_NEEDED = EH ? /(^|\/)duckdb-(browser-)?mvp\b/ : /(^|\/)duckdb-(browser-)?eh\b/

const entries = self.__WB_MANIFEST.filter((e) => !NOT_NEEDED.test(e.url))
/** Absolute URL (no query) → cache key (URL plus revision). */
const keys = new Map(entries.map((e) => {
  const url = new URL(e.url, self.registration.scope).href
  return [url, e.revision ? `${url}?__rev=${e.revision}` : url]
}))
const INDEX = new URL('index.html', self.registration.scope).href

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE)
    await Promise.all([...keys].map(async ([url, key]) => {
      if (await cache.match(key)) return
      const res = await fetch(url, { cache: 'reload' })
      if (!res.ok) throw new Error(`precache ${url}: HTTP ${res.status}`)
      await cache.put(key, res)
    }))
  })())
})

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const wanted = new Set(keys.values())
    const cache = await caches.open(CACHE)
    for (const req of await cache.keys()) if (!wanted.has(req.url)) await cache.delete(req)
    await self.clients.claim()
  })())
})

self.addEventListener('fetch', (event) => {
  const req = event.request
  if (req.method !== 'GET') return
  const url = new URL(req.url)
  if (url.origin !== self.location.origin) return
  url.search = ''
  url.hash = ''
  const key = req.mode === 'navigate' ? keys.get(INDEX) : keys.get(url.href)
  if (!key) return
  event.respondWith((async () => (await caches.match(key, { cacheName: CACHE })) ?? fetch(req))())
})
