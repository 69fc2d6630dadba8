/**
 * The dataset CSVs as files of the build (`@dataset` is data/dataset,
 * vite.config.ts): fetched when hosted, carried in the page by the single
 * file. The start inserts the Arrow tables instead (datasetArrow.ts); the CSV
 * text is read only to merge imports with the bundled data (client.ts) and to
 * export it.
 */
import { fileText } from 'virtual:kanzhang-files'
import checks from '@dataset/checks.csv?url&no-inline'
import documents from '@dataset/documents.csv?url&no-inline'
import evaluation_fields from '@dataset/evaluation_fields.csv?url&no-inline'
import evaluation_indicators from '@dataset/evaluation_indicators.csv?url&no-inline'
import evaluations from '@dataset/evaluations.csv?url&no-inline'
import findings from '@dataset/findings.csv?url&no-inline'
import line_items from '@dataset/line_items.csv?url&no-inline'
import narrative from '@dataset/narrative.csv?url&no-inline'
import sangong from '@dataset/sangong.csv?url&no-inline'
import target_budgets from '@dataset/target_budgets.csv?url&no-inline'
import targets from '@dataset/targets.csv?url&no-inline'
import type { DatasetTable } from '../ingest/dataset'
import type { DatasetFiles } from './load'

const URLS: Record<DatasetTable, string> = { checks, documents, evaluation_fields, evaluation_indicators, evaluations, findings, line_items, narrative, sangong, target_budgets, targets }

/** The bundled dataset's CSV text, every table. */
export async function datasetFiles(): Promise<DatasetFiles> {
  return Object.fromEntries(await Promise.all(Object.entries(URLS).map(async ([t, url]) => [t, await fileText(url)] as const)))
}
