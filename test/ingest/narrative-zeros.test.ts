import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cmp } from '../../src/ingest/decimal'
import { parseReport, type NarrativeRow } from '../../src/ingest/index'

const FILES = ['changzhi-2026-budget', 'gaoping-2026-budget', 'jincheng-2022-final', 'jincheng-2024-budget'] as const
const texts = Object.fromEntries(FILES.map((f) => [f, readFileSync(`data/raw/${f}.txt`, 'utf8')]))
const reports = Object.fromEntries(FILES.map((f) => [f, parseReport(texts[f]!, { source: `${f}.txt` })]))
const isZero = (n: NarrativeRow) => /^-?\d+(\.\d+)?$/.test(n.value) && cmp(n.value, '0') === 0

/**
 * Every figure stated as 0 in the prose of the four bundled reports, read by hand:
 * [line, subject, unit] of the narrative row each must be (stated, value 0).
 */
const STATED_ZEROS: Record<(typeof FILES)[number], Array<[number, string, string]>> = {
  'changzhi-2026-budget': [
    [579, '政府性基金预算拨款收入', '元'], [579, '政府性基金预算拨款收入占比', '%'], [579, '国有资本经营预算拨款收入', '元'], [579, '国有资本经营预算拨款收入占比', '%'],
    [589, '财政拨款：政府性基金预算拨款', '元'], [591, '财政拨款：国有资本经营预算拨款', '元'],
    [621, '因公出国（境）费', '元'], [621, '公务用车购置费', '元'], [633, '政府采购工程', '元'],
    [639, '机关及下属预算单位：编报单位整体绩效目标的单位数', '个'], [639, '机关及下属预算单位：编报单位整体绩效目标的单位金额', '元'],
    [2580, '领导用车', '辆'], [2580, '应急保障用车', '辆'], [2580, '执法执勤用车', '辆'], [2580, '特种专业技术用车', '辆'],
  ],
  'gaoping-2026-budget': [
    [378, '政府性基金预算拨款收入', '元'], [378, '政府性基金预算拨款收入占比', '%'], [378, '国有资本经营预算拨款收入', '元'], [378, '国有资本经营预算拨款收入占比', '%'],
    [378, '财政专户管理资金收入', '元'], [378, '财政专户管理资金收入占比', '%'], [378, '单位资金', '元'], [378, '单位资金占比', '%'],
    [390, '财政拨款：政府性基金预算拨款', '元'], [390, '财政拨款：国有资本经营预算拨款', '元'],
    // "本单位无“三公”经费预算" / "无机关运行经费": none stated in words is a 0 too.
    [417, '三公经费', '元'], [421, '机关运行经费', '元'],
    [425, '政府采购工程', '元'], [425, '政府采购服务', '元'],
    [941, '公务用车编制数', '辆'], [941, '车辆数', '辆'], [941, '领导用车', '辆'], [941, '机要通信用车', '辆'], [941, '应急保障用车', '辆'],
    [941, '执法执勤用车', '辆'], [941, '特种专业技术用车', '辆'], [941, '事业单位业务用车', '辆'], [941, '其他公务用车', '辆'],
    [949, '价值50万元以上通用设备', '台（套）'], [949, '价值100万元以上通用设备', '台（套）'],
  ],
  'jincheng-2022-final': [
    [500, '上级补助收入', '元'], [500, '上级补助收入占比', '%'], [502, '事业收入', '元'], [502, '事业收入占比', '%'],
    [504, '经营收入', '元'], [504, '经营收入占比', '%'], [506, '附属单位上缴收入', '元'], [506, '附属单位上缴收入占比', '%'],
    [518, '上缴上级支出', '元'], [518, '上缴上级支出占比', '%'], [520, '经营支出', '元'], [520, '经营支出占比', '%'],
    [522, '对附属单位补助支出', '元'], [522, '对附属单位补助支出占比', '%'],
    [574, '因公出国（境）费', '元'], [574, '因公出国（境）费完成全年预算', '%'], [576, '公务用车购置费', '元'], [576, '公务用车购置费完成全年预算', '%'],
    [584, '因公出国（境）费', '元'], [584, '出国团组数', '个'], [584, '因公出国（境）人次', '人次'],
    [586, '公务用车购置费', '元'], [586, '公务用车购置数', '辆'],
    [590, '外事接待费', '元'], [590, '外事接待批次', '批次'], [590, '外事接待人次', '人次'],
    [590, '国（境）外接待费', '元'], [590, '国（境）外接待批次', '批次'], [590, '国（境）外接待人次', '人次'],
    [600, '政府采购工程', '元'], [600, '政府采购服务', '元'], [600, '授予中小企业合同金额', '元'], [600, '授予中小企业合同金额占比', '%'],
    [604, '副部（省）级及以上领导用车', '辆'], [604, '主要领导干部用车', '辆'], [604, '机要通信用车', '辆'], [604, '应急保障用车', '辆'],
    [604, '执法执勤用车', '辆'], [604, '特种专业技术用车', '辆'], [604, '离退休干部用车', '辆'], [604, '价值100万元以上设备', '台（套）'],
    [610, '二级项目：政府性基金预算项目支出', '元'], [610, '二级项目：国有资金经营预算项目支出', '元'], [610, '二级项目：社会保险基金预算项目支出', '元'],
    [612, '整体支出绩效自评：政府性基金预算支出', '元'], [612, '整体支出绩效自评：国有资金经营预算支出', '元'], [612, '整体支出绩效自评：社会保险基金预算支出', '元'],
    [614, '开展部门评价的一级项目：政府性基金预算支出', '元'], [614, '开展部门评价的一级项目：国有资金经营预算支出', '元'], [614, '开展部门评价的一级项目：社会保险基金预算支出', '元'],
    [618, '一级项目绩效自评：自评等级为“差”的项目数', '个'], [620, '部门预算二级项目绩效自评：自评等级为“差”的项目数', '个'],
  ],
  'jincheng-2024-budget': [
    [1313, '政府性基金预算拨款收入', '元'], [1315, '政府性基金预算拨款收入占比', '%'], [1315, '国有资本经营预算拨款收入', '元'], [1315, '国有资本经营预算拨款收入占比', '%'],
    [1315, '财政专户管理资金收入', '元'], [1317, '财政专户管理资金收入占比', '%'],
    [1329, '财政拨款：政府性基金预算拨款', '元'], [1331, '财政拨款：国有资本经营预算拨款', '元'],
    [1382, '因公出国（境）费', '元'], [1385, '公务用车购置费', '元'],
    [14688, '领导用车', '辆'], [14688, '机要通信用车', '辆'],
    [14690, '执法执勤用车', '辆'], [14690, '特种专业技术用车', '辆'], [14690, '事业单位业务用车', '辆'], [14690, '其他公务用车', '辆'],
  ],
}

