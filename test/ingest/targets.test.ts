import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport, type TargetRow } from '../../src/ingest/index'
import { looksLikeTarget, readRow, splitGlued } from '../../src/ingest/targets-rows'

// Every expectation below was read off data/raw/*.txt by hand (line numbers are the file's own).
const parse = (f: string): TargetRow[] => parseReport(readFileSync(`data/raw/${f}`, 'utf8'), { source: f }).targets
const gaoping = parse('gaoping-2026-budget.txt')
const changzhi = parse('changzhi-2026-budget.txt')
const jincheng = parse('jincheng-2024-budget.txt')

type Expect = Pick<TargetRow, 'line' | 'period'> & Partial<TargetRow>

/** The one row standing on `line` in `period`. */
function rowAt(rows: readonly TargetRow[], line: number, period: TargetRow['period']): TargetRow | undefined {
  const hits = rows.filter((r) => r.line === line && r.period === period)
  expect(hits.length, `rows at line ${line} (${period})`).toBeLessThanOrEqual(1)
  return hits[0]
}

function expectRows(rows: readonly TargetRow[], expected: readonly Expect[]): void {
  for (const e of expected) {
    const row = rowAt(rows, e.line, e.period)
    expect(row, `row at line ${e.line} (${e.period})`).toBeDefined()
    expect(row).toMatchObject(e)
  }
}

/** Projects as (name, unit, 年度资金总额, 实施期资金总额): a project split over PDF pages is one. */
function projects(rows: readonly TargetRow[]): string[] {
  return [...new Set(rows.map((r) => [r.project_name, r.unit_name, r.total_yuan, r.period_total_yuan].join(' | ')))]
}

describe('parseTargets — gaoping-2026-budget.txt (tab-separated)', () => {
  it('reads indicators of both halves with their levels, targets and lines', () => {
    expectRows(gaoping, [
      { line: 460, period: '实施期', project_name: '本级公益性岗位2026年补贴保险', unit_name: '高平市就业和人才服务中心', level1: '产出指标', level2: '数量指标', level3: '2026年本级公益岗位在岗人数', target: '≥500人' },
      { line: 460, period: '年度', level1: '产出指标', level2: '数量指标', level3: '2026年本级公益岗位在岗人数', target: '≥500人' },
      { line: 461, period: '实施期', level2: '质量指标', level3: '发放补贴完成率', target: '100%' },
      // Line 464: the two halves print different 二级指标 for the same indicator; each keeps its own.
      { line: 464, period: '实施期', level1: '效益指标', level2: '经济效益', level3: '发放补贴标准', target: '2150元/人/月' },
      { line: 464, period: '年度', level1: '效益指标', level2: '成本指标', level3: '发放补贴标准', target: '2150元/人/月' },
      { line: 499, period: '实施期', project_name: '大学生就业失业实名制登记业务费', level1: '满意度指标', level2: '服务对象满意度', level3: '高校毕业生满意度', target: '≥90%' },
      { line: 626, period: '年度', project_name: '高校毕业生档案业务费', level1: '产出指标', level2: '数量指标', level3: '存放高校毕业生档案数量', target: '>2000份' },
      { line: 692, period: '实施期', project_name: '技能培训业务费', level2: '质量指标', level3: '发放补贴完成率', target: '100%' },
      { line: 692, period: '年度', project_name: '技能培训业务费', level2: '质量指标', level3: '发放补贴达标率', target: '100%' },
      { line: 862, period: '实施期', project_name: '三支一扶人员慰问金', level2: '成本指标', level3: '慰问金发放标准', target: '500元/人' },
    ])
  })

  it('reads a row whose cells shifted one column left (line 525) and carries 二级指标 down from merged cells', () => {
    expectRows(gaoping, [
      { line: 525, period: '实施期', project_name: '大学生实习实训补贴资金', level1: '产出指标', level2: '质量指标', level3: '发放补贴达标率', target: '100%' },
      { line: 525, period: '年度', level2: '质量指标', level3: '发放补贴达标率', target: '100%' },
      { line: 526, period: '实施期', level2: '时效指标', level3: '发放补贴时间', target: '12月底前' },
      // Line 558 prints no 二级指标: it is the 质量指标 of line 557 above.
      { line: 558, period: '年度', project_name: '大学生专职村干部2026年工资保险', level2: '质量指标', level3: '发放补贴达标率', target: '100%' },
    ])
  })

  it('puts a lone indicator in the half it stands in', () => {
    // Line 593 has only the 年度 half's 发放交通补贴时间; line 602 only the 年度 half's 乡村人员满意度.
    expect(rowAt(gaoping, 593, '实施期')).toBeUndefined()
    expectRows(gaoping, [
      { line: 593, period: '年度', level2: '时效指标', level3: '发放交通补贴时间', target: '每月' },
      { line: 602, period: '年度', level1: '满意度指标', level3: '乡村人员满意度', target: '≥90%' },
    ])
    expect(rowAt(gaoping, 602, '实施期')).toBeUndefined()
  })

  it('gives an empty 指标值 where the 年度 half has no 指标值 column (招聘全业务费, header line 890)', () => {
    expectRows(gaoping, [
      { line: 891, period: '实施期', project_name: '招聘全业务费', level3: '支付足额率', target: '100%' },
      { line: 891, period: '年度', project_name: '招聘全业务费', level3: '支付足额率', target: '' },
    ])
  })

  it('produces no row for empty indicator rows (生态效益 / 可持续影响 with nothing, lines 466–467)', () => {
    expect(gaoping.filter((r) => r.line === 466 || r.line === 467)).toEqual([])
    expect(gaoping.filter((r) => r.level3 === '' && r.target === '')).toEqual([])
  })

  it('reads amounts printed in 元 with thousands separators, exactly', () => {
    const p = gaoping.find((r) => r.project_name === '本级公益性岗位2026年补贴保险')!
    expect(p.total_yuan).toBe('22000000.00') // line 446 "22,000,000"
    expect(p.period_total_yuan).toBe('22000000.00')
    expect(gaoping.find((r) => r.project_name === '大学生就业失业实名制登记业务费')!.total_yuan).toBe('26000.00') // line 478
  })

  it('finds the 15 projects the report says it has (line 431: 项目15个)', () => {
    expect(projects(gaoping)).toHaveLength(15)
  })
})

