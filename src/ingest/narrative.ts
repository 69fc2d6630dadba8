/**
 * Figures stated in the prose (概况 and 情况说明) and the prior-year figures
 * derived from stated changes ("比上年减少8228.64万元" next to a stated current
 * figure → that figure one year earlier, relation 'derived').
 *
 * The pipeline: the prose regions as sections of sentences (narrative-regions.ts,
 * narrative-text.ts) → each sentence's figures and the clause naming each one
 * (narrative-clauses.ts) → a figure is a change against an earlier year or a
 * stated figure whose subject is resolved (narrative-subjects.ts) → rows.
 * Figures are read left to right, each sentence after the one before, because a
 * figure may name one stated before it: a change its base, a share its whole,
 * a 其中-list its head.
 */
import type { ParseContext } from './context'
import { add, parseNumber, sub } from './decimal'
import { clauseOf, FIGURE, figuresOf, quoteAround, unitKind, valueOf, type Clause, type Figure } from './narrative-clauses'
import { proseRanges } from './narrative-regions'
import { subjectOf, subjectText, subjectKey, isTemplateLabel, type Subject } from './narrative-subjects'
import { lineAt, proseBlocks, sentencesOf, type Sentence } from './narrative-text'
import type { NarrativeRow } from './types'

const REASON = /主要原因|原因是|原因为|原因：|原因:/
const CHANGE_WORD = /(增加|减少|增长|下降|增|减)$/
/** "比上年减少", "较2021年决算减少", "比2025年预算减少", "与上年相比预算数减少", "比上年度减少". */
const COMPARED = /(?:比|较|与)(上年度?|上一年度?|(\d{4})年度?)(?:决算|预算)?(?:相比)?(?:预算数|决算数)?(增加|减少|增长|下降|增|减)$/
/** "与2021年相比，" opens a clause whose subject is named: "收入总计减少56,533,273.95元". */
const COMPARED_OPENING = /与(上年度?|(\d{4})年度?)(?:决算|预算)?相比$/
const SAME_AS_LAST_YEAR = /与(上年度?|(\d{4})年度?)(预算数|决算数)?相同/

/** A figure stated in the prose, kept so later figures can refer to it. */
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

/** A heading and the sentences under it. */
interface Section {
  heading: string
  sentences: Sentence[]
}

/** What the sentences of a section share: figures stated so far, for a change that names its subject. */
interface SectionReading {
  heading: string
  stated: Stated[]
  /** The head of the sentence before, which a sentence opening with 其中 details. */
  previousHead: Stated | null
}

/** What the figures of one sentence share, read left to right. */
interface SentenceReading {
  sentence: Sentence
  /** The year its figures are of: the report's, or "截至2023年" as printed. */
  year: string
  sentenceHead: Stated | null
  /** The figure a 其中-list details. */
  head: Stated | null
  firstStated: Stated | null
  segment: number
  segmentStated: Stated[]
  /** Inside a reason clause ("主要原因是…"), up to the end of its segment. */
  inReason: boolean
  /** The entity of the last figure stated, for a clause that names only a measure. */
  entity: string
  lastChange: { base: Stated; at: number } | null
  /** End of the figure before. */
  prevEnd: number
  /** "与2021年相比" when a clause opened with it. */
  namedComparison: string | null
}

/** A change against an earlier year: its word and how it names the figure it changes. */
interface Change {
  word: string
  /** "比2021年减少": group 2 is the year, when printed. */
  compared: RegExpExecArray | null
  /** Under "与2021年相比": the subject's words before the change word ('' when it names none). */
  named: string | null
  /** "增长" alone: a further change of the figure the change before was of. */
  bare: boolean
}

type Emit = (subject: Subject, figure: Omit<NarrativeRow, 'doc_id' | 'subject' | 'subject_key'>) => void

/** Figures stated in the prose (情况说明), and prior-year figures derived from stated changes. */
export function parseNarrative(ctx: ParseContext): NarrativeRow[] {
  const { rows, emit } = rowsOf(ctx.document.doc_id)
  for (const section of sectionsOf(ctx)) {
    const reading: SectionReading = { heading: section.heading, stated: [], previousHead: null }
    for (const sentence of section.sentences) readSentence(ctx, reading, sentence, emit)
  }
  return rows
}

