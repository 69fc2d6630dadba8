/**
 * Vite plugins for the two offline builds (used by vite.config.ts):
 *
 * - `contentSecurityPolicy(kind)` writes the page's CSP as the first <meta> of
 *   <head>: nothing from another host, in either build.
 * - `inertFiles(fileName)` puts every file the single-file build would write
 *   beside the page (workers, DuckDB's wasm, dataset tables, report texts: what
 *   `?url`, `?worker&url` and emitted assets name) into the page as inert
 *   elements, gzipped and base64-encoded; src/platform/files-single.ts decodes
 *   one when the app asks for it. `selfExtractingScript()` compresses the app's
 *   script the same way.
 * - `singleFileOnly()` fails the single-file build when anything but the one
 *   HTML file would be written (a worker, wasm or asset left outside it).
 */
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

export type BuildKind = 'hosted' | 'single'

/** The one file of the single-file build (in dist-single/). */
export const SINGLE_FILE = 'kanzhang.html'

/**
 * The policy of each build. Both allow no other host. 'wasm-unsafe-eval' lets
 * DuckDB compile its wasm; data: in connect-src is how the single file hands the
 * wasm to its worker; blob: workers are DuckDB's worker in the single file and
 * Vite's inline workers. 'unsafe-inline' for styles: ECharts tooltips and Vue
 * bindings set inline styles. The single file's scripts are inline: its policy
 * is written with the placeholder SCRIPT_HASHES, which singleFileScriptHashes()
 * replaces by the hash of each script the file runs — no 'unsafe-inline' for scripts.
 */
export function cspFor(kind: BuildKind): string {
  const script = kind === 'single' ? `'self' ${SCRIPT_HASHES} 'wasm-unsafe-eval'` : "'self' 'wasm-unsafe-eval'"
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' data: blob:",
    "worker-src 'self' blob: data:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ')
}

export function contentSecurityPolicy(kind: BuildKind): Plugin {
  return {
    name: 'kanzhang-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      // Written as text, not a tag descriptor: Vite would entity-encode the policy's quotes.
      handler: (html) => html.replace(/<head>/i, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${cspFor(kind)}">`),
    },
  }
}

/**
 * Takes the `<link rel="manifest">` vite-plugin-pwa writes out of the hosted
 * pages: src/main.ts adds it once DuckDB is ready, with the service worker.
 * A manifest in the page makes Chromium check the app is installable at once
 * (fetching the manifest and an icon) and animate the install button into the
 * address bar: browser-process work that, on 2 cores, slowed DuckDB's start by
 * ≈ 0.1 s (BENCHMARKS.md, seventh round). Nothing is lost by waiting: the
 * app is offline-capable only once the service worker registers, after ready.
 */
export function manifestLinkAtRuntime(): Plugin {
  return {
    name: 'kanzhang-manifest-link-at-runtime',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/\s*<link rel="manifest"[^>]*>/g, ''),
    },
  }
}

/** Stands in the single file's policy until the build knows its scripts' hashes. */
const SCRIPT_HASHES = "'kanzhang-script-hashes'"

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/**
 * The self-extracting loader (a module script in <head>, as vite-plugin-singlefile
 * inlines the entry) moved to a classic script right after the mount point: a
 * module script waits for the whole document, and the document ends with the
 * wasm. The loader is a plain async function with no imports, so it runs alike.
 */
function loaderAfterMountPoint(html: string, fail: (message: string) => never): string {
  const loader = /<script type="module" crossorigin>(\(async \(\) => \{\n {2}performance\.mark\('kanzhang:loader-start'\);\n {2}const text = "[\s\S]*?)<\/script>\n?/.exec(html)
  const mount = '<div id="app"></div>'
  if (!loader || !html.includes(mount)) fail('single-file build: the app loader or the mount point is not where it is expected')
  const rest = html.replace(loader![0], '')
  // A function, not a string: the loader's code must not be read as a replacement pattern ($&, $').
  return rest.replace(mount, () => `${mount}\n    <script>${loader![1]}</script>`)
}

/** Hashes of scripts the page creates at run time (the self-extracted app), gathered during the build. */
const runtimeScriptHashes = new Set<string>()

/**
 * Writes the hashes of the single file's scripts into its policy: each inline
 * <script> the file holds (data blocks such as the wasm's excepted: they never
 * run) and the app script that the self-extracting loader inserts. Runs after
 * vite-plugin-singlefile has inlined everything; fails the build if the
 * placeholder is missing.
 */
export function singleFileScriptHashes(fileName: string): Plugin {
  return {
    name: 'kanzhang-single-file-script-hashes',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = bundle[fileName]
        if (!html || html.type !== 'asset' || typeof html.source !== 'string') return
        html.source = loaderAfterMountPoint(html.source, (message) => this.error(message))
        const hashes = new Set(runtimeScriptHashes)
        for (const m of html.source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
          const type = /\btype="([^"]*)"/.exec(m[1]!)?.[1] ?? ''
          if (type === '' || type === 'module' || type === 'text/javascript') hashes.add(sha256(m[2]!))
        }
        if (!html.source.includes(SCRIPT_HASHES)) this.error('single-file build: the CSP has no script hash placeholder')
        html.source = html.source.replace(SCRIPT_HASHES, [...hashes].join(' '))
      },
    },
  }
}

