import { describe, expect, it } from 'vitest'
import { toYuan } from '../../src/ingest/decimal'
import {
  cite, citationText, citeEvaluation, citeEvaluationField, citeLineItem, citeNarrative, citeSangong, citeTarget, contextLines, sourceLine, usesOf,
} from '../../src/publish/citation'
import { TABLE_NAMES, tableNumber } from '../../src/publish/templates'
import { doc, documents, evaluationFields, evaluations, lineItems, narrative, only, raw, rawLine, sangong, targets } from './dataset'

const CZ = 'changzhi-2026-budget'
const JC24 = 'jincheng-2024-budget'
const JC22 = 'jincheng-2022-final'
const GP = 'gaoping-2026-budget'

describe('TABLE_NAMES', () => {
  it('names every table of the national templates (ARCHITECTURE.md), B01 预算收支总表 to F10 部门决算公开相关信息统计表', () => {
    expect(Object.keys(TABLE_NAMES)).toHaveLength(23)
    expect(TABLE_NAMES.B01).toBe('预算收支总表')
    expect(TABLE_NAMES.B03).toBe('预算支出总表')
    expect(TABLE_NAMES.B11).toBe('机关运行经费预算表')
    expect(TABLE_NAMES.F07).toBe('“三公”经费支出决算表')
    expect(TABLE_NAMES.F10).toBe('部门决算公开相关信息统计表')
  })

  it('numbers tables as the templates print them: 预算公开表3, 公开07表', () => {
    expect(tableNumber('B03')).toBe('预算公开表3')
    expect(tableNumber('B13')).toBe('预算公开表13')
    expect(tableNumber('F07')).toBe('公开07表')
    // The reports print these numbers above the tables.
    expect(rawLine(JC22, 402)).toContain('公开07表')
    expect(raw(CZ)).toContain('预算公开表10')
  })
})

describe('citeLineItem', () => {
  const row = only(lineItems, { doc_id: CZ, table_code: 'B03', class_code: '208', measure: '合计' })
  const c = citeLineItem(row, doc(CZ), raw(CZ))

  it('cites 长治 2026 B03 社会保障和就业支出 合计 19290.76万元 on line 187, where the report prints it', () => {
    expect(rawLine(CZ, 187)).toBe('208\t社会保障和就业支出\t19290.76\t4868.36\t14422.39')
    expect(c).toMatchObject({
      kind: 'line_item',
      documentTitle: '长治市人力资源和社会保障局2026年部门预算公开',
      sourceFile: 'changzhi-2026-budget.txt',
      line: 187,
      tableCode: 'B03',
      tableName: '预算支出总表',
      tableNumber: '预算公开表3',
      rowLabel: '社会保障和就业支出',
      classCode: '208',
      measure: '合计',
      printed: '19290.76',
      printedUnit: '万元',
      printedFigure: '19290.76万元',
      value: '192907600.00',
      lineHoldsFigure: true,
    })
  })

  it('shows the cited line with two lines either side', () => {
    expect(c.context.map((l) => l.line)).toEqual([185, 186, 187, 188, 189])
    expect(c.context.filter((l) => l.cited)).toEqual([{ line: 187, text: rawLine(CZ, 187), cited: true }])
    expect(c.context[0]!.text).toBe('20503\t职业教育\t4262.58\t2987.59\t1274.98')
  })

  it('reads as one line a journalist can paste, in Chinese and in English', () => {
    expect(citationText(c)).toBe(
      '来源：长治市人力资源和社会保障局2026年部门预算公开，预算公开表3《预算支出总表》，“208 社会保障和就业支出”行“合计”列，19290.76万元（原文第187行）',
    )
    expect(citationText(c, 'en')).toBe(
      'Source: 长治市人力资源和社会保障局2026年部门预算公开, Budget table 3: Budget expenditure summary (预算公开表3《预算支出总表》), ' +
        'row “208 社会保障和就业支出”, column “合计”: 19290.76万元 (changzhi-2026-budget.txt, line 187)',
    )
  })

  it('names the side of a two-sided table and the project of a B12 row', () => {
    const b01 = only(lineItems, { doc_id: CZ, table_code: 'B01', side: '支出', row_label: '五、教育支出', measure: '合计' })
    expect(rawLine(CZ, 85)).toBe('五、单位资金\t267.80\t五、教育支出\t4265.95\t4032.60\t233.35')
    expect(citationText(citeLineItem(b01, doc(CZ), raw(CZ)))).toBe(
      '来源：长治市人力资源和社会保障局2026年部门预算公开，预算公开表1《预算收支总表》，支出方“五、教育支出”行“合计”列，4265.95万元（原文第85行）',
    )
    const b12 = only(lineItems, { doc_id: CZ, table_code: 'B12', project_name: '全民参保工作业务经费', measure: '合计' })
    expect(rawLine(CZ, 480)).toBe('全民参保工作业务经费\t10.00\t10.00\t\t\t\t')
    expect(citationText(citeLineItem(b12, doc(CZ), raw(CZ)))).toBe(
      '来源：长治市人力资源和社会保障局2026年部门预算公开，预算公开表12《项目支出预算表（本年预算）》，' +
        '“长治市人力资源和社会保障局·全民参保工作业务经费”行“合计”列，10.00万元（原文第480行）',
    )
  })

  it('cites a final-accounts table printed in 元 by its 公开NN表 number', () => {
    const f07 = only(lineItems, { doc_id: JC22, table_code: 'F07', measure: '预算数/合计' })
    expect(rawLine(JC22, 414).split('\t')[0]).toBe('71000.00')
    expect(citationText(citeLineItem(f07, doc(JC22), raw(JC22)))).toBe(
      '来源：晋城市人力资源和社会保障局2022年单位决算公开，公开07表《“三公”经费支出决算表》，“预算数/合计”列，71000.00元（原文第414行）',
    )
  })

  it('skips watermark, page-number and blank lines in the context (jincheng-2024-budget.txt line 312, before a page break)', () => {
    const r = lineItems.find((x) => x.doc_id === JC24 && x.line === 312)!
    const ctx = citeLineItem(r, doc(JC24), raw(JC24)).context
    // Read off the text: 308 and 310 are rows, 314 is "-6-", 316 the running header,
    // 318–352 the 仅供/内部/审核 watermark, 356 the next table's title.
    expect(rawLine(JC24, 314)).toBe('-6-')
    expect(rawLine(JC24, 356)).toBe('表三2024年预算支出总表')
    expect(ctx.map((l) => l.line)).toEqual([308, 310, 312, 316, 356])
  })

  it('finds, for every line item of every document, the printed figure on the cited line and in a unit that gives its value', () => {
    let n = 0
    for (const r of lineItems) {
      const c = citeLineItem(r, doc(r.doc_id), raw(r.doc_id))
      expect(c.lineHoldsFigure, `${r.doc_id} line ${r.line} ${r.raw}`).toBe(true)
      if (r.unit === '元') expect(toYuan(r.raw.replace(/,/g, ''), c.printedUnit), `${r.doc_id} line ${r.line}`).toBe(r.value)
      n++
    }
    // Every line item of line_items.csv.
    expect(n).toBe(1763)
  })
})

