/**
 * The data rows of a CSV import, one shape at a time (canonical line items,
 * canonical documents, the long table): each cell checked, each problem
 * reported with its line and column, amounts converted to 元 exactly.
 */
import { printedUnitOf } from '../ingest/printed'
import { decimals, toYuan } from '../ingest/decimal'
import type { DocumentRow, PrintedUnit, Scope, Stage } from '../ingest/types'
import { normaliseStage, normaliseYear, type Column, type Fail } from './csv-header'
import { quote } from './issues'
import { normaliseUnit, readAmountCell, type AmountUnit } from './numbers'
import { IMPORT_TABLE_CODE, type ImportedLineItem } from './types'

/** One (city, year, stage) of a long table: the document its rows will belong to. */
export interface LongGroup {
  city: string
  year: string
  stage: Stage
  units: Set<string>
  publishers: Set<string>
}

/** Reads data rows into line items and documents; rows are kept only while the file has no error. */
export class RowReader {
  readonly lineItems: ImportedLineItem[] = []
  readonly documents: DocumentRow[] = []
  /** Long table: for each line item, the document (city|year|stage) it belongs to. */
  readonly longGroups: string[] = []
  readonly groups = new Map<string, LongGroup>()
  private readonly docIds = new Map<string, number>()

  constructor(
    private readonly fileName: string,
    private readonly byField: ReadonlyMap<string, Column>,
    private readonly fail: Fail,
    private readonly hasErrors: () => boolean,
  ) {}

  /** The cell of a field in a data row ('' when the column is absent). */
  cellOf(cells: string[], field: string) {
    const col = this.byField.get(field)
    return col ? (cells[col.index - 1] ?? '') : ''
  }
  at(rowLine: number, field: string) {
    const col = this.byField.get(field)!
    return { line: rowLine, column: col.index, columnName: col.name }
  }

  /** Value in 元 (or a count in its own unit) of an amount cell with its unit cell; null after reporting an error. */
  amountOf(cells: string[], rowLine: number, amountField: string, unitField: string, allowCounts: boolean): { value: string; unit: string; raw: string; printedUnit: string } | 'empty' | null {
    const rawCell = this.cellOf(cells, amountField)
    const cell = readAmountCell(rawCell)
    const unitCell = this.cellOf(cells, unitField).trim()
    const unit = normaliseUnit(unitCell)
    if (unit === null && !allowCounts) {
      this.fail('bad-unit', this.at(rowLine, unitField), `金额单位 ${quote(unitCell)} 无法识别（应为 元、万元 或 亿元）`, `unknown amount unit ${quote(unitCell)} (expected 元, 万元 or 亿元)`)
      return null
    }
    if (cell.kind === 'empty') return 'empty'
    if (cell.kind === 'invalid') {
      this.fail('bad-number', this.at(rowLine, amountField), `${quote(rawCell)} 不是数字`, `${quote(rawCell)} is not a number`)
      return null
    }
    if (unit === null) {
      // A count in its own unit (人, 辆, %): no amount suffix may multiply it.
      if (cell.suffix !== '') {
        this.fail('unit-conflict', this.at(rowLine, amountField), `数值带“${cell.suffix}”后缀，但单位列是 ${quote(unitCell)}`, `the number carries the suffix ${cell.suffix} but the unit column says ${quote(unitCell)}`)
        return null
      }
      return { value: cell.number, unit: unitCell, raw: rawCell.trim(), printedUnit: unitCell }
    }
    if (cell.suffix !== '' && unit !== '' && cell.suffix !== unit) {
      this.fail('unit-conflict', this.at(rowLine, amountField), `数值带“${cell.suffix}”后缀，与单位列“${unit}”矛盾`, `the number carries the suffix ${cell.suffix}, contradicting the unit column (${unit})`)
      return null
    }
    const effective: AmountUnit | '' = cell.suffix || unit
    if (effective === '') {
      this.fail('missing-value', this.at(rowLine, unitField), '未写明金额单位（单位列为空，数值也没有“万”“亿”等后缀）', 'no amount unit (the unit column is empty and the number has no 万/亿 suffix)')
      return null
    }
    const value = toYuan(cell.number, effective)
    // The app keeps amounts as DECIMAL(18,2) (src/db/schema.ts): a fraction of a 分 would be rounded away silently.
    if (decimals(value) > 2 && !/^-?\d+\.\d{2}0+$/.test(value)) {
      this.fail('bad-number', this.at(rowLine, amountField), `${quote(rawCell)} 精确到分以下（${value} 元）`, `${quote(rawCell)} is finer than a fen (${value} 元)`)
      return null
    }
    return { value, unit: '元', raw: rawCell.trim(), printedUnit: effective }
  }

