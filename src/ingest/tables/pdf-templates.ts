/**
 * Value columns of the national budget templates (预算公开表1–13), in printed
 * order, as the pdftotext-like reader needs them: pdftotext wraps header cells
 * over many lines (B12's `政府性` / `基金预` / `算`), so the column order comes from
 * the template and only the wording of each header is read from the text.
 */
import type { TableCode } from '../types'
import type { RowIdentity } from './pdf-place'

/** Fund sources of the 收入 side of B01: a source the department does not have is empty in every table. */
export type FundSource = 'gen' | 'gov' | 'soe' | 'spec' | 'unit'

export interface ColumnSpec {
  /** Measure when the header wording is not found. */
  measure: string
  /** Printed header wording(s); the matched text (whitespace removed) becomes the leaf of the measure. */
  leaf?: RegExp
  /** Group header joined before the leaf with '/' (本年收入/一般公共预算, 财政拨款/一般公共预算). */
  group?: string
  source?: FundSource
}

export interface SideSpec {
  columns: ColumnSpec[]
  identities: RowIdentity[]
}

const SUM3: RowIdentity[] = [{ total: 0, parts: [1, 2] }]
const BASIC_PROJECT: SideSpec = {
  columns: [{ measure: '合计' }, { measure: '基本支出' }, { measure: '项目支出' }],
  identities: SUM3,
}
const GEN: ColumnSpec = { measure: '一般公共预算', leaf: /一般公共预算/, source: 'gen' }
const GOV: ColumnSpec = { measure: '政府性基金预算', leaf: /政府性基金(预算)?/, source: 'gov' }
const SOE: ColumnSpec = { measure: '国有资本经营预算', leaf: /国有资本经营(预算)?/, source: 'soe' }
const SPEC: ColumnSpec = { measure: '财政专户管理资金', leaf: /财政专户管理资金/, source: 'spec' }
const UNIT: ColumnSpec = { measure: '单位资金', leaf: /单位资金/, source: 'unit' }
/** 合计 + the three 财政拨款 sources (B10, B11, B13, B04 支出). */
const FISCAL: SideSpec = {
  columns: [{ measure: '合计' }, GEN, GOV, SOE],
  identities: [{ total: 0, parts: [1, 2, 3] }],
}

export interface TableSpec {
  /** One-sided tables have only `main`; two-sided ones (B01, B04, B09) have 收入 and 支出. */
  main?: SideSpec
  income?: SideSpec
  expense?: SideSpec
}

export const TEMPLATES: Partial<Record<TableCode, TableSpec>> = {
  B01: {
    income: { columns: [{ measure: '预算数' }], identities: [] },
    expense: {
      columns: [{ measure: '合计' }, { measure: '当年预算安排' }, { measure: '上年结转安排' }],
      identities: SUM3,
    },
  },
  B02: {
    main: {
      columns: [
        { measure: '合计', group: '本年收入' },
        { ...GEN, group: '本年收入' },
        { ...GOV, group: '本年收入' },
        { ...SOE, group: '本年收入' },
        { ...SPEC, group: '本年收入' },
        { ...UNIT, group: '本年收入' },
        { measure: '上年结转' },
      ],
      identities: [{ total: 0, parts: [1, 2, 3, 4, 5] }],
    },
  },
  B03: { main: BASIC_PROJECT },
  B04: {
    income: { columns: [{ measure: '金额' }], identities: [] },
    expense: { ...FISCAL, columns: [{ measure: '小计' }, GEN, GOV, SOE] },
  },
  B05: { main: BASIC_PROJECT },
  B06: {
    main: { columns: [{ measure: '合计' }, { measure: '人员经费' }, { measure: '公用经费' }], identities: SUM3 },
  },
  B07: { main: { columns: [{ measure: '政府性基金收入预算', leaf: /政府性基金收入预算/ }], identities: [] } },
  B08: { main: BASIC_PROJECT },
  B10: { main: FISCAL },
  B11: { main: FISCAL },
  B12: {
    main: {
      columns: [
        { measure: '合计' },
        { ...GEN, group: '财政拨款' },
        { ...GOV, group: '财政拨款' },
        { ...SOE, group: '财政拨款' },
        SPEC,
        UNIT,
      ],
      identities: [{ total: 0, parts: [1, 2, 3, 4, 5] }],
    },
  },
  B13: {
    main: {
      columns: [{ measure: '合计' }, { ...GEN, group: '财政拨款' }, { ...GOV, group: '财政拨款' }, { ...SOE, group: '财政拨款' }],
      identities: [{ total: 0, parts: [1, 2, 3] }],
    },
  },
}

/** The measures of a side, with the leaf wording as printed in the table's header where it is found. */
export function measures(side: SideSpec, headerText: string): string[] {
  const header = headerText.replace(/\s+/g, '')
  return side.columns.map((c) => {
    const leaf = (c.leaf && c.leaf.exec(header)?.[0]) || c.measure
    return c.group ? `${c.group}/${leaf}` : leaf
  })
}

/** The fund source a B01/B04 收入 label names (`二、政府性基金预算` → gov), or null. */
export function sourceOfLabel(label: string): FundSource | null {
  const t = label.replace(/^[一二三四五六七八九十]+、/, '')
  if (/^一般公共预算/.test(t)) return 'gen'
  if (/^政府性基金/.test(t)) return 'gov'
  if (/^国有资本经营/.test(t)) return 'soe'
  if (/^财政专户/.test(t)) return 'spec'
  if (/^单位资金/.test(t)) return 'unit'
  return null
}
