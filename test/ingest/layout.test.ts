import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readIdentity } from '../../src/ingest/identity'
import { parseReport } from '../../src/ingest/index'
import { rowsFromText, splitRun } from '../../src/ingest/layout/rows'
import { stripMarkup, toLines } from '../../src/ingest/lines'
import { listedTables, tableTitle } from '../../src/ingest/locate'
import { assignColumns, columnsOf } from '../../src/ingest/tables/layout-header'

describe('splitRun(text, x0, x1)', () => {
  const cases: Array<[string, string[]]> = [
    ['371,514,655.00 一、一般公共服务支出', ['371,514,655.00', '一、一般公共服务支出']],
    ['1. 一般公共预算资金', ['1. 一般公共预算资金']],
    ['2.85 0.39 0.00  0.00', ['2.85', '0.39', '0.00', '0.00']],
    ['收入总计           371,514,655.00', ['收入总计', '371,514,655.00']],
    ['上海市 XX 局', ['上海市 XX 局']],
  ]
  for (const [text, cells] of cases) {
    it(`${JSON.stringify(text)} → ${cells.length} cell(s)`, () => {
      expect(splitRun(text, 0, text.length, (s) => s.length).map((c) => c.text)).toEqual(cells)
    })
  }
  it('shares the run’s extent out by display width (a CJK glyph is two digits wide)', () => {
    const [a, b] = splitRun('12 一二', 0, 6)
    const want = [0, 2, 3, 7].map((v) => (v * 6) / 7)
    ;[a!.x0, a!.x1, b!.x0, b!.x1].forEach((x, i) => expect(x).toBeCloseTo(want[i]!, 9))
  })
})

describe('assignColumns(figures, columns)', () => {
  const col = (x0: number, x1: number) => ({ measure: '', x0, x1 })
  const fig = (x0: number, x1: number) => ({ text: '1.00', x0, x1 })
  const three = [col(40, 44), col(55, 59), col(71, 75)]
  it('puts each figure under the nearest column, in order', () => {
    expect(assignColumns([fig(39, 51), fig(71, 83)], three)).toEqual([0, 2])
    expect(assignColumns([fig(39, 51), fig(55, 67)], three)).toEqual([0, 1])
  })
  it('never puts two figures in one column', () => {
    // Centres 56 and 60: both nearest 基本 (57); the pair costs least as 基本 + 项目.
    expect(assignColumns([fig(54, 58), fig(58, 62)], three)).toEqual([1, 2])
  })
  it('refuses more figures than columns', () => {
    expect(assignColumns([fig(1, 2), fig(3, 4), fig(5, 6), fig(7, 8)], three)).toBeNull()
  })
})

describe('columnsOf(header rows, valueLeft)', () => {
  it('reads a three-level 三公 header: wrapped leaves, a group prefix, the table-wide title dropped', () => {
    const header = rowsFromText(toLines([
      '                    “三公”经费预算数',
      '                                                  机关运行经费预算',
      '                               公务用车购置及运行费',
      '                                                      数',
      '   合计     因公出国(境)费  公务接待费',
      '                           小计   购置费  运行费',
    ].join('\n')))
    expect(columnsOf(header, -Infinity).map((c) => c.measure)).toEqual([
      '合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费/小计', '公务用车购置及运行费/购置费', '公务用车购置及运行费/运行费', '机关运行经费预算数',
    ])
  })
})

describe('the national template titles', () => {
  const cases: Array<[string, string | null]> = [
    ['2025年部门财务收支预算总表', 'B01'],
    ['  1. 2025年部门财务收支预算总表', 'B01'],
    ['2025年预算单位财政拨款收支预算总表', 'B04'],
    ['9．2025年部门“三公”经费和机关运行经费预算表', 'B10'],
    ['2025年部门一般公共预算基本支出部门预算经济分类预算表', 'B06'],
    ['一般公共预算财政拨款基本支出决算表', 'F06'],
    ['国有资本经营预算财政拨款收入支出决算表', 'F09'],
    ['七、财政拨款“三公”经费支出决算表', 'F07'],
    ['表1：2025年部门财务收支预算总表', 'B01'],
    ['附表3 2025年单位支出预算总表', 'B03'],
  ]
  for (const [line, code] of cases) {
    it(`${JSON.stringify(line)} → ${code}`, () => expect(tableTitle(line)?.code ?? null).toBe(code))
  }
})

