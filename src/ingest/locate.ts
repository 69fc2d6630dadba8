import { stripMarkup } from './lines'
import { CATALOGUE, type TemplateFamily } from './templates'
import type { LocatedTable, SourceLine, TableCode } from './types'

/** Headings that end the table part of a report (the narrative begins). */
const PART_AFTER_TABLES = /^第三部分|^第[三四]部分\s*(\d{4}年度?)?(部门|单位)?(预算|决算)?情况说明/

/** The title of a table in a line, or null. Table-of-contents lines (with dot leaders) are not titles. */
export function tableTitle(text: string): { code: TableCode; title: string; family: TemplateFamily } | null {
  if (/\.{3,}|…{2,}/.test(text)) return null
  // "表1：" / "附表3 " go first, before spaces are removed, so the table number never runs into the year.
  const t = stripMarkup(text).replace(/\f/g, '').trim().replace(/^附?表\s*\d{1,2}(?![\d])\s*[-—.．、:：]?/, '').replace(/\s+/g, '')
  // Optional "表一" / "表1：" / "附表3" / "一、" / "1." / "9．" prefix and a year: 表三2024年预算支出总表, 2026年预算收支总表.
  const core = t.replace(/^(附?表[一二三四五六七八九十]+[-—.．、:：]?|[一二三四五六七八九十]+、|\d{1,2}[.．、])/, '')
  if (core.length > 40) return null
  for (const { code, title: re, family } of CATALOGUE) {
    const m = re.exec(core)
    if (m) {
      // A title names the table and at most a year, 部门/单位, 度 and 财政拨款安排 before it.
      const head = core.slice(0, m.index)
      if (/^(\d{4}年度?)?(区级|市级|县级)?(部门|单位|预算单位)?(财政拨款安排|财政拨款)?$/.test(head)) return { code, title: core, family }
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
  return scan(lines).tables
}

/** A table title listed in the report's 目录 (table of contents). */
export interface ListedTable {
  code: TableCode
  title: string
  /** 1-based line of the 目录 entry. */
  line: number
}

/**
 * The tables a report's 目录 lists. The national templates print the 目录 as
 * bare titles ("一、收入支出决算总表", no page numbers or dot leaders): a title
 * with another table's title within three lines, only blank lines between, is
 * a 目录 entry, not a table.
 */
export function listedTables(lines: readonly SourceLine[]): ListedTable[] {
  return scan(lines).listed
}

function scan(lines: readonly SourceLine[]): { tables: LocatedTable[]; listed: ListedTable[] } {
  const candidates: Array<{ code: TableCode; title: string; family: TemplateFamily; line: number }> = []
  let endOfTables = lines.length + 1
  for (const line of lines) {
    const title = tableTitle(line.text)
    if (title) {
      candidates.push({ ...title, line: line.no })
      continue
    }
    if (candidates.length > 0 && PART_AFTER_TABLES.test(stripMarkup(line.text).replace(/\f/g, '').trim())) {
      // A 目录 lists 第三部分 too: only a heading after a real table ends the tables.
      if (candidates.some((c) => !inContents(lines, candidates, c))) {
        endOfTables = line.no
        break
      }
    }
  }
  const found: LocatedTable[] = []
  const listed: ListedTable[] = []
  for (const c of candidates) {
    if (inContents(lines, candidates, c)) {
      listed.push({ code: c.code, title: c.title, line: c.line })
      continue
    }
    const prev = found.at(-1)
    if (prev && prev.code === c.code && c.line - prev.start <= 12) continue
    found.push({ code: c.code, title: c.title, start: c.line, end: 0, family: c.family })
  }
  for (let i = 0; i < found.length; i++) {
    found[i]!.end = i + 1 < found.length ? found[i + 1]!.start : endOfTables
  }
  return { tables: found, listed }
}

/** True when another table's title stands within three lines of this one with only blank lines between. */
function inContents(lines: readonly SourceLine[], all: ReadonlyArray<{ code: TableCode; line: number }>, c: { code: TableCode; line: number }): boolean {
  return all.some((o) => {
    if (o.code === c.code || Math.abs(o.line - c.line) > 3) return false
    const [a, b] = o.line < c.line ? [o.line, c.line] : [c.line, o.line]
    return lines.slice(a, b - 1).every((l) => l.text.trim() === '')
  })
}
