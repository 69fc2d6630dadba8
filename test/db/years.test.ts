/**
 * The same publisher across documents, on the real DuckDB engine, with
 * documents built here: two years of one publisher, a 预算/决算 pair of one year,
 * a 部门/单位 pair (never merged into one series or rate), names that differ
 * only in width or spacing (one publisher), and the same name in two cities
 * (two publishers). Then the bundled 晋城 bureau.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATASET_COLUMNS } from '../../src/ingest/dataset'
import type { NarrativeRow } from '../../src/ingest/types'
import { toCsv } from '../../src/ingest/csv'
import type { DatasetFiles } from '../../src/db/load'
import { normaliseName, normaliseSql, publisherKey } from '../../src/db/publisher-key'
import { applyPublisherLinks, linkedTo, publisherDocs, unlinked } from '../../src/db/queries/publishers'
import { crossExecution } from '../../src/db/queries/cross-execution'
import { yearSeries } from '../../src/db/queries/years'
import type { Engine } from '../../src/db/types'
import { openEngine } from './engine'

type Row = Record<string, string | number>
const doc = (doc_id: string, city: string, publisher: string, scope: string, year: number, stage: string): Row =>
  ({ doc_id, city, county_of: '', publisher, scope, year, stage, unit: '元', source: `${doc_id}.txt`, title: `${publisher}${year}年${scope}${stage}公开` })
/** A 功能分类 row of B03 (预算) or F03 (决算): the whole of the class (合计 / 本年支出合计). */
const fn = (doc_id: string, stage: string, class_code: string, row_label: string, value: string, line: number): Row => ({
  doc_id, table_code: stage === '预算' ? 'B03' : 'F03', side: '', row_label, class_code, econ_code: '', unit_name: '', project_name: '',
  measure: stage === '预算' ? '合计' : '本年支出合计', value, unit: '元', raw: value, line, row_kind: '',
})
const sg = (doc_id: string, year: number, figure: string, category: string, amount_yuan: string, line: number): Row =>
  ({ doc_id, year, figure, category, amount_yuan, line })

const P = '示例市人力资源和社会保障局'
// 'p-2024-plan' (预算) sorts after 'p-2024-final': which figure carries a year is by stage, not by doc_id.
const documents = [
  doc('p-2023-budget', '示例', P, '部门', 2023, '预算'),
  doc('p-2024-plan', '示例', P, '部门', 2024, '预算'),
  doc('p-2024-final', '示例', P, '部门', 2024, '决算'),
  // The same publisher's own 单位 report of 2024: never paired with the 部门 ones.
  doc('p-2024-final-unit', '示例', P, '单位', 2024, '决算'),
  // Width and spacing differ only: one publisher.
  doc('w-2023-budget', '示例', 'ＸＹ市第１中学（本部）', '单位', 2023, '预算'),
  doc('w-2024-budget', '示例', 'XY市 第1中学(本部)\u3000', '单位', 2024, '预算'),
  // Same name, another city: another publisher.
  doc('q-2024-budget', '别处', P, '部门', 2024, '预算'),
]
const lineItems = [
  fn('p-2023-budget', '预算', '208', '社会保障和就业支出', '800.00', 10),
  fn('p-2024-plan', '预算', '208', '社会保障和就业支出', '1000.00', 11),
  fn('p-2024-plan', '预算', '20801', '人力资源和社会保障管理事务', '600.00', 12),
  fn('p-2024-plan', '预算', '210', '卫生健康支出', '50.00', 13),
  fn('p-2024-final', '决算', '208', '社会保障和就业支出', '1190.90', 20),
  fn('p-2024-final', '决算', '20801', '人力资源和社会保障管理事务', '450.00', 21),
  // Only in the 决算: listed with no budget.
  fn('p-2024-final', '决算', '221', '住房保障支出', '30.00', 22),
  fn('p-2024-final-unit', '决算', '208', '社会保障和就业支出', '400.00', 30),
  fn('w-2023-budget', '预算', '205', '教育支出', '100.00', 5),
  fn('w-2024-budget', '预算', '205', '教育支出', '125.00', 6),
  fn('q-2024-budget', '预算', '208', '社会保障和就业支出', '999.00', 7),
]
const sangong = [
  sg('p-2024-plan', 2024, '预算', '合计', '200.00', 40),
  sg('p-2024-plan', 2024, '预算', '公务接待费', '80.00', 40),
  sg('p-2024-final', 2024, '预算', '合计', '210.00', 41),
  sg('p-2024-final', 2024, '决算', '合计', '150.00', 41),
  sg('p-2024-final', 2024, '决算', '公务接待费', '60.00', 41),
]
const narrative: NarrativeRow[] = [
  // A prior-year figure derived from the prose of the 2024 budget: 2022's 208 预算.
  { doc_id: 'p-2023-budget', subject: '社会保障和就业支出', year: '2022', value: '700.0000', unit: '元', relation: 'derived', quote: '比上年增加100元', line: 3, subject_key: '' },
]

