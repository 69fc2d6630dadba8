/**
 * What a figure in the prose measures, from the words printed before it.
 * Subjects reuse the national templates' wording (收入总计, 一般公共预算当年支出,
 * 公务接待费 …) so the same statement in another city's report gets the same
 * subject; checks.ts and the app key on these names.
 */
import type { BudgetBasis, SangongCategory, Stage } from './types'
import { SANGONG_CATEGORIES, SANGONG_TOTAL_NAMES } from './vocabulary'

/** A subject split into what is measured (entity) and a suffix naming the measure (年初预算, 占比 …). */
export interface Subject {
  entity: string
  suffix: string
}

export function subjectText(s: Subject): string {
  return s.entity + s.suffix
}

/** Words that open a label but are not part of what it names. */
const LEAD_WORDS = /^(部门[（(]单位[）)]|其中|涵盖|需支付|主要包括|主要用于以下方面|主要用于|支出包括|包括|分别是|分别为|共计|合计|共有|共|涉及|使用|我部门|我单位|本部门|本单位|我局|我中心|年末)/
/** Words that close a label but are not part of what it names ("执行数为", "保有量共"). */
const TRAIL_WORDS = /(为|是|共|达到|约)$/

/**
 * A label as printed, reduced to what it names: no numbering ("4、", "（1）"),
 * no year ("2026年度"), no publisher, no lead or trailing filler words.
 */
export function cleanLabel(label: string, publisher: string): string {
  let t = label.replace(/\s+/g, '')
  for (let guard = 0; guard < 6; guard++) {
    const before = t
    t = t
      .replace(/^([（(]?\d+[）)、.．]|[（(][一二三四五六七八九十]+[）)])/, '')
      .replace(/^\d{4}年度?/, '')
      .replace(/^截[止至]\d{4}年\d{1,2}月\d{1,2}日/, '')
      .replace(LEAD_WORDS, '')
      .replace(TRAIL_WORDS, '')
    // "组织开展了2022年度晋城市人力资源和社会保障局部门（单位）整体支出绩效自评": what follows the publisher.
    if (publisher && t.includes(publisher)) t = t.slice(t.indexOf(publisher) + publisher.length)
    if (t === before) break
  }
  return t
}

/** Printed names of the template, most specific first, and the subject each stands for. */
const VOCABULARY: ReadonlyArray<[RegExp, string]> = [
  [/因公出国[（(]?境[）)]?费/, '因公出国（境）费'],
  [/公务用车购置及运行(维护)?费/, '公务用车购置及运行费'],
  [/公务用车运行(维护)?费/, '公务用车运行维护费'],
  [/公务用车购置(费|支出)?$/, '公务用车购置费'],
  [/国内接待费/, '国内公务接待费'],
  [/外事接待费/, '外事接待费'],
  [/国[（(]境[）)]外接待费/, '国（境）外接待费'],
  [/公务接待费/, '公务接待费'],
  [/[“"]?三公[”"]?经费/, '三公经费'],
  [/机关运行经费/, '机关运行经费'],
  [/政府采购货物/, '政府采购货物'],
  [/政府采购工程/, '政府采购工程'],
  [/政府采购服务/, '政府采购服务'],
  [/政府采购(预算|支出)?总额|^政府采购(预算|支出)?$/, '政府采购'],
  [/授予中小企业合同金额/, '授予中小企业合同金额'],
  [/授予小微企业合同金额/, '授予小微企业合同金额'],
  [/财政拨款收支总预算/, '财政拨款收支总预算'],
  // "财政拨款收入支出总计9746.50万元" (the national 决算's 财政拨款收入支出决算总表) is not the whole 支出总计.
  [/财政拨款收入支出总计/, '财政拨款收入支出总计'],
  [/财政拨款收入总计/, '财政拨款收入总计'],
  [/财政拨款支出总计/, '财政拨款支出总计'],
  [/收入总计|^(预算收入|收入预算)$/, '收入总计'],
  [/支出总计|^(支出预算|预算支出)$/, '支出总计'],
  [/^本年收入$/, '本年收入'],
  [/^本年预算安排$/, '本年预算安排'],
  [/^当年拨款收入$/, '当年拨款收入'],
  [/^上年结转收入$/, '上年结转收入'],
  [/^上年结转$/, '上年结转'],
  [/收入合计/, '收入合计'],
  [/支出合计/, '支出合计'],
  [/一般公共预算当年支出/, '一般公共预算当年支出'],
  [/一般公共预算(安排)?(的)?基本支出/, '一般公共预算基本支出'],
  [/财政拨款基本支出/, '财政拨款基本支出'],
  [/^基本支出$/, '基本支出'],
  [/^项目支出$/, '项目支出'],
  [/^人员经费$/, '人员经费'],
  [/^(日常)?公用经费$/, '公用经费'],
  [/^财政拨款(决算)?支出$/, '财政拨款支出'],
  [/(人员)?编制人数|人员编制数|^编制数$/, '编制人数'],
  [/实有人数|实际在职人员总数/, '实有人数'],
  [/公务用车编制/, '公务用车编制数'],
  [/^(共有)?车辆$|^实有$/, '车辆数'],
  [/购置公务用车/, '公务用车购置数'],
  [/公务用车保有量/, '公务用车保有量'],
  [/办公用房建筑总面积|建筑总面积/, '房屋面积'],
]

