/**
 * A CSV import's header row: which of the three shapes it is (canonical line
 * items, canonical documents, or the long table city/year/stage/item/amount/
 * unit in Chinese or English) and which column holds which field. Header names
 * are user input: they are looked up in Maps, never used as keys of plain objects.
 */
import { DATASET_COLUMNS } from '../ingest/dataset'
import { toHalfWidth } from '../ingest/decimal'
import type { Stage } from '../ingest/types'
import { quote, type IssueCode } from './issues'

export type CsvKind = 'line_items' | 'documents' | 'long'

/** Reports one problem at a place of the file (the import's error collector). */
export type Fail = (code: IssueCode, where: { line: number; column?: number; columnName?: string }, zh: string, en: string) => void

/** Header names that must never become object keys (prototype pollution), refused outright. */
const RESERVED_HEADERS = new Set(['__proto__', 'constructor', 'prototype'])
/** Field of a header column already reported as reserved or duplicate (no header normalises to it). */
const REPORTED = '\u0000'

export type LongField = 'city' | 'year' | 'stage' | 'item' | 'amount' | 'unit' | 'class_code' | 'publisher'
const LONG_REQUIRED: readonly LongField[] = ['city', 'year', 'stage', 'item', 'amount', 'unit']
/** Accepted headers of the long table (ASCII lower-cased, whitespace removed) → field. */
const LONG_ALIASES = new Map<string, LongField>([
  ['city', 'city'], ['城市', 'city'], ['地区', 'city'],
  ['year', 'year'], ['年度', 'year'], ['年份', 'year'],
  ['stage', 'stage'], ['阶段', 'stage'], ['预决算', 'stage'],
  ['item', 'item'], ['项目', 'item'], ['科目', 'item'], ['科目名称', 'item'], ['项目名称', 'item'],
  ['amount', 'amount'], ['金额', 'amount'],
  ['unit', 'unit'], ['单位', 'unit'], ['金额单位', 'unit'],
  ['class_code', 'class_code'], ['科目编码', 'class_code'], ['功能分类科目编码', 'class_code'],
  ['publisher', 'publisher'], ['发布单位', 'publisher'],
])
/** Chinese name of each long-table field, for messages. */
export const LONG_LABELS = new Map<LongField, string>([
  ['city', '城市'], ['year', '年度'], ['stage', '阶段'], ['item', '项目'], ['amount', '金额'], ['unit', '单位'],
  ['class_code', '科目编码'], ['publisher', '发布单位'],
])

const LINE_ITEM_COLUMNS: readonly string[] = DATASET_COLUMNS.line_items
// row_kind and the columns a citation needs (src/ingest/provenance.ts) came after the first contract: a file may lack them.
const LINE_ITEM_OPTIONAL: readonly string[] = ['row_kind', 'printed_unit', 'page', 'row_id']
const LINE_ITEM_REQUIRED = LINE_ITEM_COLUMNS.filter((c) => !LINE_ITEM_OPTIONAL.includes(c))
const DOCUMENT_COLUMNS: readonly string[] = DATASET_COLUMNS.documents
const DOCUMENT_REQUIRED = ['doc_id', 'city', 'year', 'stage']

const STAGES = new Map<string, Stage>([
  ['预算', '预算'], ['预算数', '预算'], ['budget', '预算'],
  ['决算', '决算'], ['决算数', '决算'], ['final', '决算'], ['actual', '决算'],
])

/** "2024", "２０２４", "2024年", "2024年度" → "2024"; null when not a four-digit year. */
export function normaliseYear(cell: string): string | null {
  const t = toHalfWidth(cell.replace(/[\s\u3000]+/g, '')).replace(/年度?$/, '')
  return /^\d{4}$/.test(t) ? t : null
}

/** 预算 / 决算 (also 预算数, 决算数, budget, final); null otherwise. */
export function normaliseStage(cell: string): Stage | null {
  return STAGES.get(cell.replace(/[\s\u3000]+/g, '').toLowerCase()) ?? null
}

