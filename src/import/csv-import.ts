/**
 * A user's CSV → rows, all or nothing. Three shapes are recognised by their
 * header row:
 *  - canonical line items (DATASET_COLUMNS.line_items; row_kind optional),
 *  - canonical documents (DATASET_COLUMNS.documents; doc_id, city, year, stage required),
 *  - a simple long table: city, year, stage, item, amount, unit (Chinese headers
 *    城市, 年度, 阶段, 项目, 金额, 单位 too; optional 科目编码 / class_code, 发布单位 / publisher).
 * Every failure names the file, the line (header = line 1) and the column.
 * Stages: the header (csv-header.ts), the rows (csv-rows.ts), then the long
 * table's documents (assignLongDocuments).
 */
import Papa from 'papaparse'
import { docIdFromSource } from '../ingest/identity'
import type { DocumentRow } from '../ingest/types'
import { readHeader, type Column, type CsvKind, type Fail } from './csv-header'
import { RowReader, type LongGroup } from './csv-rows'
import { issue, type ImportIssue } from './issues'
import type { ImportedLineItem } from './types'
import { assignRowIds } from '../ingest/provenance'

export { normaliseStage, normaliseYear, type CsvKind } from './csv-header'

export type CsvImportResult =
  | { ok: true; kind: CsvKind; fileName: string; documents: DocumentRow[]; lineItems: ImportedLineItem[] }
  | { ok: false; fileName: string; errors: ImportIssue[] }

/** After this many errors the file is not read further (the user fixes the first ones first). */
export const MAX_ERRORS = 100

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
  let rows: RowReader | null = null

  let cursor = 0
  let line = 1
  let stopped = false

  const fail: Fail = (code, where, zh, en) => {
    if (stopped) return
    if (errors.length >= MAX_ERRORS) {
      errors.push(issue('too-many-errors', { file: fileName, line: where.line }, `错误超过 ${MAX_ERRORS} 处，其后的内容未检查`, `more than ${MAX_ERRORS} errors; the rest of the file was not checked`))
      stopped = true
      return
    }
    errors.push(issue(code, { file: fileName, ...where }, zh, en))
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
        const header = readHeader(cells, fail)
        kind = header.kind
        columns = header.columns
        rows = new RowReader(fileName, header.byField, fail, () => errors.length > 0)
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
      if (kind === 'line_items') rows!.readLineItem(cells, rowLine)
      else if (kind === 'documents') rows!.readDocument(cells, rowLine)
      else rows!.readLong(cells, rowLine)
      if (stopped) parser.abort()
    },
  })

  // Set inside Papa's callback: TypeScript cannot see it assigned.
  const reader = rows as RowReader | null
  const lineItems = reader?.lineItems ?? []
  const documents = reader?.documents ?? []
  if (errors.length === 0 && lineItems.length === 0 && documents.length === 0) {
    // A header and nothing else: say so, naming the file, rather than import nothing.
    fail('empty', { line: 2 }, '只有表头，没有数据行', 'the file has a header but no data rows')
  }
  if (errors.length > 0) return { ok: false, fileName, errors }
  if (kind === 'long') assignLongDocuments(fileName, lineItems, reader!.longGroups, reader!.groups, documents)
  // Ids from the rows' documents and lines, as ingest gives them: an id a file carries may name a doc_id since changed.
  assignRowIds(lineItems, 'line_items')
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
  groups: ReadonlyMap<string, LongGroup>,
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
