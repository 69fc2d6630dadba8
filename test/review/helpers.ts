/**
 * Reviewing real reports and edited copies of them, made here at test time
 * (never written into the repository): `edit` changes one exact passage and
 * fails when the passage is not there exactly once, so a test cannot pass on
 * an edit that did not happen.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseReport } from '../../src/ingest/index'
import type { FindingRow } from '../../src/ingest/types'
import { reviewReport } from '../../src/review/index'

const RAW = join(import.meta.dirname, '..', '..', 'data', 'raw')

export function rawText(name: string): string {
  return readFileSync(join(RAW, name), 'utf8')
}

/** Findings of a report text (parsed as the ingest parses a .txt). */
export function review(text: string, source = 'edited.txt'): FindingRow[] {
  return reviewReport(parseReport(text, { source }), text)
}

/** `text` with the one occurrence of `find` replaced; throws unless it occurs exactly once. */
export function edit(text: string, find: string | RegExp, replace: string): string {
  const re = typeof find === 'string' ? new RegExp(find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : new RegExp(find.source, find.flags.includes('g') ? find.flags : find.flags + 'g')
  const n = [...text.matchAll(re)].length
  if (n !== 1) throw new Error(`edit: ${String(find)} occurs ${n} times`)
  return text.replace(re, replace)
}

/** The 1-based line of the one line containing `needle` (throws unless exactly one). */
export function lineOf(text: string, needle: string | RegExp): number {
  const lines = text.split(/\r\n|\n|\r/)
  const hits = lines.flatMap((l, i) => ((typeof needle === 'string' ? l.includes(needle) : needle.test(l)) ? [i + 1] : []))
  if (hits.length !== 1) throw new Error(`lineOf: ${String(needle)} is on ${hits.length} lines`)
  return hits[0]!
}

export const of = (findings: readonly FindingRow[], rule: string) => findings.filter((f) => f.rule === rule)