/**
 * Replaces the entry chunk's code by a small loader holding that code gzipped
 * and base64-encoded; the loader decompresses it (DecompressionStream) and runs
 * it as an inline classic script (allowed by the single file's CSP: no eval, no
 * blob: scripts). Classic, because the single build's one chunk is an IIFE
 * (vite.config.ts): inserted, it compiles and runs at once, where an inline
 * module script waits for a task of its own, and the parser, busy with the 10 MB
 * of carried files below, takes turns before and between its compile and run
 * (first view ≈ 30 ms, DuckDB's instantiation ≈ 50–80 ms later; BENCHMARKS.md,
 * eighth round). The app's JavaScript, CSV and Arrow text shrink to about a
 * third, which keeps the single file within its budget. Runs before
 * vite-plugin-singlefile inlines the chunk into the HTML; `singleFileScriptHashes`
 * then makes the loader a classic script right after <div id="app">, so it
 * runs as soon as the parser reaches it — not, as a module script in <head>
 * would, only after the ≈ 10 MB of DuckDB's wasm below it has been parsed.
 */
export function selfExtractingScript(): Plugin {
  return {
    name: 'kanzhang-self-extracting-script',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue
          // The chunk is an IIFE (vite.config.ts), where import.meta is {}: only Vite's preload helper may be handed
          // its url (and ignores it: nothing to preload); code that reads it would break in the single file alone.
          const metaUrls = chunk.code.match(/\{\}\.(url|resolve)\b/g)?.length ?? 0
          const preloadArgs = chunk.code.match(/,void 0,\{\}\.url\)/g)?.length ?? 0
          if (metaUrls !== preloadArgs) this.error(`single-file build: ${metaUrls - preloadArgs} use(s) of import.meta.url/resolve, which the single file's IIFE does not have`)
          // The loader below runs this code as an inline script: the policy must name its hash.
          runtimeScriptHashes.add(sha256(chunk.code))
          const payload = gzipSync(Buffer.from(chunk.code, 'utf8'), { level: 9 }).toString('base64')
          // Marks for bench:offline: when the parser reached the loader, and when the app's code was unpacked.
          // (Uint8Array.fromBase64 where the browser has it, ≈ 4× faster; else atob and a loop — measured faster
          // here than fetch() of a data: URL, 0.16–0.21 s vs 0.27–0.47 s.)
          chunk.code = `(async () => {
  performance.mark('kanzhang:loader-start');
  const text = ${JSON.stringify(payload)};
  let bytes;
  if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(text);
  else {
    const bin = atob(text);
    bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  }
  const gunzip = new DecompressionStream('gzip');
  const writer = gunzip.writable.getWriter();
  // Corrupt bytes fail the read below; the writer's own rejections would only repeat it.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const code = await new Response(gunzip.readable).text();
  performance.mark('kanzhang:app-unpacked');
  const script = document.createElement('script');
  script.textContent = code;
  document.head.append(script);
})();`
        }
      },
    },
  }
}

/** The attribute that names a file carried in the page (src/platform/files-single.ts reads it). */
const FILE_ATTRIBUTE = 'data-kanzhang-file'
/**
 * Base64 characters per element (a multiple of 4, so each part decodes on its
 * own): a reader can start on a large file's first part — DuckDB's wasm,
 * streamed into its compiler — while the parser is still reading the rest.
 */
const PART_CHARS = 1024 * 1024

/**
 * Moves every file the single-file build would write beside `fileName` into it,
 * as `<script type="application/octet-stream" data-kanzhang-file="name"
 * data-part="i" data-parts="n">` elements at the end of the body, gzipped
 * (level 9) and base64-encoded. The browser neither runs
 * nor parses them as JavaScript: the app's script stays small, and a file costs
 * its decoding only when the app asks for it (src/platform/files-single.ts looks
 * a URL up by its file name). `first` orders the elements: the files the start
 * needs come first, so they are whole before the parser reaches the rest.
 * Runs after vite-plugin-singlefile has inlined the scripts and styles.
 */
export function inertFiles(fileName: string, first: RegExp[]): Plugin {
  const rank = (name: string) => {
    const i = first.findIndex((re) => re.test(name))
    return i === -1 ? first.length : i
  }
  return {
    name: 'kanzhang-inert-files',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = bundle[fileName]
        if (!html || html.type !== 'asset' || typeof html.source !== 'string') return
        const files = Object.values(bundle).filter((f) => f.fileName !== fileName)
        for (const f of files) {
          if (f.type !== 'asset') this.error(`single-file build: chunk ${f.fileName} was not inlined`)
          // File names are Vite's [name]-[hash].[ext]: nothing an attribute must escape, and no folders.
          if (!/^[\w.-]+$/.test(f.fileName)) this.error(`single-file build: unexpected file name ${f.fileName}`)
        }
        files.sort((a, b) => rank(a.fileName) - rank(b.fileName))
        const elements = files.flatMap((f) => {
          const source = (f as { source: string | Uint8Array }).source
          const data = gzipSync(typeof source === 'string' ? Buffer.from(source, 'utf8') : source, { level: 9 }).toString('base64')
          delete bundle[f.fileName]
          const parts = Math.max(1, Math.ceil(data.length / PART_CHARS))
          return Array.from({ length: parts }, (_, i) =>
            `<script type="application/octet-stream" ${FILE_ATTRIBUTE}="${f.fileName}" data-part="${i}" data-parts="${parts}">${data.slice(i * PART_CHARS, (i + 1) * PART_CHARS)}</script>\n`)
        })
        if (!html.source.includes('</body>')) this.error('single-file build: no </body> to put the files before')
        html.source = html.source.replace('</body>', () => `${elements.join('')}</body>`)
      },
    },
  }
}

/** The single-file build writes one HTML file; anything else left in the bundle would not load under file://. */
export function singleFileOnly(fileName: string): Plugin {
  return {
    name: 'kanzhang-single-file-only',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const others = Object.keys(bundle).filter((f) => f !== fileName)
        if (others.length) this.error(`single-file build: not inlined into ${fileName}: ${others.join(', ')}`)
        if (!bundle[fileName]) this.error(`single-file build: ${fileName} was not written`)
      },
    },
  }
}
