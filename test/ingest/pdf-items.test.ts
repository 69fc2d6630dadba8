import { describe, expect, it } from 'vitest'
import { readPdfItemsNode } from '../../scripts/pdf-node'
import { layoutFromPdf } from '../../src/ingest/layout/from-pdf'
import { textPdf } from '../import/pdf-fixtures'

describe('readPdfItems / layoutFromPdf', () => {
  it('lays an upright page out in rows, left to right, top to bottom', async () => {
    const { items, pages } = await readPdfItemsNode(textPdf([{ x: 300, y: 700, text: '20.00' }, { x: 60, y: 700, text: 'Total' }, { x: 60, y: 650, text: 'Next' }]))
    expect(items.map((i) => [i.str, Math.round(i.x), Math.round(i.y)])).toEqual([['20.00', 300, 700], ['Total', 60, 700], ['Next', 60, 650]])
    const layout = layoutFromPdf(items, pages)
    expect(layout.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['Total', '20.00'], ['Next']])
  })

  it('turns a /Rotate 90 page upright: text drawn up the page reads left to right', async () => {
    // In page space the "row" runs bottom to top at x = 100; seen rotated, it is one line, Total before 20.00.
    const { items, pages } = await readPdfItemsNode(textPdf([{ x: 100, y: 100, text: 'Total' }, { x: 100, y: 400, text: '20.00' }, { x: 150, y: 100, text: 'Next' }], 90))
    const layout = layoutFromPdf(items, pages)
    expect(layout.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['Total', '20.00'], ['Next']])
  })
})
