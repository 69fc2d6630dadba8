import { describe, expect, it } from 'vitest'
import { parseCsvImport, type CsvImportResult } from '../../src/import/csv-import'
import type { IssueCode } from '../../src/import/issues'
import { readAmountCell } from '../../src/import/numbers'

const LONG_HEADER = 'city,year,stage,item,amount,unit'
const CANONICAL_HEADER = 'doc_id,table_code,side,row_label,class_code,econ_code,unit_name,project_name,measure,value,unit,raw,line,row_kind'

function ok(r: CsvImportResult) {
  if (!r.ok) throw new Error('expected success, got: ' + r.errors.map((e) => e.message.en).join('; '))
  return r
}

function errorsOf(r: CsvImportResult) {
  if (r.ok) throw new Error('expected failure')
  // All or nothing: a failed import carries no rows at all.
  expect(Object.keys(r).sort()).toEqual(['errors', 'fileName', 'ok'])
  return r.errors
}

describe('parseCsvImport: every bad input gives its own error, with line and column, and no rows', () => {
  const cases: Array<{ name: string; csv: string; code: IssueCode; line: number; column: number; zh: string; en: string }> = [
    {
      name: 'an unterminated quote, at the line and column where the quote opens',
      csv: `${LONG_HEADER}\n晋城,2024,预算,a,1,元\n晋城,2024,预算,"b,2,元\n晋城,2024,预算,c,3,元\n`,
      code: 'unterminated-quote', line: 3, column: 4, zh: '引号未闭合', en: 'unterminated quote',
    },
    {
      name: 'a quoted cell with text after its closing quote',
      csv: `${LONG_HEADER}\n晋城,2024,预算,"b"x,2,元\n`,
      code: 'bad-quote', line: 2, column: 4, zh: '引号用法有误', en: 'malformed quotes',
    },
    {
      name: 'a row with too many fields, at the first extra one',
      csv: `${LONG_HEADER}\n晋城,2024,预算,a,1,元\n晋城,2024,预算,a,1,元,多余\n`,
      code: 'ragged-row', line: 3, column: 7, zh: '本行有 7 个字段，表头有 6 个', en: 'this row has 7 fields; the header has 6',
    },
    {
      name: 'a row with too few fields, at the first missing one',
      csv: `${LONG_HEADER}\n晋城,2024,预算,a\n`,
      code: 'ragged-row', line: 2, column: 5, zh: '本行有 4 个字段', en: 'this row has 4 fields',
    },
    {
      name: 'a duplicate header, at its second occurrence',
      csv: `city,year,stage,item,amount,unit,year\n晋城,2024,预算,a,1,元,2025\n`,
      code: 'duplicate-header', line: 1, column: 7, zh: '表头 “year” 重复（第2列已有）', en: 'duplicate header “year” (already column 2)',
    },
    {
      name: 'two aliases of one field (城市 and city)',
      csv: `city,年度,阶段,项目,金额,单位,城市\n`,
      code: 'duplicate-header', line: 1, column: 7, zh: '与第1列是同一字段', en: 'the same field as column 1',
    },
    {
      name: 'a header named __proto__',
      csv: `${LONG_HEADER},__proto__\n晋城,2024,预算,a,1,元,{"polluted":true}\n`,
      code: 'reserved-header', line: 1, column: 7, zh: '表头名称 “__proto__” 不允许使用', en: 'the header name “__proto__” is not allowed',
    },
    {
      name: 'a header named constructor',
      csv: `constructor,${LONG_HEADER}\n`,
      code: 'reserved-header', line: 1, column: 1, zh: '“constructor”', en: '“constructor”',
    },
    {
      name: 'a missing required column, naming it',
      csv: `城市,年度,阶段,项目,金额\n晋城,2024,预算,a,1\n`,
      code: 'missing-column', line: 1, column: 0, zh: '缺少必需的列：单位(unit)', en: 'missing required column(s): 单位(unit)',
    },
    {
      name: 'a missing column of the canonical schema',
      csv: `${CANONICAL_HEADER.replace(',measure', '')}\n`,
      code: 'missing-column', line: 1, column: 0, zh: '缺少必需的列：measure', en: 'missing required column(s): measure',
    },
    {
      name: 'a header that is no known schema',
      csv: `foo,bar\n1,2\n`,
      code: 'unknown-schema', line: 1, column: 0, zh: '无法识别表头', en: 'unrecognised header',
    },
    {
      name: 'an unknown column',
      csv: `${LONG_HEADER},备注\n晋城,2024,预算,a,1,元,x\n`,
      code: 'unknown-column', line: 1, column: 7, zh: '未知的列 “备注”', en: 'unknown column “备注”',
    },
    {
      name: 'an unknown stage',
      csv: `${LONG_HEADER}\n晋城,2024,预算,a,1,元\n晋城,2024,执行,b,2,元\n`,
      code: 'bad-stage', line: 3, column: 3, zh: '阶段 “执行” 无法识别', en: 'unknown stage “执行”',
    },
    {
      name: 'a non-numeric amount',
      csv: `${LONG_HEADER}\n晋城,2024,预算,a,十二,元\n`,
      code: 'bad-number', line: 2, column: 5, zh: '“十二” 不是数字', en: '“十二” is not a number',
    },
    {
      name: 'badly grouped thousands are not a number',
      csv: `${LONG_HEADER}\n晋城,2024,预算,a,"1,23",元\n`,
      code: 'bad-number', line: 2, column: 5, zh: '“1,23” 不是数字', en: 'is not a number',
    },
    {
      name: 'an amount finer than a fen (分), which the app could only round',
      csv: `${LONG_HEADER}\n晋城,2024,预算,a,0.125,元\n`,
      code: 'bad-number', line: 2, column: 5, zh: '“0.125” 精确到分以下', en: 'finer than a fen',
    },
    {
      name: 'a year that is not four digits',
      csv: `${LONG_HEADER}\n晋城,24,预算,a,1,元\n`,
      code: 'bad-year', line: 2, column: 2, zh: '年度 “24” 不是四位数年份', en: 'year “24” is not a four-digit year',
    },
    {
      name: 'an unknown amount unit',
      csv: `${LONG_HEADER}\n晋城,2024,预算,a,1,美元\n`,
      code: 'bad-unit', line: 2, column: 6, zh: '金额单位 “美元” 无法识别', en: 'unknown amount unit “美元”',
    },
    {
      name: 'a suffix that contradicts the unit column',
      csv: `${LONG_HEADER}\n晋城,2024,预算,a,1.2亿,万元\n`,
      code: 'unit-conflict', line: 2, column: 5, zh: '与单位列“万元”矛盾', en: 'contradicting the unit column (万元)',
    },
    {
      name: 'no unit anywhere',
      csv: `${LONG_HEADER}\n晋城,2024,预算,a,12,\n`,
      code: 'missing-value', line: 2, column: 6, zh: '未写明金额单位', en: 'no amount unit',
    },
    {
      name: 'an empty city',
      csv: `${LONG_HEADER}\n,2024,预算,a,12,元\n`,
      code: 'missing-value', line: 2, column: 1, zh: '城市为空', en: 'city is empty',
    },
    {
      name: 'a cell under an empty header',
      csv: `${LONG_HEADER},\n晋城,2024,预算,a,12,元,x\n`,
      code: 'empty-header', line: 2, column: 7, zh: '没有表头', en: 'no header',
    },
    {
      name: 'an empty file',
      csv: '\ufeff\n\n',
      code: 'empty', line: 0, column: 0, zh: '文件为空', en: 'the file is empty',
    },
    {
      name: 'a canonical row whose side is not 收入/支出',
      csv: `${CANONICAL_HEADER}\nd,B01,收,一、一般公共预算,,,,,预算数,44723200.00,元,4472.32,71,\n`,
      code: 'bad-value', line: 2, column: 3, zh: '“收” 不是允许的值', en: '“收” is not allowed',
    },
    {
      name: 'a canonical row whose line is not a number',
      csv: `${CANONICAL_HEADER}\nd,B01,收入,一、一般公共预算,,,,,预算数,44723200.00,元,4472.32,七十一,\n`,
      code: 'bad-value', line: 2, column: 13, zh: '行号 “七十一” 不是正整数', en: 'line “七十一” is not a whole number',
    },
    {
      name: 'a documents row with an unknown stage',
      csv: `doc_id,city,year,stage\nd1,晋城,2024,预算\nd2,晋城,2024,概算\n`,
      code: 'bad-stage', line: 3, column: 4, zh: '阶段 “概算” 无法识别', en: 'unknown stage “概算”',
    },
    {
      name: 'a documents file defining a doc_id twice',
      csv: `doc_id,city,year,stage\nd1,晋城,2024,预算\nd1,晋城,2025,预算\n`,
      code: 'duplicate-document', line: 3, column: 1, zh: 'doc_id “d1” 重复（第2行已有）', en: 'duplicate doc_id “d1” (already on line 2)',
    },
  ]

  for (const c of cases) {
    it(c.name, () => {
      const errors = errorsOf(parseCsvImport(c.csv, 'upload.csv'))
      const e = errors[0]!
      expect({ code: e.code, file: e.file, line: e.line, column: e.column }).toEqual({ code: c.code, file: 'upload.csv', line: c.line, column: c.column })
      expect(e.message.zh).toContain(c.zh)
      expect(e.message.en).toContain(c.en)
      // The message itself says where, so a UI showing only the text still points at the cell.
      expect(e.message.zh.startsWith('upload.csv')).toBe(true)
      if (c.line > 0) expect(e.message.zh).toContain(`第${c.line}行`)
      if (c.column > 0) expect(e.message.en).toContain(`line ${c.line}, column ${c.column}`)
    })
  }

  it('a single bad row among good ones fails the whole file', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `晋城,2024,预算,项目${i},${i + 1},万元`)
    rows.splice(30, 0, '晋城,2024,预算,坏行,N/A,万元')
    const errors = errorsOf(parseCsvImport(`${LONG_HEADER}\n${rows.join('\n')}\n`, 'big.csv'))
    expect(errors.map((e) => [e.code, e.line, e.column])).toEqual([['bad-number', 32, 5]])
  })

  it('reports every bad cell, not only the first, up to a limit', () => {
    const errors = errorsOf(parseCsvImport(`${LONG_HEADER}\n晋城,99,决,a,x,元\n`, 'a.csv'))
    expect(errors.map((e) => [e.code, e.column])).toEqual([['bad-year', 2], ['bad-stage', 3], ['bad-number', 5]])
    const many = Array.from({ length: 500 }, () => '晋城,2024,预算,a,x,元').join('\n')
    const capped = errorsOf(parseCsvImport(`${LONG_HEADER}\n${many}\n`, 'a.csv'))
    expect(capped).toHaveLength(101)
    expect(capped.at(-1)!.code).toBe('too-many-errors')
  })

  it('a __proto__ header pollutes nothing', () => {
    parseCsvImport(`__proto__,city\n{"x":1},晋城\n`, 'a.csv')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })
})

