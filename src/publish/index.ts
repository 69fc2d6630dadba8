/**
 * Publish and cite — the parts that run anywhere (Node and browser). The
 * browser-only parts are imported from their own files: export-png.ts
 * (renderPng, exportPng) and download.ts (download, copyText …).
 */
export * from './citation'
export * from './data-quality'
export * from './export-chart'
export * from './palette'
export * from './table-export'
export * from './templates'
