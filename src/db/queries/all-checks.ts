/**
 * Every identity check as checks.csv prints it (status, expected/actual as
 * exact text, lines joined with ';'), for matching checks to the figures on
 * screen (src/publish/data-quality.ts). The Data view's filtered, sorted list
 * is checks.ts.
 */
import type { CheckRow } from '../../ingest/types'
import type { Db } from '../types'
import { asText } from './text-rows'

export const ALL_CHECKS_SQL = 'SELECT COLUMNS(*)::VARCHAR FROM checks'

export async function allChecks(db: Db): Promise<CheckRow[]> {
  return asText(await db.query<Record<string, unknown>>(ALL_CHECKS_SQL)) as unknown as CheckRow[]
}