describe('parseCsvImport: line numbers', () => {
  it('counts the header as line 1 whatever the line endings (CRLF, LF and CR mixed)', () => {
    const csv = `${LONG_HEADER}\r\n晋城,2024,预算,a,1,元\n晋城,2024,预算,b,2,元\r晋城,2024,预算,c,x,元\r\n`
    const errors = errorsOf(parseCsvImport(csv, 'mixed.csv'))
    expect(errors.map((e) => [e.code, e.line])).toEqual([['bad-number', 4]])
    const good = ok(parseCsvImport(csv.replace(',x,', ',3,'), 'mixed.csv'))
    expect(good.lineItems.map((r) => [r.row_label, r.line])).toEqual([['a', 2], ['b', 3], ['c', 4]])
  })

  it('keeps counting right after a quoted cell that spans two lines', () => {
    const csv = `${LONG_HEADER}\n晋城,2024,预算,"其他社会保障\n和就业支出",1,元\n晋城,2024,预算,b,x,元\n`
    expect(errorsOf(parseCsvImport(csv, 'a.csv'))[0]!.line).toBe(4)
    const good = ok(parseCsvImport(csv.replace(',x,', ',2,'), 'a.csv'))
    expect(good.lineItems.map((r) => [r.row_label, r.line])).toEqual([['其他社会保障\n和就业支出', 2], ['b', 4]])
  })

  it('reads a file that starts with a BOM (the BOM is not part of the first header)', () => {
    const r = ok(parseCsvImport(`\ufeff${LONG_HEADER}\n晋城,2024,预算,a,1,元\n`, 'bom.csv'))
    expect(r.kind).toBe('long')
    expect(r.lineItems).toHaveLength(1)
  })

  it('skips blank lines and rows of empty cells (spreadsheets write them after the data)', () => {
    const r = ok(parseCsvImport(`${LONG_HEADER}\n晋城,2024,预算,a,1,元\n\n,,,,,\n`, 'a.csv'))
    expect(r.lineItems).toHaveLength(1)
  })
})

