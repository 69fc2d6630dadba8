/**
 * Pages of a source text: a PDF's text (src/ingest/layout/from-pdf.ts) starts
 * every page after the first with a form feed, as `pdftotext -layout` does.
 * A citation of such a document names the page as well as the line.
 */

/** The 1-based page of a 1-based line, or 0 when the text has no pages (no form feed). */
export function pageOfLine(lines: readonly string[], line: number): number {
  if (line < 1 || line > lines.length || !lines.some((l) => l.includes('\f'))) return 0
  let page = 1
  for (let i = 0; i < line; i++) page += lines[i]!.split('\f').length - 1
  return page
}
