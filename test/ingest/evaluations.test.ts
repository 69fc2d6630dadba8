import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseReport, type EvaluationRow } from '../../src/ingest/index'

const parse = (f: string) => parseReport(readFileSync(`data/raw/${f}`, 'utf8'), { source: f })
const report = parse('jincheng-2022-final.txt')
const rows = report.evaluations

/**
 * The 13 项目支出绩效自评表 of jincheng-2022-final.txt, read by hand: the 资金总额 row
 * (万元: 目标申报数, 预算编制数, 全年预算数, 全年执行数, 结余, 执行率, 得分) and the 总分 row.
 * [project, line of the 资金总额 row, 年初预算数 (预算编制数) 元, 全年预算数 元, 全年执行数 元, 执行率, 总分, 等级]
 */
const TABLES: Array<[string, number, string, string, string, string, string, string]> = [
  ['人才工作专项经费', 685, '900000.00', '972000.00', '972000.00', '100', '100', '优'],
  ['人才教育培训', 722, '500000.00', '184510.00', '184510.00', '100', '100', '优'],
  ['人事人才及社保专项', 761, '1200000.00', '1024320.00', '1024320.00', '100', '95', '优'],
  ['社保基金审计资金', 799, '100000.00', '100000.00', '100000.00', '100', '95', '优'],
  ['社区劳动保障工作人员补助资金', 836, '1782000.00', '1782000.00', '0.00', '0', '85', '良'],
  ['事业单位招聘专业技术人员经费', 873, '400000.00', '400000.00', '400000.00', '100', '95', '优'],
  ['职业技能提升工程工作经费', 909, '9000000.00', '354570.00', '354570.00', '100', '66.32', '中'],
  ['2021年全市“两项表彰”奖励资金', 945, '1500000.00', '1500000.00', '1500000.00', '100', '100', '优'],
  ['补充创业担保贷款担保基金', 984, '5000000.00', '5000000.00', '5000000.00', '100', '95', '优'],
  ['创业就业专项', 1021, '24800000.00', '21258670.00', '21258670.00', '100', '95', '优'],
  ['建国前老工人津贴补贴', 1059, '410000.00', '0.00', '0.00', '0', '90', '优'],
  ['晋城市人力资源和社会保障局机房设备整体托管经费', 1094, '550000.00', '550000.00', '550000.00', '100', '95', '优'],
  ['企业退休抗美援朝志愿军老战士生活补贴', 1131, '10600.00', '0.00', '0.00', '0', '85', '良'],
]

describe('parseEvaluations — jincheng-2022-final.txt', () => {
  for (const [project, line, initial, budget, executed, rate, score, grade] of TABLES) {
    it(`reads ${project}: figures in 元 from 万元, on the line of its 执行数 (${line})`, () => {
      const row = rows.find((r) => r.project_name === project)
      expect(row).toBeDefined()
      expect(row).toMatchObject<Partial<EvaluationRow>>({
        doc_id: 'jincheng-2022-final',
        initial_yuan: initial,
        budget_yuan: budget,
        executed_yuan: executed,
        rate_pct: rate,
        score,
        grade,
        line,
      })
    })
  }

  it('has one row per 自评表 (13) plus the 整体支出 self-evaluation, nothing else', () => {
    expect(rows).toHaveLength(14)
    expect(rows.map((r) => r.project_name).sort()).toEqual([...TABLES.map((t) => t[0]), '整体支出'].sort())
  })

  it('grades as the narrative counts them (line 620: 10 优, 2 良, 1 中)', () => {
    const projects = rows.filter((r) => r.project_name !== '整体支出')
    expect(projects.filter((r) => r.grade === '优')).toHaveLength(10)
    expect(projects.filter((r) => r.grade === '良')).toHaveLength(2)
    expect(projects.filter((r) => r.grade === '中')).toHaveLength(1)
  })

  it('names the 预算单位 without its code, as printed (line 719 "001-晋城市人力资源和社会保障局")', () => {
    expect(rows.find((r) => r.project_name === '人才教育培训')!.unit_name).toBe('晋城市人力资源和社会保障局')
    // Line 682 prints the unit name cut short; it is kept as printed.
    expect(rows.find((r) => r.project_name === '人才工作专项经费')!.unit_name).toBe('晋城市人力资源和社会保障')
  })

  it('reads the 整体支出 self-evaluation from the narrative (line 642), in 元, with no invented 年初预算 or 等级', () => {
    expect(rows.find((r) => r.project_name === '整体支出')).toEqual<EvaluationRow>({
      doc_id: 'jincheng-2022-final',
      unit_name: report.document.publisher,
      project_name: '整体支出',
      initial_yuan: '',
      budget_yuan: '45802600.00',
      executed_yuan: '33202679.33',
      rate_pct: '72.49',
      score: '85',
      grade: '',
      line: 642,
      score_line: 642,
      grade_line: '',
      // jincheng-2022-final.txt:642 prints "执行数为33202679.33元"; a text without form feeds has no pages.
      raw: '33202679.33',
      printed_unit: '元',
      page: '',
      row_id: 'jincheng-2022-final:E642',
    })
  })

  it('reports one problem reading the tables: line 1060 prints 8 figures under 7 columns (its 资金总额 row, line 1059, is read)', () => {
    expect(report.problems.filter((p) => p.where === 'evaluations').map((p) => [p.severity, p.line])).toEqual([['warning', 1060]])
  })
})

describe('parseEvaluations — budget reports', () => {
  it('finds no 自评表 in a budget report', () => {
    for (const f of ['gaoping-2026-budget.txt', 'changzhi-2026-budget.txt', 'jincheng-2024-budget.txt']) {
      expect(parse(f).evaluations).toEqual([])
    }
  })
})
