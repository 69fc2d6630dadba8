/**
 * Figures stated in the prose (概况 and 情况说明) and the prior-year figures
 * derived from stated changes ("比上年减少8228.64万元" next to a stated current
 * figure → that figure one year earlier, relation 'derived').
 *
 * The prose is read as sentences (。) made of segments (；) made of clauses
 * (，、：). Each figure is a number with a printed unit; the words between the
 * previous clause mark and the number say what it is (narrative-subjects.ts).
 */
import type { ParseContext } from './context'
import { add, parseNumber, sub, toYuan } from './decimal'
import { proseRanges } from './narrative-regions'
import { subjectOf, subjectText, subjectKey, cleanLabel, isTemplateLabel, type Subject } from './narrative-subjects'
import { proseBlocks, type TextBlock } from './narrative-text'
import type { NarrativeRow } from './types'

/** A number with its printed unit. 台（套） is how the template counts equipment. */
const FIGURE = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(万元|亿元|元|%|％|人次|人|辆|平方米|台[（(]套[）)]|个|批次)/g
const AMOUNT_UNITS = new Set(['万元', '亿元', '元'])
/** Clause marks. An ASCII comma only between non-digits (thousands separators stay in numbers). */
const CLAUSE_MARK = /[，；：、;:]|,(?!\d{3})/g
const SEGMENT_MARK = /[；;]/
const REASON = /主要原因|原因是|原因为|原因：|原因:/
const CHANGE_WORD = /(增加|减少|增长|下降|增|减)$/
/** "比上年减少", "较2021年决算减少", "比2025年预算减少", "与上年相比预算数减少", "比上年度减少". */
const COMPARED = /(?:比|较|与)(上年度?|上一年度?|(\d{4})年度?)(?:决算|预算)?(?:相比)?(?:预算数|决算数)?(增加|减少|增长|下降|增|减)$/
/** "与2021年相比，" opens a clause whose subject is named: "收入总计减少56,533,273.95元". */
const COMPARED_OPENING = /与(上年度?|(\d{4})年度?)(?:决算|预算)?相比$/
const SAME_AS_LAST_YEAR = /与(上年度?|(\d{4})年度?)(预算数|决算数)?相同/

interface Stated {
  subject: Subject
  year: string
  value: string
  unit: string
  /** Index of the number in the sentence. */
  at: number
  end: number
  /** Index of the segment (；) of its sentence. */
  segment: number
  /** The sentence it stands in, and its quote. */
  sentence: string
  quote: string
}

interface Sentence {
  text: string
  lineOf: number[]
}

function isIncrease(word: string): boolean {
  return word.startsWith('增')
}

function unitKind(unit: string): string {
  return AMOUNT_UNITS.has(unit) ? '元' : unit === '％' ? '%' : unit
}

/** The value of a printed figure in the dataset's unit: amounts in 元, counts as printed. */
function valueOf(raw: string, unit: string): string {
  const n = parseNumber(raw)!
  return AMOUNT_UNITS.has(unit) ? toYuan(n, unit) : n
}

function sentencesOf(block: TextBlock): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  for (let i = 0; i <= block.text.length; i++) {
    if (i === block.text.length || /[。！？]/.test(block.text[i]!)) {
      const text = block.text.slice(start, i + 1)
      if (text.replace(/[。！？]/g, '') !== '') out.push({ text, lineOf: block.lineOf.slice(start, i + 1) })
      start = i + 1
    }
  }
  return out
}

/**
 * A quote of at most 200 characters holding [from, to) of the sentence: from the
 * clause that names the figure (or the start of its segment, when that is near)
 * to the end of its segment, cut at clause marks.
 */
function quoteAround(s: string, from: number, to: number): string {
  const marks = [-1]
  for (const m of s.matchAll(CLAUSE_MARK)) marks.push(m.index)
  marks.push(s.length)
  const prevMark = (i: number) => Math.max(...marks.filter((m) => m < i))
  const nextMark = (i: number) => Math.min(...marks.filter((m) => m >= i))
  let a = prevMark(from) + 1
  let b = Math.min(s.length, nextMark(to) + 1)
  let segStart = 0
  for (let i = from - 1; i >= 0; i--) if (SEGMENT_MARK.test(s[i]!)) { segStart = i + 1; break }
  if (b - segStart <= 120) a = segStart
  while (b < s.length && !SEGMENT_MARK.test(s[b - 1]!)) {
    const nb = Math.min(s.length, nextMark(b) + 1)
    if (nb - a > 200) break
    b = nb
  }
  let q = s.slice(a, b).replace(/[，；：、,;:]$/, '')
  if (q.length > 200) q = s.slice(Math.max(0, to - 200), to)
  return q.trim()
}