describe('readAmountCell(cell)', () => {
  const cases: Array<[string, ReturnType<typeof readAmountCell>]> = [
    ['1234.5', { kind: 'number', number: '1234.5', suffix: '' }],
    ['1,234.50', { kind: 'number', number: '1234.50', suffix: '' }],
    ['１，２３４．５', { kind: 'number', number: '1234.5', suffix: '' }],
    ['1,234.5万', { kind: 'number', number: '1234.5', suffix: '万元' }],
    ['1,234.5万元', { kind: 'number', number: '1234.5', suffix: '万元' }],
    ['1.2亿', { kind: 'number', number: '1.2', suffix: '亿元' }],
    ['（12.3）', { kind: 'number', number: '-12.3', suffix: '' }],
    ['(12.3)', { kind: 'number', number: '-12.3', suffix: '' }],
    ['－5', { kind: 'number', number: '-5', suffix: '' }],
    ['￥300元', { kind: 'number', number: '300', suffix: '元' }],
    [' 4472.32 ', { kind: 'number', number: '4472.32', suffix: '' }],
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['—', { kind: 'empty' }],
    ['——', { kind: 'empty' }],
    ['-', { kind: 'empty' }],
    ['abc', { kind: 'invalid' }],
    ['1.2.3', { kind: 'invalid' }],
    ['万', { kind: 'invalid' }],
  ]
  for (const [cell, expected] of cases) {
    it(`reads ${JSON.stringify(cell)}`, () => expect(readAmountCell(cell)).toEqual(expected))
  }
})

