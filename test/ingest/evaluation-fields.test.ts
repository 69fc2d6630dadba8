import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport, type EvaluationFieldRow } from '../../src/ingest/index'
import { toYuan } from '../../src/ingest/decimal'

const report = parseReport(readFileSync('data/raw/jincheng-2022-final.txt', 'utf8'), { source: 'jincheng-2022-final.txt' })
const DOC = 'jincheng-2022-final'

/**
 * Every 项目支出绩效自评表 of jincheng-2022-final.txt, read by hand from the text
 * (万元). Each 资金 row prints, in order: 年初预算数 (目标申报数, 预算编制数), 全年预算数,
 * 全年执行数, 资金结(转)余, 执行率, 得分. `sub` is the row under 资金总额; null where its
 * figures cannot be matched to the columns (line 1060 prints eight numbers for seven
 * columns). `said` is what the 自评结果分析 sentence states, with the budget its rate
 * divides by; a cut-off amount without its unit ("年初预算金额17820", line 848) is not read.
 */
interface Table {
  project: string
  line: number
  total: string[]
  sub: { label: string; line: number; raws: string[] } | null
  scoreLine: number
  score: string
  grade: string
  said: { line: number; budget?: [string, string]; executed?: string; rate?: [string, string] } | null
}

const TABLES: Table[] = [
  { project: '人才工作专项经费', line: 685, total: ['90', '90', '97.2', '97.2', '0', '100', '10'],
    sub: { label: '市县区财政资金', line: 686, raws: ['90', '90', '97.2', '97.2', '0', '100.00', '10.00'] }, scoreLine: 696, score: '100', grade: '优',
    said: { line: 697, budget: ['90', '年初预算'], executed: '97.2', rate: ['108', '年初预算'] } },
  { project: '人才教育培训', line: 722, total: ['50', '50', '18.451', '18.451', '0', '100', '10'],
    sub: { label: '市县区财政资金', line: 723, raws: ['50', '50', '18.451', '18.451', '0', '100.00', '10.00'] }, scoreLine: 735, score: '100', grade: '优',
    said: { line: 736, budget: ['50', '年初预算'], executed: '18.45' } },
  { project: '人事人才及社保专项', line: 761, total: ['120', '120', '102.432', '102.432', '0', '100', '10'],
    sub: { label: '市县区财政资金', line: 762, raws: ['120', '120', '102.432', '102.432', '0', '100.00', '10.00'] }, scoreLine: 775, score: '95', grade: '优',
    said: { line: 776, budget: ['120', '年初预算'], executed: '102.43', rate: ['85.35', '年初预算'] } },
  { project: '社保基金审计资金', line: 799, total: ['10', '10', '10', '10', '0', '100', '10'],
    sub: { label: '市区区财政资金', line: 800, raws: ['10', '10', '10', '10', '0', '100.00', '10.00'] }, scoreLine: 810, score: '95', grade: '优',
    said: { line: 811, budget: ['10', '年初预算'], executed: '10', rate: ['100', '年初预算'] } },
  { project: '社区劳动保障工作人员补助资金', line: 836, total: ['178.2', '178.2', '178.2', '0', '178.2', '0', '0'],
    sub: { label: '市县区财政资金', line: 837, raws: ['178.2', '178.2', '178.2', '0', '178.2', '0.00', '0.00'] }, scoreLine: 847, score: '85', grade: '良',
    said: null },
  { project: '事业单位招聘专业技术人员经费', line: 873, total: ['40', '40', '40', '40', '0', '100', '10'],
    sub: { label: '市区财政资金', line: 874, raws: ['40', '40', '40', '40', '0', '100.00', '10.00'] }, scoreLine: 885, score: '95', grade: '优',
    said: { line: 886, budget: ['40', '年初预算'], executed: '40' } },
  { project: '职业技能提升工程工作经费', line: 909, total: ['900', '900', '35.457', '35.457', '0', '100', '10'],
    sub: { label: '市县区财政资金', line: 910, raws: ['900', '900', '35.457', '35.457', '0', '100.00', '10.00'] }, scoreLine: 921, score: '66.32', grade: '中',
    said: { line: 922, budget: ['900', '年初预算'], executed: '125.45', rate: ['13.9', '年初预算'] } },
  { project: '2021年全市“两项表彰”奖励资金', line: 945, total: ['150', '150', '150', '150', '0', '100', '10'],
    sub: { label: '市县区财政资金', line: 946, raws: ['150', '150', '150', '150', '0', '100.00', '10.00'] }, scoreLine: 958, score: '100', grade: '优',
    said: null },
  { project: '补充创业担保贷款担保基金', line: 984, total: ['500', '500', '500', '500', '0', '100', '10'],
    sub: { label: '市、县、区财政资金', line: 985, raws: ['500', '500', '500', '500', '0', '100.00', '10.00'] }, scoreLine: 996, score: '95', grade: '优',
    said: null },
  { project: '创业就业专项', line: 1021, total: ['2,480', '2,480', '2,125.867', '2,125.867', '0', '100', '10'],
    sub: { label: '市区区财政资金', line: 1022, raws: ['2,480', '2,480', '2,125.867', '2,125.867', '0', '100.00', '10.00'] }, scoreLine: 1033, score: '95', grade: '优',
    said: { line: 1034, rate: ['86', '年初预算'] } },
  { project: '建国前老工人津贴补贴', line: 1059, total: ['41', '41', '0', '0', '0', '0', '0'],
    sub: null, scoreLine: 1070, score: '90', grade: '优',
    said: { line: 1071, rate: ['95', ''] } },
  { project: '晋城市人力资源和社会保障局机房设备整体托管经费', line: 1094, total: ['55', '55', '55', '55', '0', '100', '10'],
    sub: { label: '市县区财政资金', line: 1095, raws: ['55', '55', '55', '55', '0', '100.00', '10.00'] }, scoreLine: 1105, score: '95', grade: '优',
    said: null },
  { project: '企业退休抗美援朝志愿军老战士生活补贴', line: 1131, total: ['1.06', '1.06', '0', '0', '0', '0', '0'],
    sub: { label: '市区区财政资金', line: 1132, raws: ['1.06', '1.06', '0', '0', '0', '0.00', '0.00'] }, scoreLine: 1143, score: '85', grade: '良',
    said: { line: 1144, budget: ['1.06', '年初预算'] } },
]

