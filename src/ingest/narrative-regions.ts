/**
 * Where the prose of a report stands: the 概况 part (staffing, 内设机构) and
 * the 情况说明 part, minus what is not the department's own statement
 * (绩效目标表 appendices, a forwarded document) and minus 名词解释.
 */
import type { ParseContext } from './context'
import { isWatermark, stripMarkup } from './lines'

/** A half-open range [start, end) of 1-based lines. */
export interface LineRange {
  start: number
  end: number
}

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** 一 → 1, 十一 → 11, 二十三 → 23 (section numbers of the template go no further). */
export function chineseNumeral(text: string): number | null {
  if (!/^[一二三四五六七八九十]+$/.test(text)) return null
  const i = text.indexOf('十')
  if (i < 0) return text.length === 1 ? CN_DIGITS[text]! : null
  const tens = i === 0 ? 1 : CN_DIGITS[text.slice(0, i)] ?? 0
  const ones = i === text.length - 1 ? 0 : CN_DIGITS[text.slice(i + 1)] ?? 0
  return tens * 10 + ones
}

/** Text of a line without markup and surrounding space. */
export function plain(text: string): string {
  return stripMarkup(text).replace(/\*\*/g, '').trim()
}

/**
 * The number of a top-level section heading ("十一、国有资产占有使用情况" → 11),
 * or null. A heading is short and carries no sentence punctuation: the
 * 绩效目标表 of jincheng-2024-budget.txt hold content lines that start with
 * "一、用于劳动监察日常业务…，" and must not count as headings.
 */
export function topHeadingNumber(text: string): number | null {
  const t = plain(text)
  const m = /^([一二三四五六七八九十]+)、(.*)$/.exec(t)
  if (!m || t.length > 40 || /[，。；,]/.test(m[2]!)) return null
  return chineseNumeral(m[1]!)
}

/** A 绩效目标表 / 绩效目标申报表 / 绩效自评表 title: the appendix tables are read by targets.ts / evaluations.ts. */
function isAppendixTitle(text: string): boolean {
  const t = plain(text).replace(/\s+/g, '')
  return !/^[（(]/.test(t) && !/[。，；]/.test(t) && /(绩效目标表|绩效目标申报表|绩效自评表)$/.test(t)
}

/**
 * The title of another issuer's document forwarded inside the report: in
 * jincheng-2024-budget.txt line 14736 "晋城市财政局关于转发山西省部门政府购买服务"
 * starts a provincial notice and its 政府购买服务指导性目录 (some 6,000 lines) that
 * are not this department's data.
 */
function isForwardedDocumentTitle(text: string): boolean {
  if (text.includes('\t')) return false
  const t = plain(text).replace(/\s+/g, '')
  return !/[。，；《]/.test(t) && /^\S{2,30}?(关于(转发|印发)|文件$)/.test(t)
}

const PART_1 = /^第一部分\s*(部门|单位)?概况$/
const PART_2 = /^第二部分/
/** 第三部分 2026年度部门预算情况说明 / 第三部分 情况说明 (jincheng-2022-final.txt line 488). */
const NARRATIVE_PART = /^第[三四]部分\s*\S{0,24}情况说明$/
/** The national budget template's prose: 预算编制说明 before the tables, 其他相关情况说明 after them. */
const BUDGET_NOTES = /^(\d{4}年)?(部门|单位|预算单位)?预算编制说明$/
const OTHER_NOTES = /^其他相关情况说明$/
/** A project's own description (…专项经费情况说明) ends 其他相关情况说明: its figures are that project's. */
const PROJECT_NOTES = /经费情况说明$/
/** What follows the narrative: 第四部分 名词解释, 第五部分 附件. */
const PART_AFTER = /^第[四五六七八九]部分|^名词解释$/

/**
 * The prose ranges of a report. The table of contents never counts: its
 * lines carry a page number after a tab or dot leaders, so they do not match
 * the headings whole.
 */
export function proseRanges(ctx: ParseContext): LineRange[] {
  const lines = ctx.lines
  const firstTable = ctx.tables[0]?.start ?? lines.length + 1
  const lastTable = ctx.tables.at(-1)?.start ?? 1
  const ranges: LineRange[] = []

  // 概况: from its heading to 第二部分 or the first table.
  const overview = lines.find((l) => l.no < firstTable && PART_1.test(plain(l.text)))
  if (overview) {
    const end = lines.find((l) => l.no > overview.no && (PART_2.test(plain(l.text)) || l.no >= firstTable))
    ranges.push({ start: overview.no + 1, end: end ? end.no : firstTable })
  }

  // The national budget template: 预算编制说明 (after the 目录, before the tables) and 其他相关情况说明.
  const notes = lines.filter((l) => l.no < firstTable && BUDGET_NOTES.test(plain(l.text).replace(/\s+/g, ''))).at(-1)
  if (notes) ranges.push({ start: notes.no + 1, end: firstTable })
  const other = lines.find((l) => l.no > lastTable && OTHER_NOTES.test(plain(l.text).replace(/\s+/g, '')))
  if (other) {
    const end = lines.find((l) => l.no > other.no && PROJECT_NOTES.test(plain(l.text).replace(/\s+/g, '')) && plain(l.text).length <= 40)
    ranges.push({ start: other.no + 1, end: end ? end.no : lines.length + 1 })
  }

  // 情况说明: from its heading (after the tables) to 名词解释. The national 决算 prints the heading
  // over two lines: "第三部分 上海市…局 2024 年度部门决算" / "情况说明".
  const next = (no: number) => lines.find((l) => l.no > no && plain(l.text) !== '')
  const narrative = lines.find((l) => {
    if (l.no <= lastTable) return false
    const t = plain(l.text).replace(/\s+/g, ' ')
    return NARRATIVE_PART.test(t) || (/^第[三四]部分/.test(t) && plain(next(l.no)?.text ?? '') === '情况说明')
  })
  if (!narrative) return ranges
  let start = narrative.no + 1
  let lastHeading = 0
  let inAppendix = false
  for (let i = narrative.no; i < lines.length; i++) {
    const line = lines[i]!
    if (isWatermark(line.text)) continue
    const t = plain(line.text)
    if (PART_AFTER.test(t) || (!inAppendix && isForwardedDocumentTitle(line.text))) {
      if (!inAppendix) ranges.push({ start, end: line.no })
      return ranges
    }
    const heading = topHeadingNumber(line.text)
    if (inAppendix) {
      // The appendix ends at the next section of the narrative (十 → 十一).
      if (heading !== null && heading === lastHeading + 1) {
        inAppendix = false
        start = line.no
        lastHeading = heading
      }
      continue
    }
    if (heading !== null) lastHeading = heading
    if (isAppendixTitle(line.text)) {
      ranges.push({ start, end: line.no })
      inAppendix = true
    }
  }
  if (!inAppendix) ranges.push({ start, end: lines.length + 1 })
  return ranges
}