/** Every row is made here, from the subject as built: its text and its vocabulary key (subjectKey); a repeated figure is kept once. */
function rowsOf(docId: string): { rows: NarrativeRow[]; emit: Emit } {
  const rows: NarrativeRow[] = []
  const seen = new Set<string>()
  const emit: Emit = (subject, figure) => {
    const row: NarrativeRow = { doc_id: docId, subject: subjectText(subject), ...figure, subject_key: subjectKey(subject, figure.unit, figure.quote) }
    const key = [row.subject, row.year, row.value, row.unit, row.relation, row.line].join('|')
    if (seen.has(key)) return
    seen.add(key)
    rows.push(row)
  }
  return { rows, emit }
}

/** The prose regions as sections of sentences; the text before the first heading is a section with none. */
function sectionsOf(ctx: ParseContext): Section[] {
  const sections: Section[] = [{ heading: '', sentences: [] }]
  let skipToHeading = false
  for (const block of proseBlocks(ctx, proseRanges(ctx))) {
    if (block.heading) {
      skipToHeading = false
      sections.push({ heading: block.text, sentences: [] })
      continue
    }
    for (const sentence of sentencesOf(block)) {
      if (skipToHeading) continue
      // "具体公开的每个项目绩效自评结果如下表述：" opens free-text project write-ups (jincheng-2022-final.txt
      // lines 622–636) whose figures belong to the 绩效自评表 appendix, read by evaluations.ts.
      if (/每个项目绩效自评结果如下/.test(sentence.text)) {
        skipToHeading = true
        continue
      }
      sections.at(-1)!.sentences.push(sentence)
    }
  }
  return sections
}

function readSentence(ctx: ParseContext, section: SectionReading, sentence: Sentence, emit: Emit): void {
  const asOf = /截[止至](\d{4})年/.exec(sentence.text)
  // A sentence opening with 其中 details the head of the sentence before.
  const sentenceHead = /^其中/.test(sentence.text) ? section.previousHead : null
  const reading: SentenceReading = {
    sentence,
    year: asOf ? asOf[1]! : ctx.document.year,
    sentenceHead,
    head: sentenceHead,
    firstStated: null,
    segment: 0,
    segmentStated: [],
    inReason: false,
    entity: '',
    lastChange: null,
    prevEnd: 0,
    namedComparison: null,
  }
  for (const figure of figuresOf(sentence.text)) readFigure(ctx, section, reading, figure, emit)
  readNone(reading, emit)
  section.previousHead = reading.head ?? reading.firstStated
}

function readFigure(ctx: ParseContext, section: SectionReading, reading: SentenceReading, figure: Figure, emit: Emit): void {
  const gap = moveTo(reading, figure)
  const clause = clauseOf(reading.sentence.text, figure, gap, ctx.document.publisher)
  if (COMPARED_OPENING.test(clause.clauseBefore)) reading.namedComparison = clause.clauseBefore
  if (reading.inReason) {
    // A reason's asides ("技师学院公务接待费减少0.5万元") are not the report's figures;
    // a clause that opens with a template name and its figure ends the aside
    // (changzhi-2026-budget.txt line 619: "…增加0.5万元，公务用车运行维护费13.72万元，…").
    if (isTemplateLabel(clause.label) && !/[比较减增]/.test(clause.label)) reading.inReason = false
    else return
  }
  const change = changeOf(reading, clause)
  if (change) {
    readChange(ctx, section, reading, figure, clause, change, emit)
    return
  }
  const subject = subjectOfFigure(ctx, section, reading, figure, clause)
  if (!subject) {
    const message = `未能确定“${clause.rawLabel.slice(-20)}${figure.printed}”所指`
    ctx.problems.push({ severity: 'warning', where: 'narrative', line: lineAt(reading.sentence, figure.at), message })
    return
  }
  readStated(section, reading, figure, scopedTo(section.heading, subject), emit)
}

/** Moves the reading on to `figure` and returns the text since the figure before. */
function moveTo(reading: SentenceReading, figure: Figure): string {
  const gap = reading.sentence.text.slice(reading.prevEnd, figure.at)
  reading.prevEnd = figure.end
  // A segment mark (；) between figures starts a new segment; a reason clause runs to it.
  const lastSeg = Math.max(gap.lastIndexOf('；'), gap.lastIndexOf(';'))
  if (lastSeg >= 0) {
    reading.segment++
    reading.segmentStated = []
    reading.head = reading.sentenceHead
    reading.inReason = false
    reading.lastChange = null
  }
  const afterSeg = lastSeg >= 0 ? gap.slice(lastSeg + 1) : gap
  if (REASON.test(afterSeg)) reading.inReason = true
  if (/其中/.test(afterSeg) && reading.segmentStated.length > 0) reading.head = reading.segmentStated.at(-1)!
  return gap
}