  required(cells: string[], rowLine: number, field: string, label: string): string | null {
    const v = this.cellOf(cells, field).trim()
    if (v === '') this.fail('missing-value', this.at(rowLine, field), `${label}为空`, `${field} is empty`)
    return v === '' ? null : v
  }

  oneOf<T extends string>(cells: string[], rowLine: number, field: string, allowed: readonly T[]): T | null {
    const v = this.cellOf(cells, field).trim()
    if ((allowed as readonly string[]).includes(v)) return v as T
    this.fail('bad-value', this.at(rowLine, field), `${quote(v)} 不是允许的值（${allowed.map((a) => a || '空').join('、')}）`, `${quote(v)} is not allowed (${allowed.map((a) => a || 'empty').join(', ')})`)
    return null
  }

  readLineItem(cells: string[], rowLine: number) {
    const docId = this.required(cells, rowLine, 'doc_id', 'doc_id')
    const tableCode = this.required(cells, rowLine, 'table_code', 'table_code')
    const side = this.oneOf(cells, rowLine, 'side', ['', '收入', '支出'] as const)
    const rowKind = this.oneOf(cells, rowLine, 'row_kind', ['', '合计', '单位', '项目'] as const)
    const lineCell = this.cellOf(cells, 'line').trim()
    if (lineCell !== '' && !/^\d+$/.test(lineCell)) {
      this.fail('bad-value', this.at(rowLine, 'line'), `行号 ${quote(lineCell)} 不是正整数`, `line ${quote(lineCell)} is not a whole number`)
    }
    const amount = this.amountOf(cells, rowLine, 'value', 'unit', true)
    if (amount !== null && amount !== 'empty' && amount.unit === '') {
      this.fail('missing-value', this.at(rowLine, 'unit'), 'unit 为空（金额应为“元”，计数写其单位，如“人”）', 'unit is empty (元 for amounts, or the unit of a count such as 人)')
      return
    }
    if (this.hasErrors() || amount === null || amount === 'empty' || docId === null || tableCode === null || side === null || rowKind === null) return
    const rawCell = this.cellOf(cells, 'raw')
    this.lineItems.push({
      doc_id: docId,
      table_code: tableCode,
      side,
      row_label: this.cellOf(cells, 'row_label'),
      class_code: this.cellOf(cells, 'class_code').trim(),
      econ_code: this.cellOf(cells, 'econ_code').trim(),
      unit_name: this.cellOf(cells, 'unit_name'),
      project_name: this.cellOf(cells, 'project_name'),
      measure: this.cellOf(cells, 'measure'),
      value: amount.value,
      unit: amount.unit,
      raw: rawCell === '' ? amount.raw : rawCell,
      // Without a source line, the row's own line in this CSV is where its figure stands.
      line: lineCell === '' ? rowLine : Number(lineCell),
      row_kind: rowKind,
      // Columns a dataset export carries (src/ingest/provenance.ts); the row id is given anew (csv-import.ts).
      printed_unit: this.cellOf(cells, 'printed_unit').trim() || (amount.unit === '元' && rawCell !== '' ? printedUnitOf(rawCell, amount.value, '元') : amount.printedUnit),
      page: /^\d+$/.test(this.cellOf(cells, 'page').trim()) ? Number(this.cellOf(cells, 'page').trim()) : '',
    })
  }

