import { describe, expect, it } from 'vitest'
import { rowsToCsv } from '../../src/dom/download'

describe('rowsToCsv(columns, rows) — the workbench’s and the views’ row exports', () => {
  it('neutralises cells a spreadsheet would run as a formula, and keeps numbers', () => {
    const csv = rowsToCsv(['a', 'b'], [{ a: '=cmd|\' /C calc\'!A0', b: -56.78 }, { a: '@SUM(1)', b: '-1,234.50' }, { a: '+x', b: '+12' }])
    expect(csv).toBe("a,b\r\n'=cmd|' /C calc'!A0,-56.78\r\n'@SUM(1),\"-1,234.50\"\r\n'+x,+12\r\n")
  })

  it('quotes commas, quotes and line breaks (RFC 4180) and writes NULL as empty', () => {
    expect(rowsToCsv(['x'], [{ x: 'a,"b"\nc' }, { x: null }])).toBe('x\r\n"a,""b""\nc"\r\n\r\n')
  })
})