/** The change against an earlier year the clause states, if any. */
function changeOf(reading: SentenceReading, clause: Clause): Change | null {
  const { label } = clause
  const compared = COMPARED.exec(clause.rawLabel.replace(/\s+/g, ''))
  const named = reading.namedComparison && CHANGE_WORD.test(label) ? label.replace(CHANGE_WORD, '') : null
  const bare = /^(增长|下降|增加|减少)$/.test(label)
  if (!(compared || named !== null || (bare && reading.lastChange))) return null
  return { word: compared ? compared[3]! : CHANGE_WORD.exec(label)![1]!, compared, named, bare }
}

/** A stated change: the base's figure one year earlier, or a growth rate of the base. */
function readChange(ctx: ParseContext, section: SectionReading, reading: SentenceReading, figure: Figure, clause: Clause, change: Change, emit: Emit): void {
  const s = reading.sentence.text
  const { at, end, raw, unit } = figure
  const line = lineAt(reading.sentence, at)
  const base = baseOf(ctx, section, reading, figure, change)
  if (!base) {
    ctx.problems.push({ severity: 'warning', where: 'narrative', line, message: `变动“${clause.rawLabel}${figure.printed}”找不到所比较的本年数` })
    return
  }
  const priorYear = change.compared?.[2] ?? (change.named ? reading.namedComparison!.match(/(\d{4})/)?.[1] : undefined) ?? String(Number(base.year) - 1)
  // The base may stand in the sentence before ("…收入总计62,373,182.64元…。与2021年相比，收入总计减少…").
  const quote = base.sentence === s ? quoteAround(s, base.at, end) : `${base.quote}…${quoteAround(s, at, end)}`.slice(0, 200)
  const increase = change.word.startsWith('增')
  if (unitKind(unit) === '%') {
    const v = parseNumber(raw)!
    emit({ entity: subjectText(base.subject), suffix: '增长率' }, { year: base.year, value: increase || v === '0' ? v : '-' + v, unit: '%', relation: 'stated', quote: quoteAround(s, at, end), line })
  } else if (unitKind(unit) === unitKind(base.unit)) {
    const delta = valueOf(raw, unit)
    const prior = increase ? sub(base.value, delta) : add(base.value, delta)
    emit(base.subject, { year: priorYear, value: prior, unit: base.unit === '元' ? '元' : base.unit, relation: 'derived', quote, line })
    reading.lastChange = { base, at }
  }
}

/** The stated figure a change is of. */
function baseOf(ctx: ParseContext, section: SectionReading, reading: SentenceReading, figure: Figure, change: Change): Stated | null {
  if (change.bare && !change.compared && reading.lastChange) return reading.lastChange.base
  if (change.named) {
    const want = subjectOf({ label: change.named, unit: figure.unit, after: '', entity: reading.entity, stage: ctx.document.stage })
    const wanted = want ? subjectText(want) : change.named
    return [...section.stated].reverse().find((st) => subjectText(st.subject) === wanted) ?? null
  }
  // Nearest figure of the same kind in the segment; after a 其中-list, the head it details.
  const kind = unitKind(figure.unit)
  const candidates = reading.segmentStated.filter((st) => unitKind(st.unit) === kind)
  const { head } = reading
  const listHead = head && head.segment === reading.segment && candidates.includes(head) && /其中/.test(reading.sentence.text.slice(head.end, figure.at)) ? head : null
  return listHead ?? candidates.at(-1) ?? null
}

