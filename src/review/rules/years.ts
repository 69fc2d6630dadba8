/**
 * Year and unit consistency. Headings and table titles name the report's own
 * year; a dated statement (截至… / the closing date line) falls in the years a
 * report of its stage can date: a 决算 of year Y is dated in Y or Y+1 and
 * states its assets 截至 Y年12月31日; a 预算 of year Y is dated in Y−1 or Y.
 * Every table prints its unit.
 */
import { compact, inTable, joinProse, sentenceAround } from '../text'
import type { Draft, ReviewInput } from '../types'

/** A heading or title: the year phrase of a report name ("2024年度部门决算", "2026年单位预算公开", "2024年预算收支总表"). */
const HEADING_YEAR = /(\d{4})年度?(?:[^\d，。；：]{0,12}?)(部门|单位)?(预算|决算)(公开|表|报表|情况说明)?/

export function headingYears(input: ReviewInput): Draft[] {
  const year = Number(input.report.document.year)
  if (!year) return []
  const out: Draft[] = []
  const titles = new Map(input.report.tables.map((t) => [t.start, t]))
  for (const l of input.lines) {
    const c = compact(l.text)
    // A heading is a short line of its own, not a sentence (no full stop, no comma) and not a table's row.
    if (c === '' || c.length > 40 || /[，。；]/.test(c) || l.text.includes('\t') && !titles.has(l.no)) continue
    if (inTable(input.report.tables, l.no) && !titles.has(l.no) && !/部门|单位/.test(c)) continue
    // A located table's title line: any year it prints is the table's year ("2025年预算支出总表").
    const title = titles.has(l.no) ? /(\d{4})年/.exec(c) : null
    const m = title ?? HEADING_YEAR.exec(c)
    if (!m) continue
    // Column headers ("2025年预算数", "上年预算数") are not headings: a heading names 部门/单位, 公开, 表 or 情况说明.
    if (!title && !m[2] && !m[4]) continue
    const printed = Number(m[1])
    if (printed === year) continue
    out.push({
      rule: 'YEAR-HEADING', severity: 'error', table_code: titles.get(l.no)?.code ?? '', line: l.no, quote: c,
      expected: String(year), actual: String(printed),
      message: `标题写的是 ${printed} 年，报告是 ${year} 年的：“${c}”`,
      message_en: `A heading says ${printed}; the report is of ${year}: “${c}”`,
    })
  }
  return out
}

const DATE = /(截至|截止到|截止)?(\d{4})年(\d{1,2})月(\d{1,2})日/g

/** Whether one of the three non-blank lines above `line` names the report's publisher (a 落款). */
function signedByPublisher(input: ReviewInput, line: number): boolean {
  const publisher = input.report.document.publisher
  if (!publisher) return false
  const above = input.lines.slice(0, line - 1).map((l) => compact(l.text)).filter((t) => t !== '').slice(-3)
  return above.some((t) => t.includes(publisher))
}

export function dates(input: ReviewInput): Draft[] {
  const { year: y, stage } = input.report.document
  const year = Number(y)
  if (!year || !stage) return []
  const out: Draft[] = []
  for (const l of input.lines) {
    const c = compact(l.text)
    for (const m of c.matchAll(DATE)) {
      const asOf = Boolean(m[1])
      // Only the dates that date the report itself: a 截至 statement, or a line that is nothing but the date.
      // A closing date counts only under the report's own publisher: reports append older documents
      // (jincheng 2024 budget prints a 2021 notice of 晋城市财政局, dated 2021年11月15日, line 14751).
      const alone = c === m[0] && signedByPublisher(input, l.no)
      if (!asOf && !alone) continue
      const printed = Number(m[2])
      const ok = asOf
        ? stage === '决算' ? printed === year : printed === year - 1 || printed === year
        : stage === '决算' ? printed === year || printed === year + 1 : printed === year - 1 || printed === year
      if (ok) continue
      const allowed = asOf
        ? stage === '决算' ? `${year}` : `${year - 1}–${year}`
        : stage === '决算' ? `${year}–${year + 1}` : `${year - 1}–${year}`
      out.push({
        rule: 'YEAR-DATE', severity: 'error', line: l.no, quote: c, expected: allowed, actual: m[0],
        message: `日期“${m[0]}”不合 ${year} 年${stage}（应为 ${allowed} 年）`,
        message_en: `The date “${m[0]}” does not fit a ${year} ${stage === '决算' ? 'final account' : 'budget'} (expected ${allowed})`,
      })
    }
  }
  return out
}

/** A year-over-year comparison ("比2023年", "与2023年度相比") is against the year before the report's. */
export function priorYears(input: ReviewInput): Draft[] {
  const year = Number(input.report.document.year)
  if (!year) return []
  const prose = joinProse(input.lines, input.report.tables)
  const out: Draft[] = []
  for (const m of prose.text.matchAll(/(比|与|较)(\d{4})年(度)?(决算)?/g)) {
    const printed = Number(m[2])
    if (printed === year - 1) continue
    // A budget is drawn up before its prior year closes: it may compare with the 决算 of the year before that.
    if (input.report.document.stage === '预算' && m[4] && printed === year - 2) continue
    out.push({
      rule: 'YEAR-PRIOR', severity: 'error', line: prose.lineAt(m.index), quote: sentenceAround(prose.text, m.index, m.index + m[0].length),
      expected: String(year - 1), actual: String(printed),
      message: `与上年比较却写成 ${printed} 年（报告年度 ${year}，上年应为 ${year - 1}）：“${m[0]}”`,
      message_en: `A year-over-year comparison names ${printed} (the report is of ${year}; the prior year is ${year - 1}): “${m[0]}”`,
    })
  }
  return out
}

/** Every table with figures prints its unit ("单位：万元") near its title. */
export function tableUnits(input: ReviewInput): Draft[] {
  const out: Draft[] = []
  const withFigures = new Set(input.report.lineItems.map((li) => li.table_code))
  for (const t of input.report.tables) {
    if (!withFigures.has(t.code)) continue
    const head = input.lines.filter((l) => l.no >= t.start - 3 && l.no < Math.min(t.end, t.start + 12))
    if (head.some((l) => /单位[:：]?(万元|元)|[（(](万元|元)[)）]|金额单位/.test(compact(l.text)))) continue
    out.push({
      rule: 'UNIT-MISSING', severity: 'warning', table_code: t.code, line: t.start,
      message: `${t.code} 没有标明金额单位（如“单位：万元”）`,
      message_en: `${t.code} does not print its unit (e.g. “单位：万元”)`,
    })
  }
  return out
}
