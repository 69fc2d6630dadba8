/** ratioFits(x, p, pct): whether 100·x/p can print as pct, each figure ± half its last printed digit — exact, no floats. */
import { describe, expect, it } from 'vitest'
import { ratioFits } from '../../src/review/rules/logic'

const cases: Array<{ name: string; x: string; p: string; pct: string; fits: boolean }> = [
  { name: 'corpus 决算: 1062.85 of 8796.53 is 12.08%', x: '1062.85', p: '8796.53', pct: '12.08', fits: true },
  { name: '长治 2026 line 629: 35.91 of 461.18 is 7.79%, not 0.8%', x: '35.91', p: '461.18', pct: '0.8', fits: false },
  { name: 'the same, printed right', x: '35.91', p: '461.18', pct: '7.79', fits: true },
  { name: 'coarse figures widen the interval: 0.15 of 0.54 (each ±0.005) may print 27.78%', x: '0.15', p: '0.54', pct: '27.78', fits: true },
  { name: 'one hundredth of a percent off is off when the figures are exact enough', x: '330.77', p: '5131.27', pct: '6.46', fits: false },
  { name: 'share as printed', x: '330.77', p: '5131.27', pct: '6.45', fits: true },
  { name: 'a non-positive base never fits', x: '10.00', p: '0.00', pct: '100', fits: false },
]

describe('ratioFits', () => {
  for (const c of cases) it(c.name, () => expect(ratioFits(c.x, c.p, c.pct)).toBe(c.fits))
})
