/** Hash routing: a link (or a file:// single-file build) reproduces the view with its query. */
import { createRouter, createWebHashHistory } from 'vue-router'
import CompareView from './views/CompareView.vue'
import DataView from './views/DataView.vue'
import ExecutionView from './views/ExecutionView.vue'
import ImportView from './views/ImportView.vue'
import OverviewView from './views/OverviewView.vue'
import ProjectsView from './views/ProjectsView.vue'
import SangongView from './views/SangongView.vue'
import SourceView from './views/SourceView.vue'
import StructureView from './views/StructureView.vue'
import WorkbenchView from './views/WorkbenchView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'overview', component: OverviewView },
    { path: '/compare', name: 'compare', component: CompareView },
    { path: '/structure', name: 'structure', component: StructureView },
    { path: '/sangong', name: 'sangong', component: SangongView },
    { path: '/execution', name: 'execution', component: ExecutionView },
    { path: '/projects', name: 'projects', component: ProjectsView },
    { path: '/workbench', name: 'workbench', component: WorkbenchView },
    { path: '/data', name: 'data', component: DataView },
    { path: '/data/source/:doc', name: 'source', component: SourceView, props: true },
    { path: '/import', name: 'import', component: ImportView },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})
