import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { toLines } from '../../src/ingest/lines'
import { locateTables, tableTitle } from '../../src/ingest/locate'
import { term } from '../../src/i18n/translate'
import {
  BUDGET_BASES, DIMENSIONS, PRINTED_UNITS, SANGONG_CATEGORIES, SANGONG_TABLE, SCOPES, STAGES, TABLE_CODES, TABLE_NAMES, TABLE_NAMES_EN, TEMPLATE_TABLES,
  dimensionName, tableNumber, tableNumberEn,
} from '../../src/ingest/vocabulary'

const raw = (f: string) => toLines(readFileSync(`data/raw/${f}`, 'utf8'))

describe('TEMPLATE_TABLES: each table code with its zh and en name', () => {
  it('lists B01–B13 and F01–F10 once each, in template order', () => {
    expect(TABLE_CODES).toEqual([
      ...Array.from({ length: 13 }, (_, i) => `B${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 10 }, (_, i) => `F${String(i + 1).padStart(2, '0')}`),
    ])
  })

  for (const { code, zh } of TEMPLATE_TABLES) {
    it(`${code} ${zh} is a title the parser's catalogue reads as ${code}`, () => {
      expect(tableTitle(zh)?.code).toBe(code)
    })
  }

  it('gives every code a distinct English name', () => {
    const en = TABLE_CODES.map((c) => TABLE_NAMES_EN[c])
    expect(en.every((n) => /^[“A-Z]/.test(n) && !/[\u4e00-\u9fff]/.test(n))).toBe(true)
    expect(new Set(en).size).toBe(TABLE_CODES.length)
    expect(TABLE_NAMES_EN.B03).toBe('Budget expenditure summary')
  })

  it('names the 三公 tables: B10 for a 预算, F07 for a 决算', () => {
    expect(TABLE_NAMES[SANGONG_TABLE.预算]).toBe('“三公”经费支出预算表')
    expect(TABLE_NAMES[SANGONG_TABLE.决算]).toBe('“三公”经费支出决算表')
  })
})

describe('tableNumber(code): the number the template prints by the title', () => {
  // jincheng 2024 prints "预算公开表3" two lines above "2024年预算支出总表" (line 358–360), 晋城 2022 "公开07表" two
  // lines below "财政拨款“三公”经费支出决算表" (lines 400–402): each located table's number stands within three lines.
  for (const f of ['jincheng-2024-budget.txt', 'jincheng-2022-final.txt']) {
    it(`finds each table's printed number beside its title in ${f}`, () => {
      const lines = raw(f)
      const numbered = locateTables(lines).filter((t) => lines.slice(t.start - 4, t.start + 3).some((l) => l.text.trim() === tableNumber(t.code)))
      // jincheng 2024 prints no number above B09 (国有资本经营预算收支预算表, line 890).
      expect(numbered.map((t) => t.code)).toEqual(f.includes('final') ? TABLE_CODES.filter((c) => c.startsWith('F')) : TABLE_CODES.filter((c) => c.startsWith('B') && c !== 'B09'))
    })
  }

  it('says the number in English too: Budget table 3, Final accounts table 07', () => {
    expect([tableNumber('B03'), tableNumberEn('B03'), tableNumber('F07'), tableNumberEn('F07')]).toEqual(['预算公开表3', 'Budget table 3', '公开07表', 'Final accounts table 07'])
  })
})

describe('the vocabularies in English: what the English interface says for each term', () => {
  const chinese = /[\u4e00-\u9fff]/
  const lists = { SCOPES, STAGES, PRINTED_UNITS, SANGONG_CATEGORIES, BUDGET_BASES }
  for (const [name, list] of Object.entries(lists)) {
    it(`translates every term of ${name}: ${list.join(', ')}`, () => {
      for (const t of list) expect(term('en', t), t).not.toMatch(chinese)
    })
  }
  it('names every dimension in both languages; says 决算, 公务接待费 and 调整后预算 in English', () => {
    for (const d of DIMENSIONS) {
      expect(dimensionName(d.key, 'zh')).toMatch(chinese)
      expect(dimensionName(d.key, 'en')).not.toMatch(chinese)
    }
    expect([term('en', '决算'), term('en', '公务接待费'), term('en', '调整后预算')]).toEqual(['final accounts', 'official hospitality', 'adjusted budget'])
  })
})
