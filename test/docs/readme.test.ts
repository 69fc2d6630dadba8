/** The README's server example must be the policy the build writes, or hosts following it would run a weaker one. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cspFor } from '../../scripts/offline-build'

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8')

describe('README, Security', () => {
  it('gives the hosted build’s CSP header exactly as the build writes it', () => {
    expect(README).toContain(`add_header Content-Security-Policy "${cspFor('hosted')}" always;`)
  })
})
