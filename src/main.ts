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
// DuckDB starts now, in parallel with the first paint (which uses the build-time summary).
void useDbStore().start()
app.mount('#app')
