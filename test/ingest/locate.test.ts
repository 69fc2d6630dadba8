import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readIdentity } from '../../src/ingest/identity'
import { detectStyle, isWatermark, toLines } from '../../src/ingest/lines'
import { locateTables, tableTitle } from '../../src/ingest/locate'

const raw = (f: string) => toLines(readFileSync(`data/raw/${f}`, 'utf8'))

describe('tableTitle(line)', () => {
  const cases: Array<[string, string | null]> = [
    ['### 2026年预算收支总表', 'B01'],
    ['2026年财政拨款收支总表', 'B04'],
    ['表三2024年预算支出总表', 'B03'],
    ['2026年一般公共预算安排基本支出分经济科目表（不含上年结转）', 'B06'],
    ['2026年财政拨款安排“三公”经费支出预算表', 'B10'],
    ['2026年项目支出预算表（上年结转）', 'B13'],
    ['财政拨款收入支出决算总表', 'F04'],
    ['收入支出决算总表', 'F01'],
    ['一般公共预算财政拨款支出决算明细表', 'F06'],
    ['一般公共预算财政拨款支出决算表', 'F05'],
    ['政府性基金预算财政拨款收入支出决算表', 'F08'],
    // Table of contents entries are not titles.
    ['表三2026年预算支出总表..... \t8', null],
    ['三、支出决算表.....\t10', null],
    // Prose that mentions a table is not a title.
    ['2026年预算收支总表反映了部门全部收支情况', null],
  ]
  for (const [line, code] of cases) {
    it(`${JSON.stringify(line)} → ${code}`, () => {
      expect(tableTitle(line)?.code ?? null).toBe(code)
    })
  }
})

describe('locateTables(lines)', () => {
  it('finds B01–B13 in every budget report, in template order', () => {
    for (const f of ['changzhi-2026-budget.txt', 'gaoping-2026-budget.txt', 'jincheng-2024-budget.txt']) {
      expect(locateTables(raw(f)).map((t) => t.code)).toEqual(
        ['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10', 'B11', 'B12', 'B13'],
      )
    }
  })
  it('finds F01–F10 in the final accounts, at their printed titles', () => {
    const tables = locateTables(raw('jincheng-2022-final.txt'))
    expect(tables.map((t) => t.code)).toEqual(['F01', 'F02', 'F03', 'F04', 'F05', 'F06', 'F07', 'F08', 'F09', 'F10'])
    // "收入支出决算总表" is on line 141, "财政拨款“三公”经费支出决算表" on line 400.
    expect(tables[0]!.start).toBe(141)
    expect(tables[6]!.start).toBe(400)
  })
  it('merges the repeated title of jincheng 2024 (表三… / 预算公开表3 / 2024年预算支出总表) into one table', () => {
    const b03 = locateTables(raw('jincheng-2024-budget.txt')).filter((t) => t.code === 'B03')
    expect(b03).toHaveLength(1)
    expect(b03[0]!.start).toBe(356)
  })
  it('ends the last table where the narrative part begins', () => {
    const lines = raw('changzhi-2026-budget.txt')
    const last = locateTables(lines).at(-1)!
    expect(lines[last.end - 1]!.text).toContain('第三部分')
  })
})

describe('readIdentity(lines)', () => {
  it('reads each report’s identity from its own text', () => {
    const ids = Object.fromEntries(
      ['changzhi-2026-budget.txt', 'gaoping-2026-budget.txt', 'jincheng-2022-final.txt', 'jincheng-2024-budget.txt'].map(
        (f) => [f, readIdentity(raw(f), { source: f }).document],
      ),
    )
    expect(ids['changzhi-2026-budget.txt']).toMatchObject({ city: '长治', year: '2026', stage: '预算', scope: '部门', unit: '万元', county_of: '' })
    expect(ids['gaoping-2026-budget.txt']).toMatchObject({ city: '高平', county_of: '晋城', publisher: '高平市就业和人才服务中心', scope: '单位', unit: '万元' })
    expect(ids['jincheng-2022-final.txt']).toMatchObject({ city: '晋城', year: '2022', stage: '决算', scope: '单位', unit: '元' })
    // jincheng 2024 has no cover page: the identity comes from its page header and table headers.
    expect(ids['jincheng-2024-budget.txt']).toMatchObject({ publisher: '晋城市人力资源和社会保障局', year: '2024', stage: '预算', scope: '部门', unit: '万元' })
  })
  it('reports what the text does not say instead of guessing', () => {
    const { document, problems } = readIdentity(toLines('一些无关的文字\n没有标题'), { source: 'notes.txt' })
    expect(document.year).toBe('')
    expect(document.doc_id).toBe('notes')
    expect(problems.map((p) => p.message)).toContain('文本未写明年度')
  })
})

describe('lines', () => {
  it('recognises the 仅供/内部/审核 watermark only as whole lines', () => {
    expect(isWatermark('仅供')).toBe(true)
    expect(isWatermark(' 审核 ')).toBe(true)
    expect(isWatermark('劳动人事争议审核')).toBe(false)
  })
  it('detects the extraction style of each seed', () => {
    expect(detectStyle(raw('jincheng-2024-budget.txt'))).toBe('pdftotext')
    expect(detectStyle(raw('changzhi-2026-budget.txt'))).toBe('markdown')
    expect(detectStyle(raw('gaoping-2026-budget.txt'))).toBe('tab')
    expect(detectStyle(raw('jincheng-2022-final.txt'))).toBe('tab')
  })
  it('numbers lines from 1 whatever the line endings', () => {
    expect(toLines('a\r\nb\rc\nd').map((l) => [l.no, l.text])).toEqual([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']])
    expect(toLines('\uFEFFa')[0]!.text).toBe('a')
  })
})
