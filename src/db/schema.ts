/**
 * How each dataset CSV becomes a typed DuckDB table. Every column is read as
 * text (the CSVs are exact decimal text), then typed here in SQL: amounts as
 * DECIMAL(18,2) so sums stay exact to the fen, lines and years as INTEGER,
 * everything else as text with '' for an empty cell.
 */
import { DATASET_COLUMNS, type DatasetTable } from '../ingest/dataset'
import { ROW_ID_TAGS, type IdentifiedTable } from '../ingest/provenance'

/** Column → SQL type for the typed columns; unlisted columns are VARCHAR. */
const TYPES: Partial<Record<DatasetTable, Record<string, string>>> = {
  documents: { year: 'INTEGER' },
  line_items: { value: 'DECIMAL(18,2)', line: 'INTEGER', page: 'INTEGER' },
  sangong: { year: 'INTEGER', amount_yuan: 'DECIMAL(18,2)', line: 'INTEGER', page: 'INTEGER' },
  targets: { total_yuan: 'DECIMAL(18,2)', period_total_yuan: 'DECIMAL(18,2)', line: 'INTEGER', page: 'INTEGER' },
  evaluations: {
    initial_yuan: 'DECIMAL(18,2)', budget_yuan: 'DECIMAL(18,2)', executed_yuan: 'DECIMAL(18,2)',
    rate_pct: 'DECIMAL(9,2)', score: 'DECIMAL(9,2)', line: 'INTEGER', score_line: 'INTEGER', grade_line: 'INTEGER', page: 'INTEGER',
  },
  // 绩效自评 fields (issue 16): a value is an amount in 元, a rate, a score or a 等级, so it stays text; typed in the queries.
  evaluation_fields: { line: 'INTEGER', page: 'INTEGER' },
  evaluation_indicators: { weight: 'DECIMAL(9,2)', score: 'DECIMAL(9,2)', line: 'INTEGER', page: 'INTEGER' },
  target_budgets: { value: 'DECIMAL(18,2)', line: 'INTEGER', page: 'INTEGER' },
  // A narrative value is an amount, a share or a count: four decimals keep all of them.
  narrative: { year: 'INTEGER', value: 'DECIMAL(20,4)', line: 'INTEGER', page: 'INTEGER' },
  // The review's findings (src/review): expected/actual stay text, they may be words as well as amounts.
  findings: { line: 'INTEGER', page: 'INTEGER' },
}

/** The tables the app loads, in load order. */
export const TABLES = Object.keys(DATASET_COLUMNS) as DatasetTable[]

/** Columns every table must have, whether or not its CSV has them yet. */
export function contractColumns(table: DatasetTable): readonly string[] {
  return DATASET_COLUMNS[table]
}

function q(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"'
}

/** Header names of a CSV text (the dataset writes a plain header: no quotes, no commas in names). */
export function csvHeader(text: string): string[] {
  const first = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')).replace(/^\uFEFF/, '').trim()
  return first === '' ? [] : first.split(',').map((s) => s.replace(/^"|"$/g, ''))
}

/**
 * The row id of a file written before rows carried one (an import kept in
 * IndexedDB by an older version): the ingest's form with the row's place in
 * the file after a '~', so it is unique and marks itself as made at load.
 */
function loadMadeRowId(table: IdentifiedTable, columns: readonly string[]): string {
  const line = columns.includes('line') ? `COALESCE(NULLIF(${q('line')}, ''), '0')` : `'0'`
  return `COALESCE(${q('doc_id')}, '') || ':${ROW_ID_TAGS[table]}' || ${line} || '~' || row_number() OVER ()`
}

/**
 * `CREATE TABLE` for one dataset table read from a registered CSV file. Columns
 * of the contract that the file lacks become empty, so the app works while
 * parsers are still landing; extra columns in the file are kept as text.
 */
export function createTableSql(table: DatasetTable, fileName: string, header: readonly string[]): string {
  const types = TYPES[table] ?? {}
  const columns = header.length > 0 ? header : [...contractColumns(table)]
  const read = `read_csv('${fileName.replace(/'/g, "''")}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', `
    + `columns = {${columns.map((c) => `'${c.replace(/'/g, "''")}': 'VARCHAR'`).join(', ')}})`
  const names = [...contractColumns(table), ...columns.filter((c) => !contractColumns(table).includes(c))]
  const select = names.map((c) => {
    if (c === 'row_id' && !columns.includes(c) && table in ROW_ID_TAGS) return `${loadMadeRowId(table as IdentifiedTable, columns)} AS row_id`
    const source = columns.includes(c) ? q(c) : 'NULL'
    const type = types[c]
    return type ? `TRY_CAST(NULLIF(${source}, '') AS ${type}) AS ${q(c)}` : `COALESCE(${source}, '') AS ${q(c)}`
  })
  return `CREATE OR REPLACE TABLE ${q(table)} AS SELECT ${select.join(', ')} FROM ${read}`
}
