/**
 * A user's CSV → rows, all or nothing. Three shapes are recognised by their
 * header row:
 *  - canonical line items (DATASET_COLUMNS.line_items; row_kind optional),
 *  - canonical documents (DATASET_COLUMNS.documents; doc_id, city, year, stage required),
 *  - a simple long table: city, year, stage, item, amount, unit (Chinese headers
 *    城市, 年度, 阶段, 项目, 金额, 单位 too; optional 科目编码 / class_code, 发布单位 / publisher).
 * Every failure names the file, the line (header = line 1) and the column.
 * Header names are user input: they are looked up in Maps, never used as keys of plain objects.
 */
import Papa from 'papaparse'
import { DATASET_COLUMNS } from '../ingest/dataset'
import { decimals, toHalfWidth, toYuan } from '../ingest/decimal'
import { docIdFromSource } from '../ingest/identity'
import type { DocumentRow, PrintedUnit, Scope, Stage } from '../ingest/types'
import { issue, quote, type ImportIssue, type IssueCode } from './issues'
import { normaliseUnit, readAmountCell, type AmountUnit } from './numbers'
import { IMPORT_TABLE_CODE, type ImportedLineItem } from './types'

export type CsvKind = 'line_items' | 'documents' | 'long'

export type CsvImportResult =
  | { ok: true; kind: CsvKind; fileName: string; documents: DocumentRow[]; lineItems: ImportedLineItem[] }
  | { ok: false; fileName: string; errors: ImportIssue[] }

/** After this many errors the file is not read further (the user fixes the first ones first). */
export const MAX_ERRORS = 100

/** Header names that must never become object keys (prototype pollution), refused outright. */
const RESERVED_HEADERS = new Set(['__proto__', 'constructor', 'prototype'])
/** Field of a header column already reported as reserved or duplicate (no header normalises to it). */
const REPORTED = '\u0000'

type LongField = 'city' | 'year' | 'stage' | 'item' | 'amount' | 'unit' | 'class_code' | 'publisher'
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
const LONG_LABELS = new Map<LongField, string>([
  ['city', '城市'], ['year', '年度'], ['stage', '阶段'], ['item', '项目'], ['amount', '金额'], ['unit', '单位'],
  ['class_code', '科目编码'], ['publisher', '发布单位'],
])

const LINE_ITEM_COLUMNS: readonly string[] = DATASET_COLUMNS.line_items
const LINE_ITEM_REQUIRED = LINE_ITEM_COLUMNS.filter((c) => c !== 'row_kind')
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