describe('citeSangong', () => {
  it('cites a 三公 figure in B10 with the figure printed on its line (长治 合计 16.32万元, line 453)', () => {
    const r = only(sangong, { doc_id: CZ, category: '合计' })
    expect(rawLine(CZ, 453)).toBe('合计\t16.32\t16.32\t\t')
    const c = citeSangong(r, doc(CZ), raw(CZ))
    expect(c).toMatchObject({ tableCode: 'B10', printed: '16.32', printedUnit: '万元', line: 453, lineHoldsFigure: true })
    expect(citationText(c)).toBe('来源：长治市人力资源和社会保障局2026年部门预算公开，预算公开表10《“三公”经费支出预算表》，“合计”预算数，16.32万元（原文第453行）')
    expect(citationText(c, 'en')).toContain('合计, 预算数: 16.32万元 (changzhi-2026-budget.txt, line 453)')
  })

  it('cites 决算数 of F07 in 元', () => {
    const r = only(sangong, { doc_id: JC22, figure: '决算', category: '公务接待费' })
    const c = citeSangong(r, doc(JC22), raw(JC22))
    expect(rawLine(JC22, 414).split('\t').at(-1)).toBe('8703.00')
    expect(citationText(c)).toBe('来源：晋城市人力资源和社会保障局2022年单位决算公开，公开07表《“三公”经费支出决算表》，“公务接待费”决算数，8703.00元（原文第414行）')
  })

  it('cites the sentence of a report that has no 三公经费 as prose (高平 line 417)', () => {
    const r = only(sangong, { doc_id: GP, category: '合计' })
    expect(rawLine(GP, 417)).toBe('本单位无“三公”经费预算。')
    const c = citeSangong(r, doc(GP), raw(GP))
    expect(c.tableCode).toBe('')
    expect(citationText(c)).toBe('来源：高平市就业和人才服务中心2026年单位预算公开，情况说明，“本单位无‘三公’经费预算。”，合计预算数按0计（原文第417行）')
  })
})

