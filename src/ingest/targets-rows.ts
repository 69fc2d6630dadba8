/**
 * Reading one indicator row of a 绩效目标表 into its two halves (实施期 / 年度).
 *
 * The extractions do not keep the table's columns: in gaoping-2026-budget.txt
 * the 年度 half of some rows shifts one column left (line 525
 * " |  | 发放补贴达标率 | 100% |  | 发放补贴达标率 | 100% | "), merged 一级/二级
 * cells are printed once and left blank below, and in jincheng-2024-budget.txt
 * cells are glued ("服务对象满意度指1996年机构改革自愿辞职人≥90%", line 2118).
 * So a row is read by what its cells say, not where they stand: 一级指标 and
 * 二级指标 are recognised by the template's fixed wording, and the remaining
 * texts come in (三级指标, 指标值) pairs, the first pair for 实施期 and the second
 * for 年度.
 */

/** One cell's text, the column it stood in (-1 when the extraction has no columns) and its line. */
export interface Token {
  text: string
  col: number
  line: number
}

/** 一级指标 of the national template. */
const LEVEL1_RE = /^(产出指标|效益指标|满意度指标)$/
/**
 * 二级指标 of the national template (both the "经济效益" and "经济效益指标"
 * spellings occur; 覆盖指标 is printed in gaoping line 925). 成本指标 stays a
 * 二级指标: gaoping and jincheng print it under 产出指标.
 */
const LEVEL2_RE =
  /^((数量|质量|时效|成本|覆盖|经济成本|社会成本|生态环境成本)指标|(经济|社会|生态)效益(指标)?|可持续影响(指标)?|服务对象满意度(指标)?)$/
/** The same words as a prefix glued to the next cell, possibly cut short ("服务对象满意度指"). */
const LABEL_PREFIX_RE =
  /^(产出指标|效益指标|满意度指标|(数量|质量|时效|成本)指标|(经济|社会|生态)效益指标?|可持续影响指标?|服务对象满意度指?标?)(.+)$/

export function isLevel1(text: string): boolean {
  return LEVEL1_RE.test(text)
}

export function isLevel2(text: string): boolean {
  return LEVEL2_RE.test(text)
}

/** The wording of a 三级指标 (what is measured), which a 指标值 never ends with. */
const MEASURE_END_RE = /(率|数|数量|度|性|时间|成本|标准|人数|次数|金额|额|面积|情况|规模|水平|效益|影响|）|\))$/

const UNIT_WORDS =
  '%|％|‰|人次|万人|人|万元|亿元|元|个|次|场|期|份|项|户|家|天|日|月份|月|年|台|套|条|张|平方米|平米|米|亩|吨|小时|批|所|篇|件|本|册|万|分|辆|间|处|座|类|名|周'
const NUMBER_WITH_UNIT_RE = new RegExp(`^\\d[\\d.,]*\\s*(${UNIT_WORDS})?([/／].*|以上|以内|以下|左右|内|前|底前|底)?$`)
const DATE_RE = /^(\d{4}年)?(\d{1,2}月|全年|年底|年内|当年|上半年|下半年|\d{1,2}月份)/
const VALUE_WORD_RE =
  /^(每|按)(月|周|年|季度?|天|日|半年|期)|^(及时|按时|准时|完善|保障|维护|促进|提高|提升|缓解|增强|增加|扩大|长期|持续|有效|显著|效果显著|明显|达标|合格|符合|良好|优良|规范|稳定|可持续|是|否|无|有|达到|完成|实现|改善|响应|降低|减少)/

/** Whether a text reads as a 指标值 ("≥500人", "100%", "12月底前", "按月发放", "促进"). */
export function looksLikeTarget(text: string): boolean {
  const t = text.trim()
  if (t === '') return false
  if (/^[≥≤><=＞＜≧≦≈＝]/.test(t)) return true
  if (NUMBER_WITH_UNIT_RE.test(t)) return true
  if (MEASURE_END_RE.test(t)) return false
  if (DATE_RE.test(t) && t.length <= 16) return true
  return VALUE_WORD_RE.test(t) && t.length <= 6
}

