import { describe, expect, it } from 'vitest'
import { formatAmount, formatAmountWithUnit, formatChange, formatPct, formatValue, naturalUnit } from '../../src/format/amount'

describe('formatAmount(yuan, unit)', () => {
  const cases: [number | string, '元' | '万元' | '亿元', string][] = [
    ['192907600.00', '万元', '19,290.76'],
    [192907600, '万元', '19,290.76'],
    ['192907600.00', '亿元', '1.9291'],
    ['20288.20', '元', '20,288.20'],
    [20288.2, '万元', '2.03'],
    ['62281177.64', '万元', '6,228.12'],
    [0, '万元', '0.00'],
    [-1234567.891, '元', '-1,234,567.89'],
    ['0.004', '元', '0.00'],
  ]
  for (const [v, unit, out] of cases) {
    it(`writes ${String(v)} 元 as ${out} in ${unit}`, () => expect(formatAmount(v, unit)).toBe(out))
  }

  it('rounds exact decimal text half away from zero, without float drift', () => {
    // 1.005 as a float is 1.00499999…; as text it rounds up
    expect(formatAmount('1.005', '元')).toBe('1.01')
  })

  it('leaves an empty cell empty, not zero', () => {
    expect(formatAmount(null)).toBe('')
    expect(formatAmount('')).toBe('')
  })

  it('adds the unit word, a sign for changes and a percent sign', () => {
    expect(formatAmountWithUnit('192907600.00', '万元')).toBe('19,290.76万元')
    expect(formatChange(141861700, '万元')).toBe('+14,186.17')
    expect(formatChange(-100, '元')).toBe('-100.00')
    expect(formatPct(28.5718)).toBe('28.57%')
  })

  it('picks the unit that reads best', () => {
    expect(naturalUnit(300282600)).toBe('亿元')
    expect(naturalUnit(20288.2)).toBe('万元')
    expect(naturalUnit(500)).toBe('元')
  })
})

describe('formatValue(text, valueUnit, unit): a compared value read with its unit', () => {
  it('shows an amount in 元 in the reader\'s unit, keeping a bound\'s sign', () => {
    expect(formatValue('4252800.00', '元', '万元')).toBe('425.28万元')
    expect(formatValue('4252800.00', '元', '元')).toBe('4,252,800.00元')
    expect(formatValue('≤ 48000.00', '元', '万元')).toBe('≤ 4.80万元')
  })
  it('gives a rate its %, a score or a count its word', () => {
    expect(formatValue('13.9', '%')).toBe('13.9%')
    expect(formatValue('95', '分')).toBe('95 分')
    expect(formatValue('12', '个')).toBe('12 个')
  })
  it('speaks English: the unit word after the number, in brackets', () => {
    expect(formatValue('4252800.00', '元', '万元', 'en')).toBe('425.28 (10k yuan)')
    expect(formatValue('4252800.00', '元', '元', 'en')).toBe('4,252,800.00 (yuan)')
    expect(formatValue('95', '分', '万元', 'en')).toBe('95 (points)')
    expect(formatValue('12', '个', '万元', 'en')).toBe('12')
    expect(formatValue('13.9', '%', '万元', 'en')).toBe('13.9%')
  })
  it('leaves words, and numbers whose unit is not known (a file from before the unit columns), as they are', () => {
    expect(formatValue('优', '')).toBe('优')
    expect(formatValue('B03 在 B02 之前', '元')).toBe('B03 在 B02 之前')
    expect(formatValue('4252800.00', '')).toBe('4252800.00')
    expect(formatValue('4252800.00', undefined)).toBe('4252800.00')
  })
})
