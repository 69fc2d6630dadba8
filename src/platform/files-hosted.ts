/**
 * The hosted build's files (and dev's): separate files beside the page, each
 * cacheable on its own and precached by the PWA (scripts/service-worker.ts).
 */

async function get(url: string): Promise<Response> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`)
  return res
}

export async function fileBytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await get(url)).arrayBuffer())
}

export async function fileText(url: string): Promise<string> {
  return (await get(url)).text()
}

/** Hosted workers are ES modules (vite.config.ts: worker.format 'es'), so they may load chunks lazily. */
export async function startWorker(url: string, name: string): Promise<Worker> {
  return new Worker(url, { type: 'module', name })
}