const COLUMNS = ['年初预算数/目标申报数', '年初预算数/预算编制数', '全年预算数', '全年执行数', '结余', '执行率', '得分']
const plain = (raw: string) => raw.replace(/,/g, '')

/** The fields a 资金 row's printed figures must give, in 元 / % / 分. */
function moneyFields(project: string, label: string, line: number, raws: string[]): Partial<EvaluationFieldRow>[] {
  return raws.map((raw, i) => {
    const field = COLUMNS[i]!
    const isRate = field === '执行率'
    const isScore = field === '得分'
    return {
      doc_id: DOC, project_name: project, part: '表', row_label: label, field, raw, line,
      value: isRate || isScore ? plain(raw) : toYuan(plain(raw), '万元'),
      unit: isRate ? '%' : isScore ? '分' : '元',
      denominator: isRate ? '全年预算' : '',
    }
  })
}

const pick = (f: EvaluationFieldRow): Partial<EvaluationFieldRow> => ({
  doc_id: f.doc_id, project_name: f.project_name, part: f.part, row_label: f.row_label, field: f.field, raw: f.raw, line: f.line, value: f.value, unit: f.unit, denominator: f.denominator,
})

describe('evaluation fields — every 自评表 of jincheng-2022-final.txt, each field on its own line', () => {
  for (const t of TABLES) {
    it(`${t.project}: the 资金 rows (line ${t.line}${t.sub ? `, ${t.sub.line}` : ''}), 总分 and 等级 (line ${t.scoreLine})`, () => {
      const expected = [
        ...moneyFields(t.project, '资金总额', t.line, t.total),
        ...(t.sub ? moneyFields(t.project, t.sub.label, t.sub.line, t.sub.raws) : []),
        { doc_id: DOC, project_name: t.project, part: '表', row_label: '总分', field: '总分', raw: t.score, line: t.scoreLine, value: t.score, unit: '分', denominator: '' },
        { doc_id: DOC, project_name: t.project, part: '表', row_label: '总分', field: '等级', raw: t.grade, line: t.scoreLine, value: t.grade, unit: '', denominator: '' },
      ]
      const got = report.evaluationFields.filter((f) => f.project_name === t.project && f.part === '表').map(pick)
      expect(got).toEqual(expected)
      const row = report.evaluations.find((e) => e.project_name === t.project)!
      expect([row.score, row.score_line, row.grade, row.grade_line]).toEqual([t.score, t.scoreLine, t.grade, t.scoreLine])
    })

    it(`${t.project}: the analysis sentence ${t.said ? `(line ${t.said.line})` : 'states no labelled figure'}`, () => {
      const got = report.evaluationFields.filter((f) => f.project_name === t.project && f.part === '分析')
      const expected: Partial<EvaluationFieldRow>[] = []
      if (t.said?.budget) expected.push({ field: '预算数', raw: t.said.budget[0], value: toYuan(t.said.budget[0], '万元'), unit: '元', denominator: t.said.budget[1], line: t.said.line })
      if (t.said?.executed) expected.push({ field: '执行数', raw: t.said.executed, value: toYuan(t.said.executed, '万元'), unit: '元', denominator: '', line: t.said.line })
      if (t.said?.rate) expected.push({ field: '执行率', raw: t.said.rate[0], value: t.said.rate[0], unit: '%', denominator: t.said.rate[1], line: t.said.line })
      expect(got.map((f) => ({ field: f.field, raw: f.raw, value: f.value, unit: f.unit, denominator: f.denominator, line: f.line }))).toEqual(expected)
      for (const f of got) expect(f.quote).toContain(f.raw)
    })
  }

  it('reads the 108% of 人才工作专项经费 with its denominator 年初预算 (97.2 ÷ 90), beside the table\'s 100 against 全年预算', () => {
    const said = report.evaluationFields.find((f) => f.project_name === '人才工作专项经费' && f.part === '分析' && f.field === '执行率')!
    expect(said).toMatchObject({ value: '108', denominator: '年初预算', line: 697 })
    expect(said.quote).toContain('该项目预算下达90万元，实际执行97.2万元，预算执行率为108%')
    const table = report.evaluationFields.find((f) => f.project_name === '人才工作专项经费' && f.part === '表' && f.field === '执行率' && f.line === 685)!
    expect(table).toMatchObject({ value: '100', denominator: '全年预算' })
  })

  it('reads the 整体支出 self-evaluation from the prose (line 642), field by field', () => {
    const got = report.evaluationFields.filter((f) => f.project_name === '整体支出').map((f) => [f.part, f.field, f.value, f.unit, f.denominator, f.line])
    expect(got).toEqual([
      ['文字', '全年预算数', '45802600.00', '元', '', 642],
      ['文字', '全年执行数', '33202679.33', '元', '', 642],
      ['文字', '执行率', '72.49', '%', '全年预算', 642],
      ['文字', '总分', '85', '分', '', 642],
    ])
  })

  it('names the line it could not match: 建国前老工人津贴补贴 line 1060 prints 8 figures under 7 columns', () => {
    expect(report.problems).toContainEqual(expect.objectContaining({ where: 'evaluations', line: 1060, severity: 'warning' }))
  })
})

