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
const NAME_RE = /(?:部门|单位)名称\s*[:：]\s*([^\s\t]+)/
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

  for (const { text } of lines.slice(0, 4000)) {
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

  const cityMatch = /^(.{2,4}?)市/.exec(publisher)
  const city = cityMatch ? cityMatch[1]! : ''
  const document: DocumentRow = {
    doc_id: docIdFromSource(hints.source),
    city,
    county_of: COUNTY_LEVEL_CITIES[city] ?? '',
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
  return { document, problems }
}

/** "jincheng-2024-budget.txt" → "jincheng-2024-budget". */
export function docIdFromSource(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source
  return base.replace(/\.[^.]+$/, '').trim() || 'document'
}
