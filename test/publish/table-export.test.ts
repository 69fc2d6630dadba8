import { describe, expect, it } from 'vitest'
import { headerRows, tableGrid, tableToCsv, tableToTsv, type ExportTable } from '../../src/publish/table-export'

/** A compare pivot as the view shows it: two documents, amount and share under each. */
const pivot: ExportTable = {
  title: '社会保障和就业支出（类）',
  unitLabel: '单位：万元',
  source: '来源：晋城市人力资源和社会保障局2024年部门预算公开，表3；长治市人力资源和社会保障局2026年部门预算公开，表3',
  columns: [
    { key: 'label', label: '功能分类' },
    { key: 'jc_amount', label: '金额', groups: ['晋城 2024 预算'] },
    { key: 'jc_share', label: '占比', groups: ['晋城 2024 预算'] },
    { key: 'cz_amount', label: '金额', groups: ['长治 2026 预算'] },
    { key: 'cz_share', label: '占比', groups: ['长治 2026 预算'] },
  ],
  rows: [
    { label: '208 社会保障和就业支出', jc_amount: '30,028.26', jc_share: '70.99%', cz_amount: '19,290.76', cz_share: '77.99%' },
    { label: '小计', jc_amount: 30028.26, jc_share: null, cz_amount: 19290.76, cz_share: null },
    { label: '“三公”经费, "quoted"', jc_amount: '-56.78', jc_share: '', cz_amount: '=1+2', cz_share: '第一行\n第二行' },
  ],
  rowKinds: ['data', 'subtotal', 'data'],
  notes: ['注：比较的文件口径不同。'],
}

describe('headerRows', () => {
  it('prints a spanning group header once, over its first column, as a merged cell shows it', () => {
    expect(headerRows(pivot.columns)).toEqual([['', '晋城 2024 预算', '', '长治 2026 预算', '']])
  })

  it('repeats it over every column on request', () => {
    expect(headerRows(pivot.columns, true)).toEqual([['', '晋城 2024 预算', '晋城 2024 预算', '长治 2026 预算', '长治 2026 预算']])
  })

  it('does not run a lower header across a change in the header above it', () => {
    const cols = [
      { key: 'a', label: 'x', groups: ['A', '预算'] },
      { key: 'b', label: 'x', groups: ['B', '预算'] },
      { key: 'c', label: 'x', groups: ['B', '预算'] },
    ]
    expect(headerRows(cols)).toEqual([['A', 'B', ''], ['预算', '预算', '']])
  })

  it('puts the groups of a shallower column at the bottom, next to its label', () => {
    const cols = [{ key: 'a', label: 'a', groups: ['g'] }, { key: 'b', label: 'b', groups: ['G', 'h'] }]
    expect(headerRows(cols, true)).toEqual([['', 'G'], ['g', 'h']])
  })
})

describe('tableToCsv', () => {
  it('writes title, unit, header rows, rows and source exactly as displayed, quoting per RFC 4180', () => {
    expect(tableToCsv(pivot)).toBe(
      '社会保障和就业支出（类）\r\n' +
        '单位：万元\r\n' +
        ',晋城 2024 预算,,长治 2026 预算,\r\n' +
        '功能分类,金额,占比,金额,占比\r\n' +
        '208 社会保障和就业支出,"30,028.26",70.99%,"19,290.76",77.99%\r\n' +
        '小计,30028.26,,19290.76,\r\n' +
        '"“三公”经费, ""quoted""",-56.78,,\'=1+2,"第一行\n第二行"\r\n' +
        '\r\n' +
        '来源：晋城市人力资源和社会保障局2024年部门预算公开，表3；长治市人力资源和社会保障局2026年部门预算公开，表3\r\n' +
        '注：比较的文件口径不同。\r\n',
    )
  })

  it('starts with a UTF-8 BOM for Excel on request, and only then', () => {
    const csv = tableToCsv(pivot, { bom: true })
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1)).toBe(tableToCsv(pivot))
    expect(tableToCsv(pivot).charCodeAt(0)).not.toBe(0xfeff)
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })

  it('writes the bare table with LF endings and no formula guard when asked', () => {
    expect(tableToCsv(pivot, { preamble: false, eol: '\n', guardFormulas: false, repeatGroupLabels: true })).toBe(
      ',晋城 2024 预算,晋城 2024 预算,长治 2026 预算,长治 2026 预算\n' +
        '功能分类,金额,占比,金额,占比\n' +
        '208 社会保障和就业支出,"30,028.26",70.99%,"19,290.76",77.99%\n' +
        '小计,30028.26,,19290.76,\n' +
        '"“三公”经费, ""quoted""",-56.78,,=1+2,"第一行\n第二行"\n',
    )
  })

  it('guards formula-like text but leaves signed numbers alone', () => {
    const t: ExportTable = { title: '', unitLabel: '', source: '', columns: [{ key: 'a', label: 'a' }], rows: [{ a: '+12.5' }, { a: '-3%' }, { a: '@cmd' }, { a: '-x' }] }
    expect(tableToCsv(t, { preamble: false, eol: '\n' })).toBe("a\n+12.5\n-3%\n'@cmd\n'-x\n")
  })
})

describe('tableToTsv', () => {
  it('gives the bare table for the clipboard, tab-separated, quoting only cells with tabs, quotes or line breaks', () => {
    expect(tableToTsv(pivot)).toBe(
      '\t晋城 2024 预算\t\t长治 2026 预算\t\r\n' +
        '功能分类\t金额\t占比\t金额\t占比\r\n' +
        '208 社会保障和就业支出\t30,028.26\t70.99%\t19,290.76\t77.99%\r\n' +
        '小计\t30028.26\t\t19290.76\t\r\n' +
        '"“三公”经费, ""quoted"""\t-56.78\t\t\'=1+2\t"第一行\n第二行"\r\n',
    )
  })

  it('includes title and source when asked', () => {
    const tsv = tableToTsv(pivot, { preamble: true })
    expect(tsv.startsWith('社会保障和就业支出（类）\r\n单位：万元\r\n')).toBe(true)
    expect(tsv).toContain('\r\n\r\n来源：')
  })
})

describe('tableGrid', () => {
  it('has one cell per column in every header and body row', () => {
    const grid = tableGrid(pivot, { preamble: false })
    expect(grid).toHaveLength(2 + pivot.rows.length)
    for (const row of grid) expect(row).toHaveLength(pivot.columns.length)
  })
})
