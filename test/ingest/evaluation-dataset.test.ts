import { readdirSync, readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

const sources = readdirSync('data/raw').filter((f) => f.endsWith('.txt')).sort()
const rawLines = Object.fromEntries(sources.map((f) => [f.replace(/\.txt$/, ''), readFileSync(`data/raw/${f}`, 'utf8').split(/\r\n|\n|\r/)]))
const readCsv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(`data/dataset/${file}.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data

describe('data/dataset: the 绩效自评 and 整体支出 预算情况 files', () => {
  it('every evaluation field and 预算情况 figure stands, as printed, on the line it cites', () => {
    for (const file of ['evaluation_fields', 'target_budgets'] as const) {
      const rows = readCsv(file)
      expect(rows.length, file).toBe({ evaluation_fields: 224, target_budgets: 10 }[file])
      for (const r of rows) {
        const line = rawLines[r.doc_id!]![Number(r.line) - 1]!
        // A 分析 sentence may print spaces inside its clauses ("实际执行125.45万元, 预算…"): compare without them.
        expect(line.replace(/\s+/g, ''), `${file} ${r.doc_id}:${r.line} ${r.project_name} ${r.field ?? r.item}`).toContain(r.raw)
      }
    }
  })

  it('every indicator row cites the line printing its 分值, 得分 and 三级指标', () => {
    const rows = readCsv('evaluation_indicators')
    expect(rows.length).toBe(90)
    for (const r of rows) {
      const cells = rawLines[r.doc_id!]![Number(r.line) - 1]!.split('\t').map((c) => c.trim())
      expect(cells, `${r.doc_id}:${r.line}`).toEqual(expect.arrayContaining([r.weight, r.score, r.level3]))
    }
  })

  it('every amount is in 元 with exact decimals', () => {
    for (const r of readCsv('evaluation_fields')) if (r.unit === '元') expect(r.value, `${r.doc_id}:${r.line} ${r.field}`).toMatch(/^-?\d+\.\d{2,}$/)
    for (const r of readCsv('target_budgets')) expect(r.value, `${r.doc_id}:${r.line} ${r.item}`).toMatch(/^-?\d+\.\d{2,}$/)
  })
})
