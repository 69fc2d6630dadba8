/**
 * Citations by row identity (issue #10): a figure is cited by the id of the
 * row it came from, not matched by value on its line, so two equal amounts
 * in one table each cite their own line and cell; a Compare cell cites every
 * row it adds up. The real engine over the bundled dataset, the source text
 * from data/raw, and what the popover runs: its queries, then `citeFigure`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cellRowIds, runCompare } from '../../src/db/queries/compare'
import { rowsById } from '../../src/db/queries/rows-by-id'
import { documentRow } from '../../src/db/queries/document'
import { cite } from '../../src/publish/citation'
import { citeFigure, type FigureKind } from '../../src/publish/figure-citation'
import { allChecks } from '../../src/db/queries/all-checks'
import { rowsOnLine } from '../../src/db/queries/rows-on-line'
import { tableOfRowId } from '../../src/ingest/provenance'
import type { Engine } from '../../src/db/types'
import { openEngine } from './engine'

const CZ = 'changzhi-2026-budget'
const czLines = readFileSync(join(import.meta.dirname, '..', '..', 'data', 'raw', `${CZ}.txt`), 'utf8').split(/\r?\n/)

let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

/** What src/composables/provenance.ts does for a figure of 长治 2026, with its text from data/raw. */
async function provenance(target: { line: number; value: number | null | undefined; kind: FigureKind; ids?: string[]; cell?: { dimension: 'econ2'; dimKey: string } }) {
  const ids = target.ids ?? (target.cell ? await cellRowIds(db, { ...target.cell, doc: CZ }) : null)
  const given = ids ? await rowsById(db, ids) : null
  return citeFigure({
    doc: await documentRow(db, CZ), lines: czLines, checks: await allChecks(db),
    given, onLine: given ?? (await rowsOnLine(db, CZ, target.line)), line: target.line, value: target.value, kind: target.kind,
  })
}

describe('row ids', () => {
  it('name their table: L line_items, S sangong, EF evaluation_fields; a load-made id (~k) too', () => {
    expect(tableOfRowId('changzhi-2026-budget:L130')).toBe('line_items')
    expect(tableOfRowId('changzhi-2026-budget:L128.2')).toBe('line_items')
    expect(tableOfRowId('changzhi-2026-budget:S453')).toBe('sangong')
    expect(tableOfRowId('jincheng-2022-final:EF922.3')).toBe('evaluation_fields')
    expect(tableOfRowId('my-import:L12~7')).toBe('line_items')
    expect(tableOfRowId('no id')).toBeNull()
    expect(tableOfRowId('x:Q12')).toBeNull()
  })

  it('are unique across the dataset', async () => {
    const rows = await db.query<{ t: string; n: number; d: number; empty: number }>(`
      SELECT 'line_items' t, count(*)::INT n, count(DISTINCT row_id)::INT d, count(*) FILTER (WHERE row_id = '')::INT empty FROM line_items
      UNION ALL SELECT 'sangong', count(*), count(DISTINCT row_id), count(*) FILTER (WHERE row_id = '') FROM sangong
      UNION ALL SELECT 'narrative', count(*), count(DISTINCT row_id), count(*) FILTER (WHERE row_id = '') FROM narrative
      UNION ALL SELECT 'evaluation_fields', count(*), count(DISTINCT row_id), count(*) FILTER (WHERE row_id = '') FROM evaluation_fields
      UNION ALL SELECT 'checks', count(*), count(DISTINCT row_id), count(*) FILTER (WHERE row_id = '') FROM checks`)
    for (const r of rows) {
      expect(r.d, r.t).toBe(r.n)
      expect(r.empty, r.t).toBe(0)
    }
  })
})

describe('two equal amounts in one table', () => {
  // changzhi-2026-budget.txt, 预算公开表2 (B02):
  //   130 "20503	职业教育	4029.22	3975.16			54.06		233.35"
  //   131 "2050303	技校教育	4029.22	3975.16			54.06		233.35"
  //   128 "20502	普通教育	3.38	3.38" — 合计 and 一般公共预算 equal on one line
  it('cite each its own line: 职业教育 line 130, 技校教育 line 131, both 4029.22万元', async () => {
    const doc = (await documentRow(db, CZ))!
    const rows = await rowsById(db, [`${CZ}:L131`, `${CZ}:L130`])
    const [a, b] = rows.map((r) => cite(r, doc, czLines))
    expect(a).toMatchObject({ line: 131, tableCode: 'B02', rowLabel: '技校教育', classCode: '2050303', printedFigure: '4029.22万元', lineHoldsFigure: true })
    expect(b).toMatchObject({ line: 130, tableCode: 'B02', rowLabel: '职业教育', classCode: '20503', printedFigure: '4029.22万元', lineHoldsFigure: true })
  })

  it('on one line, cite each its own column (a match by value would give the 合计 column both times)', async () => {
    const doc = (await documentRow(db, CZ))!
    const [total, general] = (await rowsById(db, [`${CZ}:L128`, `${CZ}:L128.2`])).map((r) => cite(r, doc, czLines))
    expect(total).toMatchObject({ line: 128, rowLabel: '普通教育', measure: '本年收入/合计', printedFigure: '3.38万元' })
    expect(general).toMatchObject({ line: 128, rowLabel: '普通教育', measure: '本年收入/一般公共预算', printedFigure: '3.38万元' })
  })

  it('through the popover: a figure given its row id is cited by it, whatever its value matches', async () => {
    const p = await provenance({ line: 128, value: 33800, kind: 'amount', ids: [`${CZ}:L128.2`] })
    expect(p.citation?.measure).toBe('本年收入/一般公共预算')
    expect(p.parts).toEqual([])
    // The same figure matched by value on its line takes the 合计 column.
    const byValue = await provenance({ line: 128, value: 33800, kind: 'amount' })
    expect(byValue.citation?.measure).toBe('本年收入/合计')
  })
})

