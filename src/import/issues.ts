/**
 * What went wrong in an import, said in Chinese and in English, naming the
 * file, the line (1-based, the CSV header is line 1) and the column.
 */

/** A message in both interface languages; the UI shows one. */
export interface Bilingual {
  zh: string
  en: string
}

export interface ImportIssue {
  /** Machine-readable kind of problem (stable, for tests and UI logic). */
  code: IssueCode
  file: string
  /** 1-based line in the file; 0 when the problem concerns the whole file. */
  line: number
  /** 1-based column (field number); 0 when not applicable. */
  column: number
  /** The header of that column as written in the file, when known. */
  columnName: string
  /** Full message, file, line and column included. */
  message: Bilingual
}

export type IssueCode =
  | 'binary'
  | 'encoding'
  | 'empty'
  | 'unterminated-quote'
  | 'bad-quote'
  | 'ragged-row'
  | 'duplicate-header'
  | 'reserved-header'
  | 'empty-header'
  | 'unknown-column'
  | 'missing-column'
  | 'unknown-schema'
  | 'missing-value'
  | 'bad-number'
  | 'bad-unit'
  | 'unit-conflict'
  | 'bad-stage'
  | 'bad-year'
  | 'bad-value'
  | 'duplicate-document'
  | 'unknown-document'
  | 'too-many-errors'
  /** A PDF that cannot be read: encrypted, corrupt, too long, or without a text layer. */
  | 'pdf'

/** Thrown by functions that return a value on success (decodeBytes); carries the issues. */
export class ImportFailure extends Error {
  readonly issues: ImportIssue[]
  constructor(issues: ImportIssue[]) {
    super(issues.map((i) => i.message.en).join('\n'))
    this.name = 'ImportFailure'
    this.issues = issues
  }
}

interface Where {
  file: string
  line?: number
  column?: number
  columnName?: string
}

/** Builds an issue whose message starts with where it is: "a.csv 第3行 第5列（金额）：…". */
export function issue(code: IssueCode, where: Where, zh: string, en: string): ImportIssue {
  const line = where.line ?? 0
  const column = where.column ?? 0
  const columnName = where.columnName ?? ''
  let zhAt = where.file
  let enAt = where.file
  if (line > 0) {
    zhAt += ` 第${line}行`
    enAt += `, line ${line}`
  }
  if (column > 0) {
    zhAt += ` 第${column}列` + (columnName ? `（${columnName}）` : '')
    enAt += `, column ${column}` + (columnName ? ` (${columnName})` : '')
  }
  return { code, file: where.file, line, column, columnName, message: { zh: `${zhAt}：${zh}`, en: `${enAt}: ${en}` } }
}

/** Quotes user text for a message, shortened so a 10 MB cell cannot flood the UI. */
export function quote(text: string): string {
  const t = text.length > 40 ? text.slice(0, 40) + '…' : text
  return `“${t}”`
}