describe('parseTargets — changzhi-2026-budget.txt (markdown-ish, 十、绩效管理情况)', () => {
  it('reads indicators with their levels, targets and lines', () => {
    expectRows(changzhi, [
      { line: 668, period: '实施期', project_name: '96改革人员生活困难补助及烤火费', unit_name: '长治市就业管理服务中心', total_yuan: '1381100.00', level1: '产出指标', level2: '数量指标', level3: '年补助困难人数', target: '≥18人' },
      { line: 707, period: '年度', project_name: '2022年起新增企业退休人员取暖费', unit_name: '长治市社会保险中心', total_yuan: '64830000.00', level2: '数量指标', level3: '取暖费保障人数', target: '19295人' },
      { line: 711, period: '实施期', level2: '成本指标', level3: '取暖费总额', target: '≤6483万元' },
      { line: 717, period: '年度', level1: '满意度指标', level2: '服务对象满意度', level3: '新增退休人员满意度', target: '>95%' },
      // 办案专项经费 prints no header row: its first indicator row starts with 绩效指标 (line 836).
      { line: 836, period: '实施期', project_name: '办案专项经费', unit_name: '长治市劳动人事争议仲裁院', level1: '产出指标', level2: '数量指标', level3: '仲裁文书送达数量', target: '≥100件/年' },
      { line: 836, period: '年度', level1: '产出指标', level2: '数量指标', level3: '仲裁文书送达数', target: '≥100件/年' },
      { line: 853, period: '实施期', level1: '满意度指标', level2: '服务对象满意度', level3: '相关方满意度', target: '≥85%' },
      // 促就业工作经费: 产出指标 / 数量指标 are printed inside the header row (line 914).
      { line: 915, period: '实施期', project_name: '促就业工作经费', level1: '产出指标', level2: '数量指标', level3: '出差人次', target: '≥15人次' },
      { line: 928, period: '实施期', level2: '成本指标', level3: '就业培训工作经费', target: '≤140000万元' },
      { line: 2436, period: '实施期', project_name: '业务费', unit_name: '长治市社会保险中心', level1: '满意度指标', level3: '社会公众满意度', target: '>90%' },
    ])
  })

  it('reads 实施期 and 年度 资金总额 separately (取暖费, line 1828)', () => {
    const p = changzhi.find((r) => r.project_name === '取暖费')!
    expect(p.period_total_yuan).toBe('2659648.03')
    expect(p.total_yuan).toBe('2659648.00')
  })

  it('merges a project whose table continues after a page break (工作业务费, blocks at 1189 and 1232)', () => {
    const rows = changzhi.filter((r) => r.project_name === '工作业务费')
    expect(projects(rows)).toEqual(['工作业务费 | 长治市就业管理服务中心 | 35000.00 | 35000.00'])
    expect(rows.some((r) => r.line < 1232)).toBe(true)
    expect(rows.some((r) => r.line > 1252)).toBe(true)
    // The second block's rows belong to the same project, and the first row of that block carries its levels.
    expect(rowAt(changzhi, 1264, '实施期')).toMatchObject({ level1: '满意度指标', level3: '网络使用满意度', target: '≥95%' })
  })

  it('keeps same-named projects of different units apart', () => {
    expect(projects(changzhi.filter((r) => r.project_name === '会议培训费'))).toEqual([
      '会议培训费 | 长治市劳动人事争议仲裁院 | 38000.00 | 38000.00',
      '会议培训费 | 长治市社会保险中心 | 56000.00 | 56000.00',
    ])
    expect(projects(changzhi.filter((r) => r.project_name === '遗属补助'))).toHaveLength(3)
  })

  it('counts 48 projects: 54 tables, six of them the continuation of the one before', () => {
    expect(projects(changzhi)).toHaveLength(48)
    expect(changzhi.every((r) => r.line >= 635 && r.line <= 2575)).toBe(true)
  })
})

