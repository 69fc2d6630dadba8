import { stripMarkup } from './lines'
import type { DocumentRow, PrintedUnit, Problem, Scope, SourceLine, Stage } from './types'

/**
 * 县级市 of Shanxi and the prefecture-level city that administers each. This is
 * geography, not data from a report: it lets the app say "高平 (晋城代管)" when a
 * comparison puts a county-level city beside its parent.
 */
export const COUNTY_LEVEL_CITIES: Readonly<Record<string, string>> = {
  高平: '晋城', 潞城: '长治', 古交: '太原', 介休: '晋中', 孝义: '吕梁', 汾阳: '吕梁',
  侯马: '临汾', 霍州: '临汾', 河津: '运城', 永济: '运城', 原平: '忻州', 怀仁: '朔州',
}

const TITLE_RE = /(\d{4})年度?(部门|单位)(预算|决算)公开/
/** The cover title of the national templates: "上海市普陀区2025年区级部门预算", "2024 年度部门决算". */
const COVER_RE = /(\d{4})年度?(?:区级|市级|县级|省级)?(部门|单位)(预算|决算)(?:表)?$/
/** The same with the publisher between year and kind: "2025年上海市普陀区商务委员会部门预算". */
const COVER_NAMED_RE = /^(\d{4})年度?(.{4,40}?(?:局|中心|委员会|厅|院|所|站|办公室|办))(?:区级|市级|县级|省级)?(部门|单位)(预算|决算)$/
const NAME_RE = /(?:部门名称|单位名称|预算主管部门|预算单位|编制部门|编制单位)\s*[:：]\s*([^\s\t]+)/
/** 预算主管部门 names a department's consolidated report, 预算单位 one unit's. */
const SCOPE_OF_NAME: ReadonlyArray<[RegExp, Scope]> = [[/预算主管部门\s*[:：]/, '部门'], [/预算单位\s*[:：]/, '单位']]
const UNIT_RE = /(?:金额)?单位\s*[:：]\s*(万元|元)/

export interface IdentityHints {
  /** File name the text came from; its stem becomes the doc_id. */
  source: string
  /** Values the user typed in the importer, overriding what the text says. */
  overrides?: Partial<Omit<DocumentRow, 'doc_id' | 'source'>>
}

/**
 * The document's identity (publisher, city, year, stage, printed unit, scope)
 * as the text states it: the cover title "2026年度部门预算公开", the table
 * headers "部门名称：…" and "单位：万元". What the text does not say is left
 * empty and reported as a problem, so the importer can ask the user.
 */
