/**
 * The national templates, read from the corpus PDFs (positions) and from their
 * `pdftotext -layout` text (character columns): the anchor figures of
 * ../shared/corpus/README.md, exactly, in 元, with the line (and page) where
 * each stands.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { LineItemRow, ParsedReport } from '../../src/ingest/index'
import { parseCorpusLayoutText, parseCorpusPdf } from './corpus'

type Report = ParsedReport & { text: string }

const find = (r: Report, table: string, label: string, measure: string, side = '') =>
  r.lineItems.filter((i) => i.table_code === table && i.row_label === label && i.measure === measure && i.side === side)

/** The single item matching, with its printed figure standing on its line of the text. */
function one(r: Report, table: string, label: string, measure: string, side = ''): LineItemRow {
  const found = find(r, table, label, measure, side)
  expect(found, `${table} ${side} ${label} ${measure}`).toHaveLength(1)
  const item = found[0]!
  expect(r.text.split('\n')[item.line - 1]).toContain(item.raw)
  return item
}

const SOURCES = [
  ['PDF', parseCorpusPdf],
  ['pdftotext -layout', async (f: string) => parseCorpusLayoutText(f)],
] as const

for (const [how, parse] of SOURCES) {
  describe(`shangwuwei 2025 部门预算 (${how})`, () => {
    let r: Report
    beforeAll(async () => {
      r = await parse('shanghai-putuo-shangwuwei-2025-budget-dept.pdf')
    }, 60_000)

    it('reads the identity: 预算主管部门, the cover title with the year, the district in its city', () => {
      expect(r.document).toMatchObject({
        publisher: '上海市普陀区商务委员会', city: '普陀区', county_of: '上海', year: '2025', stage: '预算', scope: '部门', unit: '元',
      })
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([])
    })
    it('locates the nine tables of the national budget template, not the 目录 entries', () => {
      expect(r.tables.map((t) => t.code)).toEqual(['B01', 'B02', 'B03', 'B04', 'B05', 'B08', 'B09', 'B06', 'B10'])
      expect(r.tables.every((t) => t.family === 'national')).toBe(true)
    })
    it('reads 收入总计 = 支出总计 = 371,514,655.00 元', () => {
      expect(one(r, 'B01', '收入总计', '预算数', '收入')).toMatchObject({ value: '371514655.00', raw: '371,514,655.00', row_kind: '合计' })
      expect(one(r, 'B01', '支出总计', '预算数', '支出').value).toBe('371514655.00')
    })
    it('reads 合计 = 基本支出 + 项目支出 in 支出预算总表', () => {
      expect(one(r, 'B03', '合计', '合计').value).toBe('371514655.00')
      expect(one(r, 'B03', '合计', '基本支出').value).toBe('19830655.00')
      expect(one(r, 'B03', '合计', '项目支出').value).toBe('351684000.00')
    })
    it('places a lone figure by its column: 行政运行 is 基本支出, 一般行政管理事务 is 项目支出', () => {
      expect(find(r, 'B03', '行政运行', '基本支出').map((i) => i.class_code)).toEqual(['2011301'])
      expect(find(r, 'B03', '行政运行', '项目支出')).toEqual([])
      expect(find(r, 'B03', '一般行政管理事务', '项目支出').map((i) => i.value)).toEqual(['4545000.00'])
      expect(find(r, 'B03', '一般行政管理事务', '基本支出')).toEqual([])
    })
    it('reads 基本支出 = 人员经费 + 公用经费 from the 经济分类 table', () => {
      expect(one(r, 'B06', '合计', '合计').value).toBe('19830655.00')
      expect(one(r, 'B06', '合计', '人员经费').value).toBe('18120593.00')
      expect(one(r, 'B06', '合计', '公用经费').value).toBe('1710062.00')
      expect(find(r, 'B06', '基本工资', '人员经费')[0]?.econ_code).toBe('30101')
    })
    it('reads the 万元 三公 table inside a 元 report: 1.00 万元, all 公务接待费', () => {
      const b10 = r.lineItems.filter((i) => i.table_code === 'B10')
      expect(b10.map((i) => [i.measure, i.raw, i.value])).toEqual([
        ['合计', '1.00', '10000.00'],
        ['公务接待费', '1.00', '10000.00'],
      ])
      // The table leaves 因公出国 and 公务用车 empty; the prose states each as 0万元 ("因公出国（境）费0万元，
      // 与2024年预算持平"): 0 stated is a figure (issue 16), cited at the prose line, not at the table's.
      expect(r.sangong.map((s) => [s.figure, s.category, s.amount_yuan])).toEqual([
        ['预算', '合计', '10000.00'],
        ['预算', '因公出国（境）费', '0.00'],
        ['预算', '公务用车购置及运行费', '0.00'],
        ['预算', '公务用车购置费', '0.00'],
        ['预算', '公务用车运行维护费', '0.00'],
        ['预算', '公务接待费', '10000.00'],
      ])
      const table = r.sangong.find((s) => s.category === '合计')!.line
      for (const s of r.sangong.filter((x) => x.amount_yuan === '0.00')) expect(r.text.split('\n')[s.line - 1], s.category).toMatch(/0万元/)
      expect(r.sangong.filter((x) => x.amount_yuan === '0.00').every((x) => x.line !== table)).toBe(true)
    })
    it('reads 机关运行经费 171.01 万元, printed in the 三公 table, as B11’s total, and the prose agrees', () => {
      expect(one(r, 'B11', '机关运行经费', '合计')).toMatchObject({ value: '1710100.00', raw: '171.01', row_kind: '合计' })
      const prose = r.narrative.filter((n) => n.subject === '机关运行经费').map((n) => [n.year, n.value])
      expect(prose).toEqual([['2025', '1710100.00']])
      expect(r.checks.filter((c) => c.check.includes('机关运行经费')).map((c) => c.status)).toEqual(['pass'])
    })
    it('reads the 三公 prose: 1.00 万元 in 2025, 与2024年预算持平', () => {
      const s = r.narrative.find((n) => n.subject === '三公经费' && n.year === '2025')
      expect(s?.value).toBe('10000.00')
      expect(s?.quote).toContain('与2024年预算持平')
    })
    it('passes every accounting identity (the prose, in 万元, within its last digit)', () => {
      expect(r.checks.length).toBe(202)
      expect(r.checks.filter((c) => c.status === 'fail')).toEqual([])
      expect(r.checks.filter((c) => c.status === 'rounding' && !c.check.startsWith('文字说明'))).toEqual([])
    })
    it('says which located tables are empty, at their title line', () => {
      const empty = r.problems.filter((p) => p.message.includes('没有读到任何数字')).map((p) => [p.where, p.line])
      expect(empty).toEqual(r.tables.filter((t) => t.code === 'B08' || t.code === 'B09').map((t) => [t.code, t.start]))
    })
  })

  describe(`shangwuwei 2025 单位预算 (${how})`, () => {
    let r: Report
    beforeAll(async () => {
      r = await parse('shanghai-putuo-shangwuwei-2025-budget-unit.pdf')
    }, 60_000)
    it('reads the identity from 预算单位 and the cover title', () => {
      expect(r.document).toMatchObject({ publisher: '上海市普陀区商务委员会', year: '2025', stage: '预算', scope: '单位', unit: '元' })
    })
    it('reads 收入总计 = 支出总计 and 合计 = 基本 + 项目', () => {
      expect(one(r, 'B01', '收入总计', '预算数', '收入').value).toBe('371514655.00')
      expect(one(r, 'B01', '支出总计', '合计', '支出').value).toBe('371514655.00')
      expect(one(r, 'B01', '支出总计', '基本支出/人员经费', '支出').value).toBe('18120593.00')
      expect(one(r, 'B03', '合计', '基本支出').value).toBe('19830655.00')
      expect(one(r, 'B03', '合计', '项目支出').value).toBe('351684000.00')
      expect(r.checks.filter((c) => c.status === 'fail')).toEqual([])
      expect(r.checks.filter((c) => c.status === 'rounding' && !c.check.startsWith('文字说明'))).toEqual([])
    })
  })

  describe(`guihua 2024 部门决算 (${how})`, () => {
    let r: Report
    beforeAll(async () => {
      r = await parse('shanghai-putuo-guihua-ziranziyuanju-2024-final-dept.pdf')
    }, 60_000)
    it('reads the identity from the cover, its publisher wrapped over two lines', () => {
      expect(r.document).toMatchObject({ publisher: '上海市普陀区规划和自然资源局', year: '2024', stage: '决算', scope: '部门', unit: '万元' })
    })
    it('locates the nine 决算 tables and does not take the 目录 lines for tables', () => {
      expect(r.tables.map((t) => t.code)).toEqual(['F01', 'F02', 'F03', 'F04', 'F05', 'F06', 'F07', 'F08', 'F09'])
      expect(r.tables[0]!.start).toBeGreaterThan(60)
    })
    it('reads 收入支出决算总表 exactly in 元', () => {
      expect(one(r, 'F01', '本年收入合计', '决算数', '收入').value).toBe('97465000.00')
      expect(one(r, 'F01', '本年支出合计', '决算数', '支出').value).toBe('97593800.00')
      expect(one(r, 'F01', '年初结转和结余', '决算数', '收入').value).toBe('1128800.00')
      expect(one(r, 'F01', '年末结转和结余', '决算数', '支出').value).toBe('1000000.00')
      expect(one(r, 'F01', '总计', '决算数', '收入').value).toBe('98593800.00')
      expect(one(r, 'F01', '总计', '决算数', '支出').value).toBe('98593800.00')
    })
    it('joins names wrapped above and below their code ("社 会 保 障 和 就" / "208 …" / "业支出")', () => {
      const f05 = r.lineItems.filter((i) => i.table_code === 'F05' && i.measure === '合计' && i.class_code.length === 3)
      expect(f05.map((i) => [i.class_code, i.row_label, i.value])).toEqual([
        ['208', '社会保障和就业支出', '7547500.00'],
        ['210', '卫生健康支出', '2366400.00'],
        ['212', '城乡社区支出', '38323600.00'],
        ['220', '自然资源海洋气象等支出', '44616700.00'],
        ['221', '住房保障支出', '4610800.00'],
      ])
      expect(one(r, 'F05', '机关事业单位基本养老保险缴费支出', '基本支出').class_code).toBe('2080505')
    })
    it('reads a header wrapped over three lines as one column (一般公共 / 预算财政 / 拨款)', () => {
      expect(one(r, 'F04', '本年支出合计', '一般公共预算财政拨款', '支出').value).toBe('97465000.00')
    })
    it('reads 三公 by category under its header: 公务接待费 2.85 预算, 0.39 决算', () => {
      const s = Object.fromEntries(r.sangong.map((x) => [`${x.figure}/${x.category}`, x.amount_yuan]))
      expect(s).toMatchObject({ '预算/合计': '28500.00', '决算/合计': '3900.00', '预算/公务接待费': '28500.00', '决算/公务接待费': '3900.00', '决算/因公出国（境）费': '0.00' })
    })
    it('fails only where the report contradicts itself', () => {
      // The prose says 卫生健康支出（类）236.63 万元 (as F01 prints it); F05 prints 236.64. And F06 prints
      // 302 商品和服务支出 440.90 over items that sum to 440.88 — two units of the last digit, more than rounding.
      expect(r.checks.filter((c) => c.status === 'fail').map((c) => [c.check.replace(/（第\d+行）/, ''), c.expected, c.actual])).toEqual([
        ['F06 公用经费/决算数：302 商品和服务支出 = 下级科目之和', '4409000.00', '4408800.00'],
        ['文字说明卫生健康支出 = F05 210 卫生健康支出 合计', '2366400.00', '2366300.00'],
        // The prose's 一般公共预算财政拨款基本支出 5377.64 = 人员经费 4896.98 + 公用经费 480.66 is F03's 基本支出
        // of all funds; F06 (and F05) print 人员经费合计 4884.09 + 480.66 = 5364.75.
        ['文字说明人员经费 = F06 人员经费合计 人员经费/决算数', '48840900.00', '48969800.00'],
      ])
    })
    it('reads the two panels of the 基本支出 table: 人员经费 and 公用经费, codes on lines of their own', () => {
      expect(one(r, 'F06', '人员经费合计', '人员经费/决算数')).toMatchObject({ value: '48840900.00', row_kind: '合计' })
      expect(one(r, 'F06', '公用经费合计', '公用经费/决算数')).toMatchObject({ value: '4806600.00', row_kind: '合计' })
      expect(one(r, 'F06', '邮电费', '公用经费/决算数')).toMatchObject({ econ_code: '30207', value: '80500.00' })
      expect(one(r, 'F06', '机关事业单位基本养老保险缴费', '人员经费/决算数')).toMatchObject({ econ_code: '30108', value: '4461100.00' })
      expect(one(r, 'F06', '信息网络及软件购置更新', '公用经费/决算数').econ_code).toBe('31007')
      expect(r.lineItems.filter((i) => i.table_code === 'F06')).toHaveLength(67)
    })
    it('reads 机关运行经费 from the prose (the 决算 has no table for it): 142.80 万元, 2023 derived', () => {
      expect(r.narrative.filter((n) => n.subject === '机关运行经费').map((n) => [n.year, n.value, n.relation])).toEqual([
        ['2024', '1428000.00', 'stated'],
        ['2023', '1563200.00', 'derived'],
      ])
    })
    it('reads the prose: 收入支出总计 9,859.38 万元, 比 2023 年度增加 1,062.85 万元', () => {
      const n = r.narrative.filter((x) => x.subject === '支出总计').map((x) => [x.year, x.value, x.relation])
      expect(n).toEqual([
        ['2024', '98593800.00', 'stated'],
        ['2023', '87965300.00', 'derived'],
      ])
    })
  })

  describe(`the blank 决算 template (${how})`, () => {
    it('is an error "no figures", with the placeholder publisher named', async () => {
      const r = await parse('shanghai-2024-final-dept-template-blank.pdf')
      expect(r.lineItems).toEqual([])
      const errors = r.problems.filter((p) => p.severity === 'error').map((p) => p.message)
      expect(errors).toContain('报告中没有任何数字（空白模板？）：找到了表格标题，但没有读到金额')
      expect(errors.some((m) => m.includes('上海市XX局') && m.includes('占位符'))).toBe(true)
    }, 60_000)
  })
}