describe('parseTargets — jincheng-2024-budget.txt (pdftotext-like)', () => {
  const first = '96年机构改革自愿辞职人员生活困难补助、医保及取暖补贴'

  it('reads indicators with their levels, targets and lines', () => {
    expectRows(jincheng, [
      { line: 2086, period: '实施期', project_name: first, unit_name: '晋城市公共就业服务中心', level1: '产出指标', level2: '数量指标', level3: '补助人员数量', target: '≤100人' },
      { line: 2086, period: '年度', project_name: first, level2: '数量指标', level3: '补助人员数量', target: '≤100人' },
      { line: 2088, period: '实施期', level2: '质量指标', level3: '补助标准达标率', target: '100%' },
      // A row wrapped so that each half stands on its own lines (2090–2094).
      { line: 2091, period: '实施期', level2: '时效指标', level3: '取暖费发放时间', target: '12月前' },
      { line: 2094, period: '年度', level2: '时效指标', level3: '取暖费发放时间', target: '12月前' },
      { line: 2100, period: '实施期', level2: '成本指标', level3: '生活困难及医疗保险补助', target: '≤652万元' },
      // Glued cells: "服务对象满意度指1996年机构改革自愿辞职人≥90%" (line 2118).
      { line: 2118, period: '实施期', level1: '满意度指标', level2: '服务对象满意度指标', level3: '1996年机构改革自愿辞职人', target: '≥90%' },
      // "补贴资金发放准确100%" (line 3057, 创业就业专项).
      { line: 3057, period: '年度', project_name: '创业就业专项', level2: '质量指标', level3: '补贴资金发放准确', target: '100%' },
      // A 三级指标 cut to its cell's width with its 指标值 glued on: "解决1996年机构改革自愿辞有效解决" (line 2112).
      { line: 2112, period: '实施期', level1: '效益指标', level2: '社会效益指标', level3: '解决1996年机构改革自愿辞', target: '有效解决' },
      { line: 4513, period: '实施期', project_name: '公共就业服务专项经费', level3: '提高未就业高校毕业生就业', target: '提高' },
      { line: 3350, period: '实施期', project_name: '档案整理费用', level2: '成本指标', level3: '档案整理实施成本（尾款）', target: '≤13.93万元' },
      { line: 14655, period: '年度', project_name: '自收自支人员工资', unit_name: '晋城技师学院', total_yuan: '500000.00', level2: '数量指标', level3: '工资发放人数', target: '35人' },
    ])
  })

  it('reads the 整体支出绩效目标申报表 as project 整体支出, its amount in 万元', () => {
    expectRows(jincheng, [
      // 三级指标 wrapped over 1671–1673; 产出指标 / 数量指标 printed below, at 1702 / 1704.
      { line: 1674, period: '年度', project_name: '整体支出', unit_name: '晋城市人力资源和社会保障局', total_yuan: '401433500.00', period_total_yuan: '', level1: '产出指标', level2: '数量指标', level3: '养老保险缴费数据清洗涉及单位数', target: '≥324家' },
      { line: 1891, period: '年度', project_name: '整体支出', level2: '时效指标', level3: '取暖费发放及时性', target: '＞98%' },
      { line: 1961, period: '年度', project_name: '整体支出', level1: '效益指标', level2: '可持续影响指标', level3: '保障担保贷款基金的可持续性', target: '可持续' },
    ])
  })

  it('joins a unit name wrapped over lines (6491–6494)', () => {
    const p = jincheng.find((r) => r.project_name === '晋城市人力资源和社会保障局机房设备整体托管经费')!
    expect(p.unit_name).toBe('晋城市人力资源和社会保障综合服务中心')
    expect(p.total_yuan).toBe('549600.00')
  })

  it('keeps two same-named projects with different amounts apart (lines 2015 and 2121)', () => {
    expect(projects(jincheng.filter((r) => r.project_name === first))).toEqual([
      `${first} | 晋城市公共就业服务中心 | 5620000.00 | 5620000.00`,
      `${first} | 晋城市公共就业服务中心 | 1940000.00 | 7760000.00`,
    ])
  })

  it('merges a project printed over six page blocks (公共就业服务专项经费, 3725–4661; the last holds only its footer)', () => {
    const rows = jincheng.filter((r) => r.project_name === '公共就业服务专项经费')
    expect(projects(rows)).toEqual(['公共就业服务专项经费 | 晋城市人才服务中心 | 200000.00 | 200000.00'])
    expect(Math.min(...rows.map((r) => r.line))).toBeLessThan(3877)
    expect(Math.max(...rows.map((r) => r.line))).toBeGreaterThan(4368)
  })

  it('counts 66 projects (98 page blocks, 66 footers) plus the 整体支出 table', () => {
    expect(projects(jincheng.filter((r) => r.project_name !== '整体支出'))).toHaveLength(66)
    expect(projects(jincheng.filter((r) => r.project_name === '整体支出'))).toHaveLength(1)
  })

  it('takes nothing from the forwarded provincial notice and 政府购买服务指导性目录 (14708–21096)', () => {
    expect(jincheng.filter((r) => r.line >= 14682)).toEqual([])
  })

  it('reads no watermark word as an indicator', () => {
    expect(jincheng.filter((r) => /^(仅供|内部|审核)$/.test(r.level3) || /^(仅供|内部|审核)$/.test(r.target))).toEqual([])
  })
})