function files(): DatasetFiles {
  return {
    documents: toCsv(DATASET_COLUMNS.documents, documents),
    line_items: toCsv(DATASET_COLUMNS.line_items, lineItems),
    sangong: toCsv(DATASET_COLUMNS.sangong, sangong),
    narrative: toCsv(DATASET_COLUMNS.narrative, narrative),
  }
}

let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine(files()) })
afterAll(() => db.close())

const keyOf = async (docId: string) => (await publisherDocs(db)).find((d) => d.doc_id === docId)!.publisher_key

describe('publisher key (src/db/publisher-key.ts and v_publisher_docs)', () => {
  it('merges names that differ only in width or spacing', async () => {
    expect(await keyOf('w-2023-budget')).toBe(await keyOf('w-2024-budget'))
    expect(await keyOf('w-2024-budget')).toBe('示例/XY市第1中学(本部)')
  })

  it('keeps the place: the same name in two cities is two publishers', async () => {
    expect(await keyOf('q-2024-budget')).not.toBe(await keyOf('p-2024-plan'))
  })

  it('puts 部门 and 单位 reports of one publisher under one publisher (scope is part of the series, not of the key)', async () => {
    expect(await keyOf('p-2024-final-unit')).toBe(await keyOf('p-2024-final'))
  })

  it('computes the same key in SQL as in TypeScript', async () => {
    const names = ['ＡＢＣ　局', ' a\tb\u00a0c ', '（一）１２３', "o'Ｎｅｉｌ", '人社局']
    for (const name of names) {
      const [row] = await db.query<{ n: string }>(`SELECT ${normaliseSql('?')} AS n`, [name])
      expect(row!.n).toBe(normaliseName(name))
    }
    for (const d of await publisherDocs(db)) expect(d.auto_key).toBe(publisherKey({ doc_id: d.doc_id, city: d.city, publisher: d.publisher }))
  })

  it('gives a document with no publisher a key of its own', () => {
    expect(publisherKey({ doc_id: 'x', city: '晋中', publisher: '　' })).toBe('doc:x')
  })
})

describe('yearSeries: one publisher over the years', () => {
  it('gives two years of one publisher with the change and its denominator (1000.00 against 800.00: +200.00, 25%)', async () => {
    const rows = await yearSeries(db, [await keyOf('p-2024-plan')], 'class3')
    const s208 = rows.filter((r) => r.dim_key === '208' && r.stage === '预算' && r.scope === '部门')
    expect(s208.map((r) => [r.year, r.amount, r.origin])).toEqual([[2022, '700.00', 'derived'], [2023, '800.00', 'table'], [2024, '1000.00', 'table']])
    expect(s208[2]).toMatchObject({ prev_year: 2023, prev_amount: '800.00', prev_doc_id: 'p-2023-budget', change: '200.00', change_pct: 25 })
    expect(s208[1]).toMatchObject({ prev_year: 2022, prev_origin: 'derived', change: '100.00' })
  })

  it('keeps 预算 and 决算, 部门 and 单位 as separate series', async () => {
    const rows = (await yearSeries(db, [await keyOf('p-2024-plan')], 'class3')).filter((r) => r.dim_key === '208' && r.year === 2024)
    expect(rows.map((r) => `${r.scope}${r.stage}:${r.amount}`).sort()).toEqual(['单位决算:400.00', '部门决算:1190.90', '部门预算:1000.00'])
    // A series' change never divides by another scope or stage: the 2024 决算 series starts there.
    for (const r of rows.filter((x) => x.stage === '决算')) expect(r.prev_year).toBeNull()
  })

  it('merges the width-variant publisher into one series: 2023 100.00 → 2024 125.00 (+25%)', async () => {
    const rows = await yearSeries(db, [await keyOf('w-2024-budget')], 'class3')
    expect(rows.map((r) => [r.year, r.amount, r.change_pct])).toEqual([[2023, '100.00', null], [2024, '125.00', 25]])
  })

  it('gives 三公 series per figure: the 决算 report’s F07 预算数 is a 预算 point, its 决算数 a 决算 point', async () => {
    const rows = (await yearSeries(db, [await keyOf('p-2024-plan')], 'sangong')).filter((r) => r.dim_key === '合计')
    expect(rows.map((r) => `${r.scope}${r.stage}${r.year}:${r.amount}:${r.doc_id}:${r.pick}`).sort())
      .toEqual(['部门决算2024:150.00:p-2024-final:1', '部门预算2024:200.00:p-2024-plan:1', '部门预算2024:210.00:p-2024-final:2'])
  })
})