describe('citeNarrative', () => {
  it('quotes a stated figure with its line (长治 机关运行经费 425.27万元, line 629)', () => {
    const r = only(narrative, { doc_id: CZ, subject: '机关运行经费', relation: 'stated', line: 629 })
    expect(rawLine(CZ, 629)).toContain('机关运行经费财政拨款预算425.27万元')
    const c = citeNarrative(r, doc(CZ), raw(CZ))
    expect(c).toMatchObject({ printedFigure: '425.27万元', line: 629, lineHoldsFigure: true, derived: false })
    expect(citationText(c)).toBe(`来源：长治市人力资源和社会保障局2026年部门预算公开，情况说明，机关运行经费425.27万元，原文：“${r.quote}”（原文第629行）`)
    expect(citationText(c, 'en')).toBe(`Source: 长治市人力资源和社会保障局2026年部门预算公开, narrative, 机关运行经费 425.27万元, quoting “${r.quote}” (changzhi-2026-budget.txt, line 629)`)
  })

  it('says a derived prior-year figure is computed from the stated change, not printed (收入总计 2025 = 24736.24 + 5870.47万元)', () => {
    const r = only(narrative, { doc_id: CZ, subject: '收入总计', year: '2025' })
    expect(rawLine(CZ, 575)).toContain('比上年减少5870.47万元')
    const c = citeNarrative(r, doc(CZ), raw(CZ))
    expect(c.derived).toBe(true)
    expect(c.printedFigure).toBe('')
    expect(citationText(c)).toMatch(/（原文第575行）；据此推算2025年收入总计为30606\.71万元$/)
    expect(citationText(c, 'en')).toMatch(/line 575\); 2025 收入总计 derived from the stated change: 30606\.71万元$/)
  })
})

describe('citeEvaluation', () => {
  it('cites a 绩效自评表 by project with 全年执行数 as printed in 万元 inside a report in 元 (jincheng 2022 line 685)', () => {
    const r = only(evaluations, { doc_id: JC22, project_name: '人才工作专项经费' })
    expect(rawLine(JC22, 685).split('\t').filter(Boolean)).toEqual(['资金总额：', '90', '90', '97.2', '97.2', '0', '100', '10'])
    const c = citeEvaluation(r, doc(JC22), raw(JC22))
    expect(c).toMatchObject({ printed: '97.2', printedUnit: '万元', value: '972000.00', line: 685, lineHoldsFigure: true })
    expect(citationText(c)).toBe(
      '来源：晋城市人力资源和社会保障局2022年单位决算公开，《项目支出绩效自评表》，“晋城市人力资源和社会保障·人才工作专项经费”项目全年执行数97.2万元，执行率100%，得分100，等级优（原文第685行）',
    )
    expect(citationText(c, 'en')).toBe(
      'Source: 晋城市人力资源和社会保障局2022年单位决算公开, performance self-evaluation table, project “晋城市人力资源和社会保障·人才工作专项经费”, ' +
        'executed 97.2万元, execution rate 100%, score 100, grade 优 (jincheng-2022-final.txt, line 685)',
    )
  })
})

describe('citeTarget', () => {
  it('cites an indicator of a 绩效目标表 with its 指标值 as printed (长治 line 668, ≥18人)', () => {
    const r = targets.find((t) => t.doc_id === CZ && t.line === 668 && t.period === '年度' && t.level3 === '年补助困难人数')!
    expect(rawLine(CZ, 668)).toBe('\t产出指标\t数量指标\t年补助困难人数\t≥18人\t数量指标\t年补助困难人数\t≥18人\t\t')
    const c = citeTarget(r, doc(CZ), raw(CZ))
    expect(c.lineHoldsFigure).toBe(true)
    expect(citationText(c)).toBe(
      '来源：长治市人力资源和社会保障局2026年部门预算公开，《项目支出绩效目标表》，“长治市就业管理服务中心·96改革人员生活困难补助及烤火费”项目，年度指标“产出指标/数量指标/年补助困难人数”：≥18人（原文第668行）',
    )
    expect(citationText(c, 'en')).toContain('annual indicator “产出指标/数量指标/年补助困难人数”: ≥18人 (changzhi-2026-budget.txt, line 668)')
  })
})

