import { describe, expect, it } from 'vitest'
import { add, cmp, div, parseNumber, shift, sub, sum, toYuan } from '../../src/ingest/decimal'

describe('parseNumber(printed)', () => {
  const cases: Array<[string, string | null]> = [
    ['4472.32', '4472.32'],
    ['4,472.32', '4472.32'],
    ['22,000,000', '22000000'],
    ['０.９５', '0.95'],
    ['１，２３４.５', '1234.5'],
    ['（12.3）', '-12.3'],
    ['(12.3)', '-12.3'],
    ['-8228.64', '-8228.64'],
    ['007', '7'],
    ['', null],
    ['   ', null],
    ['—', null],
    ['——', null],
    ['-', null],
    ['1,23', null],
    ['12.3万', null],
    ['abc', null],
  ]
  for (const [printed, expected] of cases) {
    it(`reads ${JSON.stringify(printed)} as ${JSON.stringify(expected)}`, () => {
      expect(parseNumber(printed)).toBe(expected)
    })
  }
  it('keeps an empty cell empty, not zero', () => {
    expect(parseNumber('')).toBeNull()
  })
})

describe('toYuan(amount, unit)', () => {
  it('converts 万元 exactly, without float drift', () => {
    expect(toYuan('23743.71', '万元')).toBe('237437100.00')
    expect(toYuan('0.01', '万元')).toBe('100.00')
    // 0.1 + 0.2 style traps: 1108.10 万元 is 11081000 元 exactly.
    expect(toYuan('1108.10', '万元')).toBe('11081000.00')
  })
  it('keeps 元 figures with their cents', () => {
    expect(toYuan('62281177.64', '元')).toBe('62281177.64')
    expect(toYuan('7', '元')).toBe('7.00')
  })
  it('converts 亿元', () => {
    expect(toYuan('1.5', '亿元')).toBe('150000000.00')
  })
  it('rejects an unknown unit', () => {
    expect(() => toYuan('1', '美元')).toThrow(/unknown amount unit/)
  })
})

describe('decimal arithmetic', () => {
  it('adds and subtracts exactly', () => {
    expect(add('0.1', '0.2')).toBe('0.3')
    expect(sub('24736.24', '670.66')).toBe('24065.58')
    expect(sum(['330.77', '4141.55'])).toBe('4472.32')
    expect(sum([])).toBe('0')
  })
  it('compares across scales', () => {
    expect(cmp('1.50', '1.5')).toBe(0)
    expect(cmp('-1', '0.01')).toBe(-1)
  })
  it('divides with half-away-from-zero rounding', () => {
    // 晋城 2022: 决算 62,281,177.64 ÷ 年初预算 52,299,300 = 119.09%.
    expect(div(shift('62281177.64', 2), '52299300', 2)).toBe('119.09')
    expect(div('20288.20', '71000.00', 4)).toBe('0.2857')
    expect(div('1', '8', 2)).toBe('0.13')
    expect(div('-1', '8', 2)).toBe('-0.13')
  })
})