describe('page provenance of a PDF', () => {
  it('gives each figure the page it is printed on', async () => {
    const r = await parseCorpusPdf('shanghai-putuo-shangwuwei-2025-budget-dept.pdf')
    expect(one(r, 'B01', '收入总计', '预算数', '收入').page).toBe(9)
    expect(r.lineItems.find((i) => i.table_code === 'B10')?.page).toBe(21)
  }, 60_000)
})

describe('a corpus PDF and its pdftotext -layout text', () => {
  const LINE_ITEMS: Record<string, number> = {
    'shanghai-putuo-shangwuwei-2025-budget-dept.pdf': 287, 'shanghai-putuo-shangwuwei-2025-budget-unit.pdf': 300, 'shanghai-putuo-guihua-ziranziyuanju-2024-final-dept.pdf': 308,
  }
  const key = (i: LineItemRow) => [i.table_code, i.side, i.row_label, i.class_code, i.econ_code, i.measure, i.value].join('|')
  for (const f of ['shanghai-putuo-shangwuwei-2025-budget-dept.pdf', 'shanghai-putuo-shangwuwei-2025-budget-unit.pdf', 'shanghai-putuo-guihua-ziranziyuanju-2024-final-dept.pdf']) {
    it(`read the same figures: ${f}`, async () => {
      const a = (await parseCorpusPdf(f)).lineItems
      const b = parseCorpusLayoutText(f).lineItems
      expect(a.length).toBe(LINE_ITEMS[f])
      // The 决算 三公 table's group header (公务用车购置及运行维护费) is named in the PDF only: compare F07 by value and leaf.
      const norm = (rows: LineItemRow[]) => rows.map((i) => (i.table_code === 'F07' ? { ...i, measure: i.measure.split('/').slice(-2).join('/') } : i)).map(key).sort()
      expect(norm(a)).toEqual(norm(b))
    }, 60_000)
  }
})
