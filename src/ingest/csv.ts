/**
 * RFC 4180 CSV writing, deterministic to the byte: LF line endings, UTF-8
 * without BOM, a field quoted only when it holds a comma, quote or line break;
 * and merging sets of dataset CSVs (the bundled files and each import).
 */
import { DATASET_COLUMNS, FIRST_CONTRACT_LENGTH, type DatasetTable } from './dataset'
import { subjectKeyOfText } from './narrative-subjects'
import { assignRowIds, ROW_ID_TAGS } from './provenance'

function field(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
}

/** Rows as CSV text with a header row, in the given column order. */
export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const out = [columns.join(',')]
  for (const row of rows) out.push(columns.map((c) => field(row[c])).join(','))
  return out.join('\n') + '\n'
}

/** CSV text per dataset table (header row included): a set of dataset files, bundled or imported. */
export type DatasetFileSet = Partial<Record<DatasetTable, string>>

const TABLES = Object.keys(DATASET_COLUMNS) as DatasetTable[]

/** The body of a CSV text: everything after its header line ('' for a header-only or empty text). */
function body(csv: string): string {
  const text = csv.replace(/^\ufeff/, '')
  const nl = text.indexOf('\n')
  if (nl === -1) return ''
  const rest = text.slice(nl + 1)
  return rest === '' || rest.endsWith('\n') ? rest : rest + '\n'
}

function header(csv: string): string {
  const text = csv.replace(/^\ufeff/, '')
  const nl = text.indexOf('\n')
  return nl === -1 ? text : text.slice(0, nl)
}

/**
 * Several sets of dataset CSVs (the bundled files, then each import) as one
 * set: per table, one header and every body in order. All sets must be in the
 * canonical column order (as every exporter here writes them) or in an older
 * one (the contract only ever appends columns: an import saved by an earlier
 * version is brought up to date by upgradeCsv); any other header is refused
 * rather than silently misaligned.
 */
export function mergeCsvFiles(sets: readonly DatasetFileSet[]): DatasetFileSet {
  const merged: DatasetFileSet = {}
  for (const table of TABLES) {
    const canonical = DATASET_COLUMNS[table].join(',')
    const parts = [canonical + '\n']
    for (const set of sets) {
      const text = set[table]
      if (text === undefined || text === '') continue
      parts.push(body(header(text) === canonical ? text : upgradeCsv(table, text)))
    }
    merged[table] = parts.join('')
  }
  return merged
}

/** The records of a CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks). */
export function readCsvRecords(csv: string): string[][] {
  const text = csv.replace(/^\ufeff/, '')
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++ } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') { record.push(cell); cell = '' }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      record.push(cell)
      records.push(record)
      record = []
      cell = ''
    } else cell += c
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell])
  return records
}

/**
 * A dataset CSV written under an older contract, in today's columns: the
 * columns it lacks (always the last ones: columns are only appended) are made
 * as ingest makes them where they follow from the row — the row id
 * (provenance.ts), a narrative figure's subject key (subjectKeyOfText) — and
 * left empty where they need the source (a figure's page, its printed unit:
 * citations look those up on the line). Throws on a header that is not an
 * older contract's.
 */
export function upgradeCsv(table: DatasetTable, text: string): string {
  const columns: readonly string[] = DATASET_COLUMNS[table]
  const [head = [], ...records] = readCsvRecords(text)
  if (head.length < FIRST_CONTRACT_LENGTH[table] || head.length > columns.length || head.some((c, i) => c !== columns[i])) {
    throw new Error(`${table}: header "${head.join(',')}" is not the canonical "${columns.join(',')}"`)
  }
  const rows = records.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ''])) as Record<string, string>)
  if (table === 'narrative' && !head.includes('subject_key')) {
    for (const r of rows) r.subject_key = subjectKeyOfText(r.subject ?? '', r.unit ?? '', r.quote ?? '')
  }
  if (!head.includes('row_id') && table !== 'documents') {
    const typed = rows as unknown as Array<{ doc_id: string; line: string; row_id?: string }>
    if (table === 'checks') {
      const seen = new Map<string, number>()
      for (const r of typed) { const k = (seen.get(r.doc_id) ?? 0) + 1; seen.set(r.doc_id, k); r.row_id = `${r.doc_id}:${ROW_ID_TAGS.checks}${k}` }
    } else assignRowIds(typed, table)
  }
  return toCsv(columns as never, rows)
}