export function readIdentity(lines: readonly SourceLine[], hints: IdentityHints): { document: DocumentRow; problems: Problem[] } {
  const problems: Problem[] = []
  let year = ''
  let scope: Scope | '' = ''
  let stage: Stage | '' = ''
  let publisher = ''
  let unit: PrintedUnit | '' = ''
  let coverPublisher = ''

  for (const { text, no } of lines.slice(0, 4000)) {
    const t = stripMarkup(text).trim()
    if (!year) {
      const m = TITLE_RE.exec(t.replace(/\s+/g, ''))
      if (m) {
        year = m[1]!
        scope = m[2] as Scope
        stage = m[3] as Stage
        // "晋城市人力资源和社会保障局2024年部门预算公开报告": the publisher precedes the title.
        const before = t.replace(/\s+/g, '').slice(0, t.replace(/\s+/g, '').indexOf(m[0]))
        if (/(局|中心|委员会|厅|院|所|站|办公室)$/.test(before)) coverPublisher = before
      }
    }
    if (!publisher) {
      const m = NAME_RE.exec(t)
      if (m) publisher = m[1]!
    }
    if (!scope) scope = SCOPE_OF_NAME.find(([re]) => re.test(t))?.[1] ?? ''
    if (!year) {
      const cover = readCover(lines, no)
      if (cover) {
        ;({ year, scope, stage } = { year: cover.year, scope: scope || cover.scope, stage: cover.stage })
        coverPublisher ||= cover.publisher
      }
    }
    if (!unit) {
      const m = UNIT_RE.exec(t.replace(/\s+/g, ''))
      if (m) unit = m[1] as PrintedUnit
    }
    if (year && publisher && unit) break
  }
  // The cover page names the publisher on its own line just before the title.
  if (!coverPublisher) {
    const firstText = lines.find((l) => l.text.trim() !== '')
    const t = firstText ? stripMarkup(firstText.text).trim() : ''
    if (/(局|中心|委员会)$/.test(t) && t.length <= 30) coverPublisher = t
  }
  publisher = coverPublisher || publisher

  const { city, county_of } = placeOf(publisher)
  const document: DocumentRow = {
    doc_id: docIdFromSource(hints.source),
    city,
    county_of,
    publisher,
    scope,
    year,
    stage,
    unit,
    source: hints.source,
    title: publisher && year ? `${publisher}${year}年${scope}${stage}公开` : '',
    ...hints.overrides,
  }
  const missing: Array<[keyof DocumentRow, string]> = [
    ['publisher', '发布单位 (部门名称/单位名称)'],
    ['city', '城市'],
    ['year', '年度'],
    ['stage', '预算/决算'],
    ['scope', '部门/单位'],
    ['unit', '金额单位'],
  ]
  for (const [key, label] of missing) {
    if (!document[key]) problems.push({ severity: 'error', where: 'identity', line: 0, message: `文本未写明${label}` })
  }
  if (/XX|ＸＸ|××/i.test(document.publisher)) {
    problems.push({ severity: 'error', where: 'identity', line: 0, message: `发布单位“${document.publisher}”是模板占位符，不是真实单位` })
  }
  return { document, problems }
}

/**
 * The place of a publisher: a city ("晋城市…" → 晋城, with its parent when it is a
 * 县级市), or a district or county with its city ("上海市普陀区…" → 普陀区 in 上海).
 */
export function placeOf(publisher: string): { city: string; county_of: string } {
  const district = /^(.{2,4}?)市(.{1,4}?[区县])/.exec(publisher)
  if (district) return { city: district[2]!, county_of: district[1]! }
  const m = /^(.{2,4}?)市/.exec(publisher)
  const city = m ? m[1]! : ''
  return { city, county_of: COUNTY_LEVEL_CITIES[city] ?? '' }
}

/**
 * A cover title of the national templates on line `no` ("2024 年度部门决算",
 * year and words apart), with the publisher printed on the lines above it
 * ("上海市普陀区规划和自然" / "资源局"), if they name a body.
 */
function readCover(lines: readonly SourceLine[], no: number): { year: string; scope: Scope; stage: Stage; publisher: string } | null {
  const t = stripMarkup(lines[no - 1]!.text).replace(/\s+/g, '')
  if (no > 60) return null
  const named = COVER_NAMED_RE.exec(t)
  if (named) return { year: named[1]!, scope: named[3] as Scope, stage: named[4] as Stage, publisher: named[2]! }
  const m = COVER_RE.exec(t)
  if (!m) return null
  let above = ''
  for (let i = no - 2; i >= Math.max(0, no - 4) && lines[i]!.text.trim() !== ''; i--) above = lines[i]!.text.replace(/\s+/g, '') + above
  const before = t.slice(0, m.index)
  const publisher = /(局|中心|委员会|厅|院|所|站|办公室|办)$/.test(above) ? above : /(局|中心|委员会|厅|院|所|站|办公室|办)$/.test(before) ? before : ''
  return { year: m[1]!, scope: m[2] as Scope, stage: m[3] as Stage, publisher }
}

/** "jincheng-2024-budget.txt" → "jincheng-2024-budget". */
export function docIdFromSource(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source
  return base.replace(/\.[^.]+$/, '').trim() || 'document'
}
