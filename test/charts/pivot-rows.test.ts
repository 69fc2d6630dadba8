import { describe, expect, it } from 'vitest'
import { pivotLines } from '../../src/components/pivot-rows'
import type { CompareRow } from '../../src/db/queries/compare'

const row = (key: string, label: string, a: number | null, b: number | null): CompareRow => ({ dim_key: key, dim_label: label, values: { a, b }, lines: { a: 1, b: 2 } })
const ROWS = [row('20501', '教育管理事务', 10, null), row('20801', '人力资源和社会保障管理事务', 300, 200), row('20805', '行政事业单位养老支出', 100, 500), row('20899', '其他社会保障和就业支出', null, 50)]
const base = { classCode: '', group: false, sortBy: '', desc: true }

describe('pivotLines(rows, docs, options)', () => {
  it('keeps the report’s order and labels rows with code and name', () => {
    expect(pivotLines(ROWS, ['a', 'b'], base).map((l) => l.label)).toEqual(['20501 教育管理事务', '20801 人力资源和社会保障管理事务', '20805 行政事业单位养老支出', '20899 其他社会保障和就业支出'])
  })
  it('keeps only the rows of one 类', () => {
    expect(pivotLines(ROWS, ['a', 'b'], { ...base, classCode: '208' }).map((l) => l.key)).toEqual(['20801', '20805', '20899'])
  })
  it('sorts by a column, largest first, empty cells last either way', () => {
    expect(pivotLines(ROWS, ['a', 'b'], { ...base, sortBy: 'b' }).map((l) => l.key)).toEqual(['20805', '20801', '20899', '20501'])
    expect(pivotLines(ROWS, ['a', 'b'], { ...base, sortBy: 'b', desc: false }).map((l) => l.key)).toEqual(['20899', '20801', '20805', '20501'])
  })
  it('groups under each 类 with a subtotal that sums the group, empty where the group is', () => {
    const lines = pivotLines(ROWS, ['a', 'b'], { ...base, group: true, classNames: { 205: '教育支出', 208: '社会保障和就业支出' } })
    expect(lines.map((l) => [l.kind, l.key])).toEqual([['data', '20501'], ['subtotal', '205'], ['data', '20801'], ['data', '20805'], ['data', '20899'], ['subtotal', '208']])
    expect(lines[1]).toMatchObject({ label: '205 教育支出', values: { a: 10, b: null } })
    expect(lines[5]).toMatchObject({ label: '208 社会保障和就业支出', values: { a: 400, b: 750 } })
  })
})
