/** Shared bits of the chart option builders: palette, units, a title that carries unit and source. */
import { unitDivisor, type AmountUnit } from '../format/amount'

export const PALETTE = ['#2f6fb0', '#d9822b', '#3f9b6b', '#b4465a', '#7a5cb0', '#8c8c3c', '#4aa3b5', '#a0643c']

/** An amount in 元 expressed in the unit, rounded to what the axis shows; null stays null. */
export function scale(yuan: number | null | undefined, unit: AmountUnit): number | null {
  if (yuan === null || yuan === undefined) return null
  return Math.round((yuan / unitDivisor(unit)) * 10000) / 10000
}

/** Title block with a subtitle naming the unit and the sources, so an exported image carries them. */
export function titleBlock(text: string, subtext: string) {
  return { text, subtext, left: 'left', textStyle: { fontSize: 14, fontWeight: 600 }, subtextStyle: { fontSize: 11, color: '#666' } }
}

/** Short animations: charts settle quickly after a selection change. */
export const ANIMATION = { animationDuration: 250, animationDurationUpdate: 200 }
