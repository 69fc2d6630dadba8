import { describe, expect, it } from 'vitest'
import { cite, citationText } from '../../src/publish/citation'
import { pageOfLine, pagesOfLines } from '../../src/ingest/pages'
import { parseCorpusPdf } from '../ingest/corpus'

describe('pageOfLine(lines, line)', () => {
  it('counts form feeds up to the line, and is 0 for text without pages', () => {
    const lines = ['封面', '', '\f目录', '一、…', '\f表一', '合计 1.00']
    expect([1, 2, 3, 4, 5, 6].map((n) => pageOfLine(lines, n))).toEqual([1, 1, 2, 2, 3, 3])
    expect(pageOfLine(['a', 'b'], 2)).toBe(0)
    expect(pageOfLine(lines, 7)).toBe(0)
  })

  it('is what pagesOfLines gives every line at once', () => {
    const lines = ['封面', '', '\f目录', '一、…', '\f表一', '合计 1.00']
    expect(pagesOfLines(lines)).toEqual(lines.map((_, i) => pageOfLine(lines, i + 1)))
    expect(pagesOfLines(['a', 'b'])).toEqual([0, 0])
  })
})

describe('citing a figure of a PDF-born document', () => {
  it('names the page and the row as printed', async () => {
    const r = await parseCorpusPdf('shanghai-putuo-shangwuwei-2025-budget-dept.pdf')
    const row = r.lineItems.find((i) => i.table_code === 'B01' && i.row_label === '收入总计')!
    const c = cite(row, r.document, r.text)
    expect(c.page).toBe(9)
    expect(row.page).toBe(9)
    expect(c.lineHoldsFigure).toBe(true)
    expect(citationText(c)).toMatch(new RegExp(`“收入总计”行“预算数”列，.*（原文第9页，第${row.line}行）$`))
    expect(citationText(c, 'en')).toContain(`(shanghai-putuo-shangwuwei-2025-budget-dept.pdf, page 9, line ${row.line})`)
  }, 60_000)
})
