/** The README lists every review rule (id and severity), so a rule cannot be added undocumented. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RULES } from '../../src/review/index'

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8')
const section = README.slice(README.indexOf('## Review rules (审查)'), README.indexOf('### Errors the review finds'))

describe('README, Review rules', () => {
  it('has the section', () => {
    expect(section.length).toBeGreaterThan(100)
  })
  for (const r of RULES) {
    it(`lists ${r.id} with its severity`, () => {
      const row = section.split('\n').find((l) => l.startsWith('|') && l.includes(`\`${r.id}\``))
      expect(row, r.id).toBeDefined()
      expect(row).toContain(r.severity)
    })
  }
})