describe('a Compare aggregate', () => {
  // 预算公开表6 (B06) prints 基本工资 twice, by 政府科目 (line 336 "基本工资	工资奖金津补贴	877.51")
  // and 部门科目 (line 337 "基本工资	工资福利支出	1824.30"): Compare's 经济分类·款 cell 基本工资 adds both.
  it('lists every row behind the cell, each with its line and printed figure', async () => {
    const result = await runCompare(db, { docs: [CZ], dimension: 'econ2', mode: 'amount' }, [CZ])
    const cell = result.rows.find((r) => r.dim_key === '基本工资')!
    expect(cell.values[CZ]).toBe(27018100)
    expect(await cellRowIds(db, { dimension: 'econ2', doc: CZ, dimKey: '基本工资' })).toEqual([`${CZ}:L336`, `${CZ}:L337`])

    const p = await provenance({ line: cell.lines[CZ]!, value: cell.values[CZ], kind: 'amount', cell: { dimension: 'econ2', dimKey: '基本工资' } })
    expect(p.citation).toBeNull()
    expect(p.partsHow).toBe('sum')
    expect(p.parts.map((c) => [c.line, c.tableCode, c.printedFigure])).toEqual([[336, 'B06', '877.51万元'], [337, 'B06', '1824.30万元']])
    expect(p.lineReference).toMatch(/^以下2项之和：.*877\.51万元（原文第336行）；.*1824\.30万元（原文第337行）$/)
  })

  it('a share names the rows it was computed from, never a row as printing it', async () => {
    const result = await runCompare(db, { docs: [CZ], dimension: 'econ2', mode: 'share' }, [CZ])
    const cell = result.rows.find((r) => r.dim_key === '奖金')!
    const p = await provenance({ line: cell.lines[CZ]!, value: cell.values[CZ], kind: 'pct', cell: { dimension: 'econ2', dimKey: '奖金' } })
    expect(p.citation).toBeNull()
    expect(p.partsHow).toBe('from')
    // changzhi-2026-budget.txt:340 "奖金	工资奖金津补贴	397.13	397.13"
    expect(p.parts.map((c) => [c.line, c.printedFigure])).toEqual([[340, '397.13万元']])
    expect(p.lineReference).toMatch(/^计算依据：.*397\.13万元（原文第340行）$/)
  })

  it('cites every row of every cell: the row ids behind each cell add up to its value', async () => {
    const result = await runCompare(db, { docs: [CZ], dimension: 'econ2', mode: 'amount' }, [CZ])
    let multi = 0
    for (const r of result.rows) {
      const ids = await cellRowIds(db, { dimension: 'econ2', doc: CZ, dimKey: r.dim_key })
      const rows = await rowsById(db, ids)
      expect(rows).toHaveLength(ids.length)
      const sum = rows.reduce((s, x) => s + Number('value' in x ? x.value : 0), 0)
      expect(Math.round(sum * 100)).toBe(Math.round(r.values[CZ]! * 100))
      if (ids.length > 1) multi++
    }
    // changzhi-2026-budget.txt 表6 prints 21 of its 38 款 names twice (by 政府科目 and 部门科目: lines 336–337 …).
    expect(multi).toBe(21)
  })
})

describe('a file written before rows carried ids (an import kept by an older version)', () => {
  it('gets ids made at load: unique, naming their table and line, marked with ~', async () => {
    const old = await openEngine({
      documents: 'doc_id,city,county_of,publisher,scope,year,stage,unit,source,title\nold-import,晋城,,某局,部门,2024,预算,万元,old.csv,\n',
      line_items: 'doc_id,table_code,side,row_label,class_code,econ_code,unit_name,project_name,measure,value,unit,raw,line,row_kind\n'
        + 'old-import,IMPORT,,208 社会保障和就业支出,208,,,,合计,100.00,元,100,2,\nold-import,IMPORT,,205 教育支出,205,,,,合计,50.00,元,50,2,\n',
    })
    try {
      const rows = await old.query<{ row_id: string; line: number }>('SELECT row_id, line FROM line_items ORDER BY row_id')
      expect(rows.map((r) => r.row_id)).toEqual(['old-import:L2~1', 'old-import:L2~2'])
      expect(rows.map((r) => tableOfRowId(r.row_id))).toEqual(['line_items', 'line_items'])
    } finally {
      old.close()
    }
  })
})
