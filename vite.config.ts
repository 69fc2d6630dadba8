import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type PluginOption } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { viteSingleFile } from 'vite-plugin-singlefile'
import { datasetArrowPlugin } from './scripts/build-dataset-arrow'
import { summaryPlugin } from './scripts/build-summary'
import { startChunk } from './scripts/start-chunk'
import { contentSecurityPolicy, cspFor, inertFiles, manifestLinkAtRuntime, selfExtractingScript, SINGLE_FILE, singleFileOnly, singleFileScriptHashes } from './scripts/offline-build'

// The dataset the app ships; KANZHANG_DATASET_DIR points a build at other CSVs (e.g. a benchmark's).
const datasetDir = process.env.KANZHANG_DATASET_DIR ?? fileURLToPath(new URL('./data/dataset', import.meta.url))
const srcDir = fileURLToPath(new URL('./src', import.meta.url))

/** The eh wasm is 34 MB: the service worker must be allowed to precache it. */
const MAX_PRECACHE_BYTES = 64 * 1024 * 1024

/**
 * Two builds, both with no request to another host (CSP in the page):
 * - `vite build` — the hosted app, a PWA: its service worker precaches the
 *   build on the first visit, after which it loads and runs offline.
 * - `vite build --mode single` — dist-single/kanzhang.html, everything in one
 *   file (scripts, styles, dataset, DuckDB's worker and wasm) that runs from
 *   file:// by double-click. src/db/bundles.ts swaps DuckDB's loader; the files
 *   a hosted build writes beside the page (workers, wasm, dataset tables, report
 *   texts) travel in the page as inert elements, read by src/platform/files-single.ts;
 *   the build fails if any other file would be written.
 * Dev (`vite`) is the hosted app without service worker or CSP.
 */
export default defineConfig(({ mode }) => {
  const single = mode === 'single'
  const chunks = startChunk('/src/main.ts', '/scripts/bench-reference.ts')
  const common: PluginOption[] = [vue(), summaryPlugin(datasetDir), datasetArrowPlugin(datasetDir)]
  const plugins: PluginOption[] = single
    ? [
        ...common,
        contentSecurityPolicy('single'),
        selfExtractingScript(),
        viteSingleFile({ outputFileName: SINGLE_FILE }),
        // In the order DuckDB's start reads them: its worker, its wasm (the largest), then the dataset tables,
        // which are read when a query first names one (src/db/lazy-catalog.ts), after the wasm is compiled.
        inertFiles(SINGLE_FILE, [/^duckdb-browser-eh\.worker-/, /^duckdb-eh-.*\.wasm$/, /\.arrow$/]),
        singleFileScriptHashes(SINGLE_FILE),
        singleFileOnly(SINGLE_FILE),
      ]
    : [
        ...common,
        contentSecurityPolicy('hosted'),
        VitePWA({
          strategies: 'injectManifest',
          srcDir: 'scripts',
          filename: 'service-worker.ts',
          // Registered by src/main.ts once DuckDB is ready: the precache (≈ 38 MB) must not compete with its start.
          injectRegister: false,
          registerType: 'prompt',
          manifest: {
            name: '看账 Kanzhang',
            short_name: '看账',
            description: 'Read Chinese government budget disclosures offline, with DuckDB-Wasm pivots',
            lang: 'zh-CN',
            start_url: './',
            scope: './',
            display: 'standalone',
            background_color: '#f4f1e8',
            theme_color: '#1f5f4f',
            icons: [
              { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
              { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
              { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
              { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
            ],
          },
          injectManifest: {
            // Everything one visit needs; the service worker keeps only the DuckDB pair this browser uses.
            globPatterns: ['**/*.{js,css,html,wasm,png,svg,webmanifest,bcmap,arrow,csv,txt}'],
            maximumFileSizeToCacheInBytes: MAX_PRECACHE_BYTES,
            // Hashed file names already change with their content.
            dontCacheBustURLsMatching: /^assets\//,
          },
        }),
        manifestLinkAtRuntime(),
        chunks.plugin,
      ]

  return {
    // base './' keeps the build relocatable (served from any path, or opened as a file).
    base: './',
    plugins,
    // The single file has no neighbours: icons and manifest belong to the hosted PWA.
    publicDir: single ? false : 'public',
    resolve: {
      alias: {
        // DuckDB's loader for this build (src/db/bundles.ts).
        'virtual:kanzhang-duckdb-bundle': `${srcDir}/db/${single ? 'bundles-single' : 'bundles-hosted'}.ts`,
        // Where the build's own files come from (src/platform/README.md).
        'virtual:kanzhang-files': `${srcDir}/platform/${single ? 'files-single' : 'files-hosted'}.ts`,
        '~': srcDir,
        '@dataset': datasetDir,
        '@raw': fileURLToPath(new URL('./data/raw', import.meta.url)),
      },
    },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    // Hosted: ES-module workers may split, so the import worker fetches pdf.js only when a PDF arrives.
    // The single file keeps one IIFE worker with pdf.js inside it (a classic Blob worker: src/platform/files-single.ts),
    // decoded and started on the first import.
    worker: single ? {} : { format: 'es' as const },
    server: { port: 5173, strictPort: false },
    // The page's <meta> policy does not govern a worker started from a URL (DuckDB's): the header does, for every
    // response. A server hosting dist/ should send the same header (README, "Security").
    preview: { headers: { 'Content-Security-Policy': cspFor('hosted') } },
    // KANZHANG_BENCH_REFERENCE=1 adds the benchmarks' reference page (a bare DuckDB start) to the hosted build.
    build: single
      ? {
          target: 'es2022', outDir: 'dist-single', emptyOutDir: true,
          rolldownOptions: {
            // One IIFE, which the loader runs as a classic script (scripts/offline-build.ts, selfExtractingScript), in strict
            // mode as the modules it was made of.
            output: { format: 'iife' as const, strict: true },
            // `import.meta` becomes {} in an IIFE. Here it is only the importer URL Vite passes to its preload helper
            // along with each inlined dynamic import, which has no files to preload and never reads it; asset URLs
            // Vite writes with document.currentScript / document.baseURI instead.
            onLog(level, log, handler) {
              if (log.code !== 'EMPTY_IMPORT_META') handler(level, log)
            },
          },
        }
      : {
          target: 'es2022', chunkSizeWarningLimit: 4000,
          rolldownOptions: {
            // The first view's modules in one chunk (scripts/start-chunk.ts).
            output: { codeSplitting: { groups: chunks.groups } },
            ...(process.env.KANZHANG_BENCH_REFERENCE === '1'
              ? { input: { index: fileURLToPath(new URL('./index.html', import.meta.url)), reference: fileURLToPath(new URL('./scripts/bench-reference.html', import.meta.url)) } }
              : {}),
          },
        },
  }
})