  readDocument(cells: string[], rowLine: number) {
    const docId = this.required(cells, rowLine, 'doc_id', 'doc_id')
    if (docId !== null) {
      const first = this.docIds.get(docId)
      if (first !== undefined) this.fail('duplicate-document', this.at(rowLine, 'doc_id'), `doc_id ${quote(docId)} 重复（第${first}行已有）`, `duplicate doc_id ${quote(docId)} (already on line ${first})`)
      else this.docIds.set(docId, rowLine)
    }
    const city = this.required(cells, rowLine, 'city', '城市')
    const year = this.yearOf(cells, rowLine, 'year')
    const stage = this.stageOf(cells, rowLine, 'stage')
    const scope = this.oneOf<Scope | ''>(cells, rowLine, 'scope', ['', '部门', '单位'])
    const unitCell = this.cellOf(cells, 'unit').trim()
    const unit = unitCell === '' || unitCell === '元' || unitCell === '万元' ? (unitCell as PrintedUnit | '') : null
    if (unit === null) this.fail('bad-unit', this.at(rowLine, 'unit'), `打印单位 ${quote(unitCell)} 无法识别（应为 元 或 万元）`, `unknown printed unit ${quote(unitCell)} (expected 元 or 万元)`)
    if (this.hasErrors() || docId === null || city === null || year === null || stage === null || scope === null || unit === null) return
    this.documents.push({
      doc_id: docId,
      city,
      county_of: this.cellOf(cells, 'county_of').trim(),
      publisher: this.cellOf(cells, 'publisher').trim(),
      scope,
      year,
      stage,
      unit,
      source: this.cellOf(cells, 'source').trim() || this.fileName,
      title: this.cellOf(cells, 'title'),
    })
  }

  yearOf(cells: string[], rowLine: number, field: string): string | null {
    const cell = this.cellOf(cells, field)
    const year = normaliseYear(cell)
    if (year === null) this.fail('bad-year', this.at(rowLine, field), `年度 ${quote(cell)} 不是四位数年份`, `year ${quote(cell)} is not a four-digit year`)
    return year
  }

  stageOf(cells: string[], rowLine: number, field: string): Stage | null {
    const cell = this.cellOf(cells, field)
    const stage = normaliseStage(cell)
    if (stage === null) this.fail('bad-stage', this.at(rowLine, field), `阶段 ${quote(cell)} 无法识别（应为 预算 或 决算）`, `unknown stage ${quote(cell)} (expected 预算 budget or 决算 final)`)
    return stage
  }

  readLong(cells: string[], rowLine: number) {
    const city = this.required(cells, rowLine, 'city', '城市')
    const year = this.yearOf(cells, rowLine, 'year')
    const stage = this.stageOf(cells, rowLine, 'stage')
    const item = this.required(cells, rowLine, 'item', '项目')
    const amount = this.amountOf(cells, rowLine, 'amount', 'unit', false)
    if (this.hasErrors() || amount === null || amount === 'empty' || city === null || year === null || stage === null || item === null) return
    const key = `${city}\u0000${year}\u0000${stage}`
    let group = this.groups.get(key)
    if (!group) this.groups.set(key, (group = { city, year, stage, units: new Set(), publishers: new Set() }))
    group.units.add(amount.printedUnit)
    group.publishers.add(this.cellOf(cells, 'publisher').trim())
    this.longGroups.push(key)
    this.lineItems.push({
      doc_id: '',
      table_code: IMPORT_TABLE_CODE,
      side: '',
      row_label: this.cellOf(cells, 'item'),
      class_code: this.cellOf(cells, 'class_code').trim(),
      econ_code: '',
      unit_name: '',
      project_name: '',
      measure: `${stage}数`,
      value: amount.value,
      unit: amount.unit,
      raw: amount.raw,
      line: rowLine,
      row_kind: '',
      printed_unit: amount.printedUnit,
      page: '',
    })
  }
}