describe('parseCsvImport: a long table (city, year, stage, item, amount, unit)', () => {
  it('maps each row onto a line item in 元, exactly, with its CSV line', () => {
    const csv = [
      '城市,年度,阶段,项目,金额,单位,科目编码',
      '晋城,2024年,预算,社会保障和就业支出,"1,234.5",万元,208',
      '晋城,２０２４,预算数,人力资源和社会保障管理事务,0.01,亿元,20801',
      '晋城,2024,预算,行政运行,（12.3）,元,2080101',
      '晋城,2024,预算,一般行政管理事务,23743.71,万元,2080102',
    ].join('\n')
    const r = ok(parseCsvImport(csv, 'jincheng-2024.csv'))
    expect(r.kind).toBe('long')
    expect(r.documents).toEqual([
      { doc_id: 'jincheng-2024', city: '晋城', county_of: '', publisher: '', scope: '', year: '2024', stage: '预算', unit: '', source: 'jincheng-2024.csv', title: '' },
    ])
    expect(r.lineItems.map((i) => [i.row_label, i.class_code, i.value, i.unit, i.raw, i.line, i.measure, i.table_code, i.doc_id])).toEqual([
      ['社会保障和就业支出', '208', '12345000.00', '元', '1,234.5', 2, '预算数', 'IMPORT', 'jincheng-2024'],
      ['人力资源和社会保障管理事务', '20801', '1000000.00', '元', '0.01', 3, '预算数', 'IMPORT', 'jincheng-2024'],
      ['行政运行', '2080101', '-12.30', '元', '（12.3）', 4, '预算数', 'IMPORT', 'jincheng-2024'],
      ['一般行政管理事务', '2080102', '237437100.00', '元', '23743.71', 5, '预算数', 'IMPORT', 'jincheng-2024'],
    ])
  })

  it('lets a 万 or 亿 suffix decide the unit when the unit cell is empty, and agrees with a matching unit', () => {
    const csv = `${LONG_HEADER}\n高平,2026,决算,a,"1,234.5万",\n高平,2026,决算,b,1.2亿,亿元\n高平,2026,决算,c,3元,\n`
    const r = ok(parseCsvImport(csv, 'g.csv'))
    expect(r.lineItems.map((i) => [i.value, i.raw, i.measure])).toEqual([
      ['12345000.00', '1,234.5万', '决算数'],
      ['120000000.00', '1.2亿', '决算数'],
      ['3.00', '3元', '决算数'],
    ])
  })

  it('an empty or dashed amount is no figure: no row, not a zero', () => {
    const csv = `${LONG_HEADER}\n晋城,2024,预算,a,,万元\n晋城,2024,预算,b,—,万元\n晋城,2024,预算,c,-,万元\n晋城,2024,预算,d,0,万元\n`
    const r = ok(parseCsvImport(csv, 'a.csv'))
    expect(r.lineItems.map((i) => [i.row_label, i.value])).toEqual([['d', '0.00']])
  })

  it('keeps a label that looks like HTML as text, unchanged', () => {
    const label = '<img src=x onerror=alert(1)>'
    const r = ok(parseCsvImport(`${LONG_HEADER}\n晋城,2024,预算,${label},1,元\n`, 'a.csv'))
    expect(r.lineItems[0]!.row_label).toBe(label)
  })

  it('splits several cities/years/stages into one document each, named after the file', () => {
    const csv = `${LONG_HEADER}\n晋城,2024,预算,a,1,万元\n长治,2024,预算,a,2,万元\n晋城,2022,决算,a,3,万元\n晋城,2024,预算,b,4,万元\n`
    const r = ok(parseCsvImport(csv, 'multi.csv'))
    expect(r.documents.map((d) => [d.doc_id, d.city, d.year, d.stage, d.unit])).toEqual([
      ['multi-晋城-2024-预算', '晋城', '2024', '预算', '万元'],
      ['multi-长治-2024-预算', '长治', '2024', '预算', '万元'],
      ['multi-晋城-2022-决算', '晋城', '2022', '决算', '万元'],
    ])
    expect(r.lineItems.map((i) => [i.doc_id, i.row_label, i.line])).toEqual([
      ['multi-晋城-2024-预算', 'a', 2],
      ['multi-长治-2024-预算', 'a', 3],
      ['multi-晋城-2022-决算', 'a', 4],
      ['multi-晋城-2024-预算', 'b', 5],
    ])
  })

  it('reads a tab-separated file (Excel "Unicode text")', () => {
    const r = ok(parseCsvImport('城市\t年度\t阶段\t项目\t金额\t单位\n晋城\t2024\t预算\ta\t1,000\t元\n', 'a.txt'))
    expect(r.lineItems[0]!.value).toBe('1000.00')
  })
})

