/**
 * inertFiles (scripts/offline-build.ts): the single file's plugin that moves
 * every file the build would write beside the page into it, as inert elements
 * that src/platform/files-single.ts decodes on demand. Run on a bundle of the
 * shape Rollup hands to generateBundle.
 */
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { inertFiles } from '../../scripts/offline-build'

type Asset = { type: 'asset'; fileName: string; source: string | Uint8Array }
type Bundle = Record<string, Asset | { type: 'chunk'; fileName: string; code: string }>

const HTML = 'kanzhang.html'

function run(bundle: Bundle): void {
  const plugin = inertFiles(HTML, [/\.arrow$/, /\.wasm$/])
  const hook = plugin.generateBundle as unknown as { handler: (this: unknown, options: unknown, bundle: Bundle) => void }
  hook.handler.call({ error: (message: string) => { throw new Error(message) } }, {}, bundle)
}

function page(...files: Asset[]): Bundle {
  const bundle: Bundle = { [HTML]: { type: 'asset', fileName: HTML, source: '<html><body><div id="app"></div>\n</body></html>' } }
  for (const f of files) bundle[f.fileName] = f
  return bundle
}

/** Each element of the page: its file, part, parts and text. */
function elements(html: string): Array<{ file: string; part: number; parts: number; text: string }> {
  return [...html.matchAll(/<script type="application\/octet-stream" data-kanzhang-file="([^"]+)" data-part="(\d+)" data-parts="(\d+)">([^<]*)<\/script>/g)]
    .map((m) => ({ file: m[1]!, part: Number(m[2]), parts: Number(m[3]), text: m[4]! }))
}

/** Bytes that gzip cannot shrink (a fixed pseudo-random sequence), so its base64 needs two parts. */
function incompressible(n: number): Uint8Array {
  const out = new Uint8Array(n)
  let x = 0x2545f491
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

describe('inertFiles(fileName, first)', () => {
  it('puts each file in the page, gzip and base64, in parts that decode alone and join to the file', () => {
    // 0.8 MB: its base64 is just over one part (1 MiB).
    const wasm = incompressible(800_000)
    const bundle = page({ type: 'asset', fileName: 'duckdb-eh-abc.wasm', source: wasm }, { type: 'asset', fileName: 'report.worker-abc.js', source: 'self.onmessage = () => 1' })
    run(bundle)
    const html = (bundle[HTML] as Asset).source as string
    const wasmParts = elements(html).filter((e) => e.file === 'duckdb-eh-abc.wasm')
    expect(wasmParts.map((e) => e.part)).toEqual([0, 1])
    expect(wasmParts.every((e) => e.parts === 2 && e.text.length % 4 === 0)).toBe(true)
    expect(gunzipSync(Buffer.concat(wasmParts.map((e) => Buffer.from(e.text, 'base64')))).equals(wasm)).toBe(true)
    const worker = elements(html).filter((e) => e.file === 'report.worker-abc.js')
    expect(worker).toHaveLength(1)
    expect(gunzipSync(Buffer.from(worker[0]!.text, 'base64')).toString('utf8')).toBe('self.onmessage = () => 1')
    // Nothing is left to be written beside the page.
    expect(Object.keys(bundle)).toEqual([HTML])
    expect(html.endsWith('</script>\n</body></html>')).toBe(true)
  })

  it('orders the files as `first` says (what the start reads), the rest after', () => {
    const bundle = page(
      { type: 'asset', fileName: 'a-1.txt', source: 'text' },
      { type: 'asset', fileName: 'duckdb-eh-1.wasm', source: new Uint8Array([0, 97, 115, 109]) },
      { type: 'asset', fileName: 'line_items-1.arrow', source: new Uint8Array([1, 2, 3]) },
    )
    run(bundle)
    expect(elements((bundle[HTML] as Asset).source as string).map((e) => e.file)).toEqual(['line_items-1.arrow', 'duckdb-eh-1.wasm', 'a-1.txt'])
  })

  it('fails the build on a chunk that was not inlined', () => {
    const bundle: Bundle = { ...page(), 'lazy-1.js': { type: 'chunk', fileName: 'lazy-1.js', code: 'export {}' } }
    expect(() => run(bundle)).toThrow(/chunk lazy-1\.js was not inlined/)
  })
})