/** Figures stated in the prose (情况说明), and prior-year figures derived from stated changes. */
export function parseNarrative(ctx: ParseContext): NarrativeRow[] {
  const doc = ctx.document
  const rows: NarrativeRow[] = []
  const seen = new Set<string>()
  // Every row is made here, from the subject as built: its text and its vocabulary key (subjectKey).
  const push = (subject: Subject, figure: Omit<NarrativeRow, 'doc_id' | 'subject' | 'subject_key'>) => {
    const row: NarrativeRow = { doc_id: doc.doc_id, subject: subjectText(subject), ...figure, subject_key: subjectKey(subject, figure.unit, figure.quote) }
    const key = [row.subject, row.year, row.value, row.unit, row.relation, row.line].join('|')
    if (seen.has(key)) return
    seen.add(key)
    rows.push(row)
  }
  const docYear = doc.year
  let heading = ''
  // Figures stated so far in the current section, for a change that names its subject.
  let sectionStated: Stated[] = []
  let previousHead: Stated | null = null
  let skipToHeading = false

  for (const block of proseBlocks(ctx, proseRanges(ctx))) {
    if (block.heading) {
      skipToHeading = false
      heading = block.text
      sectionStated = []
      previousHead = null
      continue
    }
    for (const sentence of sentencesOf(block)) {
      const s = sentence.text
      if (skipToHeading) continue
      // "具体公开的每个项目绩效自评结果如下表述：" opens free-text project write-ups (jincheng-2022-final.txt
      // lines 622–636) whose figures belong to the 绩效自评表 appendix, read by evaluations.ts.
      if (/每个项目绩效自评结果如下/.test(s)) {
        skipToHeading = true
        continue
      }
      const lineAt = (i: number) => sentence.lineOf[Math.min(i, sentence.lineOf.length - 1)]!
      const asOf = /截[止至](\d{4})年/.exec(s)
      const year = asOf ? asOf[1]! : docYear
      // A sentence opening with 其中 details the head of the sentence before.
      const sentenceHead: Stated | null = /^其中/.test(s) ? previousHead : null
      let head: Stated | null = sentenceHead
      let firstStated: Stated | null = null
      let segment = 0
      let segmentStated: Stated[] = []
      let inReason = false
      let entity = ''
      let lastChange: { base: Stated; at: number } | null = null
      let prevEnd = 0
      let namedComparison: string | null = null

      const resetSegment = () => {
        segment++
        segmentStated = []
        head = sentenceHead
        inReason = false
        lastChange = null
      }

      for (const m of s.matchAll(FIGURE)) {
        const at = m.index
        const raw = m[0].slice(0, m[0].length - m[2]!.length)
        const unit = m[2] === '％' ? '%' : m[2]!
        const end = at + m[0].length
        // Not a figure: part of a longer token (A150201, 晋财综[2023]43号), or a threshold ("50万元（原值）以上").
        if (at > 0 && /[\dA-Za-z.[〔【]/.test(s[at - 1]!)) continue
        if (/^([（(]原值[）)])?以上/.test(s.slice(end))) continue

        const gap = s.slice(prevEnd, at)
        prevEnd = end
        // A segment mark (；) between figures starts a new segment; a reason clause runs to it.
        const lastSeg = Math.max(gap.lastIndexOf('；'), gap.lastIndexOf(';'))
        if (lastSeg >= 0) resetSegment()
        const afterSeg = lastSeg >= 0 ? gap.slice(lastSeg + 1) : gap
        if (REASON.test(afterSeg)) inReason = true
        if (/其中/.test(afterSeg) && segmentStated.length > 0) head = segmentStated.at(-1)!

        // The label: text from the last clause mark before the number.
        let labelStart = 0
        for (const cm of s.slice(0, at).matchAll(CLAUSE_MARK)) labelStart = cm.index + 1
        const rawLabel = s.slice(Math.max(labelStart, at - gap.length), at)
        const label = cleanLabel(rawLabel, doc.publisher)
        const clauseBefore = s.slice(0, labelStart).replace(/[，；：、,;:]$/, '')
        const previousClause = cleanLabel(clauseBefore.slice(Math.max(...[...clauseBefore.matchAll(CLAUSE_MARK)].map((c) => c.index + 1), 0)), doc.publisher)
        if (COMPARED_OPENING.test(clauseBefore)) namedComparison = clauseBefore
        const afterMatch = /^[^，。；：、,;:]*/.exec(s.slice(end))
        const after = afterMatch ? afterMatch[0] : ''

        if (inReason) {
          // A reason's asides ("技师学院公务接待费减少0.5万元") are not the report's figures;
          // a clause that opens with a template name and its figure ends the aside
          // (changzhi-2026-budget.txt line 619: "…增加0.5万元，公务用车运行维护费13.72万元，…").
          if (isTemplateLabel(label) && !/[比较减增]/.test(label)) inReason = false
          else continue
        }

        // A change against an earlier year.
        const compared = COMPARED.exec(rawLabel.replace(/\s+/g, ''))
        const named = namedComparison && CHANGE_WORD.test(label) ? label.replace(CHANGE_WORD, '') : null
        const bareChange = /^(增长|下降|增加|减少)$/.test(label)
        if (compared || named !== null || (bareChange && lastChange)) {
          const word = compared ? compared[3]! : CHANGE_WORD.exec(label)![1]!
          let base: Stated | null
          if (bareChange && !compared && lastChange) base = (lastChange as { base: Stated }).base
          else if (named) {
            const want = subjectOf({ label: named, unit, after: '', entity, stage: doc.stage })
            const wanted = want ? subjectText(want) : named
            base = [...sectionStated].reverse().find((st) => subjectText(st.subject) === wanted) ?? null
          } else {
            // Nearest figure of the same kind in the segment; after a 其中-list, the head it details.
            const kind = unitKind(unit)
            const candidates = segmentStated.filter((st) => unitKind(st.unit) === kind)
            const listHead = head && head.segment === segment && candidates.includes(head) && /其中/.test(s.slice(head.end, at)) ? head : null
            base = listHead ?? candidates.at(-1) ?? null
          }
          if (!base) {
            ctx.problems.push({ severity: 'warning', where: 'narrative', line: lineAt(at), message: `变动“${rawLabel}${m[0]}”找不到所比较的本年数` })
            continue
          }
          const priorYear = compared?.[2] ?? (named ? namedComparison!.match(/(\d{4})/)?.[1] : undefined) ?? String(Number(base.year) - 1)
          // The base may stand in the sentence before ("…收入总计62,373,182.64元…。与2021年相比，收入总计减少…").
          const quote = base.sentence === s ? quoteAround(s, base.at, end) : `${base.quote}…${quoteAround(s, at, end)}`.slice(0, 200)
          if (unitKind(unit) === '%') {
            const v = parseNumber(raw)!
            push({ entity: subjectText(base.subject), suffix: '增长率' }, { year: base.year, value: isIncrease(word) || v === '0' ? v : '-' + v, unit: '%', relation: 'stated', quote: quoteAround(s, at, end), line: lineAt(at) })
          } else if (unitKind(unit) === unitKind(base.unit)) {
            const change = valueOf(raw, unit)
            const prior = isIncrease(word) ? sub(base.value, change) : add(base.value, change)
            push(base.subject, { year: priorYear, value: prior, unit: base.unit === '元' ? '元' : base.unit, relation: 'derived', quote, line: lineAt(at) })
            lastChange = { base, at }
          }
          continue
        }

        // A share (占87.16%) or a rate (完成年初预算的119.09%) of the figure before it.
        let subject: Subject | null = null
        const previous = segmentStated.filter((st) => st.unit !== '%').at(-1) ?? sectionStated.filter((st) => st.unit !== '%').at(-1)
        if (unit === '%' && /^占/.test(label) && previous) {
          subject = { entity: subjectText(previous.subject), suffix: '占比' }
        } else if (unit === '%' && /完成(年初|全年)?预算的?$/.test(label) && previous) {
          const which = /完成(年初|全年)?预算/.exec(label)![1] ?? ''
          subject = { entity: previous.subject.entity, suffix: `完成${which}预算` }
        } else if (unit === '%' && /执行率$/.test(label) && previous) {
          subject = { entity: previous.subject.entity, suffix: '执行率' }
        } else if ((unit === '人次' || unit === '批次') && (label === '' || /接待|团组/.test(label) || /^[共接待]*$/.test(label))) {
          // "共接待3批次，62人次": counts of the 三公 category the segment is about.
          const about = [...segmentStated].reverse().find((st) => unitKind(st.unit) === '元')
          if (about) subject = { entity: about.subject.entity.replace(/费$/, '').replace(/^国内公务接待$/, '国内接待'), suffix: unit }
        } else {
          // "部门（单位）全年预算数为45802600元" under 整体支出绩效自评结果 measures 整体支出.
          const about = entity || previousClause.replace(/^编报/, '') || (/整体支出/.test(heading) ? '整体支出' : '')
          subject = subjectOf({ label, unit, after, entity: about, stage: doc.stage })
          // In the 绩效 sections a 其中-list details its head: "公开项目绩效目标52个…。其中：其他运转类项目41个"
          // (changzhi-2026-budget.txt line 643) must not read as the 纳入绩效目标管理 list before it.
          if (subject && /绩效/.test(heading) && head && /其中/.test(s.slice(0, at)) && !subject.entity.startsWith(head.subject.entity)) {
            subject = { entity: `${head.subject.entity}：${subject.entity}`, suffix: subject.suffix }
          }
        }
        if (!subject) {
          ctx.problems.push({ severity: 'warning', where: 'narrative', line: lineAt(at), message: `未能确定“${rawLabel.slice(-20)}${m[0]}”所指` })
          continue
        }
        // In 财政拨款收支预算总体情况 the parts are parts of the 财政拨款 total (B04), not of B01.
        let scoped = subject
        if (/财政拨款收支/.test(heading) && !/^财政拨款/.test(subject.entity) && subject.suffix !== '占比') {
          scoped = { entity: (/^(收入|支出)总计$/.test(subject.entity) ? '财政拨款' : '财政拨款：') + subject.entity, suffix: subject.suffix }
        }
        const stated: Stated = { subject: scoped, year, value: valueOf(raw, unit), unit: unitKind(unit) === '元' ? '元' : unit, at, end, segment, sentence: s, quote: quoteAround(s, at, end) }
        push(scoped, { year, value: stated.value, unit: stated.unit, relation: 'stated', quote: stated.quote, line: lineAt(at) })
        if (stated.unit !== '%') {
          entity = scoped.entity
          segmentStated.push(stated)
          sectionStated.push(stated)
          firstStated ??= stated
        }
        // "因公出国（境）费0万元，与上年预算数相同": the prior year's figure is the same. A rate clause may
        // stand between: "因公出国（境）费支出0.00元，完成全年预算的0.00%，与上年相同" (jincheng-2022-final line 574)
        // says the 0.00元 was 0 the year before too — a prior-year 0 for the 三公 trend.
        const rest = /^[，,]?(?:完成(?:年初|全年)?预算的?\d+(?:\.\d+)?[%％][，,])?([^，。；,;]*)/.exec(s.slice(end))
        const same = rest ? SAME_AS_LAST_YEAR.exec(rest[1]!) : null
        if (same && stated.unit !== '%') {
          push(scoped, { year: same[2] ?? String(Number(year) - 1), value: stated.value, unit: stated.unit, relation: 'derived', quote: quoteAround(s, at, end + rest![0].length), line: lineAt(at) })
        }
      }
      // "本单位无“三公”经费预算。" (gaoping-2026-budget.txt line 421): none is a figure, zero.
      const none = /无[“"]?(三公)[”"]?经费|无(机关运行经费)/.exec(s)
      if (none && !FIGURE.test(s.slice(0, none.index + none[0].length + 4))) {
        const subjectName = none[1] ? '三公经费' : '机关运行经费'
        push({ entity: subjectName, suffix: '' }, { year, value: '0.00', unit: '元', relation: 'stated', quote: s.replace(/。$/, ''), line: lineAt(none.index) })
      }
      previousHead = head ?? firstStated
    }
  }
  return rows
}