describe('readRow', () => {
  const cells = (...texts: string[]) => texts.map((text, col) => ({ text, col, line: 1 })).filter((c) => c.text !== '')

  it('splits a row without a label between the halves into two (三级指标, 指标值) pairs', () => {
    const r = readRow(cells('', '', '发放补贴达标率', '100%', '', '发放补贴达标率', '100%'), { yearColumn: 5, due: 0, twoHalves: true })
    expect(r.halves[0]!.texts.map((t) => t.text)).toEqual(['发放补贴达标率', '100%'])
    expect(r.halves[1]!.texts.map((t) => t.text)).toEqual(['发放补贴达标率', '100%'])
  })

  it('drops a repeated label with nothing under it', () => {
    const r = readRow(cells('', '时效指标', '时效指标', '', '', '时效指标', '发放交通补贴时间', '每月'), { yearColumn: 5, due: 0, twoHalves: true })
    expect(r.halves[0]).toMatchObject({ level2: '时效指标', texts: [] })
    expect(r.halves[1]!.texts.map((t) => t.text)).toEqual(['发放交通补贴时间', '每月'])
  })
})

describe('splitGlued / looksLikeTarget', () => {
  it('splits label prefixes and comparator-led values off glued cells', () => {
    const t = { text: '服务对象满意度指辞职人员满意度（%）', col: -1, line: 1 }
    expect(splitGlued(t).map((x) => x.text)).toEqual(['服务对象满意度指标', '辞职人员满意度（%）'])
    expect(splitGlued({ ...t, text: '生活困难及医疗保≤740万元' }).map((x) => x.text)).toEqual(['生活困难及医疗保', '≤740万元'])
  })

  it('tells a 指标值 from a 三级指标', () => {
    for (const v of ['≥500人', '100%', '12月底前', '2150元/人/月', '每月', '促进', '2026年3月至10月', '5月和8月']) expect(looksLikeTarget(v), v).toBe(true)
    for (const v of ['发放补贴完成率', '2026年本级公益岗位在岗人数', '促进高校毕业生就业', '服务对象满意度']) expect(looksLikeTarget(v), v).toBe(false)
  })
})
