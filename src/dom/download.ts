/**
 * The app's one download helper: saving, blobs and the clipboard come from
 * src/publish/download.ts; this file adds the shapes the views use (CSV text
 * with a BOM, a data URL, plain rows as CSV).
 */
import { copyText, dataUrlToBlob, download, textBlob } from '../publish/download'
import { guardFormula } from '../publish/table-export'

export { copyText, dataUrlToBlob, download, textBlob }

/** Saves a data URL (a rendered PNG) under a file name. */
export function downloadUrl(url: string, fileName: string): void {
  download(fileName, dataUrlToBlob(url))
}

/**
 * Saves text; CSV starts with a UTF-8 BOM so Excel on Chinese Windows reads
 * UTF-8 rather than GBK (the BOM is not added twice).
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const body = type.startsWith('text/csv') && !text.startsWith('\uFEFF') ? '\uFEFF' + text : text
  download(fileName, textBlob(body, type))
}

/**
 * Rows as CSV (RFC 4180), columns in the given order. Cells a spreadsheet would
 * run as a formula (`=cmd|…`, `@…`) are neutralised: rows may come from
 * imported files or the user's SQL.
 */
export function rowsToCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const cell = (v: unknown) => {
    const s = guardFormula(v === null || v === undefined ? '' : String(v))
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
  }
  return [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n'
}
