import { describe, expect, it } from 'vitest'
import { numberRuns } from '../../src/format/runs'

describe('numberRuns', () => {
  it('joins three or more consecutive numbers into a range, in order, once each', () => {
    // The lines of the corpus 决算's failed F06 公用经费 check (302 商品和服务支出 = 下级科目之和).
    const lines = [321, 322, 323, 324, 325, 326, 328, 330, 331, 332, 333, 334, 335, 336, 337, 338, 339, 340, 341, 342, 343, 344, 345, 346, 347, 348, 349, 350]
    expect(numberRuns(lines)).toBe('321–326、328、330–350')
    expect(numberRuns([501, 363, 363], ', ')).toBe('363, 501')
  })

  it('keeps two in a row as two numbers, and an empty list empty', () => {
    expect(numberRuns([4, 5, 9])).toBe('4、5、9')
    expect(numberRuns([])).toBe('')
  })
})
