import { describe, expect, it } from 'vitest'
import { ariaOption, DECALS, OKABE_ITO, PALETTE, paletteFor, TOL_MUTED } from '../../src/publish/palette'

// Colour-vision simulation: Machado, Oliveira & Fernandes (2009), "A
// physiologically-based model for simulation of color vision deficiency",
// matrices for severity 1.0, applied in linear sRGB.
const SIMULATIONS: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
}

function linear(hex: string): number[] {
  return [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
}

/** CIE L*a*b* (D65) of a linear sRGB colour. */
function lab([r, g, b]: number[]): number[] {
  const x = (0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047
  const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  const z = (0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116)
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
}

function simulate(hex: string, m: number[][]): number[] {
  const c = linear(hex)
  return m.map((row) => Math.min(1, Math.max(0, row.reduce((s, v, j) => s + v * c[j]!, 0))))
}

/** Smallest CIE76 ΔE between two colours of the palette as a viewer sees them. */
function minDistance(colours: readonly string[], m?: number[][]): number {
  const labs = colours.map((c) => lab(m ? simulate(c, m) : linear(c)))
  let min = Infinity
  for (let i = 0; i < labs.length; i++) {
    for (let j = i + 1; j < labs.length; j++) min = Math.min(min, Math.hypot(...labs[i]!.map((v, k) => v - labs[j]![k]!)))
  }
  return min
}

describe('PALETTE', () => {
  it('has at least 8 distinct colours, written as #RRGGBB', () => {
    expect(PALETTE.length).toBeGreaterThanOrEqual(8)
    expect(new Set(PALETTE.map((c) => c.toUpperCase())).size).toBe(PALETTE.length)
    for (const c of PALETTE) expect(c).toMatch(/^#[0-9A-F]{6}$/i)
  })

  it('is the Okabe–Ito set', () => {
    expect([...PALETTE].sort()).toEqual(['#000000', '#0072B2', '#009E73', '#56B4E9', '#CC79A7', '#D55E00', '#E69F00', '#F0E442'])
  })

  it('keeps every pair of colours apart (ΔE > 15) for protanopes, deuteranopes and tritanopes', () => {
    expect(minDistance(PALETTE)).toBeGreaterThan(20)
    for (const [name, m] of Object.entries(SIMULATIONS)) expect(minDistance(PALETTE, m), name).toBeGreaterThan(15)
  })

  it('tells apart what an ad-hoc palette does not: two blues of similar lightness are rejected by the same measure', () => {
    // The measure can fail: a palette with #2f6fb0 and #4aa3b5 is too close for a deuteranope.
    expect(minDistance(['#2f6fb0', '#4aa3b5', '#7a5cb0'], SIMULATIONS.deuteranopia)).toBeLessThan(15)
  })

  it('extends to Tol muted for more series, still without repeats', () => {
    expect(TOL_MUTED).toHaveLength(9)
    expect(paletteFor(8)).toEqual([...OKABE_ITO])
    const many = paletteFor(12)
    expect(many.length).toBe(17)
    expect(new Set(many).size).toBe(17)
  })
})

describe('DECALS', () => {
  it('gives each palette colour its own texture', () => {
    expect(DECALS.length).toBeGreaterThanOrEqual(PALETTE.length)
    expect(new Set(DECALS.map((d) => JSON.stringify(d))).size).toBe(DECALS.length)
  })
})

describe('ariaOption', () => {
  it('enables ECharts aria with the title and description read out, and decals shown', () => {
    const o = ariaOption('三公经费。', '长治2026年预算16.32万元')
    expect(o.aria.enabled).toBe(true)
    expect(o.aria.label).toEqual({ enabled: true, description: '三公经费。长治2026年预算16.32万元' })
    expect(o.aria.decal.show).toBe(true)
    expect(o.aria.decal.decals).toEqual(DECALS)
    expect(ariaOption('t', 'd', { decals: false }).aria.decal.show).toBe(false)
  })
})
