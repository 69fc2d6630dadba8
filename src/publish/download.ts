/**
 * Saving exports and copying tables — browser only (no server: the build
 * works offline, so files are made in the page and handed to the browser).
 */

/** Saves a blob under a file name through a temporary object URL. */
export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoked later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Saves several files one after another. Chromium drops downloads beyond ten
 * a second from one page (the dataset is eleven CSVs), so they are paced.
 */
export async function downloadEach(files: ReadonlyArray<{ fileName: string; blob: Blob }>, gapMs = 150): Promise<void> {
  for (const [i, f] of files.entries()) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, gapMs))
    download(f.fileName, f.blob)
  }
}

/** Text as a blob (CSV: 'text/csv;charset=utf-8', SVG: 'image/svg+xml;charset=utf-8'). */
export function textBlob(text: string, type: string): Blob {
  return new Blob([text], { type })
}

/** A data URL (renderPng's result) as a blob. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',')
  const header = dataUrl.slice(5, comma)
  const type = header.split(';')[0] || 'application/octet-stream'
  const body = dataUrl.slice(comma + 1)
  if (header.endsWith(';base64')) {
    const bin = atob(body)
    const bytes = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
    return new Blob([bytes], { type })
  }
  return new Blob([decodeURIComponent(body)], { type })
}

/** Copies text (tableToTsv's result, a citation) to the clipboard; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // Clipboard API unavailable (non-secure context, file://): fall back to a selected textarea.
    const ta = document.createElement('textarea')
    ta.value = text
    ta.setAttribute('readonly', '')
    ta.style.cssText = 'position:fixed;left:-10000px;top:0'
    document.body.appendChild(ta)
    ta.select()
    const ok = document.execCommand('copy')
    ta.remove()
    return ok
  }
}