/**
 * Splits cells the extraction glued together: a label prefix
 * ("服务对象满意度指辞职人员满意度（%）") and a comparator-led 指标值 suffix
 * ("生活困难及医疗保≤740万元", jincheng-2024 line 2211).
 */
export function splitGlued(token: Token, spaceSeparated = false): Token[] {
  const out: Token[] = []
  let text = token.text
  const prefix = LABEL_PREFIX_RE.exec(text)
  if (prefix && !isLevel1(text) && !isLevel2(text)) {
    const label = normaliseLabel(prefix[1]!)
    if (label) {
      out.push({ ...token, text: label })
      text = prefix.at(-1)!
    }
  }
  const comparator = /^(.*[^\s≥≤><=＞＜≧≦])([≥≤><＞＜≧≦].*)$/.exec(text)
  // A value word glued after what it measures ("生活补贴发放时间每月", jincheng-2024 line 2096).
  const valueWord = /^(.{2,})(每月|每年|每周|每季度|每半年|及时|按时|按月发放)$/.exec(text)
  if (comparator && !/[≥≤><＞＜≧≦]/.test(comparator[1]!)) {
    out.push({ ...token, text: comparator[1]! }, { ...token, text: comparator[2]! })
  } else if (valueWord && MEASURE_END_RE.test(valueWord[1]!)) {
    out.push({ ...token, text: valueWord[1]! }, { ...token, text: valueWord[2]! })
  } else if (spaceSeparated && gluedFigure(text)) {
    // "补贴资金发放准确100%", "孵化基地补贴发放5月和8月" (jincheng-2024 lines 3057, 3065): the
    // pdftotext extraction drops the space before a figure that fills its cell.
    const at = gluedFigure(text)!
    out.push({ ...token, text: text.slice(0, at) }, { ...token, text: text.slice(at) })
  } else {
    out.push({ ...token, text })
  }
  return out
}

/** Where a 指标值 figure glued to the end of a 三级指标 starts, or null. */
function gluedFigure(text: string): number | null {
  if (looksLikeTarget(text)) return null
  for (let at = 2; at < text.length; at++) {
    if (/\d/.test(text[at]!) && !/[\d.,]/.test(text[at - 1]!) && looksLikeTarget(text.slice(at))) return at
  }
  return null
}

/** A label cut short by the extraction ("服务对象满意度指") completed to its template wording. */
function normaliseLabel(label: string): string | null {
  if (isLevel1(label) || isLevel2(label)) return label
  if (/^服务对象满意度指标?$/.test(label)) return '服务对象满意度指标'
  if (/^(经济|社会|生态)效益指$/.test(label)) return label + '标'
  if (/^可持续影响指$/.test(label)) return label + '标'
  return null
}

/** One half's indicator: its 二级指标 when the row prints one, and the 三级指标 / 指标值 texts. */
export interface HalfCells {
  level2: string | null
  texts: Token[]
}

export interface RowReading {
  /** 一级指标 printed in the row, if any. */
  level1: string | null
  /** [实施期 half, 年度 half]; null where the row has nothing for that half. */
  halves: [HalfCells | null, HalfCells | null]
}

interface Segment {
  level2: string | null
  texts: Token[]
}

/**
 * Reads one indicator row. `yearColumn` is the column from which a lone pair
 * belongs to the 年度 half (tab extractions); without columns, `due` says which
 * half a lone pair belongs to (the pdftotext extraction prints the two halves of
 * a wrapped row on separate lines, jincheng-2024 lines 2197–2203).
 * `twoHalves` is false for single-half tables (整体支出绩效目标申报表).
 */