describe('the 目录 of a national-template report', () => {
  const text = [
    '上海市某区某局', '2024 年度部门决算', '目 录', '', '一、收入支出决算总表', '', '二、收入决算表', '',
    '第二部分', '收入支出决算总表', '单位：万元', '项目 决算数 项目 决算数',
    '一、一般公共预算财政拨款收入 10.00 一、一般公共服务支出 10.00',
    '本年收入合计 10.00 本年支出合计 10.00',
  ].join('\n')
  it('is a list of tables, not tables', () => {
    expect(listedTables(toLines(text)).map((t) => [t.code, t.line])).toEqual([['F01', 5], ['F02', 7]])
  })
  it('names a listed table the text lacks, at its 目录 line', () => {
    const r = parseReport(text, { source: 'x.txt' })
    expect(r.tables.map((t) => [t.code, t.start])).toEqual([['F01', 10]])
    expect(r.problems.filter((p) => p.where === 'F02')).toEqual([
      { severity: 'warning', where: 'F02', line: 7, message: '目录列出“收入决算表”，正文中未找到该表' },
    ])
  })
})

describe('a 决算 flattened to single spaces (no column layout)', () => {
  it('places no figure by position, and says so for every table instead of staying silent', () => {
    const source = 'jincheng-2022-final.txt'
    const text = readFileSync(`data/raw/${source}`, 'utf8')
    const flat = text.split('\n').map((l) => stripMarkup(l).replace(/\t+/g, ' ')).join('\n')
    const r = parseReport(flat, { source })
    expect(r.lineItems).toEqual([])
    const said = new Set(r.problems.filter((p) => /^F\d\d$/.test(p.where)).map((p) => p.where))
    expect([...said].sort()).toEqual(r.tables.map((t) => t.code).sort())
  })
})

describe('a 收支总表 whose header prints 项目 with spaces inside', () => {
  it('tells the two sides apart by the labels that follow a figure', () => {
    const text = [
      '2025年部门财务收支预算总表',
      '编制部门：上海市某区某局                                   单位：元',
      '          本年收入                              本年支出',
      '   项    目          预算数             项    目            预算数',
      '一、财政拨款收入        1,000.00 一、一般公共服务支出         600.00',
      '二、事业收入                     二、教育支出                400.00',
      '    收入总计           1,000.00      支出总计            1,000.00',
    ].join('\n')
    const r = parseReport(text, { source: 't.txt' })
    expect(r.lineItems.map((i) => [i.side, i.row_label, i.measure, i.value])).toEqual([
      ['收入', '一、财政拨款收入', '预算数', '1000.00'],
      ['支出', '一、一般公共服务支出', '预算数', '600.00'],
      ['支出', '二、教育支出', '预算数', '400.00'],
      ['收入', '收入总计', '预算数', '1000.00'],
      ['支出', '支出总计', '预算数', '1000.00'],
    ])
  })
})

describe('a 万元 三公 table inside a 元 report', () => {
  it('holds its sums to the 万元 table’s own last digit (0.01 万元 = 100 元)', () => {
    const text = [
      '上海市某区2025年区级部门预算',
      '预算主管部门：上海市某区某局',
      '2025年部门财务收支预算总表',
      '编制部门：上海市某区某局                                   单位：元',
      '',
      '',
      '',
      '2025年部门“三公”经费和机关运行经费预算表',
      '编制部门：上海市某区某局                                   单位:万元',
      '                     “三公”经费预算数',
      '                                                            机关运行经费预算数',
      '   合计          因公出国(境)费   公务接待费',
      '        3.51                1.20         2.30                   10.00',
    ].join('\n')
    const r = parseReport(text, { source: 't.txt' })
    expect(r.document.unit).toBe('元')
    expect(r.lineItems.filter((i) => i.table_code === 'B10').map((i) => [i.measure, i.value])).toEqual([
      ['合计', '35100.00'], ['因公出国(境)费', '12000.00'], ['公务接待费', '23000.00'],
    ])
    const sum = r.checks.find((c) => c.check.startsWith('B10'))
    expect([sum?.diff, sum?.status]).toEqual(['-100.00', 'rounding'])
  })
})

describe('cover titles of the national templates', () => {
  const id = (text: string) => readIdentity(toLines(text), { source: 'x.txt' }).document
  it('reads a cover naming the publisher between the year and the kind', () => {
    expect(id('2025年上海市普陀区商务委员会部门预算\n单位：元')).toMatchObject({
      year: '2025', publisher: '上海市普陀区商务委员会', scope: '部门', stage: '预算', city: '普陀区', county_of: '上海',
    })
  })
  it('reads a cover with the year apart and the publisher wrapped above it', () => {
    expect(id('上海市普陀区规划和自然\n资源局\n 2024 年度部门决算\n单位：万元')).toMatchObject({
      year: '2024', publisher: '上海市普陀区规划和自然资源局', scope: '部门', stage: '决算',
    })
  })
})
