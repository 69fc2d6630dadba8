/**
 * Completeness: every table the report's template requires is there, in
 * order; the 目录 lists as many tables as the text has; an empty table says
 * why (naming its own fund), and a table left blank while the prose gives it a
 * non-zero figure is an error.
 */
import { layoutOf } from '../../ingest/templates'
import { tableTitle } from '../../ingest/locate'
import type { LocatedTable, TableCode } from '../../ingest/types'
import { TABLE_NAMES, TABLE_NAMES_EN } from '../../ingest/vocabulary'
import { compact } from '../text'
import type { Draft, ReviewInput } from '../types'

/** The tables each template requires, in printed order (ARCHITECTURE.md, "Report templates"). */
export const REQUIRED: Record<'shanxi-预算' | 'national-预算' | '决算', readonly TableCode[]> = {
  'shanxi-预算': ['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10', 'B11', 'B12', 'B13'],
  'national-预算': ['B01', 'B02', 'B03', 'B04', 'B05', 'B08', 'B09', 'B06', 'B10'],
  // The national 9-table set; the Shanxi 10-table set adds F10 (统计表), which is not required of others.
  决算: ['F01', 'F02', 'F03', 'F04', 'F05', 'F06', 'F07', 'F08', 'F09'],
}

/** Which template a report follows: its stage, and for a budget the family most of its titles belong to. */
export function templateOf(input: ReviewInput): keyof typeof REQUIRED | null {
  const { document, tables } = input.report
  if (document.stage === '决算') return '决算'
  if (document.stage !== '预算') return null
  const national = tables.filter((t) => t.family === 'national').length
  return national * 2 > tables.length ? 'national-预算' : 'shanxi-预算'
}

export function requiredTables(input: ReviewInput): Draft[] {
  const template = templateOf(input)
  const { tables } = input.report
  if (!template || tables.length === 0) return []
  const out: Draft[] = []
  const required = REQUIRED[template]
  const first = tables[0]!.start
  for (const code of required) {
    if (tables.some((t) => t.code === code)) continue
    out.push({
      rule: 'COMP-REQUIRED', severity: 'error', table_code: code, line: first, expected: code, actual: '',
      message: `缺少模板要求的表：${code} ${TABLE_NAMES[code]}`,
      message_en: `Required table missing: ${code} ${TABLE_NAMES_EN[code]}`,
    })
  }
  // Order: the required tables that are present should appear as the template lists them.
  const present = tables.filter((t) => required.includes(t.code))
  for (let i = 1; i < present.length; i++) {
    const prev = present[i - 1]!
    const cur = present[i]!
    if (required.indexOf(cur.code) < required.indexOf(prev.code)) {
      out.push({
        rule: 'COMP-ORDER', severity: 'warning', table_code: cur.code, line: cur.start,
        expected: `${cur.code} 在 ${prev.code} 之前`, actual: `${prev.code} → ${cur.code}`,
        message: `表的顺序与模板不同：${cur.code} ${TABLE_NAMES[cur.code]} 排在 ${prev.code} 之后`,
        message_en: `Tables out of the template's order: ${cur.code} comes after ${prev.code}`,
      })
    }
  }
  return out
}

/**
 * The 目录's table entries: the lines between a "目录" heading and the first
 * located table that read as a table title once page numbers and dot leaders
 * are dropped ("表一2026年预算收支总表\t2", "一、收入支出决算总表").
 */
export function contentsEntries(input: ReviewInput): Array<{ code: TableCode; line: number }> {
  const { lines } = input
  const { tables } = input.report
  const heading = lines.find((l) => /^目录$/.test(compact(l.text)))
  if (!heading) return []
  const stop = tables.find((t) => t.start > heading.no)?.start ?? lines.length + 1
  const out: Array<{ code: TableCode; line: number }> = []
  for (const l of lines) {
    if (l.no <= heading.no || l.no >= stop) continue
    const bare = l.text.replace(/[.．…·]{2,}.*$/, '').replace(/[\s\t]+\d{1,3}\s*$/, '')
    const title = tableTitle(bare)
    if (title) out.push({ code: title.code, line: l.no })
  }
  return out
}

export function contentsCount(input: ReviewInput): Draft[] {
  const entries = contentsEntries(input)
  if (entries.length === 0) return []
  const located = new Set(input.report.tables.map((t) => t.code))
  const listed = new Set(entries.map((e) => e.code))
  if (listed.size === located.size) return []
  const missing = [...listed].filter((c) => !located.has(c))
  // An error when the 目录 names a table the text lacks; fewer entries than tables may be a 目录 line this reader missed.
  return [{
    rule: 'COMP-TOC', severity: missing.length > 0 ? 'error' : 'warning', table_code: missing[0] ?? '', line: entries[0]!.line,
    expected: String(listed.size), actual: String(located.size),
    message: `目录列出 ${listed.size} 张表，正文找到 ${located.size} 张${missing.length ? `（缺 ${missing.join('、')}）` : ''}`,
    message_en: `The contents list ${listed.size} tables; the text has ${located.size}${missing.length ? ` (missing ${missing.join(', ')})` : ''}`,
  }]
}