/**
 * Measure words that end a label: the measure is the document's own figure
 * (plain subject) when it matches the stage of the report (a 决算's 支出决算, a
 * 预算's 预算), otherwise it is kept so the denominator is always named.
 */
const MEASURE = /(年初预算数?|全年预算数?|调整后预算数?|支出决算数?|决算数?|财政拨款支出预算|支出预算数?|财政拨款预算|预算数?|执行数|支出)$/

function measureSuffix(measure: string, stage: Stage | ''): string {
  if (measure === '' || measure === '支出') return ''
  if (/年初预算/.test(measure)) return '年初预算'
  if (/全年预算/.test(measure)) return '全年预算'
  if (/调整后预算/.test(measure)) return '调整后预算'
  if (/执行数/.test(measure)) return stage === '决算' ? '' : '执行数'
  if (/决算/.test(measure)) return stage === '决算' ? '' : '决算'
  return stage === '预算' ? '' : '预算'
}

/** Labels that only name a measure; their entity is the one the sentence is about. */
const PURE_MEASURE = /^(支出决算数?|决算数?|支出预算数?|年初预算数?|全年预算数?|执行数|项目金额|金额|资金|部门预算资金|预算资金)$/

/** The subject a category label names: "社会保障和就业支出(类)" → 社会保障和就业支出. */
function vocabulary(label: string): string | null {
  const t = label.replace(/[（(]类[）)]$/, '')
  for (const [re, subject] of VOCABULARY) if (re.test(t)) return subject
  return null
}

/** True when a label names a template subject by itself (used to tell a figure from a reason's aside). */
export function isTemplateLabel(label: string): boolean {
  const t = label.replace(MEASURE, '')
  return vocabulary(label) !== null || (t !== '' && vocabulary(t) !== null)
}

/** A label is usable as a subject of its own when it reads as a short noun phrase. */
function readable(label: string): boolean {
  return label.length >= 2 && label.length <= 24 && !/\d/.test(label) && !/[比较减增]/.test(label)
}

export interface SubjectInput {
  /** The cleaned label printed before the figure. */
  label: string
  /** The unit printed with the figure. */
  unit: string
  /** Text after the unit up to the next clause mark ("个内设机构" → "内设机构"). */
  after: string
  /** The entity the sentence is about so far (for "支出决算62,281,177.64元" after "…年初预算52,299,300元"). */
  entity: string
  stage: Stage | ''
}

