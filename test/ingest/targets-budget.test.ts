import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../src/ingest/index'

const TEXT = readFileSync('data/raw/jincheng-2024-budget.txt', 'utf8')
const report = parseReport(TEXT, { source: 'jincheng-2024-budget.txt' })

/** The 预算情况 block of the 整体支出绩效目标申报表, read by hand (lines 1539–1553, 万元). */
const BLOCK: Array<[string, string, string, number]> = [
  ['资金来源', '合计', '40143.35', 1541], ['资金方向', '合计', '40143.35', 1541],
  ['资金来源', '一般公共预算资金', '39593.35', 1543], ['资金方向', '基本支出', '11256.85', 1543],
  ['资金来源', '政府性基金预算资金', '0.00', 1545], ['资金方向', '项目支出', '28886.50', 1545],
  ['资金来源', '国有资本经营预算资金', '0.00', 1547], ['资金来源', '社会保险基金预算资金', '0.00', 1549],
  ['资金来源', '专户管理资金', '0.00', 1551], ['资金来源', '单位资金', '550.00', 1553],
]

describe('the 整体支出绩效目标申报表\'s 预算情况 block (jincheng-2024-budget.txt)', () => {
  it('reads 合计 and its split by 资金来源 and 资金方向, each figure on its line, in 元', () => {
    expect(report.targetBudgets.map((r) => [r.dimension, r.item, r.raw, r.line])).toEqual(BLOCK)
    expect(report.targetBudgets.find((r) => r.item === '基本支出')).toMatchObject({
      doc_id: 'jincheng-2024-budget', unit_name: '晋城市人力资源和社会保障局', project_name: '整体支出', value: '112568500.00',
    })
  })

  it('checks both panels: 合计 40143.35 = 39593.35 + 0 + 0 + 0 + 0 + 550.00 = 11256.85 + 28886.50', () => {
    const checks = report.checks.filter((c) => c.check.startsWith('整体支出绩效目标 预算情况'))
    expect(checks.map((c) => [c.check, c.status, c.lines])).toEqual([
      ['整体支出绩效目标 预算情况：合计 = 按资金来源划分各项之和', 'pass', '1541;1543;1545;1547;1549;1551;1553'],
      ['整体支出绩效目标 预算情况：合计 = 按资金方向划分各项之和', 'pass', '1541;1543;1545'],
    ])
  })

  it('fails a panel whose items do not add up (基本支出 changed on line 1543)', () => {
    const lines = TEXT.split('\n')
    expect(lines[1542]).toContain('11256.85')
    lines[1542] = lines[1542]!.replace('11256.85', '11266.85')
    const changed = parseReport(lines.join('\n'), { source: 'jincheng-2024-budget.txt' })
    expect(changed.checks.find((c) => c.check === '整体支出绩效目标 预算情况：合计 = 按资金方向划分各项之和')).toMatchObject({ status: 'fail', diff: '100000.00' })
  })

  it('finds no such block in the reports that print none', () => {
    for (const f of ['changzhi-2026-budget', 'gaoping-2026-budget', 'jincheng-2022-final']) {
      expect(parseReport(readFileSync(`data/raw/${f}.txt`, 'utf8'), { source: `${f}.txt` }).targetBudgets, f).toEqual([])
    }
  })
})
