import { describe, expect, it } from 'vitest'
import { oneCaret } from '../../src/db/workbench/run'

describe('oneCaret(message)', () => {
  it('drops the repeated caret block DuckDB-Wasm prints twice for a parser error', () => {
    const twice = 'Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC nonsense\n        ^\n\nLINE 1: SELEC nonsense\n        ^'
    expect(oneCaret(twice)).toBe('Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC nonsense\n        ^')
  })
  it('keeps a message with one caret block, or none, as reported', () => {
    const once = 'Binder Error: Referenced column "nope" not found in FROM clause!\nCandidate bindings: "scope", "source", "unit"\n\nLINE 1: SELECT nope FROM documents\n               ^'
    expect(oneCaret(once)).toBe(once)
    expect(oneCaret('Catalog Error: Table with name x does not exist!')).toBe('Catalog Error: Table with name x does not exist!')
  })
})