/** The subject of a stated figure, or null when the words before it name nothing readable. */
export function subjectOf(input: SubjectInput): Subject | null {
  const { label, unit, after, entity, stage } = input
  // "设16个内设机构", "共计9个事业单位": the noun follows the count.
  if (unit === '个' && after !== '' && (label === '' || !readable(label) || /(设|有|计|等)$/.test(label))) {
    // "9个项目自评等级为“优”" (the template's 绩效自评结果 sentence) counts projects of the entity.
    const grade = /^项目自评等级为[“"](.)[”"]/.exec(after)
    if (grade && entity) return { entity: `${entity.replace(/：自评等级为.*$/, '')}：自评等级为“${grade[1]}”的项目`, suffix: '数' }
    let noun = after.replace(/(分别为|分别是)$/, '')
    // "12个一级项目开展了部门评价" → 开展部门评价的一级项目数.
    const did = /^(.+?)(编报|开展)了(.+)$/.exec(noun)
    if (did) noun = `${did[2]}${did[3]}的${did[1]!.replace(/[（(].*?[）)]/g, '')}`
    if (readable(noun)) return { entity: noun, suffix: '数' }
  }
  if (PURE_MEASURE.test(label) && entity) {
    if (/金额|资金/.test(label)) return { entity, suffix: '金额' }
    return { entity, suffix: measureSuffix(label, stage) }
  }
  const direct = vocabulary(label)
  if (direct) {
    // A label that is a template name with a measure word: 财政拨款支出年初预算.
    const m = MEASURE.exec(label)
    const rest = m ? label.slice(0, m.index) : label
    const suffix = m && vocabulary(rest) === direct ? measureSuffix(m[1]!, stage) : ''
    return { entity: direct, suffix }
  }
  const m = MEASURE.exec(label)
  if (m && m.index > 0) {
    const rest = label.slice(0, m.index)
    const v = vocabulary(rest) ?? (/支出$/.test(rest) || rest.endsWith('(类)') ? rest.replace(/[（(]类[）)]$/, '') : null)
    if (v) return { entity: v, suffix: measureSuffix(m[1]!, stage) }
  }
  // "占有使用价值50万元（原值）以上的通用设备": the threshold is part of the name, not a figure.
  const equipment = /(?:单价|价值)(\d+万元)[（(]?(?:原值)?[）)]?以上的?(通用)?设备/.exec(label)
  if (equipment) return { entity: `价值${equipment[1]}以上${equipment[2] ?? ''}设备`, suffix: '' }
  const bare = label.replace(/[（(]类[）)]$/, '').replace(/的/g, '')
  if (!readable(bare)) return null
  if (unit === '个') {
    // "一级项目绩效自评个数12个": the entity is what is counted, for the 涉及资金 that follows.
    const counted = /^(.*?)(个数|数)?$/.exec(bare)!
    return { entity: counted[1]!, suffix: counted[2] ?? '数' }
  }
  return { entity: bare, suffix: '' }
}

/** "完成年初预算" / "完成全年预算" / "完成预算": the suffix of a rate of a budget (narrative.ts). */
const RATE_OF_BUDGET = /^完成(年初|全年|调整后)?预算$/

/**
 * The vocabulary key of a figure (NarrativeRow.subject_key), from its subject as
 * the parser built it: an amount whose subject is a 三公 category by itself (no
 * measure suffix: the report's own figure) has that category, 三公经费 being 合计;
 * a rate of a budget has the budget it divides by — named in its subject, else
 * in its quote ("…，完成调整后预算的98%"), else plain 预算. Anything else: ''.
 */
export function subjectKey(subject: Subject, unit: string, quote: string): SangongCategory | BudgetBasis | '' {
  if (unit === '元' && subject.suffix === '') {
    if ((SANGONG_TOTAL_NAMES as readonly string[]).includes(subject.entity)) return '合计'
    const category = SANGONG_CATEGORIES.find((c) => c === subject.entity)
    return category && category !== '合计' ? category : ''
  }
  const rate = unit === '%' ? RATE_OF_BUDGET.exec(subject.suffix) : null
  if (!rate) return ''
  if (rate[1]) return `${rate[1]}预算` as BudgetBasis
  const named = /完成(年初|全年)预算|(调整后)预算/.exec(quote)
  return named ? (`${named[1] ?? named[2]}预算` as BudgetBasis) : '预算'
}

/**
 * subjectKey from a subject as written in narrative.csv (entity and suffix
 * joined): for a row saved before rows carried their key (csv.ts upgradeCsv).
 * A rate's budget suffix is the only suffix the key reads, so it is the only
 * one split off.
 */
export function subjectKeyOfText(subject: string, unit: string, quote: string): SangongCategory | BudgetBasis | '' {
  const m = /完成(年初|全年|调整后)?预算$/.exec(subject)
  return subjectKey(m ? { entity: subject.slice(0, m.index), suffix: m[0] } : { entity: subject, suffix: '' }, unit, quote)
}
