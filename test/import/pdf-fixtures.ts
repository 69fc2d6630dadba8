/**
 * Small PDFs written by hand for the bad-input tests (none comes from the
 * corpus): pages with no text layer, and a password-protected file.
 */

/** A PDF file of the given objects (1-based, in order), with a correct xref table. */
function pdfOf(objects: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.7\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(out)
}

/** `pages` empty A4 pages: a scan without OCR looks like this to a text reader (images only, no text). */
export function blankPdf(pages: number): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')
  const pageObjs = Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>')
  return pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, ...pageObjs])
}

/** A PDF encrypted with the standard security handler and a user password nobody knows. */
export function encryptedPdf(): Uint8Array {
  const hex = (n: number) => '<' + 'ab'.repeat(n) + '>'
  return pdfOf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O ${hex(32)} /U ${hex(32)} >>`,
    ],
    `/Encrypt 4 0 R /ID [${hex(16)} ${hex(16)}] `,
  )
}

/**
 * One page with text drawn at (x, y) in Helvetica, optionally with /Rotate: a
 * landscape table is often a portrait page turned by 90°, its text drawn sideways.
 */
export function textPdf(texts: ReadonlyArray<{ x: number; y: number; text: string }>, rotate = 0): Uint8Array {
  // Drawn in the page's own space; with /Rotate 90 the text runs up the page (rotated text matrix).
  const tm = rotate === 90 ? '0 1 -1 0' : '1 0 0 1'
  const ops = texts.map((t) => `BT /F1 12 Tf ${tm} ${t.x} ${t.y} Tm (${t.text}) Tj ET`).join('\n')
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate ${rotate} /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ])
}

/** `n` pages of one line of Helvetica text each ("Chapter 1" …): a long PDF that is no budget report. */
export function bookPdf(n: number): Uint8Array {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
  const kids: string[] = []
  for (let i = 0; i < n; i++) {
    const ops = `BT /F1 12 Tf 72 700 Td (Chapter ${i + 1}) Tj ET`
    kids.push(`${objs.length + 1} 0 R`)
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objs.length + 2} 0 R >>`)
    objs.push(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`)
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${n} >>`
  return pdfOf(objs)
}