describe('parseCsvImport: the canonical schema', () => {
  it('reads line items as written by the dataset, row_kind optional', () => {
    const header = CANONICAL_HEADER.replace(',row_kind', '')
    const csv = `${header}\nmy-doc,B01,收入,一、一般公共预算,,,,,预算数,44723200.00,元,"4,472.32",71\nmy-doc,B02,,合计,,,,,合计,,元,,80\n`
    const r = ok(parseCsvImport(csv, 'line_items.csv'))
    expect(r.kind).toBe('line_items')
    // The second row's value is empty: no figure, no row.
    expect(r.lineItems).toEqual([
      { doc_id: 'my-doc', table_code: 'B01', side: '收入', row_label: '一、一般公共预算', class_code: '', econ_code: '', unit_name: '', project_name: '', measure: '预算数', value: '44723200.00', unit: '元', raw: '4,472.32', line: 71, row_kind: '', printed_unit: '万元', page: '', row_id: 'my-doc:L71' },
    ])
  })

  it('converts a value given in 万元 to 元 and keeps counts in their own unit', () => {
    const csv = `${CANONICAL_HEADER}\nd,X01,,a,,,,,m,4472.32,万元,,,\nd,X01,,b,,,,,m,3,辆,3,9,\n`
    const r = ok(parseCsvImport(csv, 'li.csv'))
    expect(r.lineItems.map((i) => [i.value, i.unit, i.raw, i.line])).toEqual([
      ['44723200.00', '元', '4472.32', 2],
      ['3', '辆', '3', 9],
    ])
  })

  it('reads a documents file', () => {
    const csv = 'doc_id,city,county_of,publisher,scope,year,stage,unit,source,title\nx1,高平,晋城,高平市某局,部门,2026年,决算,万元,,\n'
    const r = ok(parseCsvImport(csv, 'documents.csv'))
    expect(r.kind).toBe('documents')
    expect(r.documents).toEqual([{ doc_id: 'x1', city: '高平', county_of: '晋城', publisher: '高平市某局', scope: '部门', year: '2026', stage: '决算', unit: '万元', source: 'documents.csv', title: '' }])
  })
})
