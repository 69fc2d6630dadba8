/**
 * No false errors: every error-severity finding on the four bundled reports
 * and the ../shared/corpus reports is a real defect of the report, listed here
 * and in the README's data-quality section with its line. A new error (a rule
 * misreading a sound report) or a lost one fails this test.
 */
import { describe, expect, it } from 'vitest'
import { reviewReport } from '../../src/review/index'
import { ingestDir } from '../../scripts/ingest-lib'
import { parseCorpusPdf } from '../ingest/corpus'
import { join } from 'node:path'

const errorsOf = (findings: ReadonlyArray<{ severity: string; rule: string; line: number }>) =>
  findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.line}`).sort()

describe('error findings of the bundled reports (data/raw) are the known real defects', () => {
  it('lists exactly these errors', async () => {
    const { dataset } = await ingestDir(join(import.meta.dirname, '..', '..', 'data', 'raw'))
    const byDoc = (doc: string) => errorsOf(dataset.findings.filter((f) => f.doc_id === doc))
    // 长治 2026 line 629: 机关运行经费 425.27 in B11 but 425.28 in the prose; 减少35.91万元 of 461.18 is 7.79%, printed 下降0.8%.
    expect(byDoc('changzhi-2026-budget')).toEqual(['CHK-PROSE@629', 'LOGIC-CHANGE@629'])
    expect(byDoc('gaoping-2026-budget')).toEqual([])
    // 晋城 2022 决算 line 550: 社会保障和就业支出 6,144.37 in the prose vs 6,151.87 in F05; line 685: 自评 amount 4,580.26 vs the 自评表's 4,615.26.
    // Line 922: 职业技能提升工程工作经费's sentence says 执行125.45万元, 执行率13.9%, its table (909–921) 35.457万元 (3.9%).
    // Line 1071: 建国前老工人津贴补贴's sentence says 执行率95%, its table (1059) prints 0 (the sentence explains why).
    expect(byDoc('jincheng-2022-final')).toEqual(['CHK-PROSE@550', 'CHK-SELFEVAL@1071', 'CHK-SELFEVAL@685', 'CHK-SELFEVAL@922', 'CHK-SELFEVAL@922'])
    expect(byDoc('jincheng-2024-budget')).toEqual([])
  })
})

describe('the 绩效自评 contradictions as findings (issue 16)', () => {
  it('职业技能提升工程工作经费: an error naming its table (909) and its sentence (922)', async () => {
    const { dataset } = await ingestDir(join(import.meta.dirname, '..', '..', 'data', 'raw'))
    const found = dataset.findings.filter((f) => f.doc_id === 'jincheng-2022-final' && f.row_label.includes('职业技能提升工程工作经费'))
    expect(found.map((f) => [f.severity, f.rule, f.line])).toEqual([['error', 'CHK-SELFEVAL', 922], ['error', 'CHK-SELFEVAL', 922]])
    for (const f of found) {
      expect(f.message).toContain('涉及第 909、922 行')
      expect(f.message_en).toContain('lines 909, 922')
    }
    // What is compared: the table's 35.457万元 executed against the sentence's 125.45万元.
    expect(found.map((f) => [f.expected, f.actual])).toContainEqual(['354570.00', '1254500.00'])
  })
})

describe('error findings of the corpus reports (../shared/corpus) are the known real defects', () => {
  it('规划和自然资源局 2024 决算: the F06 302 sum, two prose figures and a template choice left in', async () => {
    const r = await parseCorpusPdf('shanghai-putuo-guihua-ziranziyuanju-2024-final-dept.pdf')
    expect(errorsOf(reviewReport(r, r.text))).toEqual(['CHK-PROSE@430', 'CHK-PROSE@501', 'CHK-TREE@350', 'LEFT-ALTERNATIVES@520'])
  })

  it('商务委员会 2025 部门预算 and 单位预算: no errors', async () => {
    for (const name of ['shanghai-putuo-shangwuwei-2025-budget-dept.pdf', 'shanghai-putuo-shangwuwei-2025-budget-unit.pdf']) {
      const r = await parseCorpusPdf(name)
      expect(errorsOf(reviewReport(r, r.text)), name).toEqual([])
    }
  })

  it('the blank 决算 template: its errors are its placeholders and template choices, nothing else', async () => {
    const r = await parseCorpusPdf('shanghai-2024-final-dept-template-blank.pdf')
    const errors = reviewReport(r, r.text).filter((f) => f.severity === 'error')
    expect(new Set(errors.map((f) => f.rule))).toEqual(new Set(['LEFT-PLACEHOLDER', 'LEFT-ALTERNATIVES']))
  })
})
