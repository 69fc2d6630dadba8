/**
 * Hash routing: a link (or a file:// single-file build) reproduces the view with its query.
 * The Overview is the first paint and ships with the page; every other view (and
 * ECharts with it) loads when first opened, so the first view does not wait for them.
 */
import { createRouter, createWebHashHistory } from 'vue-router'
import OverviewView from './views/OverviewView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'overview', component: OverviewView },
    { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue') },
    { path: '/structure', name: 'structure', component: () => import('./views/StructureView.vue') },
    { path: '/sangong', name: 'sangong', component: () => import('./views/SangongView.vue') },
    { path: '/years', name: 'years', component: () => import('./views/YearsView.vue') },
    { path: '/execution', name: 'execution', component: () => import('./views/ExecutionView.vue') },
    { path: '/projects', name: 'projects', component: () => import('./views/ProjectsView.vue') },
    { path: '/review', name: 'review', component: () => import('./views/ReviewView.vue') },
    { path: '/workbench', name: 'workbench', component: () => import('./views/WorkbenchView.vue') },
    { path: '/data', name: 'data', component: () => import('./views/DataView.vue') },
    { path: '/data/source/:doc', name: 'source', component: () => import('./views/SourceView.vue'), props: true },
    { path: '/import', name: 'import', component: () => import('./views/ImportView.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})
