import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importReportText } from '../../src/import/report-import'

const GAOPING = readFileSync('data/raw/gaoping-2026-budget.txt', 'utf8')

describe('importReportText(text, fileName, overrides)', () => {
  // The seed under a name the bundle does not know: the importer must not rely on file names.
  const renamed = importReportText(GAOPING, '高平就业中心-预算.txt')

  it('reads the identity from the text, the doc_id from the new file name', () => {
    expect(renamed.preview.document).toEqual({
      doc_id: '高平就业中心-预算',
      city: '高平',
      county_of: '晋城',
      publisher: '高平市就业和人才服务中心', // line 3
      scope: '单位', // line 5: 2026年度单位预算公开
      year: '2026',
      stage: '预算',
      unit: '万元', // line 68: 单位：万元
      source: '高平就业中心-预算.txt',
      title: '高平市就业和人才服务中心2026年单位预算公开',
    })
    expect(renamed.preview.missingIdentity).toEqual([])
    expect(renamed.preview.identityProblems).toEqual([])
    expect(renamed.preview.importable).toBe(true)
  })

  it('lists the thirteen tables of the contents (表一…表十三) where they stand', () => {
    const tables = renamed.preview.tables
    expect(tables.map((t) => t.code)).toEqual(['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10', 'B11', 'B12', 'B13'])
    expect(tables[0]!.start).toBe(64) // 2026年预算收支总表
    expect(tables.find((t) => t.code === 'B07')!.start).toBe(260) // 2026年政府性基金预算收入表（不含上年结转）
    // A text with no pages (no form feed) gives none: the preview shows lines instead.
    expect(tables.every((t) => t.firstPage === 0 && t.lastPage === 0)).toBe(true)
  })

  it('counts rows and figures per table: B07 says 本表无数据, B13 has four rows of two figures (lines 364–367)', () => {
    const b07 = renamed.preview.tables.find((t) => t.code === 'B07')!
    expect([b07.rows, b07.figures]).toEqual([0, 0])
    const b13 = renamed.preview.tables.find((t) => t.code === 'B13')!
    expect([b13.rows, b13.figures]).toEqual([4, 8])
    const b13Rows = renamed.imported.rows.line_items.filter((i) => i.table_code === 'B13')
    expect([...new Set(b13Rows.map((i) => i.line))]).toEqual([364, 365, 366, 367])
    expect(b13Rows.find((i) => i.line === 366 && i.measure === '合计')!.value).toBe('4403500.00') // 440.35 万元
  })

  it('returns the rows in 元 with their lines (line 72: 一、一般公共预算 4472.32), every row under the new doc_id', () => {
    const rows = renamed.imported.rows
    const b01 = rows.line_items.filter((i) => i.table_code === 'B01')
    expect(b01.find((i) => i.line === 72 && i.side === '收入')).toMatchObject({ row_label: '一、一般公共预算', value: '44723200.00', raw: '4472.32' })
    expect(b01.find((i) => i.line === 79 && i.measure === '合计')).toMatchObject({ row_label: '八、社会保障和就业支出', value: '51045900.00', raw: '5104.59' })
    const all = [...rows.documents, ...rows.line_items, ...rows.sangong, ...rows.targets, ...rows.narrative, ...rows.checks]
    expect(all.every((r) => r.doc_id === '高平就业中心-预算')).toBe(true)
    expect(renamed.preview.counts.line_items).toBe(rows.line_items.length)
    expect(renamed.preview.tables.reduce((n, t) => n + t.figures, 0)).toBe(rows.line_items.length)
  })

  it('summarises the identity checks: counts add up, and the fails are listed', () => {
    const { checks, counts } = renamed.preview
    expect(checks.pass + checks.rounding + checks.fail).toBe(counts.checks)
    expect(checks.fails).toHaveLength(checks.fail)
    // The report balances: line 105 prints 收入总计 5131.27 and 支出总计 5131.27.
    expect(checks.fail).toBe(0)
    expect(checks.pass).toBe(164)
  })

  it('keeps the source text so a figure can be shown on its line', () => {
    expect(renamed.imported.sourceText).toBe(GAOPING)
    expect(renamed.imported.kind).toBe('report')
  })

  describe('on a trimmed copy', () => {
    // Without its first six lines the copy loses the cover (publisher line 3, title line 5).
    const trimmed = GAOPING.split('\n').slice(6).join('\n')

    it('says which identity fields the text no longer states', () => {
      const r = importReportText(trimmed, 'cut.txt')
      expect(r.preview.missingIdentity).toEqual(['year', 'stage', 'scope'])
      expect(r.preview.identityProblems.map((p) => p.message)).toEqual(['文本未写明年度', '文本未写明预算/决算', '文本未写明部门/单位'])
      // The publisher still stands in the tables' 单位名称 lines.
      expect(r.preview.document.publisher).toBe('高平市就业和人才服务中心')
    })

    it('takes the user\'s overrides for what is missing', () => {
      const r = importReportText(trimmed, 'cut.txt', { year: '2026', stage: '预算', scope: '单位' })
      expect(r.preview.missingIdentity).toEqual([])
      expect(r.preview.document).toMatchObject({ year: '2026', stage: '预算', scope: '单位' })
    })

    it('numbers lines in the copy, not in the original (six lines earlier)', () => {
      const r = importReportText(trimmed, 'cut.txt')
      expect(r.imported.rows.line_items.find((i) => i.table_code === 'B01' && i.side === '收入' && i.raw === '4472.32')!.line).toBe(66)
    })

    it('a copy cut before 表四 previews B01–B03 only, with the same figures as the whole', () => {
      const lines = GAOPING.split('\n')
      const cut = lines.findIndex((l) => l.trim() === '2026年财政拨款收支总表')
      expect(cut).toBe(160) // line 161
      const r = importReportText(lines.slice(0, cut).join('\n'), 'head.txt')
      expect(r.preview.tables.map((t) => t.code)).toEqual(['B01', 'B02', 'B03'])
      // The row ids start with the doc_id (head vs the whole's): compared without it.
      const strip = (xs: typeof r.imported.rows.line_items) => xs.filter((i) => ['B01', 'B02', 'B03'].includes(i.table_code)).map((i) => ({ ...i, doc_id: '', row_id: i.row_id?.slice(i.doc_id.length) }))
      expect(strip(r.imported.rows.line_items)).toEqual(strip(renamed.imported.rows.line_items))
    })
  })

  it('text that is no report: not importable, and says why', () => {
    const r = importReportText('床前明月光\n疑是地上霜\n', 'poem.txt')
    expect(r.preview.importable).toBe(false)
    expect(r.preview.tables).toEqual([])
    expect(r.preview.problems.some((p) => p.where === 'file' && p.message.includes('未找到'))).toBe(true)
  })
})
