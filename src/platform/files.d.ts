/**
 * The build's own files, by the URL Vite gave them (a `?url` or `?worker&url`
 * import, an asset a plugin emitted): files-hosted.ts or files-single.ts
 * (alias in vite.config.ts).
 */
declare module 'virtual:kanzhang-files' {
  /** The file's bytes. */
  export function fileBytes(url: string): Promise<Uint8Array>
  /** The file as UTF-8 text. */
  export function fileText(url: string): Promise<string>
  /** Starts a worker Vite bundled (`import url from './x.worker.ts?worker&url'`). */
  export function startWorker(url: string, name: string): Promise<Worker>
}