function headerKey(cell: string): string {
  return cell.replace(/[\s\u3000\ufeff]+/g, '').toLowerCase()
}

export interface Column {
  /** 1-based field number. */
  index: number
  /** As written in the header. */
  name: string
  /** Canonical field name; '' for an empty header (allowed only while its cells are empty). */
  field: string
}

/** What the header says: the shape (null when unrecognised), every column, and the column of each known field. */
export interface Header {
  kind: CsvKind | null
  columns: Column[]
  byField: Map<string, Column>
}

/** Reads the header row (line 1); every problem goes to `fail`. */
export function readHeader(cells: readonly string[], fail: Fail): Header {
const seen = new Map<string, number>()
let kind: CsvKind | null = null
const byField = new Map<string, Column>()
const columns: Column[] = cells.map((cell, i) => {
    const name = cell.replace(/^\ufeff/, '').trim()
    const key = headerKey(name)
    const index = i + 1
    if (RESERVED_HEADERS.has(key)) {
      fail('reserved-header', { line: 1, column: index, columnName: name }, `表头名称 ${quote(name)} 不允许使用`, `the header name ${quote(name)} is not allowed`)
      return { index, name, field: REPORTED }
    }
    if (key !== '') {
      const first = seen.get(key)
      if (first !== undefined) {
        fail('duplicate-header', { line: 1, column: index, columnName: name }, `表头 ${quote(name)} 重复（第${first}列已有）`, `duplicate header ${quote(name)} (already column ${first})`)
        return { index, name, field: REPORTED }
      }
      seen.set(key, index)
    }
    return { index, name, field: key }
  })
  const has = (k: string) => seen.has(k)
  if (has('doc_id') && (has('table_code') || has('value') || has('measure'))) kind = 'line_items'
  else if (has('doc_id')) kind = 'documents'
  else if ([...seen.keys()].some((k) => LONG_ALIASES.has(k))) kind = 'long'
  if (kind === null) {
    fail('unknown-schema', { line: 1 }, '无法识别表头：应为标准 line_items/documents 列，或“城市,年度,阶段,项目,金额,单位”', 'unrecognised header: expected the canonical line_items/documents columns, or city,year,stage,item,amount,unit')
    return { kind, columns, byField }
  }
  const known: readonly string[] = kind === 'line_items' ? LINE_ITEM_COLUMNS : kind === 'documents' ? DOCUMENT_COLUMNS : []
  for (const col of columns) {
    if (col.field === '' || col.field === REPORTED) continue
    if (kind === 'long') col.field = LONG_ALIASES.get(col.field) ?? `?${col.field}`
    const ok = kind === 'long' ? !col.field.startsWith('?') : known.includes(col.field)
    if (!ok) {
      const expected = kind === 'long' ? '城市,年度,阶段,项目,金额,单位,科目编码,发布单位' : known.join(',')
      fail('unknown-column', { line: 1, column: col.index, columnName: col.name }, `未知的列 ${quote(col.name)}；可用的列：${expected}`, `unknown column ${quote(col.name)}; accepted columns: ${expected}`)
    } else if (!byField.has(col.field)) {
      byField.set(col.field, col)
    } else {
      // Two aliases of one field (城市 and city).
      fail('duplicate-header', { line: 1, column: col.index, columnName: col.name }, `列 ${quote(col.name)} 与第${byField.get(col.field)!.index}列是同一字段`, `column ${quote(col.name)} is the same field as column ${byField.get(col.field)!.index}`)
    }
  }
  const required: readonly string[] = kind === 'line_items' ? LINE_ITEM_REQUIRED : kind === 'documents' ? DOCUMENT_REQUIRED : LONG_REQUIRED
  const missing = required.filter((f) => !byField.has(f))
  if (missing.length > 0) {
    const names = kind === 'long' ? missing.map((f) => `${LONG_LABELS.get(f as LongField)}(${f})`) : missing
    fail('missing-column', { line: 1 }, `缺少必需的列：${names.join('、')}`, `missing required column(s): ${names.join(', ')}`)
  }
  return { kind, columns, byField }
}