/** Prior-year zeros the prose states by "与上年(预算数)相同" after a 0: [line, subject, year]. */
const DERIVED_ZEROS: Record<(typeof FILES)[number], Array<[number, string, string]>> = {
  'changzhi-2026-budget': [[621, '因公出国（境）费', '2025'], [621, '公务用车购置费', '2025']],
  'gaoping-2026-budget': [],
  // "因公出国（境）费支出0.00元，完成全年预算的0.00%，与上年相同" (a rate clause in between).
  'jincheng-2022-final': [[574, '因公出国（境）费', '2021'], [576, '公务用车购置费', '2021']],
  'jincheng-2024-budget': [[1382, '因公出国（境）费', '2023'], [1385, '公务用车购置费', '2023']],
}

describe('prose zeros are figures (narrative rows), everywhere', () => {
  for (const f of FILES) {
    it(`${f}: every 0 its prose states is a stated narrative row, and nothing else is 0`, () => {
      const got = reports[f]!.narrative.filter((n) => n.relation === 'stated' && isZero(n)).map((n) => [n.line, n.subject, n.unit])
      expect(got).toEqual(STATED_ZEROS[f])
    })

    it(`${f}: a 0 "与上年相同" is the prior year's 0 too (derived), so the 三公 trend keeps it`, () => {
      const got = reports[f]!.narrative.filter((n) => n.relation === 'derived' && isZero(n)).map((n) => [n.line, n.subject, n.year])
      expect(got).toEqual(DERIVED_ZEROS[f])
    })
  }

  /**
   * Independently of the parser's idea of where the prose is: every line that is not a
   * tab-separated table row and prints a 0 with a unit ("0万元", "0%", "0辆") has as many
   * zero narrative rows of that unit. Two lines are not prose figures and are named here:
   * jincheng-2024 line 80 "较上年增加0人" is a change, kept as the 2022 编制人数 734 it
   * implies (derived), and line 1447 "其他人员数 0人" is a cell of the 整体支出绩效目标申报表 form.
   */
  const FIGURE = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(万元|亿元|元|%|％|人次|人|辆|平方米|台[（(]套[）)]|个|批次)/g
  const kind = (u: string) => (/元$/.test(u) ? '元' : u === '％' ? '%' : u)
  const NOT_PROSE: Record<string, number[]> = { 'jincheng-2024-budget': [80, 1447] }
  for (const f of FILES) {
    it(`${f}: no printed 0 with a unit is left without its row`, () => {
      const short: string[] = []
      texts[f]!.split('\n').forEach((text, i) => {
        const no = i + 1
        if (text.includes('\t') || NOT_PROSE[f]?.includes(no)) return
        const zeros = [...text.matchAll(FIGURE)]
          .filter((m) => !(m.index > 0 && /[\dA-Za-z.[〔【]/.test(text[m.index - 1]!)) && Number(m[1]!.replace(/,/g, '') + (m[0].slice(m[1]!.length).match(/^\.\d+/)?.[0] ?? '')) === 0)
          .map((m) => kind(m[2]!))
        for (const k of new Set(zeros)) {
          const rows = reports[f]!.narrative.filter((n) => n.line === no && n.relation === 'stated' && isZero(n) && kind(n.unit) === k)
          if (rows.length < zeros.filter((z) => z === k).length) short.push(`${no} ${k}`)
        }
      })
      expect(short).toEqual([])
    })
  }

  it('jincheng-2024 line 80: the change "较上年增加0人" keeps 编制人数 734 for 2022', () => {
    expect(reports['jincheng-2024-budget']!.narrative.find((n) => n.line === 80 && n.relation === 'derived' && n.subject === '编制人数')).toMatchObject({ year: '2022', value: '734' })
  })
})
