import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../src/import/decode'
import { ImportFailure } from '../../src/import/issues'
import { encodeGbk } from './gbk'

const utf8 = (s: string) => new TextEncoder().encode(s)

function utf16(s: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2)
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const [hi, lo] = [c >> 8, c & 0xff]
    out.set(order === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2)
  }
  return out
}

function failureOf(fn: () => unknown): ImportFailure {
  try {
    fn()
  } catch (err) {
    if (err instanceof ImportFailure) return err
    throw err
  }
  throw new Error('expected an ImportFailure')
}

const CSV = '城市,年度,阶段,项目,金额,单位\n晋城,2024,预算,社会保障和就业支出,"1,234.50",万元\n'

describe('decodeBytes(bytes, fileName)', () => {
  it('reads plain UTF-8', () => {
    expect(decodeBytes(utf8(CSV), 'a.csv')).toEqual({ text: CSV, encoding: 'utf-8' })
  })

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CSV)])
    expect(decodeBytes(bytes, 'a.csv')).toEqual({ text: CSV, encoding: 'utf-8-bom' })
  })

  it('reads UTF-16 LE and BE with their BOM', () => {
    expect(decodeBytes(utf16(CSV, 'le'), 'a.csv')).toEqual({ text: CSV, encoding: 'utf-16le' })
    expect(decodeBytes(utf16(CSV, 'be'), 'a.csv')).toEqual({ text: CSV, encoding: 'utf-16be' })
  })

  it('reads UTF-16 LE and BE without a BOM, told apart by where the zero bytes of ASCII characters stand', () => {
    expect(decodeBytes(utf16(CSV, 'le').subarray(2), 'no-bom.csv')).toEqual({ text: CSV, encoding: 'utf-16le' })
    expect(decodeBytes(utf16(CSV, 'be').subarray(2), 'no-bom.csv')).toEqual({ text: CSV, encoding: 'utf-16be' })
  })

  it('names a zip by its signature although its zero bytes stand at odd offsets only', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00])
    expect(failureOf(() => decodeBytes(zip, 'data.csv')).issues[0]!.message.zh).toContain('压缩包')
  })

  it('keeps refusing binary with zero bytes at both even and odd offsets', () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0 : 0x41))
    expect(failureOf(() => decodeBytes(bytes, 'x.bin')).issues[0]!.code).toBe('binary')
  })

  it('reads GBK bytes as written by Excel on Chinese Windows: 晋城 = BD FA B3 C7', () => {
    const bytes = new Uint8Array([0xbd, 0xfa, 0xb3, 0xc7, 0x2c, 0x32, 0x30, 0x32, 0x34])
    expect(decodeBytes(bytes, 'a.csv')).toEqual({ text: '晋城,2024', encoding: 'gb18030' })
  })

  it('reads a whole GBK CSV, full-width digits included', () => {
    const text = '城市,年度,阶段,项目,金额,单位\n高平,２０２６,预算,一般公共服务支出（其他）,１２３．４,万元\n'
    const bytes = encodeGbk(text)
    expect(bytes.subarray(0, 4)).toEqual(new Uint8Array([0xb3, 0xc7, 0xca, 0xd0])) // 城市
    expect(decodeBytes(bytes, 'a.csv')).toEqual({ text, encoding: 'gb18030' })
  })

  it('refuses a file with NUL bytes as binary, naming the file', () => {
    const f = failureOf(() => decodeBytes(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02]), 'data.bin'))
    expect(f.issues).toHaveLength(1)
    expect(f.issues[0]!.code).toBe('binary')
    expect(f.issues[0]!.message.zh).toContain('data.bin')
    expect(f.issues[0]!.message.zh).toContain('空字节')
    expect(f.issues[0]!.message.en).toContain('NUL')
  })

  it('refuses text full of control characters as binary', () => {
    const bytes = new Uint8Array(2000).map((_, i) => (i % 10 === 0 ? 0x03 : 0x41))
    expect(failureOf(() => decodeBytes(bytes, 'x.dat')).issues[0]!.code).toBe('binary')
  })

  it('names an Excel workbook (.xlsx is a zip) and says to save as CSV', () => {
    const f = failureOf(() => decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), '预算.xlsx'))
    expect(f.issues[0]!.code).toBe('binary')
    expect(f.issues[0]!.message.zh).toContain('另存为 CSV')
  })

  it('refuses a UTF-8 BOM followed by bytes that are not UTF-8', () => {
    const f = failureOf(() => decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xbd, 0xfa, 0xb3, 0xc7]), 'a.csv'))
    expect(f.issues[0]!.code).toBe('encoding')
  })
})