/**
 * The indicator rows, read by hand: [line, 一级, 二级, 三级, 分值, 得分] per 自评表. Rows printed
 * one column early (695, 772, 954, 956) and merged 一级/二级 cells carry the level above.
 */
const INDICATORS: Record<string, Array<[number, string, string, string, string, string]>> = {
  人才工作专项经费: [
    [690, '产出指标', '数量指标', '补贴高层次人才', '20', '20'], [691, '产出指标', '质量指标', '补贴资金发放准', '10', '10'],
    [692, '产出指标', '时效指标', '补贴资金发放及时', '10', '10'], [693, '产出指标', '成本指标', '硕士研究生每月', '10', '10'],
    [694, '效益指标', '社会效益指标', '响应政府关于引', '30', '30'], [695, '满意度指标', '服务对象满意度指标', '补贴对象满意度', '10', '10'],
  ],
  人事人才及社保专项: [
    [766, '产出指标', '数量指标', '支付两网化项目', '5', '5'], [767, '产出指标', '数量指标', '支付律师事务所', '5', '5'],
    [768, '产出指标', '数量指标', '办公设备购置数', '10', '10'], [769, '产出指标', '质量指标', '两网化系统正常', '5', '5'],
    [770, '产出指标', '质量指标', '设备投入使用率', '5', '5'], [771, '产出指标', '时效指标', '日常工作开展及时', '10', '10'],
    [772, '产出指标', '成本指标', '成本指标', '10', '5'], [773, '效益指标', '社会效益指标', '保障人社工作正', '30', '30'],
    [774, '满意度指标', '服务对象满意度指', '人员满意度', '10', '10'],
  ],
  职业技能提升工程工作经费: [
    [914, '产出指标', '数量指标', '补贴培训中心个', '10', '0'], [915, '产出指标', '数量指标', '被补贴技师人数', '10', '0'],
    [916, '产出指标', '质量指标', '技能人员专业技', '10', '10'], [917, '产出指标', '时效指标', '人人持证技能社', '10', '10'],
    [918, '产出指标', '成本指标', '技师补贴资金', '10', '0'], [919, '效益指标', '社会效益指标', '提高社会技能人', '30', '30'],
    [920, '满意度指标', '服务对象满意度指', '技能人员满意度', '10', '6.32'],
  ],
  '2021年全市“两项表彰”奖励资金': [
    [950, '产出指标', '数量指标', '受表彰人员人数', '10', '10'], [951, '产出指标', '数量指标', '受表彰集体数', '10', '10'],
    [952, '产出指标', '质量指标', '奖金发放准确率', '10', '10'], [953, '产出指标', '时效指标', '奖金发放及时性', '10', '10'],
    [954, '产出指标', '成本指标', '发放金额', '10', '10'], [955, '效益指标', '经济效益指标', '增强创新意识', '15', '15'],
    [956, '效益指标', '社会效益指标', '助推转型发展', '15', '15'], [957, '满意度指标', '服务对象满意度', '被表彰人员满意度', '10', '10'],
  ],
}

