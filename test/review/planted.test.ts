/**
 * Issue #12's reviewer's test: a copy of a real 决算 report (the corpus
 * 规划和自然资源局 2024 report as pdftotext -layout text, made here at test
 * time) with one planted change at a time. The authentic copy passes the
 * existing checks and review; each planted change must produce at least one
 * error-severity finding naming the right table or the changed sentence's line.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { parseReport } from '../../src/ingest/index'
import type { FindingRow } from '../../src/ingest/types'
import { reviewReport } from '../../src/review/index'
import { parseCorpusLayoutText } from '../ingest/corpus'
import { edit, lineOf } from './helpers'

let authentic: string
let baseline: FindingRow[]

beforeAll(() => {
  authentic = parseCorpusLayoutText('shanghai-putuo-guihua-ziranziyuanju-2024-final-dept.pdf').text
  baseline = reviewReport(parseReport(authentic, { source: 'guihua.txt' }), authentic)
})

const reviewText = (text: string) => reviewReport(parseReport(text, { source: 'guihua.txt' }), text)
const errors = (f: readonly FindingRow[]) => f.filter((x) => x.severity === 'error')
/** Errors of the edited copy that the authentic copy does not have (same rule and line). */
const newErrors = (f: readonly FindingRow[]) => errors(f).filter((x) => !baseline.some((b) => b.rule === x.rule && b.line === x.line && b.message === x.message))

/** Lines [from, to) of `text` removed (1-based). */
function cut(text: string, from: number, to: number): string {
  const lines = text.split('\n')
  return [...lines.slice(0, from - 1), ...lines.slice(to - 1)].join('\n')
}

interface Plant {
  name: string
  make: (text: string) => string
  /** What the finding must name: a table code, or the line of the changed sentence (in the edited copy). */
  table?: string
  line?: (edited: string) => number
}

const PLANTS: Plant[] = [
  {
    name: 'one required table removed (F03 支出决算表)',
    make: (t) => {
      const r = parseReport(t, { source: 'guihua.txt' })
      const f03 = r.tables.find((x) => x.code === 'F03')!
      return cut(t, f03.start, f03.end)
    },
    table: 'F03',
  },
  {
    name: 'the 三公 table emptied while the prose still gives its figure',
    make: (t) => edit(t, /\n\s+2\.85 0\.39 0\.00 0\.00[^\n]*\n/, '\n\n'),
    table: 'F07',
  },
  {
    name: '收入支出总计 changed to 0 in the prose',
    make: (t) => edit(t, /\n9859\.38 万元。与 2023 年度相比/, '\n0 万元。与 2023 年度相比'),
    line: (e) => lineOf(e, /^0 万元。与 2023 年度相比/),
  },
  {
    name: 'a heading saying the previous year',
    make: (t) => edit(t, /上海市规划和自然资源局 2024 年度部门决算表/, '上海市规划和自然资源局 2023 年度部门决算表'),
    line: (e) => lineOf(e, '2023 年度部门决算表'),
  },
  {
    name: 'a date saying the previous year',
    make: (t) => edit(t, /截至 2024 年 12 月 31 日/, '截至 2023 年 12 月 31 日'),
    line: (e) => lineOf(e, '截至 2023 年 12 月 31 日'),
  },
  {
    name: 'an "XX局" placeholder left in a heading',
    // The heading of the 情况说明 part as printed at the top of its page (a form feed before it), not its 目录 entry.
    make: (t) => edit(t, /\n\f第三部分 上海市普陀区规划和自然资源局 2024 年度部门决算\n/, '\n\f第三部分 上海市XX局 2024 年度部门决算\n'),
    line: (e) => lineOf(e, '第三部分 上海市XX局'),
  },
  {
    name: 'comparison flipped: 226.25 → 225.12 said 大于',
    make: (t) => edit(t, /完成年初预算的 99\.50%。决算数小于预算数/, '完成年初预算的 99.50%。决算数大于预算数'),
    line: (e) => lineOf(e, '99.50%。决算数大于预算数'),
  },
  {
    name: 'comparison flipped: 1115.48 → 1092.80 said 大于',
    make: (t) => edit(t, /97\.97%。决算数小于预算数/, '97.97%。决算数大于预算数'),
    line: (e) => lineOf(e, '97.97%。决算数大于预算数'),
  },
  {
    name: 'comparison flipped: 54.53 = 54.53 said 小于',
    make: (t) => edit(t, /初预算为 54\.53 万元，支出决算为 54\.53 万元，完成年初预算的\n\n100\.00%。决算数同预算数持平。/, '初预算为 54.53 万元，支出决算为 54.53 万元，完成年初预算的\n\n100.00%。决算数小于预算数的主要原因：无。'),
    line: (e) => lineOf(e, '100.00%。决算数小于预算数的主要原因：无。'),
  },
  {
    name: 'a tenth: the direction of the 收入支出总计 change flipped (减少 … 增长)',
    make: (t) => edit(t, /收入支出总计增加 1062\.85/, '收入支出总计减少 1062.85'),
    line: (e) => lineOf(e, '收入支出总计减少 1062.85'),
  },
]

describe('ten planted changes to a copy of a corpus 决算 report', () => {
  it('the authentic copy has none of the errors the plants produce (its own known defects only)', () => {
    expect(errors(baseline).map((f) => f.rule).sort()).toEqual(['CHK-PROSE', 'CHK-PROSE', 'CHK-TREE', 'LEFT-ALTERNATIVES'])
  })

  for (const p of PLANTS) {
    it(`finds: ${p.name}`, () => {
      const edited = p.make(authentic)
      expect(edited).not.toBe(authentic)
      const found = newErrors(reviewText(edited))
      expect(found.length, JSON.stringify(found)).toBeGreaterThan(0)
      if (p.table) expect(found.map((f) => f.table_code)).toContain(p.table)
      if (p.line) expect(found.map((f) => f.line)).toContain(p.line(edited))
    })
  }
})
