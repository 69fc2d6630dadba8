/**
 * Structure: the 功能分类 rows of one document as a tree (类 → 款 → 项, a child's
 * code extends its parent's), and a treemap or sunburst of one node's children.
 */
import type { AmountUnit } from '../format/amount'
import type { ClassRow } from '../db/queries/structure'
import { term, translate, type Locale } from '../i18n/translate'
import { ANIMATION, aria, largest, PALETTE, scale, spoken, titleBlock } from './common'

export interface ClassNode {
  code: string
  name: string
  level: string
  /** Amount in 元. */
  value: number
  line: number
  /** The row the figure was read from ('' for the root, a sum of its children). */
  rowId: string
  children: ClassNode[]
}

/** The tree of one part (合计 / 基本支出 / 项目支出); a row whose parent is missing hangs from the root. */
export function buildClassTree(rows: readonly ClassRow[], part = '合计'): ClassNode {
  const root: ClassNode = { code: '', name: '', level: '', value: 0, line: 0, rowId: '', children: [] }
  const byCode = new Map<string, ClassNode>()
  const mine = rows.filter((r) => r.part === part).sort((a, b) => a.class_code.length - b.class_code.length || a.class_code.localeCompare(b.class_code))
  for (const r of mine) {
    const node: ClassNode = { code: r.class_code, name: r.class_name, level: r.level, value: r.amount, line: r.line, rowId: r.row_id, children: [] }
    byCode.set(r.class_code, node)
    const parent = byCode.get(r.class_code.slice(0, r.class_code.length - 2)) ?? (r.class_code.length > 3 ? byCode.get(r.class_code.slice(0, 3)) : undefined)
    ;(parent ?? root).children.push(node)
  }
  root.value = root.children.reduce((s, c) => s + c.value, 0)
  return root
}

/** The node with this code, or the root when the code is empty or unknown. */
export function findNode(root: ClassNode, code: string): ClassNode {
  if (!code) return root
  const stack = [...root.children]
  while (stack.length) {
    const n = stack.pop()!
    if (n.code === code) return n
    stack.push(...n.children)
  }
  return root
}

/** Codes from the root down to the node (for the breadcrumb). */
export function pathTo(root: ClassNode, code: string): ClassNode[] {
  const out: ClassNode[] = []
  let node = findNode(root, code)
  while (node !== root) {
    out.unshift(node)
    const parentCode = node.code.length > 3 ? node.code.slice(0, node.code.length - 2) : ''
    const parent = parentCode ? findNode(root, parentCode) : root
    if (parent === node) break
    node = parent
  }
  return out
}

export interface StructureChartInput {
  node: ClassNode
  kind: 'treemap' | 'sunburst'
  unit: AmountUnit
  title: string
  source: string
  /** Language of the unit line (default Chinese). */
  lang?: Locale
}

function toData(n: ClassNode, unit: AmountUnit, depth: number): Record<string, unknown> {
  return {
    name: n.name, value: scale(n.value, unit), code: n.code, line: n.line,
    ...(depth > 0 && n.children.length ? { children: n.children.map((c) => toData(c, unit, depth - 1)) } : {}),
  }
}

export function structureChartOption(input: StructureChartInput) {
  const data = input.node.children.map((c) => toData(c, input.unit, input.kind === 'sunburst' ? 1 : 0))
  const common = { data, label: { show: true, formatter: '{b}\n{c}' } }
  const parts = input.node.children.map((c) => ({ name: c.name, value: scale(c.value, input.unit) }))
  const lang = input.lang ?? 'zh'
  const u = term(lang, input.unit)
  const description = lang === 'en'
    ? `${input.node.name || 'All'}: ${parts.length} parts, total ${spoken(scale(input.node.value, input.unit), lang)} ${u}; largest: ${largest(parts, 3, u, lang)}`
    : `${input.node.name || '全部'}共${parts.length}项，合计${spoken(scale(input.node.value, input.unit))}${input.unit}；最大的是：${largest(parts, 3, input.unit)}`
  return {
    ...ANIMATION,
    // Every block is labelled with its name: decals would only cover the labels.
    ...aria(input.title, [description, input.source].filter(Boolean).join(lang === 'en' ? '. ' : '。'), false),
    color: [...PALETTE],
    title: titleBlock(input.title, translate(input.lang ?? 'zh', 'unit_label', { unit: term(input.lang ?? 'zh', input.unit) })),
    tooltip: { formatter: '{b}: {c} ' + term(input.lang ?? 'zh', input.unit) },
    series: [input.kind === 'treemap'
      ? { type: 'treemap', ...common, top: 60, roam: false, nodeClick: false, breadcrumb: { show: false }, leafDepth: 1 }
      : { type: 'sunburst', ...common, radius: ['12%', '90%'], center: ['50%', '55%'], nodeClick: false }],
  }
}

/** A pie of a two-way split (基本/项目 or 人员/公用). */
export function splitChartOption(parts: readonly { part: string; amount: number }[], unit: AmountUnit, title: string, lang: Locale = 'zh') {
  const description = lang === 'en'
    ? parts.map((p) => `${term(lang, p.part)} ${spoken(scale(p.amount, unit), lang)} ${term(lang, unit)}`).join(', ')
    : parts.map((p) => `${p.part} ${spoken(scale(p.amount, unit))}${unit}`).join('，')
  return {
    ...aria(title, description),
    color: [...PALETTE],
    // The card's heading names the split; the title travels only with an exported image.
    title: { text: title, left: 'left', textStyle: { fontSize: 12, fontWeight: 400, color: '#666' } },
    tooltip: { trigger: 'item', formatter: '{b}: {c} ' + term(lang, unit) + ' ({d}%)' },
    series: [{ type: 'pie', radius: ['35%', '65%'], top: 16, data: parts.map((p) => ({ name: term(lang, p.part), value: scale(p.amount, unit) })), label: { formatter: '{b}\n{d}%', width: 96, overflow: 'break' }, labelLine: { length: 8, length2: 8 } }],
  }
}
