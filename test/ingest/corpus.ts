/**
 * Node-only access to the shared report corpus (../shared/corpus beside the
 * checkout). Nothing read here is ever written into the repository: the PDFs
 * are read, and their layout text made by pdftotext, at test time.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readPdfItemsNode } from '../../scripts/pdf-node'
import { parseReport, type ParsedReport } from '../../src/ingest/index'
import { layoutFromPdf } from '../../src/ingest/layout/from-pdf'

/** The corpus folder: the repository's sibling `shared/corpus`. */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))

export const corpusFile = (name: string) => CORPUS + name

/** A corpus PDF parsed from its positioned text items. */
export async function parseCorpusPdf(name: string): Promise<ParsedReport & { text: string }> {
  const { items, pages } = await readPdfItemsNode(new Uint8Array(readFileSync(corpusFile(name))))
  const layout = layoutFromPdf(items, pages)
  return { ...parseReport(layout.text, { source: name }, { layout: layout.rows }), text: layout.text }
}

/** A corpus PDF as `pdftotext -layout` text, parsed as text. */
export function parseCorpusLayoutText(name: string): ParsedReport & { text: string } {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', corpusFile(name), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
  const source = name.replace(/\.pdf$/, '.txt')
  return { ...parseReport(text, { source }), text }
}
