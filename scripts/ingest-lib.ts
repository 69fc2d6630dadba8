/**
 * Node-only: the reports of a folder (data/raw) parsed into one dataset. Text
 * files (*.txt) are parsed as they are; PDFs (*.pdf) through pdf.js, their
 * figures placed by position. Files are read in name order, so the result is
 * deterministic.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addReport, emptyDataset, type Dataset } from '../src/ingest/dataset'
import { parseReport, type ParsedReport } from '../src/ingest/index'
import { layoutFromPdf } from '../src/ingest/layout/from-pdf'
import { PdfReadError } from '../src/ingest/layout/pdf-items'
import { reviewReport } from '../src/review/index'
import { readPdfItemsNode } from './pdf-node'

/** A report file parsed: a PDF via its positioned text, anything else as UTF-8 text; `text` is what was parsed (the review reads it). */
export async function parseReportFile(path: string, source: string): Promise<ParsedReport & { text: string }> {
  if (!/\.pdf$/i.test(source)) {
    const text = readFileSync(path, 'utf8')
    return { ...parseReport(text, { source }), text }
  }
  try {
    const { items, pages } = await readPdfItemsNode(new Uint8Array(readFileSync(path)))
    const layout = layoutFromPdf(items, pages)
    return { ...parseReport(layout.text, { source }, { layout: layout.rows }), text: layout.text }
  } catch (err) {
    if (!(err instanceof PdfReadError)) throw err
    // An unreadable PDF is a document with one error, like an empty text file.
    const report = parseReport('', { source })
    report.problems.unshift({ severity: 'error', where: 'file', line: 0, message: err.message })
    return { ...report, text: '' }
  }
}

/** The report files of a folder, in name order. */
export function reportFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|pdf)$/i.test(f))
    .sort()
}

/** Parses every report of `dir` into a dataset; `log` hears one line per report and per problem. */
export async function ingestDir(dir: string, log: (line: string) => void = () => {}): Promise<{ dataset: Dataset; errors: number }> {
  const dataset = emptyDataset()
  let errors = 0
  for (const source of reportFiles(dir)) {
    const report = await parseReportFile(join(dir, source), source)
    const findings = reviewReport(report, report.text)
    addReport(dataset, report, findings)
    const counts = `${report.lineItems.length} line items, ${report.narrative.length} narrative, ${report.targets.length} targets, ${report.evaluations.length} evaluations, ${report.checks.length} checks, ${findings.length} findings`
    log(`${source}: ${counts}`)
    for (const p of report.problems) {
      if (p.severity === 'error') errors++
      log(`  ${p.severity} ${source}:${p.line} [${p.where}] ${p.message}`)
    }
  }
  return { dataset, errors }
}
