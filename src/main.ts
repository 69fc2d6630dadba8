import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { useDbStore } from './stores/db'
import './components/app.css'

const app = createApp(App).use(createPinia()).use(router)
// DuckDB starts now, in parallel with the first paint (which uses the build-time summary).
void useDbStore().start()
app.mount('#app')
