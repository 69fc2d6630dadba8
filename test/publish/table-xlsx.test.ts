import { describe, expect, it } from 'vitest'
import { shownCell, tableToCsv, tableToTsv, type ExportTable } from '../../src/publish/table-export'
import { numberFormat, recordsToSheet, tableToSheet } from '../../src/publish/table-xlsx'

const TABLE: ExportTable = {
  title: '长治 2026 预算：功能分类·类', unitLabel: '单位：万元', source: '来源：长治市人力资源和社会保障局2026年部门预算公开，表3', notes: ['年度不同'],
  columns: [{ key: 'row', label: '行' }, { key: 'cz', label: '长治 2026 预算' }],
  rows: [{ row: '208 社会保障和就业支出', cz: shownCell('19,290.76') }, { row: '205 教育支出', cz: shownCell('—') }, { row: '各行相加', cz: shownCell('24,736.23') }],
  rowKinds: ['data', 'data', 'total'],
}

describe('shownCell(text)', () => {
  it('reads displayed numbers as numbers and keeps their text', () => {
    expect(shownCell('19,290.76')).toEqual({ value: 19290.76, shown: '19,290.76' })
    expect(shownCell('+1,234.00')).toEqual({ value: 1234, shown: '+1,234.00' })
    expect(shownCell('-56.78')).toEqual({ value: -56.78, shown: '-56.78' })
    expect(shownCell('28.57%')).toEqual({ value: 28.57, shown: '28.57%' })
  })
  it('keeps text, dashes and marked rates as text, and an empty cell empty', () => {
    expect(shownCell('—')).toBe('—')
    expect(shownCell('72.49% ▼ 执行不足')).toBe('72.49% ▼ 执行不足')
    expect(shownCell('1,2,3')).toBe('1,2,3')
    expect(shownCell('  ')).toBeNull()
  })
})

describe('CSV and TSV of displayed numbers', () => {
  it('writes plain numbers to CSV and the shown text to the clipboard', () => {
    expect(tableToCsv(TABLE)).toContain('\r\n208 社会保障和就业支出,19290.76\r\n')
    expect(tableToTsv(TABLE)).toContain('208 社会保障和就业支出\t19,290.76\r\n')
  })
})

describe('tableToSheet(table)', () => {
  it('puts title and unit first, numbers as numeric cells formatted as shown, the total bold, then source and notes', () => {
    const { rows, columns } = tableToSheet(TABLE)
    expect(rows[0]).toEqual([{ value: '长治 2026 预算：功能分类·类', fontWeight: 'bold' }])
    expect(rows[1]).toEqual([{ value: '单位：万元' }])
    expect(rows[2]).toEqual([{ value: '行', fontWeight: 'bold' }, { value: '长治 2026 预算', fontWeight: 'bold' }])
    expect(rows[3]).toEqual([{ value: '208 社会保障和就业支出' }, { value: 19290.76, format: '#,##0.00' }])
    expect(rows[4]).toEqual([{ value: '205 教育支出' }, { value: '—' }])
    expect(rows[5]).toEqual([{ value: '各行相加', fontWeight: 'bold' }, { value: 24736.23, format: '#,##0.00', fontWeight: 'bold' }])
    expect(rows.slice(6)).toEqual([[], [{ value: '来源：长治市人力资源和社会保障局2026年部门预算公开，表3' }], [{ value: '年度不同' }]])
    expect(columns.map((c) => c.width)).toEqual([24, 16])
  })
})

describe('numberFormat(shown)', () => {
  it('keeps grouping and decimals as displayed', () => {
    expect(numberFormat('19,290.76')).toBe('#,##0.00')
    expect(numberFormat('1.9291')).toBe('0.0000')
    expect(numberFormat('28.57%')).toBe('0.00"%"')
    expect(numberFormat('12')).toBe('0')
  })
})

describe('recordsToSheet(columns, records, after)', () => {
  it('writes a bold header, numbers as numbers, empties as empty cells, then the lines after', () => {
    const { rows } = recordsToSheet(['doc_id', 'value', 'line'], [{ doc_id: 'changzhi-2026-budget', value: 192907600, line: 187 }, { doc_id: 'x', value: '', line: null }], ['来源：…'])
    expect(rows).toEqual([
      [{ value: 'doc_id', fontWeight: 'bold' }, { value: 'value', fontWeight: 'bold' }, { value: 'line', fontWeight: 'bold' }],
      [{ value: 'changzhi-2026-budget' }, { value: 192907600 }, { value: 187 }],
      [{ value: 'x' }, null, null],
      [],
      [{ value: '来源：…' }],
    ])
  })
})