/** What a stated figure is of: a share or a rate of the figure before it, a count of a 三公 category, or what its clause names. */
function subjectOfFigure(ctx: ParseContext, section: SectionReading, reading: SentenceReading, figure: Figure, clause: Clause): Subject | null {
  const { label } = clause
  const { unit } = figure
  const previous = reading.segmentStated.filter((st) => st.unit !== '%').at(-1) ?? section.stated.filter((st) => st.unit !== '%').at(-1)
  // A share (占87.16%) or a rate (完成年初预算的119.09%) of the figure before it.
  if (unit === '%' && /^占/.test(label) && previous) return { entity: subjectText(previous.subject), suffix: '占比' }
  if (unit === '%' && /完成(年初|全年)?预算的?$/.test(label) && previous) {
    const which = /完成(年初|全年)?预算/.exec(label)![1] ?? ''
    return { entity: previous.subject.entity, suffix: `完成${which}预算` }
  }
  if (unit === '%' && /执行率$/.test(label) && previous) return { entity: previous.subject.entity, suffix: '执行率' }
  if ((unit === '人次' || unit === '批次') && (label === '' || /接待|团组/.test(label) || /^[共接待]*$/.test(label))) {
    // "共接待3批次，62人次": counts of the 三公 category the segment is about.
    const about = [...reading.segmentStated].reverse().find((st) => unitKind(st.unit) === '元')
    return about ? { entity: about.subject.entity.replace(/费$/, '').replace(/^国内公务接待$/, '国内接待'), suffix: unit } : null
  }
  // "部门（单位）全年预算数为45802600元" under 整体支出绩效自评结果 measures 整体支出.
  const about = reading.entity || clause.previousClause.replace(/^编报/, '') || (/整体支出/.test(section.heading) ? '整体支出' : '')
  const subject = subjectOf({ label, unit, after: clause.after, entity: about, stage: ctx.document.stage })
  // In the 绩效 sections a 其中-list details its head: "公开项目绩效目标52个…。其中：其他运转类项目41个"
  // (changzhi-2026-budget.txt line 643) must not read as the 纳入绩效目标管理 list before it.
  const { head } = reading
  if (subject && /绩效/.test(section.heading) && head && /其中/.test(reading.sentence.text.slice(0, figure.at)) && !subject.entity.startsWith(head.subject.entity)) {
    return { entity: `${head.subject.entity}：${subject.entity}`, suffix: subject.suffix }
  }
  return subject
}

/** In 财政拨款收支预算总体情况 the parts are parts of the 财政拨款 total (B04), not of B01. */
function scopedTo(heading: string, subject: Subject): Subject {
  if (!/财政拨款收支/.test(heading) || /^财政拨款/.test(subject.entity) || subject.suffix === '占比') return subject
  return { entity: (/^(收入|支出)总计$/.test(subject.entity) ? '财政拨款' : '财政拨款：') + subject.entity, suffix: subject.suffix }
}

/** A stated figure's row, kept for the figures after it; and its prior-year twin when the prose says it is unchanged. */
function readStated(section: SectionReading, reading: SentenceReading, figure: Figure, subject: Subject, emit: Emit): void {
  const s = reading.sentence.text
  const { at, end, raw, unit } = figure
  const { year } = reading
  const line = lineAt(reading.sentence, at)
  const stated: Stated = { subject, year, value: valueOf(raw, unit), unit: unitKind(unit) === '元' ? '元' : unit, at, end, segment: reading.segment, sentence: s, quote: quoteAround(s, at, end) }
  emit(subject, { year, value: stated.value, unit: stated.unit, relation: 'stated', quote: stated.quote, line })
  if (stated.unit === '%') return
  reading.entity = subject.entity
  reading.segmentStated.push(stated)
  section.stated.push(stated)
  reading.firstStated ??= stated
  // "因公出国（境）费0万元，与上年预算数相同": the prior year's figure is the same. A rate clause may
  // stand between: "因公出国（境）费支出0.00元，完成全年预算的0.00%，与上年相同" (jincheng-2022-final line 574)
  // says the 0.00元 was 0 the year before too — a prior-year 0 for the 三公 trend.
  const rest = /^[，,]?(?:完成(?:年初|全年)?预算的?\d+(?:\.\d+)?[%％][，,])?([^，。；,;]*)/.exec(s.slice(end))
  const same = rest ? SAME_AS_LAST_YEAR.exec(rest[1]!) : null
  if (same) {
    emit(subject, { year: same[2] ?? String(Number(year) - 1), value: stated.value, unit: stated.unit, relation: 'derived', quote: quoteAround(s, at, end + rest![0].length), line })
  }
}

// FIGURE is global (figuresOf walks every match); a test with it would leave its lastIndex where the
// next sentence's matchAll starts, skipping a figure there. A test asks a copy without the flag.
const ANY_FIGURE = new RegExp(FIGURE.source)

/** "本单位无“三公”经费预算。" (gaoping-2026-budget.txt line 421): none is a figure, zero. */
function readNone(reading: SentenceReading, emit: Emit): void {
  const s = reading.sentence.text
  const none = /无[“"]?(三公)[”"]?经费|无(机关运行经费)/.exec(s)
  if (none && !ANY_FIGURE.test(s.slice(0, none.index + none[0].length + 4))) {
    const subjectName = none[1] ? '三公经费' : '机关运行经费'
    emit({ entity: subjectName, suffix: '' }, { year: reading.year, value: '0.00', unit: '元', relation: 'stated', quote: s.replace(/。$/, ''), line: lineAt(reading.sentence, none.index) })
  }
}