/** The other nine tables, one indicator per line: "line 一级 二级 三级 分值 得分", read by hand. */
const MORE_INDICATORS: Record<string, string> = {
  人才教育培训: `
    727 产出指标 数量指标 培训事业单位人 10 10
    728 产出指标 数量指标 机关参加培训人 10 10
    729 产出指标 质量指标 培训合格率(%) 10 10
    730 产出指标 时效指标 培训时长(天) 10 10
    731 产出指标 成本指标 人均培训成本 10 10
    732 效益指标 社会效益指标 人员能力提升率 15 15
    733 效益指标 可持续影响指标 相关人员的业务 15 15
    734 满意度指标 服务对象满意度 培训人员满意度 10 10
  `,
  社保基金审计资金: `
    804 产出指标 数量指标 审计险种数(个) 20 20
    805 产出指标 质量指标 审计结论和决定 10 10
    806 产出指标 时效指标 审计报告出具及时率 10 10
    807 产出指标 成本指标 审计金额 10 5
    808 效益指标 社会效益指标 审计查出问题整改率 30 30
    809 满意度指标 服务对象满意度指标 单位满意度(%) 10 10
  `,
  社区劳动保障工作人员补助资金: `
    841 产出指标 数量指标 补贴城区街道社 20 20
    842 产出指标 质量指标 补贴发放准确率 10 10
    843 产出指标 时效指标 补贴发放及时率 10 10
    844 产出指标 成本指标 成本指标 10 5
    845 效益指标 社会效益指标 提高社区保障人 30 30
    846 满意度指标 服务对象满意度指标 补贴人员满意度 10 10
  `,
  事业单位招聘专业技术人员经费: `
    878 产出指标 数量指标 考题泄露事件发生 10 10
    879 产出指标 数量指标 事业单位招聘考试 10 10
    880 产出指标 质量指标 事业单位招聘录用 10 10
    881 产出指标 时效指标 事业单位招聘考试 10 10
    882 产出指标 成本指标 成本指标 10 5
    883 效益指标 社会效益指标 保障社会公众对 30 30
    884 满意度指标 服务对象满意度指标 考生满意度(%) 10 10
  `,
  补充创业担保贷款担保基金: `
    989 产出指标 数量指标 担保基金补充规模 20 20
    990 产出指标 质量指标 补充资金及时性 10 10
    991 产出指标 时效指标 担保资金支付及时率 10 10
    992 产出指标 成本指标 成本指标 10 5
    993 效益指标 社会效益指标 扩大创业担保贷款规模 15 15
    994 效益指标 可持续影响指标 保障担保贷款基金可持续性 15 15
    995 满意度指标 服务对象满意度 承担贷款业务银行 10 10
  `,
  创业就业专项: `
    1026 产出指标 数量指标 公益性岗位人数 20 20
    1027 产出指标 质量指标 补贴发放准确率 10 10
    1028 产出指标 时效指标 资金发放及时率 10 10
    1029 产出指标 成本指标 成本指标 10 5
    1030 效益指标 社会效益指标 提高创业就业率 15 15
    1031 效益指标 可持续影响指标 政策延续性 15 15
    1032 满意度指标 服务对象满意度 补贴人员满意度 10 10
  `,
  建国前老工人津贴补贴: `
    1064 产出指标 数量指标 补贴人数(人) 20 20
    1065 产出指标 质量指标 补贴发放准确率 10 10
    1066 产出指标 时效指标 补贴发放及时率 10 10
    1067 产出指标 成本指标 人均发放金额 10 10
    1068 效益指标 社会效益指标 保障建国前老工人 30 30
    1069 满意度指标 服务对象满意度指标 补贴人员满意度 10 10
  `,
  晋城市人力资源和社会保障局机房设备整体托管经费: `
    1099 产出指标 数量指标 机房设备系统维护 20 20
    1100 产出指标 质量指标 系统正常运行率 10 10
    1101 产出指标 时效指标 系统维护及时性 10 10
    1102 产出指标 成本指标 成本指标 10 5
    1103 效益指标 社会效益指标 职工工作效率提升 30 30
    1104 满意度指标 服务对象满意度指标 业务经办机构满意度 10 10
  `,
  企业退休抗美援朝志愿军老战士生活补贴: `
    1136 产出指标 数量指标 补贴人数(人) 20 20
    1137 产出指标 质量指标 删除补贴发放达 0 0
    1138 产出指标 质量指标 应补尽补率 10 10
    1139 产出指标 时效指标 补贴发放时间 10 10
    1140 产出指标 成本指标 成本指标 10 5
    1141 效益指标 社会效益指标 保障企业抗美援朝 30 30
    1142 满意度指标 服务对象满意度指标 除被补贴人员清 10 10
  `,
}
for (const [project, text] of Object.entries(MORE_INDICATORS)) {
  INDICATORS[project] = text.trim().split('\n').map((l) => {
    const [line, l1, l2, l3, w, sc] = l.trim().split(' ')
    return [Number(line), l1!, l2!, l3!, w!, sc!]
  })
}

