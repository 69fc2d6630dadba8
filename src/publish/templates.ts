/**
 * The templates' tables as publishing names them. Names, printed numbers and
 * the 三公 tables are the domain vocabulary's (src/ingest/vocabulary.ts),
 * re-exported for the citation builders; the chart source line's short
 * reference is publishing's own.
 */
import { APPENDICES, tableNumber, type TableCode } from '../ingest/vocabulary'

export { isTableCode, SANGONG_TABLE, TABLE_NAMES, TABLE_NAMES_EN, tableNumber, tableNumberEn } from '../ingest/vocabulary'

/** The short reference used in a chart's source line: B03 → "表3", F03 → "公开03表". */
export function tableShortRef(code: TableCode): string {
  return code.startsWith('B') ? `表${Number(code.slice(1))}` : tableNumber(code)
}

/** Appendix tables that have no B/F code, by their Chinese names (what a citation's tableName holds). */
export const APPENDIX_NAMES = {
  narrative: APPENDICES.narrative.zh,
  target: APPENDICES.target.zh,
  evaluation: APPENDICES.evaluation.zh,
} as const

/** The English name of an appendix given by its Chinese name (情况说明 → narrative), or undefined. */
export function appendixNameEn(zh: string): string | undefined {
  return Object.values(APPENDICES).find((a) => a.zh === zh)?.en
}
