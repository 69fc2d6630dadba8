/**
 * Each review rule with a positive (a real report where one exists, else an
 * edited copy of a real report made here) and a negative (the real report,
 * where the rule finds nothing). Line numbers are those of data/raw files.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { FindingRow } from '../../src/ingest/types'
import { checkRule, RULES } from '../../src/review/index'
import { parseCorpusLayoutText } from '../ingest/corpus'
import { edit, lineOf, of, rawText, review } from './helpers'
import { reviewReport } from '../../src/review/index'
import { parseReport } from '../../src/ingest/index'

const GAOPING = rawText('gaoping-2026-budget.txt')
const CHANGZHI = rawText('changzhi-2026-budget.txt')
let gaoping: FindingRow[]
let changzhi: FindingRow[]
let guihuaText: string
let guihua: FindingRow[]

beforeAll(() => {
  gaoping = review(GAOPING, 'gaoping-2026-budget.txt')
  changzhi = review(CHANGZHI, 'changzhi-2026-budget.txt')
  // The corpus 决算 PDF as pdftotext -layout text, read at test time from ../shared/corpus.
  const r = parseCorpusLayoutText('shanghai-putuo-guihua-ziranziyuanju-2024-final-dept.pdf')
  guihuaText = r.text
  guihua = reviewReport(r, r.text)
})

const reviewGuihua = (text: string) => reviewReport(parseReport(text, { source: 'guihua-edited.txt' }), text)

describe('completeness', () => {
  it('COMP-REQUIRED: a budget without its B13 table is missing a required table; the real one is not', () => {
    const start = lineOf(GAOPING, /^2026年项目支出预算表（上年结转）$/)
    const end = lineOf(GAOPING, /^第三部分 2026年度单位预算情况说明$/)
    const lines = GAOPING.split('\n')
    const cut = [...lines.slice(0, start - 1), ...lines.slice(end - 1)].join('\n')
    expect(of(review(cut), 'COMP-REQUIRED')).toEqual([expect.objectContaining({ severity: 'error', table_code: 'B13' })])
    expect(of(gaoping, 'COMP-REQUIRED')).toEqual([])
    // COMP-TOC: the 目录 still lists 13 tables; one the text lacks makes it an error.
    expect(of(review(cut), 'COMP-TOC')).toEqual([expect.objectContaining({ severity: 'error', expected: '13', actual: '12', table_code: 'B13' })])
    expect(of(gaoping, 'COMP-TOC')).toEqual([])
    // A 目录 that lists fewer tables than the text has is a warning (the reader may have missed an entry).
    const shortToc = edit(GAOPING, /\n表十三2026年项目支出预算表（上年结转）\t15\n/, '\n')
    expect(of(review(shortToc), 'COMP-TOC')).toEqual([expect.objectContaining({ severity: 'warning', expected: '12', actual: '13' })])
  })

  it('COMP-ORDER: B02 printed after B03 is out of order', () => {
    const lines = GAOPING.split('\n')
    const b02 = lineOf(GAOPING, /^2026年预算收入总表$/) - 1
    const b03 = lineOf(GAOPING, /^2026年预算支出总表$/) - 1
    const b04 = lineOf(GAOPING, /^2026年财政拨款收支总表$/) - 1
    const swapped = [...lines.slice(0, b02), ...lines.slice(b03, b04), ...lines.slice(b02, b03), ...lines.slice(b04)].join('\n')
    expect(of(review(swapped), 'COMP-ORDER')).toEqual([expect.objectContaining({ severity: 'warning', table_code: 'B02' })])
    expect(of(gaoping, 'COMP-ORDER')).toEqual([])
  })

  it('COMP-EMPTY: 高平 B07 is empty with its note (notice); without the note it is a warning', () => {
    expect(of(gaoping, 'COMP-EMPTY').find((f) => f.table_code === 'B07')).toMatchObject({ severity: 'notice', line: 260 })
    const start = lineOf(GAOPING, /^2026年政府性基金预算收入表/)
    const lines = GAOPING.split('\n')
    const noteAt = lines.findIndex((l, i) => i >= start && l === '注：本表无数据')
    const noNote = [...lines.slice(0, noteAt), ...lines.slice(noteAt + 1)].join('\n')
    expect(of(review(noNote), 'COMP-EMPTY').find((f) => f.table_code === 'B07')).toMatchObject({ severity: 'warning' })
    // A table with figures is not empty.
    expect(of(gaoping, 'COMP-EMPTY').map((f) => f.table_code)).not.toContain('B01')
  })

  it('COMP-NOTE: an empty 政府性基金 table whose note names 国有资本经营 is flagged; the corpus F08 note naming its fund is not', () => {
    const start = lineOf(GAOPING, /^2026年政府性基金预算收入表/)
    const lines = GAOPING.split('\n')
    const noteAt = lines.findIndex((l, i) => i >= start && l === '注：本表无数据')
    lines[noteAt] = '注：本单位无国有资本经营预算收入，故本表无数据'
    expect(of(review(lines.join('\n')), 'COMP-NOTE')).toEqual([expect.objectContaining({ table_code: 'B07', severity: 'warning', actual: '国有资本经营' })])
    expect(of(guihua, 'COMP-NOTE')).toEqual([])
    expect(of(guihua, 'COMP-EMPTY').map((f) => [f.table_code, f.severity])).toEqual([['F08', 'notice'], ['F09', 'notice']])
  })

  it('COMP-BLANK-PROSE: 高平 B10 is blank and its prose says 无“三公”经费 — no error', () => {
    expect(of(gaoping, 'COMP-BLANK-PROSE')).toEqual([])
    expect(of(gaoping, 'COMP-EMPTY').find((f) => f.table_code === 'B10')).toMatchObject({ severity: 'notice' })
  })
})

describe('years and units', () => {
  it('YEAR-HEADING: a table title of the previous year is an error; the real titles are not', () => {
    const edited = edit(GAOPING, '\n2026年预算支出总表\n', '\n2025年预算支出总表\n')
    const line = lineOf(edited, /^2025年预算支出总表$/)
    expect(of(review(edited), 'YEAR-HEADING')).toEqual([expect.objectContaining({ severity: 'error', line, table_code: 'B03', actual: '2025' })])
    expect(of(gaoping, 'YEAR-HEADING')).toEqual([])
    expect(of(guihua, 'YEAR-HEADING')).toEqual([])
  })

  it('YEAR-DATE: 截至 a year before a 决算’s own is an error; 高平 2026 budget 截至2025年12月31日 is not', () => {
    const edited = edit(guihuaText, /截至 2024 年 12 月 31 日/, '截至 2023 年 12 月 31 日')
    expect(of(reviewGuihua(edited), 'YEAR-DATE')).toEqual([expect.objectContaining({ severity: 'error', actual: '截至2023年12月31日', expected: '2024' })])
    expect(of(guihua, 'YEAR-DATE')).toEqual([])
    expect(GAOPING).toContain('截至2025年12月31日')
    expect(of(gaoping, 'YEAR-DATE')).toEqual([])
    // 晋城 2024 prints an appended 2021 notice of 晋城市财政局, dated 2021年11月15日 on a line of its own: not the report's date.
    expect(of(review(rawText('jincheng-2024-budget.txt')), 'YEAR-DATE')).toEqual([])
  })

  it('YEAR-PRIOR: 高平 2026 "与2024年…相比" is not the prior year; the real comparisons name 2025 (and the corpus 决算 2023)', () => {
    expect(GAOPING).toContain('与2025年')
    const edited = edit(GAOPING, '与2025年', '与2024年')
    const found = of(review(edited), 'YEAR-PRIOR')
    expect(found).toEqual([expect.objectContaining({ severity: 'error', expected: '2025', actual: '2024', line: lineOf(edited, '与2024年') })])
    expect(of(gaoping, 'YEAR-PRIOR')).toEqual([])
    // A budget may compare with the 决算 two years before; not with a budget two years before.
    expect(of(review(edit(GAOPING, '与2025年', '与2024年决算')), 'YEAR-PRIOR')).toEqual([])
    expect(of(changzhi, 'YEAR-PRIOR')).toEqual([])
    expect(of(guihua, 'YEAR-PRIOR')).toEqual([])
  })

  it('UNIT-CONTRADICT: the corpus 决算 with its 三公 table marked 单位：元 reads 2.85 元 against the prose’s 2.85万元; the real one does not', () => {
    const start = lineOf(guihuaText, /^\s+财政拨款“三公”经费支出决算表\s*$/)
    const lines = guihuaText.split('\n')
    const unitAt = lines.findIndex((l, i) => i >= start && /单位：万元/.test(l))
    lines[unitAt] = lines[unitAt]!.replace('单位：万元', '单位：元')
    const found = of(reviewGuihua(lines.join('\n')), 'UNIT-CONTRADICT')
    expect(found.length).toBe(5)
    expect(found[0]).toMatchObject({ severity: 'error', table_code: 'F07' })
    expect(found.map((f) => f.actual)).toContain('2.85')
    expect(of(guihua, 'UNIT-CONTRADICT')).toEqual([])
    expect(of(gaoping, 'UNIT-CONTRADICT')).toEqual([])
  })

  it('UNIT-MISSING: a table that does not print its unit; every real table does', () => {
    const lines = GAOPING.split('\n')
    const b01 = lineOf(GAOPING, /^2026年预算收支总表$/)
    const unitAt = lines.findIndex((l, i) => i >= b01 && /^单位[:：]万元$/.test(l))
    const edited = [...lines.slice(0, unitAt), ...lines.slice(unitAt + 1)].join('\n')
    expect(of(review(edited), 'UNIT-MISSING')).toEqual([expect.objectContaining({ table_code: 'B01', severity: 'warning' })])
    expect(of(gaoping, 'UNIT-MISSING')).toEqual([])
    expect(of(guihua, 'UNIT-MISSING')).toEqual([])
  })
})

describe('prose logic', () => {
  it('LOGIC-CMP: "决算数大于预算数" after 452.40 vs 446.11 is an error; the real sentences agree with their figures', () => {
    const edited = edit(guihuaText, /446\.11 万元，完成年初预算的 98\.61%。决算数小于/, '446.11 万元，完成年初预算的 98.61%。决算数大于')
    const found = of(reviewGuihua(edited), 'LOGIC-CMP')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ severity: 'error', line: lineOf(edited, '98.61%。决算数大于') })
    expect(found[0]!.message).toContain('446.11万元 小于预算 452.40万元')
    expect(of(guihua, 'LOGIC-CMP')).toEqual([])
  })

  it('LOGIC-REASON: a 小于 with its reason removed is a warning', () => {
    const edited = edit(guihuaText, /99\.50%。决算数小于预算数的主要原因：/, '99.50%。决算数小于预算数。')
    expect(of(reviewGuihua(edited), 'LOGIC-REASON')).toEqual([expect.objectContaining({ severity: 'warning' })])
    expect(of(guihua, 'LOGIC-REASON')).toEqual([])
  })

  it('LOGIC-DIRECTION: 减少 … 增长 for one change is an error', () => {
    const edited = edit(guihuaText, /收入支出总计增加 1062\.85/, '收入支出总计减少 1062.85')
    expect(of(reviewGuihua(edited), 'LOGIC-DIRECTION')).toEqual([expect.objectContaining({ severity: 'error', actual: '减少 / 增长' })])
    expect(of(guihua, 'LOGIC-DIRECTION')).toEqual([])
  })

  it('LOGIC-CHANGE: 长治 2026 line 629 says 减少35.91万元, 下降0.8% of 425.27万元 (it is 7.79%); 高平 line 374 agrees', () => {
    expect(of(changzhi, 'LOGIC-CHANGE')).toEqual([expect.objectContaining({ severity: 'error', line: 629, actual: '0.8%' })])
    expect(GAOPING.split('\n')[373]).toContain('比上年增加619.07万元，增长13.72%')
    expect(of(gaoping, 'LOGIC-CHANGE')).toEqual([])
    expect(of(guihua, 'LOGIC-CHANGE')).toEqual([])
  })

  it('LOGIC-INOUT: 晋城 2022 line 492 with 支出总计 turned to 增加 contradicts 收入总计减少; the real sentence agrees', () => {
    const JC22 = rawText('jincheng-2022-final.txt')
    const edited = edit(JC22, '下降47.54%，支出总计减少56,533,273.95元', '下降47.54%，支出总计增加56,533,273.95元')
    expect(of(review(edited), 'LOGIC-INOUT')).toEqual([expect.objectContaining({ severity: 'error', line: 492, expected: '减少 56533273.95元', actual: '增加 56533273.95元' })])
    expect(of(review(JC22), 'LOGIC-INOUT')).toEqual([])
    expect(of(guihua, 'LOGIC-INOUT')).toEqual([])
  })

  it('LOGIC-SHARE: 基本支出 330.77 ÷ 5131.27 printed as 16.45% is an error; the real 6.45% is not', () => {
    const edited = edit(GAOPING, '基本支出330.77万元，占6.45%', '基本支出330.77万元，占16.45%')
    expect(of(review(edited), 'LOGIC-SHARE')).toEqual([expect.objectContaining({ severity: 'error', line: 386, actual: '16.45%' })])
    expect(of(gaoping, 'LOGIC-SHARE')).toEqual([])
    expect(of(guihua, 'LOGIC-SHARE')).toEqual([])
  })
})

describe('template leftovers', () => {
  it('LEFT-PLACEHOLDER: the corpus blank template is full of XX; the real reports have none', async () => {
    const { parseCorpusPdf } = await import('../ingest/corpus')
    const blank = await parseCorpusPdf('shanghai-2024-final-dept-template-blank.pdf')
    const found = of(reviewReport(blank, blank.text), 'LEFT-PLACEHOLDER')
    expect(found.length).toBe(174)
    expect(found[0]).toMatchObject({ severity: 'error', line: 1, page: '1', actual: 'XX' })
    expect(of(gaoping, 'LEFT-PLACEHOLDER')).toEqual([])
    expect(of(changzhi, 'LEFT-PLACEHOLDER')).toEqual([])
    expect(of(guihua, 'LEFT-PLACEHOLDER')).toEqual([])
  })

  it('LEFT-ALTERNATIVES: the corpus 决算 prints "下降（增长）27.78%"', () => {
    expect(of(guihua, 'LEFT-ALTERNATIVES')).toEqual([expect.objectContaining({ severity: 'error', actual: '下降（增长）', line: lineOf(guihuaText, '下降（增长）') })])
    expect(of(gaoping, 'LEFT-ALTERNATIVES')).toEqual([])
  })

  it('LEFT-IMPOSSIBLE: "决算数增加持平" is self-contradictory', () => {
    const edited = edit(guihuaText, /171\.49 万元，完成年初预算的 100\.00%。决算数同\n\n预算数持平。/, '171.49 万元，完成年初预算的 100.00%。决算数同\n\n预算数增加持平。')
    expect(of(reviewGuihua(edited), 'LEFT-IMPOSSIBLE')).toEqual([expect.objectContaining({ severity: 'error', actual: '增加持平' })])
    expect(of(guihua, 'LEFT-IMPOSSIBLE')).toEqual([])
  })

  it('LEFT-ZERO-CHANGE, LEFT-PCT-DIGITS: "增加0万元" and "12.083%" in an edited copy; none in the real one', () => {
    const edited = edit(GAOPING, /(预算收入总计5,131\.27万元，其中：本年收入4,472\.32万元，上年结转658\.95万元，)比上年增加619\.07万元，增长13\.72%/, '$1比上年增加0万元，增长13.723%')
    const f = review(edited)
    expect(of(f, 'LEFT-ZERO-CHANGE')).toEqual([expect.objectContaining({ line: 374, actual: '增加0万元', severity: 'warning' })])
    expect(of(f, 'LEFT-PCT-DIGITS')).toEqual([expect.objectContaining({ line: 374, actual: '13.723%', severity: 'warning' })])
    expect(of(gaoping, 'LEFT-ZERO-CHANGE')).toEqual([])
    expect(of(gaoping, 'LEFT-PCT-DIGITS')).toEqual([])
  })

  it('LEFT-PCT-SIGN: the corpus 决算 prints "增长 13.95。" without %', () => {
    expect(of(guihua, 'LEFT-PCT-SIGN')).toEqual([expect.objectContaining({ severity: 'warning', actual: '增长13.95' })])
    expect(of(gaoping, 'LEFT-PCT-SIGN')).toEqual([])
  })

  it('LEFT-NEGATIVE: a negative 三公 budget figure is an error; no real table has one', () => {
    const edited = edit(CHANGZHI, /^(公务接待费\t)([\d.]+)/m, '$1-$2')
    const found = of(review(edited), 'LEFT-NEGATIVE')
    expect(found.length).toBe(1)
    expect(found[0]).toMatchObject({ severity: 'error', table_code: 'B10' })
    expect(of(changzhi, 'LEFT-NEGATIVE')).toEqual([])
    expect(of(guihua, 'LEFT-NEGATIVE')).toEqual([])
  })
})

describe('failed checks as findings', () => {
  it('every failed check is an error finding with its family as rule id; passes and roundings are not findings', () => {
    const r = parseReport(CHANGZHI, { source: 'changzhi-2026-budget.txt' })
    const fails = r.checks.filter((c) => c.status === 'fail')
    const chk = changzhi.filter((f) => f.rule.startsWith('CHK-'))
    expect(chk).toHaveLength(fails.length)
    expect(chk[0]).toMatchObject({ rule: 'CHK-PROSE', severity: 'error', line: 629, table_code: 'B11', expected: '4252800.00', actual: '4252700.00', value_unit: '元' })
    // The message names the unit of what it compares.
    expect(chk[0]!.message).toContain('应为 4252800.00 元，实为 4252700.00 元，差 -100.00 元')
    expect(chk[0]!.message_en).toContain('expected 4252800.00 yuan, found 4252700.00 yuan, difference -100.00 yuan')
    expect(r.checks.filter((c) => c.status === 'rounding').length).toBe(34)
  })

  it('derives the rule id from the check family, 自评 checks of issue #16 included', () => {
    expect(checkRule('B01 收入总计 = 支出总计')).toBe('CHK-BALANCE')
    expect(checkRule('F05 212 城乡社区支出（第287行）：合计 = 基本支出 + 项目支出')).toBe('CHK-ROW')
    expect(checkRule('F06 公用经费/决算数：302 商品和服务支出 = 下级科目之和')).toBe('CHK-TREE')
    expect(checkRule('B12 合计：晋城技师学院 = 各项目之和')).toBe('CHK-UNITS')
    expect(checkRule('F04 支出 合计：本年支出合计 = 各项之和')).toBe('CHK-COLUMN')
    expect(checkRule('F01 卫生健康支出 = F03 210')).toBe('CHK-CROSS')
    expect(checkRule('三公决算：合计 = 因公出国（境）费 + 公务接待费')).toBe('CHK-SANGONG')
    expect(checkRule('文字说明（第629行）机关运行经费 = B11 部门合计 合计')).toBe('CHK-PROSE')
    expect(checkRule('自评 某项目：得分 = 各指标得分之和')).toBe('CHK-SELFEVAL')
    expect(checkRule('文字说明 部门预算二级项目绩效自评金额 = 自评表年初预算数之和')).toBe('CHK-SELFEVAL')
    expect(checkRule('something new')).toBe('CHK-OTHER')
  })

  it('lists every rule id the review can give exactly once', () => {
    const ids = RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const f of [...gaoping, ...changzhi, ...guihua]) expect(ids).toContain(f.rule)
  })
})

describe('cross-table identities', () => {
  const JC22 = rawText('jincheng-2022-final.txt')
  const JC24 = rawText('jincheng-2024-budget.txt')

  it('X-BASIC-ECON: 高平 B06 合计 330.77 made 340.77 disagrees with B05 基本支出 330.77; the real tables agree (and the corpus F05 = F06 人员 + 公用)', () => {
    const edited = edit(GAOPING, /\n合计\t\t330\.77\t316\.01\t14\.76\n/, '\n合计\t\t340.77\t326.01\t14.76\n')
    expect(of(review(edited), 'X-BASIC-ECON')).toEqual([expect.objectContaining({ severity: 'error', table_code: 'B06', expected: '3307700.00', actual: '3407700.00' })])
    expect(of(gaoping, 'X-BASIC-ECON')).toEqual([])
    expect(of(review(JC22), 'X-BASIC-ECON')).toEqual([])
    expect(of(guihua, 'X-BASIC-ECON')).toEqual([])
  })

  it('X-PROJECTS: 长治 B13 合计 661.98 made 761.98 no longer adds up to B03 项目支出 with B12; the real tables do', () => {
    const edited = edit(CHANGZHI, /\n长治市人力资源和社会保障局\t661\.98\t661\.98\t/, '\n长治市人力资源和社会保障局\t761.98\t761.98\t')
    expect(of(review(edited), 'X-PROJECTS')).toEqual([expect.objectContaining({ severity: 'error', row_label: 'B03 项目支出', expected: '157333400.00', actual: '158333400.00' })])
    expect(of(changzhi, 'X-PROJECTS')).toEqual([])
    expect(of(review(JC24), 'X-PROJECTS')).toEqual([])
  })

  it('X-FUNDING: 长治 B04 本年收入合计 23743.71 made 23843.71 disagrees with B02’s 一般公共预算; the real tables (and the corpus F02/F04) agree', () => {
    const edited = edit(CHANGZHI, /\n本年收入合计\t23743\.71\t/, '\n本年收入合计\t23843.71\t')
    expect(of(review(edited), 'X-FUNDING')).toEqual([expect.objectContaining({ severity: 'error', table_code: 'B04', expected: '237437100.00', actual: '238437100.00' })])
    expect(of(changzhi, 'X-FUNDING')).toEqual([])
    expect(of(review(JC24), 'X-FUNDING')).toEqual([])
    expect(of(review(JC22), 'X-FUNDING')).toEqual([])
    expect(of(guihua, 'X-FUNDING')).toEqual([])
  })

  it('X-CARRY: 晋城 2022 年末结转 86005.00 made 96005.00 ≠ 75005.00 + 本年收入 − 本年支出; the real F01 balances', () => {
    const edited = edit(JC22, '年末结转和结余\t60.00\t86005.00', '年末结转和结余\t60.00\t96005.00')
    expect(of(review(edited), 'X-CARRY')).toEqual([expect.objectContaining({ severity: 'error', table_code: 'F01', line: 181 })])
    expect(of(review(JC22), 'X-CARRY')).toEqual([])
    expect(of(guihua, 'X-CARRY')).toEqual([])
  })

  it('X-SANGONG-PROSE: 晋城 2022 line 590 with 公务接待费 9,703.00元 disagrees with F07 8703.00; the real prose agrees, and the corpus "减少0.15万元" is a change, not the figure', () => {
    const edited = edit(JC22, '4、公务接待费支出8,703.00元', '4、公务接待费支出9,703.00元')
    expect(of(review(edited), 'X-SANGONG-PROSE')).toEqual([expect.objectContaining({ severity: 'error', line: 590, table_code: 'F07', expected: '8703.00', actual: '9703.00' })])
    expect(of(review(JC22), 'X-SANGONG-PROSE')).toEqual([])
    expect(of(changzhi, 'X-SANGONG-PROSE')).toEqual([])
    expect(guihuaText).toMatch(/公务接待费支出决算减少\s+0\.15\s+万元/)
    expect(of(guihua, 'X-SANGONG-PROSE')).toEqual([])
  })

  it('X-SANGONG-OVER: 晋城 2022 公务接待费 决算 8703.00 made 28703.00 is above its 20000.00 预算 (a notice); the real one is below', () => {
    const edited = edit(JC22, '\t20288.20\t\t11585.20\t\t11585.20\t8703.00', '\t40288.20\t\t11585.20\t\t11585.20\t28703.00')
    const found = of(review(edited), 'X-SANGONG-OVER')
    expect(found.map((f) => [f.severity, f.row_label, f.actual])).toEqual([['notice', '公务接待费', '28703.00']])
    expect(of(review(JC22), 'X-SANGONG-OVER')).toEqual([])
  })
})
