import { stripMarkup } from './lines'
import type { LocatedTable, SourceLine, TableCode } from './types'

/**
 * Table titles of the national templates. Order matters: the more specific
 * title comes first (财政拨款收支总表 before 预算收支总表).
 */
const TITLES: ReadonlyArray<[TableCode, RegExp]> = [
  ['B04', /财政拨款收支总表$/],
  ['B01', /预算收支总表$/],
  ['B02', /预算收入总表$/],
  ['B03', /预算支出总表$/],
  ['B05', /一般公共预算支出预算表(（不含上年结转）)?$/],
  ['B06', /一般公共预算(安排)?基本支出分经济科目表(（不含上年结转）)?$/],
  ['B07', /政府性基金预算收入表(（不含上年结转）)?$/],
  ['B08', /政府性基金预算支出表(（不含上年结转）)?$/],
  ['B09', /国有资本经营预算收支预算表(（不含上年结转）)?$/],
  ['B10', /[“"]三公[”"]经费支出预算表$/],
  ['B11', /机关运行经费预算表$/],
  ['B12', /项目支出预算表（本年预算）$/],
  ['B13', /项目支出预算表（上年结转）$/],
  ['F04', /财政拨款收入支出决算总表$/],
  ['F08', /政府性基金预算财政拨款收入支出决算表$/],
  ['F01', /收入支出决算总表$/],
  ['F02', /收入决算表$/],
  ['F06', /一般公共预算财政拨款支出决算明细表$/],
  ['F05', /一般公共预算财政拨款支出决算表$/],
  ['F09', /国有资本经营预算财政拨款支出决算表$/],
  ['F03', /支出决算表$/],
  ['F07', /[“"]三公[”"]经费支出决算表$/],
  ['F10', /部门决算公开相关信息统计表$/],
]

/** Headings that end the table part of a report (the narrative begins). */
const PART_AFTER_TABLES = /^第三部分|^第[三四]部分\s*(\d{4}年度?)?(部门|单位)?(预算|决算)?情况说明/

/** The title of a table in a line, or null. Table-of-contents lines (with dot leaders) are not titles. */
export function tableTitle(text: string): { code: TableCode; title: string } | null {
  if (/\.{3,}|…{2,}/.test(text)) return null
  const t = stripMarkup(text).replace(/\s+/g, '')
  // Optional "表一"/"一、" prefix and a year: 表三2024年预算支出总表, 2026年预算收支总表.
  const core = t.replace(/^(表[一二三四五六七八九十]+|[一二三四五六七八九十]+、)/, '')
  if (core.length > 40) return null
  for (const [code, re] of TITLES) {
    if (re.test(core)) {
      // A title names the table and at most a year and 财政拨款安排 / 度 before it.
      const head = core.replace(re, '')
      if (/^(\d{4}年度?)?(财政拨款安排|财政拨款)?$/.test(head)) return { code, title: core }
    }
  }
  return null
}

/**
 * Finds the tables of a report. A table runs from its title to the next
 * table's title or to the heading that starts the narrative part. A title
 * repeated within a few lines (jincheng 2024 prints "表三2024年预算支出总表",
 * then "预算公开表3", then "2024年预算支出总表") belongs to the same table.
 */
export function locateTables(lines: readonly SourceLine[]): LocatedTable[] {
  const found: LocatedTable[] = []
  let endOfTables = lines.length + 1
  for (const line of lines) {
    const title = tableTitle(line.text)
    if (title) {
      const prev = found.at(-1)
      if (prev && prev.code === title.code && line.no - prev.start <= 12) continue
      found.push({ code: title.code, title: title.title, start: line.no, end: 0 })
      continue
    }
    if (found.length > 0 && PART_AFTER_TABLES.test(stripMarkup(line.text).trim())) {
      endOfTables = line.no
      break
    }
  }
  for (let i = 0; i < found.length; i++) {
    found[i]!.end = i + 1 < found.length ? found[i + 1]!.start : endOfTables
  }
  return found
}
