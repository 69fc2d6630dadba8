import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../src/ingest/index'

const seed = (f: string) => readFileSync(`data/raw/${f}`, 'utf8')

describe('parseReport on bad input', () => {
  it('an empty file: no rows, a problem saying it is empty, no crash', () => {
    const r = parseReport('', { source: 'empty.txt' })
    expect(r.lineItems).toHaveLength(0)
    expect(r.problems.some((p) => p.where === 'file' && p.message.includes('文件为空'))).toBe(true)
  })

  it('a file that is not a report: says no table was found', () => {
    const r = parseReport('床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n', { source: 'poem.txt' })
    expect(r.lineItems).toHaveLength(0)
    expect(r.problems.some((p) => p.message.includes('未找到任何预算/决算公开表'))).toBe(true)
  })

  it('binary junk does not crash the parser', () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65535)).join('')
    const r = parseReport(junk, { source: 'junk.bin' })
    expect(r.problems.length).toBe(7)
  })

  it('a truncated report keeps the tables before the cut, each row on its own line', () => {
    const full = seed('gaoping-2026-budget.txt')
    const lines = full.split('\n')
    // Cut in the middle of B03 (预算支出总表): B01 and B02 survive whole.
    const cut = lines.findIndex((l) => l.trim() === '2026年预算支出总表') + 10
    const truncated = lines.slice(0, cut).join('\n')
    const whole = parseReport(full, { source: 'gaoping-2026-budget.txt' })
    const r = parseReport(truncated, { source: 'gaoping-2026-budget.txt' })
    const b01 = (x: typeof r) => x.lineItems.filter((i) => i.table_code === 'B01' || i.table_code === 'B02')
    expect(b01(whole).length).toBe(55)
    expect(b01(r)).toEqual(b01(whole))
    expect(r.lineItems.every((i) => i.line <= cut)).toBe(true)
  })

  it('one garbled table: the other tables still load, and nothing cites a garbled line with a wrong figure', () => {
    const full = seed('changzhi-2026-budget.txt')
    const lines = full.split('\n')
    const start = lines.findIndex((l) => l.includes('2026年预算支出总表'))
    // Scramble the figures of B03's first rows into letters.
    for (let i = start + 8; i < start + 14; i++) lines[i] = lines[i]!.replace(/\d/g, 'x')
    const r = parseReport(lines.join('\n'), { source: 'changzhi-2026-budget.txt' })
    const whole = parseReport(full, { source: 'changzhi-2026-budget.txt' })
    const others = (x: typeof r) => x.lineItems.filter((i) => i.table_code !== 'B03')
    expect(others(whole).length).toBe(567)
    expect(others(r)).toEqual(others(whole))
    // The scrambled rows yield nothing, and what B03 still yields stands on its line.
    for (let i = start + 8; i < start + 14; i++) expect(r.lineItems.some((it) => it.line === i + 1)).toBe(false)
    for (const it of r.lineItems) expect(lines[it.line - 1]).toContain(it.raw)
  })

  it('never throws, whatever the text', () => {
    for (const text of ['\n\n\n', '预算公开表1\n2026年预算收支总表\n\t\t\t', '\t'.repeat(1000), '2026年度部门预算公开\n单位：万元\n2026年预算收支总表\n合计\t1\t2\t3']) {
      expect(() => parseReport(text, { source: 'x.txt' })).not.toThrow()
    }
  })
})