/** The fund a table is about, as an empty-table note would name it, and the prose subjects that speak of it. */
const FUNDS: Partial<Record<TableCode, { fund: RegExp; name: string; subjects: RegExp }>> = {
  B07: { fund: /政府性基金/, name: '政府性基金', subjects: /^政府性基金/ },
  B08: { fund: /政府性基金/, name: '政府性基金', subjects: /^政府性基金/ },
  F08: { fund: /政府性基金/, name: '政府性基金', subjects: /^政府性基金/ },
  B09: { fund: /国有资本经营/, name: '国有资本经营', subjects: /^国有资本经营/ },
  F09: { fund: /国有资本经营/, name: '国有资本经营', subjects: /^国有资本经营/ },
  B10: { fund: /三公/, name: '“三公”经费', subjects: /^(三公经费|因公出国|公务接待费|公务用车)/ },
  F07: { fund: /三公/, name: '“三公”经费', subjects: /^(三公经费|因公出国|公务接待费|公务用车)/ },
  B11: { fund: /机关运行经费/, name: '机关运行经费', subjects: /^机关运行经费$/ },
}

const OTHER_FUNDS = /政府性基金|国有资本经营|三公|机关运行经费/g

function noteOf(input: ReviewInput, t: LocatedTable): { text: string; line: number } | null {
  for (const l of input.lines) {
    if (l.no < t.start || l.no >= t.end) continue
    const c = compact(l.text)
    if (/无数据|无.{0,20}(收入|支出|经费|预算)|没有.{0,30}(收入|支出|经费|预算)|为空|空表/.test(c) && !/^注[:：]本表反映/.test(c)) return { text: c, line: l.no }
  }
  return null
}

export function emptyTables(input: ReviewInput): Draft[] {
  const { report } = input
  const out: Draft[] = []
  const seen = new Set<TableCode>()
  for (const t of report.tables) {
    if (seen.has(t.code)) continue
    seen.add(t.code)
    // A table the parser locates but does not read item by item says so itself (a parser warning).
    if (layoutOf(t.title).unread) continue
    if (report.lineItems.some((li) => li.table_code === t.code)) continue
    const fund = FUNDS[t.code]
    const stated = fund
      ? report.narrative.find((n) => n.relation === 'stated' && fund.subjects.test(n.subject) && n.year === report.document.year && n.value !== '' && !/^-?0+(\.0+)?$/.test(n.value) && n.unit === '元')
      : undefined
    if (stated) {
      out.push({
        rule: 'COMP-BLANK-PROSE', severity: 'error', table_code: t.code, line: t.start, row_label: stated.subject,
        expected: stated.value, actual: '', quote: stated.quote,
        message: `${t.code} ${TABLE_NAMES[t.code]} 为空，但文字说明（第${stated.line}行）给出${stated.subject} ${stated.value} 元`,
        message_en: `${t.code} ${TABLE_NAMES_EN[t.code]} is blank, but the prose (line ${stated.line}) gives ${stated.subject} ${stated.value} yuan`,
      })
      continue
    }
    const note = noteOf(input, t)
    if (!note) {
      out.push({
        rule: 'COMP-EMPTY', severity: 'warning', table_code: t.code, line: t.start,
        message: `${t.code} ${TABLE_NAMES[t.code]} 没有数字，也没有说明为何为空`,
        message_en: `${t.code} ${TABLE_NAMES_EN[t.code]} has no figures and no note saying why`,
      })
      continue
    }
    const named = [...note.text.matchAll(OTHER_FUNDS)].map((m) => m[0])
    if (fund && named.length > 0 && !named.some((n) => fund.fund.test(n))) {
      out.push({
        rule: 'COMP-NOTE', severity: 'warning', table_code: t.code, line: note.line, quote: note.text,
        expected: fund.name, actual: named.join('、'),
        message: `${t.code} 为空表，说明却写的是“${named.join('、')}”，不是${fund.name}`,
        message_en: `${t.code} is empty, but its note names ${named.join(', ')}, not ${fund.name}`,
      })
      continue
    }
    out.push({
      rule: 'COMP-EMPTY', severity: 'notice', table_code: t.code, line: t.start, quote: note.text,
      message: `${t.code} ${TABLE_NAMES[t.code]} 为空表（说明：${note.text.replace(/^(注|说明)[:：]/, '')}）`,
      message_en: `${t.code} ${TABLE_NAMES_EN[t.code]} is empty (its note says so)`,
    })
  }
  return out
}
