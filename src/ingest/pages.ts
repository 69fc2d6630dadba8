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

/**
 * The page of every line at once (index 0 = line 1), all 0 when the text has
 * no pages: for stamping every row of a report, where pageOfLine per row
 * would walk the text from its start each time.
 */
export function pagesOfLines(lines: readonly string[]): number[] {
  if (!lines.some((l) => l.includes('\f'))) return lines.map(() => 0)
  let page = 1
  return lines.map((l) => (page += l.split('\f').length - 1))
}
