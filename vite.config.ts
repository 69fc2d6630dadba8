import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { summaryPlugin } from './scripts/build-summary'

// The dataset the app inlines; KANZHANG_DATASET_DIR points a build at other CSVs (e.g. a benchmark's).
const datasetDir = process.env.KANZHANG_DATASET_DIR ?? fileURLToPath(new URL('./data/dataset', import.meta.url))

// base './' keeps the build relocatable (served from any path, or opened as a file).
export default defineConfig({
  base: './',
  plugins: [vue(), summaryPlugin(datasetDir)],
  resolve: {
    alias: {
      '~': fileURLToPath(new URL('./src', import.meta.url)),
      '@dataset': datasetDir,
      '@raw': fileURLToPath(new URL('./data/raw', import.meta.url)),
    },
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  server: { port: 5173, strictPort: false },
  // The dataset CSVs are inlined into the main chunk on purpose (offline, single-file ready).
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
})
