/**
 * The dataset CSVs, inlined into the bundle as text (`?raw`), so the browser
 * needs no fetch: the same build works hosted, offline and as a single file.
 * `@dataset` is data/dataset (vite.config.ts).
 */
import checks from '@dataset/checks.csv?raw'
import documents from '@dataset/documents.csv?raw'
import evaluation_fields from '@dataset/evaluation_fields.csv?raw'
import evaluation_indicators from '@dataset/evaluation_indicators.csv?raw'
import evaluations from '@dataset/evaluations.csv?raw'
import findings from '@dataset/findings.csv?raw'
import line_items from '@dataset/line_items.csv?raw'
import narrative from '@dataset/narrative.csv?raw'
import sangong from '@dataset/sangong.csv?raw'
import target_budgets from '@dataset/target_budgets.csv?raw'
import targets from '@dataset/targets.csv?raw'
import type { DatasetFiles } from './load'

export const DATASET_FILES: DatasetFiles = { documents, line_items, sangong, targets, evaluations, evaluation_fields, evaluation_indicators, target_budgets, narrative, checks, findings }
