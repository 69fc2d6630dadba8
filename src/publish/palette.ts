/**
 * Colours colour-blind readers can tell apart, and decal patterns so that
 * series stay distinct in greyscale prints and for readers who see no colour.
 *
 * PALETTE is the Okabe–Ito set: M. Okabe & K. Ito, "Color Universal Design
 * (CUD) — How to make figures and presentations that are friendly to
 * colorblind people" (J*FLY, 2002/2008) —
 * chosen to stay distinguishable under protanopia, deuteranopia and
 * tritanopia. Its black is kept last (it reads as text on a white export).
 *
 * TOL_MUTED is Paul Tol's "muted" qualitative scheme (P. Tol, "Colour
 * Schemes", SRON technical note SRON/EPS/TN/09-002),
 * nine colours, for charts with more series than Okabe–Ito has colours.
 */

/** Okabe–Ito, ordered so that the first two (blue, vermillion) differ most for every kind of colour vision. */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#CC79A7', // reddish purple
  '#F0E442', // yellow
  '#000000', // black
] as const

/** Paul Tol's muted qualitative scheme (9 colours; its pale grey #DDDDDD is for "no data"). */
export const TOL_MUTED = [
  '#332288', // indigo
  '#88CCEE', // cyan
  '#44AA99', // teal
  '#117733', // green
  '#999933', // olive
  '#DDCC77', // sand
  '#CC6677', // rose
  '#882255', // wine
  '#AA4499', // purple
] as const

/** Tol's colour for missing data. */
export const NO_DATA_COLOUR = '#DDDDDD'

/** The app's series colours: ECharts `color`. */
export const PALETTE: readonly string[] = OKABE_ITO

/** A palette of at least `n` colours: Okabe–Ito, then Tol muted. */
export function paletteFor(n: number): string[] {
  return n <= OKABE_ITO.length ? [...OKABE_ITO] : [...OKABE_ITO, ...TOL_MUTED]
}

/** ECharts decal pattern (aria.decal.decals), typed loosely so no ECharts import is needed. */
export interface Decal {
  symbol?: string
  symbolSize?: number
  symbolKeepAspect?: boolean
  color?: string
  backgroundColor?: string
  dashArrayX?: number | number[] | (number | number[])[]
  dashArrayY?: number | number[]
  rotation?: number
  maxTileWidth?: number
  maxTileHeight?: number
}

const INK = 'rgba(0, 0, 0, 0.35)'

/**
 * One decal per palette colour, each a different texture (none, diagonal
 * lines, dots, cross-hatch, horizontal lines, triangles, vertical lines,
 * diamonds), so series stay apart when printed in greyscale.
 */
export const DECALS: readonly Decal[] = [
  { symbol: 'none' },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: INK },
  { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[6, 6], [0, 6, 6, 0]], dashArrayY: [6, 0], color: INK },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: INK },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: 0, color: INK },
  { symbol: 'triangle', symbolSize: 0.7, dashArrayX: [[8, 8], [0, 8, 8, 0]], dashArrayY: [6, 0], color: INK },
  { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 2, color: INK },
  { symbol: 'diamond', symbolSize: 0.7, dashArrayX: [[8, 8], [0, 8, 8, 0]], dashArrayY: [6, 0], color: INK },
]

export interface AriaOption {
  aria: {
    enabled: true
    label: { enabled: true; description: string }
    decal: { show: boolean; decals: Decal[] }
  }
}

/**
 * ECharts `aria` for a chart: screen readers get the title and a description
 * written by the view (ECharts' generated text would read raw numbers
 * without units), and decals are drawn on the series unless `decals: false`.
 * Spread it into an option: `{ ...option, ...ariaOption(title, text) }`.
 */
export function ariaOption(title: string, description: string, opts: { decals?: boolean } = {}): AriaOption {
  const text = [title.trim().replace(/[。.]$/, ''), description.trim()].filter(Boolean).join('。')
  return {
    aria: {
      enabled: true,
      label: { enabled: true, description: text },
      decal: { show: opts.decals ?? true, decals: DECALS.map((d) => ({ ...d })) },
    },
  }
}