/** Every 自评表's indicator lines, read by hand (the 绩效指标 rows between the header and 总分). */
const INDICATOR_LINES: Record<string, [number, number]> = {
  人才工作专项经费: [690, 695], 人才教育培训: [727, 734], 人事人才及社保专项: [766, 774], 社保基金审计资金: [804, 809],
  社区劳动保障工作人员补助资金: [841, 846], 事业单位招聘专业技术人员经费: [878, 884], 职业技能提升工程工作经费: [914, 920],
  '2021年全市“两项表彰”奖励资金': [950, 957], 补充创业担保贷款担保基金: [989, 995], 创业就业专项: [1026, 1032],
  建国前老工人津贴补贴: [1064, 1069], 晋城市人力资源和社会保障局机房设备整体托管经费: [1099, 1104], 企业退休抗美援朝志愿军老战士生活补贴: [1136, 1142],
}

describe('evaluation indicators — one row per 绩效指标 row of each 自评表', () => {
  for (const [project, [from, to]] of Object.entries(INDICATOR_LINES)) {
    it(`${project}: every line ${from}–${to} is an indicator row`, () => {
      const lines = report.evaluationIndicators.filter((i) => i.project_name === project).map((i) => i.line)
      expect(lines).toEqual(Array.from({ length: to - from + 1 }, (_, k) => from + k))
    })
  }
  for (const [project, rows] of Object.entries(INDICATORS)) {
    it(`${project}: levels, 分值 and 得分 as printed`, () => {
      const got = report.evaluationIndicators.filter((i) => i.project_name === project).map((i) => [i.line, i.level1, i.level2, i.level3, i.weight, i.score])
      expect(got).toEqual(rows)
    })
  }
  it('reads all 13 tables\' indicator rows by hand (90 rows)', () => {
    expect(Object.values(INDICATORS).flat()).toHaveLength(90)
  })
  it('keeps 年初指标值, 调整后指标值, 实际完成值 and 偏差原因 as printed (line 920)', () => {
    expect(report.evaluationIndicators.find((i) => i.line === 920)).toMatchObject({
      initial_target: '≥95%', adjusted_target: '≥95%', actual: '≥60%', weight: '10', score: '6.32', deviation: '补贴未发放, 人员满意度未达到期',
    })
  })
})
