/**
 * Vite plugins for the two offline builds (used by vite.config.ts):
 *
 * - `contentSecurityPolicy(kind)` writes the page's CSP as the first <meta> of
 *   <head>: nothing from another host, in either build.
 * - `duckdbWasmGzipBase64(embed)` embeds the eh wasm gzipped and base64-encoded in
 *   the single file (34 MB → ≈ 10 MB); `selfExtractingScript()` compresses the
 *   app's script the same way (≈ 2.8 MB → ≈ 1 MB).
 * - `inlineModuleWorkers()` turns `new Worker(new URL('./x.ts',
 *   import.meta.url), opts)` in src/ into Vite's `?worker&inline` (a Blob
 *   worker), because a worker file next to the page cannot start under file://.
 * - `singleFileOnly()` fails the single-file build when anything but the one
 *   HTML file would be written (a worker, wasm or asset left outside it).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
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
  const loader = /<script type="module" crossorigin>(\(async \(\) => \{\n {2}performance\.mark\('kanzhang:loader-start'\);\n {2}const bin = atob\([\s\S]*?)<\/script>\n?/.exec(html)
  const mount = '<div id="app"></div>'
  if (!loader || !html.includes(mount)) fail('single-file build: the app loader or the mount point is not where it is expected')
  const rest = html.replace(loader![0], '')
  return rest.replace(mount, `${mount}\n    <script>${loader![1]}</script>`)
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

export const DUCKDB_WASM_GZ_ID = 'virtual:kanzhang-duckdb-wasm-gz'
/** The element of the single file that holds the wasm as text. */
const WASM_ELEMENT_ID = 'kanzhang-duckdb-wasm'

/**
 * The eh wasm, gzipped and base64-encoded, as a non-executed <script> element
 * at the end of the page; `virtual:kanzhang-duckdb-wasm-gz` exports a function
 * that reads it. Kept out of the app's script so the script can be compressed
 * on its own (selfExtractingScript) and the browser does not parse 10 MB of
 * string literal as JavaScript.
 */
export function duckdbWasmGzipBase64(embed: boolean): Plugin {
  const resolved = '\0' + DUCKDB_WASM_GZ_ID
  const wasmPath = createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')
  return {
    name: 'kanzhang-duckdb-wasm-gz',
    resolveId: (id) => (id === DUCKDB_WASM_GZ_ID ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined
      // Read once, then kept: the workbench starts a second DuckDB from the same text.
      // The app runs while the page is still being parsed (selfExtractingScript): the element is complete
      // only once the parser is done with it.
      return `let text = null;
export default async function wasmGzipBase64() {
  if (text !== null) return text;
  if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  if (text !== null) return text;
  const el = document.getElementById(${JSON.stringify(WASM_ELEMENT_ID)});
  if (!el || !el.textContent) throw new Error('DuckDB wasm missing from the page');
  text = el.textContent;
  el.remove();
  return text;
}`
    },
    // Every build resolves the module (dev's dependency scan reaches it); only the single file carries the wasm.
    transformIndexHtml: {
      order: 'post',
      handler: () => embed ? [{
        tag: 'script',
        attrs: { type: 'application/octet-stream', id: WASM_ELEMENT_ID },
        children: gzipSync(readFileSync(wasmPath), { level: 9 }).toString('base64'),
        injectTo: 'body',
      }] : [],
    },
  }
}

/**
 * Replaces the entry chunk's code by a small loader holding that code gzipped
 * and base64-encoded; the loader decompresses it (DecompressionStream) and runs
 * it as an inline module script (allowed by the single file's CSP: no eval, no
 * blob: scripts). The app's JavaScript, CSV and Arrow text shrink to about a
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
          // The loader below runs this code as an inline script: the policy must name its hash.
          runtimeScriptHashes.add(sha256(chunk.code))
          const payload = gzipSync(Buffer.from(chunk.code, 'utf8'), { level: 9 }).toString('base64')
          // Marks for bench:offline: when the parser reached the loader, and when the app's code was unpacked.
          // (atob and a loop: measured faster here than fetch() of a data: URL, 0.16–0.21 s vs 0.27–0.47 s.)
          chunk.code = `(async () => {
  performance.mark('kanzhang:loader-start');
  const bin = atob(${JSON.stringify(payload)});
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const code = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  performance.mark('kanzhang:app-unpacked');
  const script = document.createElement('script');
  script.type = 'module';
  script.textContent = code;
  document.head.append(script);
})();`
        }
      },
    },
  }
}

// Vite's own pattern for a worker it bundles as a separate file (vite:worker-import-meta-url).
const WORKER_RE = /\bnew\s+Worker\s*\(\s*new\s+URL\s*\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*(,\s*)?/g

/**
 * Rewrites `new Worker(new URL('./w.ts', import.meta.url), opts)` in the app's
 * own modules to `new W(opts)` with `import W from './w.ts?worker&inline'`:
 * the worker's bundled code travels inside the page and starts from a Blob.
 * (Source code may also import `./w.ts?worker&inline` itself; both end the same.)
 */
export function inlineModuleWorkers(srcDir: string): Plugin {
  return {
    name: 'kanzhang-inline-module-workers',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(srcDir) || id.includes('?') || !/\.(ts|js|vue)$/.test(id)) return undefined
      if (!code.includes('import.meta.url')) return undefined
      const imports: string[] = []
      const out = code.replace(WORKER_RE, (_m, _q: string, path: string) => {
        const name = `__kanzhangInlineWorker${imports.length}`
        imports.push(`import ${name} from ${JSON.stringify(path + '?worker&inline')};`)
        return `new ${name}(`
      })
      if (imports.length === 0) return undefined
      // A .vue file's <script> is not the start of the file: add the import inside it.
      const withImports = id.endsWith('.vue')
        ? out.replace(/<script\b[^>]*>/, (tag) => `${tag}\n${imports.join('\n')}\n`)
        : `${imports.join('\n')}\n${out}`
      return { code: withImports, map: null }
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
