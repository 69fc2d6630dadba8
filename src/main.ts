import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { setStoredImports } from './db/client'
import { loadAllImports } from './import/store-idb'
import { router } from './router'
import { useDbStore } from './stores/db'
import './components/app.css'

const app = createApp(App).use(createPinia()).use(router)
// The database layer knows no storage: it is told where the imports kept in IndexedDB are.
setStoredImports(async () => (await loadAllImports()).map((r) => ({ docId: r.docId, files: r.files })))
// DuckDB starts now, in parallel with the first paint (which uses the build-time summary). The hosted
// build becomes an installable, offline PWA only then: the service worker's precache (≈ 38 MB, DuckDB's
// wasm among it) would otherwise compete with DuckDB's own download and compile on a first visit, and the
// manifest (left out of the HTML by the build: scripts/offline-build.ts) with the browser's install check.
void useDbStore().start().finally(() => {
  if (import.meta.env.PROD && import.meta.env.MODE !== 'single') becomeInstallable()
})
app.mount('#app')

function becomeInstallable(): void {
  const link = document.createElement('link')
  link.rel = 'manifest'
  link.href = './manifest.webmanifest'
  document.head.append(link)
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('./service-worker.js', { scope: './' }).catch((e: unknown) => console.warn('service worker not registered:', e))
  }
}