describe('cite', () => {
  it('tells the kind of row by its columns', () => {
    const kinds = [
      cite(only(lineItems, { doc_id: CZ, table_code: 'B03', class_code: '208', measure: '合计' }), doc(CZ), raw(CZ)),
      cite(only(sangong, { doc_id: CZ, category: '合计' }), doc(CZ), raw(CZ)),
      cite(only(narrative, { doc_id: CZ, subject: '收入总计', year: '2025' }), doc(CZ), raw(CZ)),
      cite(only(evaluations, { doc_id: JC22, project_name: '人才工作专项经费' }), doc(JC22), raw(JC22)),
      cite(targets.find((t) => t.doc_id === CZ)!, doc(CZ), raw(CZ)),
    ].map((c) => c.kind)
    expect(kinds).toEqual(['line_item', 'sangong', 'narrative', 'evaluation', 'target'])
  })
})

describe('contextLines', () => {
  it('stops at the start and end of the file', () => {
    expect(contextLines(['a', 'b', 'c'], 1).map((l) => l.line)).toEqual([1, 2, 3])
    expect(contextLines(['a', 'b', 'c'], 3).map((l) => l.line)).toEqual([1, 2, 3])
    expect(contextLines(['a'], 2)).toEqual([])
  })
})

describe('sourceLine', () => {
  const jc24 = doc(JC24)
  const cz = doc(CZ)

  it('names each document with the tables a chart drew from, in the order given', () => {
    const rows = lineItems.filter((r) => (r.doc_id === JC24 || r.doc_id === CZ) && r.table_code === 'B03' && r.class_code === '208')
    expect(sourceLine([jc24, cz], usesOf(rows))).toBe(
      '来源：晋城市人力资源和社会保障局2024年部门预算公开，表3；长治市人力资源和社会保障局2026年部门预算公开，表3',
    )
    expect(sourceLine([jc24, cz], usesOf(rows), 'en')).toBe(
      'Source: 晋城市人力资源和社会保障局2024年部门预算公开, table 3; 长治市人力资源和社会保障局2026年部门预算公开, table 3',
    )
  })

  it('lists several tables in template order and leaves out documents the chart did not use', () => {
    expect(sourceLine(documents, [
      { doc_id: CZ, table: 'B03' }, { doc_id: CZ, table: 'B01' }, { doc_id: CZ, table: 'B03' }, { doc_id: CZ, table: '情况说明' },
    ])).toBe('来源：长治市人力资源和社会保障局2026年部门预算公开，表1、表3、情况说明')
  })

  it('names the 三公 tables of each kind of report for sangong rows (B10 for a budget, 公开07表 for final accounts)', () => {
    const rows = sangong.filter((r) => r.category === '合计' && (r.doc_id === JC22 || r.doc_id === CZ))
    expect(sourceLine([doc(JC22), cz], usesOf(rows, documents))).toBe(
      '来源：晋城市人力资源和社会保障局2022年单位决算公开，公开07表；长治市人力资源和社会保障局2026年部门预算公开，表10',
    )
  })
})

describe('citeEvaluationField (issue 16)', () => {
  const field = (line: number, name: string) => evaluationFields.find((f) => f.doc_id === JC22 && f.line === line && f.field === name)!

  it('cites the analysis sentence\'s 实际执行125.45万元 on line 922, quoting the sentence', () => {
    const c = citeEvaluationField(field(922, '执行数'), doc(JC22), raw(JC22))
    expect(c).toMatchObject({ kind: 'evaluation_field', printed: '125.45', printedUnit: '万元', value: '1254500.00', line: 922, lineHoldsFigure: true })
    expect(citationText(c)).toMatch(/^来源：晋城市人力资源和社会保障局2022年单位决算公开，《项目支出绩效自评表》，“职业技能提升工程工作经费”项目自评结果分析：执行数125\.45万元，原文：“.*实际执行125\.45万元.*”（原文第922行）$/)
  })

  it('names the 108%\'s denominator (年初预算, line 697) and the table cell\'s (全年预算, line 685)', () => {
    expect(citationText(citeEvaluationField(field(697, '执行率'), doc(JC22), raw(JC22)))).toContain('自评结果分析：执行率108%（分母：年初预算）')
    const cell = citeEvaluationField(evaluationFields.find((f) => f.doc_id === JC22 && f.line === 685 && f.field === '执行率')!, doc(JC22), raw(JC22))
    expect(citationText(cell, 'en')).toContain('资金总额 执行率: 100% (divided by the full-year budget)')
  })

  it('cites 总分 on the 总分 row once (jincheng-2022 line 921: 66.32)', () => {
    expect(citationText(citeEvaluationField(field(921, '总分'), doc(JC22), raw(JC22)))).toMatch(/“职业技能提升工程工作经费”项目总分66\.32（原文第921行）$/)
  })

  it('is what cite() makes of an evaluation_fields row', () => {
    expect(cite(field(922, '执行数'), doc(JC22), raw(JC22)).kind).toBe('evaluation_field')
  })
})