export function readRow(
  tokens: readonly Token[],
  opts: { yearColumn: number | null; due: 0 | 1; twoHalves: boolean; spaceSeparated?: boolean },
): RowReading {
  let level1: string | null = null
  const segments: Segment[] = []
  let cur: Segment = { level2: null, texts: [] }
  const flush = (): void => {
    if (cur.level2 !== null || cur.texts.length > 0) segments.push(cur)
    cur = { level2: null, texts: [] }
  }
  for (const raw of tokens) {
    for (const tok of splitGlued(raw, opts.spaceSeparated ?? false)) {
      if (isLevel1(tok.text)) {
        level1 = tok.text
        if (cur.texts.length > 0) flush()
      } else if (isLevel2(tok.text)) {
        if (cur.texts.length > 0 || cur.level2 !== null) flush()
        cur.level2 = tok.text
      } else {
        cur.texts.push(tok)
      }
    }
  }
  flush()

  if (!opts.twoHalves) {
    // Single-half table: everything is the one half.
    const level2 = segments.map((s) => s.level2).filter((l) => l !== null).at(-1) ?? null
    const texts = segments.flatMap((s) => s.texts)
    return { level1, halves: [segments.length ? { level2, texts } : null, null] }
  }

  // A label repeated with nothing under it (gaoping line 593: "时效指标 | 时效指标 | | | 时效指标 | …")
  // leaves more segments than halves: drop the empty ones first.
  while (segments.length > 2) {
    const i = segments.findIndex((s) => s.texts.length === 0)
    if (i < 0) break
    segments.splice(i, 1)
  }
  if (segments.length > 2) {
    // Still more: fold the tail into the 年度 half.
    const rest = segments.splice(2)
    segments[1]!.texts.push(...rest.flatMap((s) => s.texts))
  }

  if (segments.length === 1 && segments[0]!.texts.length >= 3) {
    // No label between the halves: the first (三级, 指标值) pair is 实施期's.
    const s = segments[0]!
    const cut = 2
    segments.push({ level2: null, texts: s.texts.splice(cut) })
  }

  if (segments.length === 2) return { level1, halves: [segments[0]!, segments[1]!] }
  if (segments.length === 0) return { level1, halves: [null, null] }
  const only = segments[0]!
  let half: 0 | 1 = opts.due
  if (opts.yearColumn !== null) {
    const col = only.texts[0]?.col ?? -1
    half = col >= opts.yearColumn ? 1 : col >= 0 ? 0 : opts.due
  }
  return { level1, halves: half === 0 ? [only, null] : [null, only] }
}

/** The 三级指标 and 指标值 of one half's texts. */
export function indicatorOf(texts: readonly Token[], hasValueColumn = true): { level3: Token | null; target: Token | null } {
  if (texts.length === 0) return { level3: null, target: null }
  if (!hasValueColumn) {
    // The half has no 指标值 column (gaoping-2026 line 890: the 年度 half prints 二级 and 三级 only).
    return { level3: { ...texts[0]!, text: texts.map((t) => t.text).join('') }, target: null }
  }
  if (texts.length === 1) {
    const t = texts[0]!
    return looksLikeTarget(t.text) ? { level3: null, target: t } : { level3: t, target: null }
  }
  // The last text is the 指标值; earlier ones are pieces of the 三级指标.
  const target = texts.at(-1)!
  const parts = texts.slice(0, -1)
  return {
    level3: { text: parts.map((p) => p.text).join(''), col: parts[0]!.col, line: parts[0]!.line },
    target,
  }
}

/**
 * The pdftotext extraction cuts a 三级指标 to its cell's width and glues the
 * 指标值 word to it ("提高后勤服务质量提高", "解决1996年机构改革自愿辞有效解决",
 * jincheng-2024 lines 2465, 2112). A lone text ending in such a word is split.
 */
const VALUE_SUFFIX_RE =
  /^(.{4,}?)(有效解决|有效促进|基本保障|提高|提升|保障|促进|满足|减少|降低|维护|完善|按时|及时|每月|每周|每年|合格|达标|第[一二三四]季度)$/

export function splitValueSuffix(token: Token): [Token, Token] | null {
  const m = VALUE_SUFFIX_RE.exec(token.text)
  if (!m) return null
  return [
    { ...token, text: m[1]! },
    { ...token, text: m[2]! },
  ]
}
