/**
 * Arrow results → plain JS rows. DuckDB's DECIMAL (and HUGEINT, which is a
 * DECIMAL(38,0) on the wire) arrive as multi-word integers and BIGINT as
 * `bigint`: decimals with a scale become exact decimal text ("192907600.00"),
 * integers become numbers when they fit, text otherwise.
 */
import { DataType, util, type Table } from 'apache-arrow'

function decimalText(unscaled: bigint, scale: number): string {
  if (scale <= 0) return unscaled.toString()
  const negative = unscaled < 0n
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0')
  return (negative ? '-' : '') + digits.slice(0, -scale) + '.' + digits.slice(-scale)
}

function integer(v: bigint): number | string {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString()
}

/** Converts one cell given its Arrow type. */
export function cellValue(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null
  if (DataType.isDecimal(type)) {
    const unscaled = util.bigNumToBigInt(value as never)
    return type.scale > 0 ? decimalText(unscaled, type.scale) : integer(unscaled)
  }
  if (typeof value === 'bigint') return integer(value)
  if (DataType.isTimestamp(type) || DataType.isDate(type)) return new Date(Number(value)).toISOString()
  if (value instanceof Uint8Array) return Array.from(value).map((b) => b.toString(16).padStart(2, '0')).join('')
  if (typeof value === 'object' && 'toJSON' in (value as object)) return (value as { toJSON(): unknown }).toJSON()
  return value
}

/** All rows of an Arrow table as plain objects keyed by column name. */
export function rowsFromTable<T>(table: Table): T[] {
  const fields = table.schema.fields
  const columns = fields.map((_f, i) => table.getChildAt(i))
  const out: T[] = []
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {}
    fields.forEach((f, i) => { row[f.name] = cellValue(columns[i]?.get(r), f.type) })
    out.push(row as T)
  }
  return out
}

/** Column names of an Arrow result, in order. */
export function columnNames(table: Table): string[] {
  return table.schema.fields.map((f) => f.name)
}
