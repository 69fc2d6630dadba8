/**
 * PDF import through the import worker's handler, with pdf.js's Node build as
 * the reader (the browser passes its own build; the e2e test covers that).
 * Corpus PDFs are read from ../shared/corpus; bad PDFs are made in code.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readPdfItemsNode } from '../../scripts/pdf-node'
import { layoutFromPdf } from '../../src/ingest/layout/from-pdf'
import { handleImportRequestAsync, type PdfReader } from '../../src/import/worker-handler'
import type { WorkerResponse } from '../../src/import/worker-protocol'
import { corpusFile } from '../ingest/corpus'
import { blankPdf, bookPdf, encryptedPdf } from './pdf-fixtures'

const readPdf: PdfReader = async (bytes) => {
  const { items, pages } = await readPdfItemsNode(bytes)
  return layoutFromPdf(items, pages)
}
const BUNDLED = ['changzhi-2026-budget', 'gaoping-2026-budget', 'jincheng-2022-final', 'jincheng-2024-budget']
const request = (fileName: string, bytes: Uint8Array) =>
  handleImportRequestAsync({ id: 1, kind: 'report', fileName, reserved: BUNDLED, bytes: bytes.slice().buffer }, readPdf).then((r) => structuredClone(r))

function failure(res: WorkerResponse): string {
  if (res.ok) throw new Error('expected a failure')
  return res.issues[0]?.message.en ?? res.message
}

describe('importing a PDF (handleImportRequestAsync)', () => {
  it('reads a corpus report: identity, figures by position, the source text page by page', async () => {
    const res = await request('shangwuwei-2025.pdf', new Uint8Array(readFileSync(corpusFile('shanghai-putuo-shangwuwei-2025-budget-dept.pdf'))))
    if (!res.ok || res.kind !== 'report') throw new Error(JSON.stringify(res).slice(0, 300))
    const { preview, prepared } = res.result
    expect(preview.importable).toBe(true)
    expect(preview.document).toMatchObject({ doc_id: 'shangwuwei-2025', publisher: '上海市普陀区商务委员会', year: '2025', unit: '元' })
    expect(preview.missingIdentity).toEqual([])
    expect(preview.checks.fail).toBe(0)
    expect(prepared.files.line_items).toMatch(/\nshangwuwei-2025,B03,,合计,,,,,项目支出,351684000.00,元,"?351,684,000.00"?,(\d+),合计,元,(\d+),shangwuwei-2025:L\1(\.\d+)?\n/)
    // The stored source is the PDF's text, one form feed per page: a citation's line is on its page.
    expect(prepared.sourceText!.split('\f')).toHaveLength(26)
    // The preview says which pages each table is on, as a reader of the PDF finds it: read with pdftotext, 部门支出预算总表
    // starts on page 12 and runs onto page 13 (its 210 卫生健康支出 rows); 部门财政拨款收支预算总表 is page 14 alone.
    expect(preview.tables.find((t) => t.code === 'B03')).toMatchObject({ firstPage: 12, lastPage: 13 })
    expect(preview.tables.find((t) => t.code === 'B04')).toMatchObject({ firstPage: 14, lastPage: 14 })
  }, 60_000)

  it('says "no figures" for the blank template, and does not import it', async () => {
    const res = await request('blank.pdf', new Uint8Array(readFileSync(corpusFile('shanghai-2024-final-dept-template-blank.pdf'))))
    if (!res.ok || res.kind !== 'report') throw new Error('expected a preview')
    expect(res.result.preview.importable).toBe(false)
    expect(res.result.preview.problems.map((p) => p.message)).toContain('报告中没有任何数字（空白模板？）：找到了表格标题，但没有读到金额')
  }, 60_000)

  it('names each bad PDF clearly: no text layer, encrypted, truncated, far too many pages', async () => {
    expect(failure(await request('scan.pdf', blankPdf(3)))).toBe('scan.pdf: no text layer; OCR is not supported (a scanned PDF)')
    expect(failure(await request('locked.pdf', encryptedPdf()))).toBe('locked.pdf: the PDF is encrypted (password protected) and cannot be read')
    const whole = new Uint8Array(readFileSync(corpusFile('shanghai-putuo-shangwuwei-2025-budget-unit.pdf')))
    expect(failure(await request('cut.pdf', whole.slice(0, 4000)))).toBe('cut.pdf: the PDF is damaged or incomplete and cannot be read')
    // 200 pages are read (big departments print every project's 绩效目标表); these have no text.
    expect(failure(await request('scan200.pdf', blankPdf(200)))).toBe('scan200.pdf: no text layer; OCR is not supported (a scanned PDF)')
    expect(failure(await request('book.pdf', blankPdf(1001)))).toBe('book.pdf: the PDF has too many pages to be a budget disclosure report')
  }, 60_000)

  it('reads a text report as before when the bytes are no PDF', async () => {
    const res = await request('g.txt', new Uint8Array(readFileSync('data/raw/gaoping-2026-budget.txt')))
    expect(res.ok && res.kind === 'report' && res.result.preview.document.city).toBe('高平')
  })
})

describe('a 200-page PDF that is no budget report', () => {
  it('is read, and its preview says no table was found', async () => {
    const res = await request('novel.pdf', bookPdf(200))
    if (!res.ok || res.kind !== 'report') throw new Error('expected a preview')
    expect(res.result.prepared.sourceText!.split('\f')).toHaveLength(200)
    expect(res.result.prepared.sourceText!.split('\f')).toHaveLength(200)
    expect(res.result.preview.importable).toBe(false)
    expect(res.result.preview.problems.map((p) => p.message)).toContain('未找到任何预算/决算公开表（不是公开报告，或表格标题无法识别）')
  })
})
