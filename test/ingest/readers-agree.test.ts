import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport, type LineItemRow } from '../../src/ingest/index'
import { stripMarkup } from '../../src/ingest/lines'

/**
 * The two table readers must give the same rows for the same template table.
 * Flattening a tab-separated report into the pdftotext layout (cells joined by
 * one space, empty cells collapsed) and reading it with the pdftotext reader
 * must reproduce what the tab reader read — for B01–B11. (B12/B13 are left
 * out: the pdftotext reader tells units from projects by U+3000 indentation,
 * which the tab extractions do not carry.)
 */
const key = (r: LineItemRow) => [r.table_code, r.side, r.row_label, r.class_code, r.measure, r.value, r.raw, r.line, r.row_kind].join('|')
const b01to11 = (rows: readonly LineItemRow[]) => new Set(rows.filter((r) => /^B(0\d|1[01])$/.test(r.table_code)).map(key))

describe('the tab and pdftotext readers agree', () => {
  for (const source of ['changzhi-2026-budget.txt', 'gaoping-2026-budget.txt']) {
    it(`on ${source} flattened to the pdftotext layout`, () => {
      const text = readFileSync(`data/raw/${source}`, 'utf8')
      const flat = text.split('\n').map((l) => stripMarkup(l).replace(/\t+/g, ' ')).join('\n')
      const tab = parseReport(text, { source })
      const pdf = parseReport(flat, { source })
      const a = b01to11(tab.lineItems)
      const b = b01to11(pdf.lineItems)
      expect(a.size).toBeGreaterThan(150)
      expect([...a].filter((k) => !b.has(k))).toEqual([])
      expect([...b].filter((k) => !a.has(k))).toEqual([])
    })
  }
})