describe('crossExecution: 决算 ÷ 预算 from two documents of one publisher, scope and year', () => {
  it('rates each 类/款/项 citing both documents: 208 1190.90 ÷ 1000.00 = 119.09%', async () => {
    const rows = await crossExecution(db)
    const r = rows.find((x) => x.dim_key === '208')!
    expect(r).toMatchObject({ budget_doc_id: 'p-2024-plan', final_doc_id: 'p-2024-final', budget: '1000.00', budget_line: 11, actual: '1190.90', actual_line: 20, rate_pct: 119.09, denominator: '年初预算', scope: '部门', year: 2024 })
    expect(rows.find((x) => x.dim_key === '20801')).toMatchObject({ dimension: 'class5', rate_pct: 75 })
  })

  it('lists keys present in only one of the two, with no rate', async () => {
    const rows = await crossExecution(db)
    expect(rows.find((x) => x.dim_key === '210')).toMatchObject({ budget: '50.00', actual: null, rate_pct: null, final_doc_id: 'p-2024-final' })
    expect(rows.find((x) => x.dim_key === '221')).toMatchObject({ budget: null, actual: '30.00', rate_pct: null, budget_doc_id: 'p-2024-plan' })
  })

  it('rates 三公 per category: the budget report’s 预算 against the final report’s 决算 (150 ÷ 200 = 75%), not F07’s own 预算数', async () => {
    const rows = (await crossExecution(db)).filter((x) => x.dimension === 'sangong')
    expect(rows.find((x) => x.dim_key === '合计')).toMatchObject({ budget: '200.00', actual: '150.00', rate_pct: 75, budget_line: 40, actual_line: 41 })
    expect(rows.find((x) => x.dim_key === '公务接待费')).toMatchObject({ rate_pct: 75 })
  })

  it('never pairs across scopes, years or places (only p-2024-plan with p-2024-final)', async () => {
    const pairs = new Set((await crossExecution(db)).map((x) => `${x.budget_doc_id}→${x.final_doc_id}`))
    expect([...pairs]).toEqual(['p-2024-plan→p-2024-final'])
  })
})

describe('links made by hand (publisher_links)', () => {
  afterAll(() => applyPublisherLinks(db, {}))

  it('unlinks a document into a publisher of its own, and the pair’s rate goes with it', async () => {
    await applyPublisherLinks(db, unlinked({}, 'p-2024-final'))
    expect(await keyOf('p-2024-final')).toBe('doc:p-2024-final')
    expect(await crossExecution(db)).toEqual([])
  })

  it('links a whole publisher to another one (every document moves), and clears back to the automatic keys', async () => {
    const docs = await publisherDocs(db)
    const target = await keyOf('p-2024-plan')
    const links = linkedTo({}, docs, 'q-2024-budget', target)
    expect(links).toEqual({ 'q-2024-budget': target })
    await applyPublisherLinks(db, links)
    expect((await publisherDocs(db)).find((d) => d.doc_id === 'q-2024-budget')).toMatchObject({ publisher_key: target, by_hand: true })
    await applyPublisherLinks(db, {})
    expect(await keyOf('q-2024-budget')).not.toBe(target)
    expect(await crossExecution(db)).toHaveLength(6)
  })
})

describe('the bundled data: 晋城’s bureau', () => {
  let bundled: Engine & { close(): void }
  beforeAll(async () => { bundled = await openEngine() })
  afterAll(() => bundled.close())

  it('is one publisher with its 2022 决算 (单位) and 2024 预算 (部门); 长治’s bureau is another', async () => {
    const docs = await publisherDocs(bundled)
    const jc = docs.filter((d) => d.city === '晋城' && d.publisher === '晋城市人力资源和社会保障局')
    expect(jc.map((d) => [d.doc_id, d.year, d.stage, d.scope])).toEqual([
      ['jincheng-2022-final', 2022, '决算', '单位'], ['jincheng-2024-budget', 2024, '预算', '部门']])
    expect(new Set(jc.map((d) => d.publisher_key)).size).toBe(1)
    expect(docs.find((d) => d.doc_id === 'changzhi-2026-budget')!.publisher_key).not.toBe(jc[0]!.publisher_key)
  })

  it('has two scope series of 208, with prior years from the prose marked derived (2021 决算 76,508,800.00 from jincheng-2022-final.txt)', async () => {
    const key = (await publisherDocs(bundled)).find((d) => d.doc_id === 'jincheng-2024-budget')!.publisher_key
    const rows = (await yearSeries(bundled, [key], 'class3')).filter((r) => r.dim_key === '208')
    expect(new Set(rows.map((r) => `${r.scope}${r.stage}`))).toEqual(new Set(['单位决算', '部门预算']))
    const derived = rows.find((r) => r.origin === 'derived')!
    expect(derived).toMatchObject({ scope: '单位', stage: '决算', year: 2021, amount: '76508800.00', doc_id: 'jincheng-2022-final' })
    expect(derived.quote).toContain('社会保障和就业支出')
    // The 2022 决算 (单位) point changes from the derived 2021 one, never from the 部门 预算.
    expect(rows.find((r) => r.year === 2022)).toMatchObject({ prev_year: 2021, prev_origin: 'derived' })
    expect(rows.find((r) => r.year === 2024)).toMatchObject({ scope: '部门', prev_year: null })
  })

  it('has no execution across documents: its 预算 and 决算 are of different years and scopes', async () => {
    expect(await crossExecution(bundled)).toEqual([])
  })
})
