/** The views' vocabularies: the dimensions v_facts and v_year_points give are the vocabulary's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/db/types'
import { DIMENSIONS, FACT_DIMENSIONS, YEAR_DIMENSIONS } from '../../src/ingest/vocabulary'
import { openEngine } from './engine'

let db: Engine & { close(): void }
beforeAll(async () => { db = await openEngine() })
afterAll(() => db.close())

describe('the views\' dimensions are the vocabulary\'s', () => {
  it('has v_facts give exactly FACT_DIMENSIONS (what Compare pivots) and v_year_points exactly YEAR_DIMENSIONS', async () => {
    const distinct = async (sql: string) => (await db.query<{ d: string }>(sql)).map((r) => r.d).sort()
    expect(await distinct('SELECT DISTINCT dimension AS d FROM v_facts')).toEqual([...FACT_DIMENSIONS].sort())
    expect(await distinct('SELECT DISTINCT dimension AS d FROM v_year_points')).toEqual([...YEAR_DIMENSIONS].sort())
    expect(DIMENSIONS.every((d) => d.facts || d.years)).toBe(true)
  })
})