function countNewlines(text: string, from: number, to: number): number {
  let n = 0
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** Line and field number of a character offset inside a row that starts at `rowStart` on `rowLine`. */
function locateInRow(text: string, rowStart: number, rowLine: number, offset: number, delimiter: string): { line: number; column: number } {
  let line = rowLine
  let column = 1
  let inQuotes = false
  for (let i = rowStart; i < offset && i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') inQuotes = !inQuotes
    else if (ch === '\n') line++
    else if (ch === delimiter && !inQuotes) column++
  }
  return { line, column }
}

interface Column {
  /** 1-based field number. */
  index: number
  /** As written in the header. */
  name: string
  /** Canonical field name; '' for an empty header (allowed only while its cells are empty). */
  field: string
}

/** Reads a CSV import. Never throws; on any error returns the errors and no rows. */
export function parseCsvImport(input: string, fileName: string): CsvImportResult {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  // Excel, editors and concatenated files mix CRLF, LF and CR; one kind of line break keeps line numbers right.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  const errors: ImportIssue[] = []
  if (text.trim() === '') return { ok: false, fileName, errors: [issue('empty', { file: fileName }, '文件为空', 'the file is empty')] }

  const firstBreak = text.indexOf('\n')
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak)
  const delimiter = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ','

  let kind: CsvKind | null = null
  let columns: Column[] = []
  const byField = new Map<string, Column>()
  const lineItems: ImportedLineItem[] = []
  const documents: DocumentRow[] = []
  const docIds = new Map<string, number>()
  /** Long table: for each row, the document (city|year|stage) it belongs to. */
  const longGroups: string[] = []
  const groups = new Map<string, { city: string; year: string; stage: Stage; units: Set<string>; publishers: Set<string> }>()

  let cursor = 0
  let line = 1
  let stopped = false

  const fail = (code: IssueCode, where: { line: number; column?: number; columnName?: string }, zh: string, en: string) => {
    if (stopped) return
    if (errors.length >= MAX_ERRORS) {
      errors.push(issue('too-many-errors', { file: fileName, line: where.line }, `错误超过 ${MAX_ERRORS} 处，其后的内容未检查`, `more than ${MAX_ERRORS} errors; the rest of the file was not checked`))
      stopped = true
      return
    }
    errors.push(issue(code, { file: fileName, ...where }, zh, en))
  }

  const readHeader = (cells: string[]) => {
    const seen = new Map<string, number>()
    columns = cells.map((cell, i) => {
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
      return
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
  }

  /** The cell of a field in a data row ('' when the column is absent). */
  const cellOf = (cells: string[], field: string) => {
    const col = byField.get(field)
    return col ? (cells[col.index - 1] ?? '') : ''
  }
  const at = (rowLine: number, field: string) => {
    const col = byField.get(field)!
    return { line: rowLine, column: col.index, columnName: col.name }
  }

  /** Value in 元 (or a count in its own unit) of an amount cell with its unit cell; null after reporting an error. */
  const amountOf = (cells: string[], rowLine: number, amountField: string, unitField: string, allowCounts: boolean): { value: string; unit: string; raw: string; printedUnit: string } | 'empty' | null => {
    const rawCell = cellOf(cells, amountField)
    const cell = readAmountCell(rawCell)
    const unitCell = cellOf(cells, unitField).trim()
    const unit = normaliseUnit(unitCell)
    if (unit === null && !allowCounts) {
      fail('bad-unit', at(rowLine, unitField), `金额单位 ${quote(unitCell)} 无法识别（应为 元、万元 或 亿元）`, `unknown amount unit ${quote(unitCell)} (expected 元, 万元 or 亿元)`)
      return null
    }
    if (cell.kind === 'empty') return 'empty'
    if (cell.kind === 'invalid') {
      fail('bad-number', at(rowLine, amountField), `${quote(rawCell)} 不是数字`, `${quote(rawCell)} is not a number`)
      return null
    }
    if (unit === null) {
      // A count in its own unit (人, 辆, %): no amount suffix may multiply it.
      if (cell.suffix !== '') {
        fail('unit-conflict', at(rowLine, amountField), `数值带“${cell.suffix}”后缀，但单位列是 ${quote(unitCell)}`, `the number carries the suffix ${cell.suffix} but the unit column says ${quote(unitCell)}`)
        return null
      }
      return { value: cell.number, unit: unitCell, raw: rawCell.trim(), printedUnit: unitCell }
    }
    if (cell.suffix !== '' && unit !== '' && cell.suffix !== unit) {
      fail('unit-conflict', at(rowLine, amountField), `数值带“${cell.suffix}”后缀，与单位列“${unit}”矛盾`, `the number carries the suffix ${cell.suffix}, contradicting the unit column (${unit})`)
      return null
    }
    const effective: AmountUnit | '' = cell.suffix || unit
    if (effective === '') {
      fail('missing-value', at(rowLine, unitField), '未写明金额单位（单位列为空，数值也没有“万”“亿”等后缀）', 'no amount unit (the unit column is empty and the number has no 万/亿 suffix)')
      return null
    }
    const value = toYuan(cell.number, effective)
    // The app keeps amounts as DECIMAL(18,2) (src/db/schema.ts): a fraction of a 分 would be rounded away silently.
    if (decimals(value) > 2 && !/^-?\d+\.\d{2}0+$/.test(value)) {
      fail('bad-number', at(rowLine, amountField), `${quote(rawCell)} 精确到分以下（${value} 元）`, `${quote(rawCell)} is finer than a fen (${value} 元)`)
      return null
    }
    return { value, unit: '元', raw: rawCell.trim(), printedUnit: effective }
  }

  const required = (cells: string[], rowLine: number, field: string, label: string): string | null => {
    const v = cellOf(cells, field).trim()
    if (v === '') fail('missing-value', at(rowLine, field), `${label}为空`, `${field} is empty`)
    return v === '' ? null : v
  }

  const oneOf = <T extends string>(cells: string[], rowLine: number, field: string, allowed: readonly T[]): T | null => {
    const v = cellOf(cells, field).trim()
    if ((allowed as readonly string[]).includes(v)) return v as T
    fail('bad-value', at(rowLine, field), `${quote(v)} 不是允许的值（${allowed.map((a) => a || '空').join('、')}）`, `${quote(v)} is not allowed (${allowed.map((a) => a || 'empty').join(', ')})`)
    return null
  }

  const readLineItem = (cells: string[], rowLine: number) => {
    const docId = required(cells, rowLine, 'doc_id', 'doc_id')
    const tableCode = required(cells, rowLine, 'table_code', 'table_code')
    const side = oneOf(cells, rowLine, 'side', ['', '收入', '支出'] as const)
    const rowKind = oneOf(cells, rowLine, 'row_kind', ['', '合计', '单位', '项目'] as const)
    const lineCell = cellOf(cells, 'line').trim()
    if (lineCell !== '' && !/^\d+$/.test(lineCell)) {
      fail('bad-value', at(rowLine, 'line'), `行号 ${quote(lineCell)} 不是正整数`, `line ${quote(lineCell)} is not a whole number`)
    }
    const amount = amountOf(cells, rowLine, 'value', 'unit', true)
    if (amount !== null && amount !== 'empty' && amount.unit === '') {
      fail('missing-value', at(rowLine, 'unit'), 'unit 为空（金额应为“元”，计数写其单位，如“人”）', 'unit is empty (元 for amounts, or the unit of a count such as 人)')
      return
    }
    if (errors.length > 0 || amount === null || amount === 'empty' || docId === null || tableCode === null || side === null || rowKind === null) return
    const rawCell = cellOf(cells, 'raw')
    lineItems.push({
      doc_id: docId,
      table_code: tableCode,
      side,
      row_label: cellOf(cells, 'row_label'),
      class_code: cellOf(cells, 'class_code').trim(),
      econ_code: cellOf(cells, 'econ_code').trim(),
      unit_name: cellOf(cells, 'unit_name'),
      project_name: cellOf(cells, 'project_name'),
      measure: cellOf(cells, 'measure'),
      value: amount.value,
      unit: amount.unit,
      raw: rawCell === '' ? amount.raw : rawCell,
      // Without a source line, the row's own line in this CSV is where its figure stands.
      line: lineCell === '' ? rowLine : Number(lineCell),
      row_kind: rowKind,
    })
  }

  const readDocument = (cells: string[], rowLine: number) => {
    const docId = required(cells, rowLine, 'doc_id', 'doc_id')
    if (docId !== null) {
      const first = docIds.get(docId)
      if (first !== undefined) fail('duplicate-document', at(rowLine, 'doc_id'), `doc_id ${quote(docId)} 重复（第${first}行已有）`, `duplicate doc_id ${quote(docId)} (already on line ${first})`)
      else docIds.set(docId, rowLine)
    }
    const city = required(cells, rowLine, 'city', '城市')
    const year = yearOf(cells, rowLine, 'year')
    const stage = stageOf(cells, rowLine, 'stage')
    const scope = oneOf<Scope | ''>(cells, rowLine, 'scope', ['', '部门', '单位'])
    const unitCell = cellOf(cells, 'unit').trim()
    const unit = unitCell === '' || unitCell === '元' || unitCell === '万元' ? (unitCell as PrintedUnit | '') : null
    if (unit === null) fail('bad-unit', at(rowLine, 'unit'), `打印单位 ${quote(unitCell)} 无法识别（应为 元 或 万元）`, `unknown printed unit ${quote(unitCell)} (expected 元 or 万元)`)
    if (errors.length > 0 || docId === null || city === null || year === null || stage === null || scope === null || unit === null) return
    documents.push({
      doc_id: docId,
      city,
      county_of: cellOf(cells, 'county_of').trim(),
      publisher: cellOf(cells, 'publisher').trim(),
      scope,
      year,
      stage,
      unit,
      source: cellOf(cells, 'source').trim() || fileName,
      title: cellOf(cells, 'title'),
    })
  }

  const yearOf = (cells: string[], rowLine: number, field: string): string | null => {
    const cell = cellOf(cells, field)
    const year = normaliseYear(cell)
    if (year === null) fail('bad-year', at(rowLine, field), `年度 ${quote(cell)} 不是四位数年份`, `year ${quote(cell)} is not a four-digit year`)
    return year
  }

  const stageOf = (cells: string[], rowLine: number, field: string): Stage | null => {
    const cell = cellOf(cells, field)
    const stage = normaliseStage(cell)
    if (stage === null) fail('bad-stage', at(rowLine, field), `阶段 ${quote(cell)} 无法识别（应为 预算 或 决算）`, `unknown stage ${quote(cell)} (expected 预算 budget or 决算 final)`)
    return stage
  }

  const readLong = (cells: string[], rowLine: number) => {
    const city = required(cells, rowLine, 'city', '城市')
    const year = yearOf(cells, rowLine, 'year')
    const stage = stageOf(cells, rowLine, 'stage')
    const item = required(cells, rowLine, 'item', '项目')
    const amount = amountOf(cells, rowLine, 'amount', 'unit', false)
    if (errors.length > 0 || amount === null || amount === 'empty' || city === null || year === null || stage === null || item === null) return
    const key = `${city}\u0000${year}\u0000${stage}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { city, year, stage, units: new Set(), publishers: new Set() }))
    group.units.add(amount.printedUnit)
    group.publishers.add(cellOf(cells, 'publisher').trim())
    longGroups.push(key)
    lineItems.push({
      doc_id: '',
      table_code: IMPORT_TABLE_CODE,
      side: '',
      row_label: cellOf(cells, 'item'),
      class_code: cellOf(cells, 'class_code').trim(),
      econ_code: '',
      unit_name: '',
      project_name: '',
      measure: `${stage}数`,
      value: amount.value,
      unit: amount.unit,
      raw: amount.raw,
      line: rowLine,
      row_kind: '',
    })
  }

  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      const rowStart = cursor
      const rowLine = line
      cursor = result.meta.cursor
      line += countNewlines(text, rowStart, cursor)
      const cells = result.data
      if (result.errors.length > 0) {
        for (const e of result.errors) {
          const where = locateInRow(text, rowStart, rowLine, e.index ?? rowStart, delimiter)
          const columnName = columns[where.column - 1]?.name ?? ''
          if (e.code === 'MissingQuotes') {
            fail('unterminated-quote', { line: where.line, column: where.column, columnName }, '引号未闭合（从这里起的引号没有结束，文件其余部分都被当作这一格）', 'unterminated quote (the quote opened here never closes, so the rest of the file would be one cell)')
          } else {
            fail('bad-quote', { line: where.line, column: where.column, columnName }, '引号用法有误（带引号的格子在结束引号后还有字符；格内的引号应写成两个""）', 'malformed quotes (characters after a closing quote; a quote inside a quoted cell is written "")')
          }
        }
        // An unterminated quote swallowed the rest of the file: nothing after it can be read reliably.
        if (result.errors.some((e) => e.code === 'MissingQuotes')) parser.abort()
        return
      }
      if (rowLine === 1) {
        readHeader(cells)
        if (errors.length > 0) parser.abort()
        return
      }
      // A blank line (or a line of empty cells, as spreadsheets write after the data) holds no row.
      if (cells.every((c) => c.trim() === '')) return
      if (cells.length !== columns.length) {
        const column = Math.min(cells.length, columns.length) + 1
        fail('ragged-row', { line: rowLine, column, columnName: columns[column - 1]?.name ?? '' }, `本行有 ${cells.length} 个字段，表头有 ${columns.length} 个`, `this row has ${cells.length} fields; the header has ${columns.length}`)
        return
      }
      for (const col of columns) {
        if (col.field === '' && (cells[col.index - 1] ?? '').trim() !== '') {
          fail('empty-header', { line: rowLine, column: col.index }, '这一列没有表头，但有内容', 'this column has content but no header')
        }
      }
      if (kind === 'line_items') readLineItem(cells, rowLine)
      else if (kind === 'documents') readDocument(cells, rowLine)
      else readLong(cells, rowLine)
      if (stopped) parser.abort()
    },
  })

  if (errors.length === 0 && lineItems.length === 0 && documents.length === 0) {
    // A header and nothing else: say so, naming the file, rather than import nothing.
    fail('empty', { line: 2 }, '只有表头，没有数据行', 'the file has a header but no data rows')
  }
  if (errors.length > 0) return { ok: false, fileName, errors }
  if (kind === 'long') assignLongDocuments(fileName, lineItems, longGroups, groups, documents)
  return { ok: true, kind: kind!, fileName, documents, lineItems }
}

/**
 * Each (city, year, stage) of a long table becomes one document. Its doc_id is
 * the file name's stem ("jinzhong-2024.csv" → "jinzhong-2024"); a file holding
 * several adds city-year-stage to tell them apart.
 */
function assignLongDocuments(
  fileName: string,
  lineItems: ImportedLineItem[],
  rowGroups: readonly string[],
  groups: ReadonlyMap<string, { city: string; year: string; stage: Stage; units: Set<string>; publishers: Set<string> }>,
  documents: DocumentRow[],
): void {
  const stem = docIdFromSource(fileName)
  const ids = new Map<string, string>()
  for (const [key, g] of groups) {
    const docId = groups.size === 1 ? stem : `${stem}-${g.city}-${g.year}-${g.stage}`
    ids.set(key, docId)
    const unit = g.units.size === 1 ? [...g.units][0]! : ''
    const publisher = g.publishers.size === 1 ? [...g.publishers][0]! : ''
    documents.push({
      doc_id: docId,
      city: g.city,
      county_of: '',
      publisher,
      scope: '',
      year: g.year,
      stage: g.stage,
      // The printed unit only when every row used the same one the contract knows (元 / 万元).
      unit: unit === '元' || unit === '万元' ? unit : '',
      source: fileName,
      title: '',
    })
  }
  lineItems.forEach((row, i) => {
    row.doc_id = ids.get(rowGroups[i]!)!
  })
}
