/**
 * The SQL views the app's questions are asked against — all in one place,
 * readable. They sit on the typed dataset tables (schema.ts) and follow the
 * line_items conventions of src/ingest/README.md:
 *
 * - 功能分类 spending is B03 (预算支出总表, measures 合计/基本支出/项目支出) or
 *   F03 (支出决算表, 本年支出合计/基本支出/项目支出); a row's level is the length
 *   of its class_code (3 类, 5 款, 7 项), so each level sums to the total once.
 * - 经济分类 is B06 (labels 部门科目/政府科目, no codes; a label without '/' is a
 *   类 row) or F06 (econ_code 3 or 5 digits).
 * - Fund sources are the measures of the total row of B02 (本年收入/…, 上年结转) or F02.
 * - Per-unit amounts are the unit rows (row_kind 单位) of B12 项目支出预算表.
 * - A table's total row has row_kind 合计; nothing else is summed with it.
 * - A long-table import (table_code IMPORT) names an item, not a table row: it
 *   joins the 功能分类 where the item is a code ("208", "208 社会保障和就业支出")
 *   or a 类/款/项 name the reports print for one code only, and 三公 where it
 *   names a 三公 category; anything else is listed in v_import_unclassified.
 */

import { YEARS_VIEWS_SQL, YEARS_VIEW_NAMES } from './views-years.sql'
import { BUDGET_BASES, SANGONG_CATEGORIES, SANGONG_ITEM_NAMES, SANGONG_TOTAL_NAMES, sqlTextList } from '../ingest/vocabulary'
import { splitStatements } from './workbench/statements'

/** Names of the views, for the workbench's table list. */
export const VIEW_NAMES = ['v_documents', 'v_function', 'v_econ', 'v_facts', 'v_totals', 'v_projects', 'v_sangong', 'v_execution', 'v_class_names', 'v_import_items', 'v_import_unclassified', ...YEARS_VIEW_NAMES] as const

export const VIEWS_SQL = String.raw`
CREATE OR REPLACE VIEW v_documents AS
SELECT d.*,
  -- Two documents of the same city, year and stage (an import beside a bundled
  -- report) would read the same: name them by their doc_id too.
  d.city || ' ' || d.year || ' ' || d.stage
    || CASE WHEN count(*) OVER (PARTITION BY d.city, d.year, d.stage) > 1 THEN ' (' || d.doc_id || ')' ELSE '' END AS label,
  d.county_of <> '' AS is_county
FROM documents d;

-- The 功能分类 names the reports print, with the codes each names (其他社会保障和就业支出
-- is both 款 20899 and 项 2089999: it names no one code).
CREATE OR REPLACE VIEW v_class_names AS
SELECT class_name, min(class_code) AS class_code, count(DISTINCT class_code) AS codes
FROM (
  SELECT DISTINCT li.class_code, trim(regexp_replace(li.row_label, '^[一二三四五六七八九十]+、', '')) AS class_name
  FROM line_items li
  WHERE li.table_code IN ('B03', 'F03') AND regexp_matches(li.class_code, '^[0-9]{3}([0-9]{2}){0,2}$')
) GROUP BY class_name;

-- Each item of a long-table import with the 功能分类 code it names, if any: its class_code
-- column, a leading code, or an unambiguous name.
CREATE OR REPLACE VIEW v_import_items AS
WITH items AS (
  SELECT li.doc_id, li.row_label AS item, li.value AS amount, li.line, li.row_id, li.class_code AS given,
    regexp_extract(trim(li.row_label), '^([0-9]{3}(?:[0-9]{2}){0,2})(?:\s|$)', 1) AS lead_code,
    trim(regexp_replace(trim(li.row_label), '^[0-9]{3}(?:[0-9]{2}){0,2}(?:\s+|$)', '')) AS name
  FROM line_items li
  WHERE li.table_code = 'IMPORT' AND li.unit = '元'
)
SELECT i.doc_id, i.item, i.name, i.amount, i.line, i.row_id,
  COALESCE(NULLIF(i.given, ''), NULLIF(i.lead_code, ''), CASE WHEN n.codes = 1 THEN n.class_code END) AS class_code,
  COALESCE(n.codes, 0) AS name_codes
FROM items i LEFT JOIN v_class_names n ON n.class_name = i.name;

-- Imported items that join no view, with the reason (shown beside Compare, never an empty column).
CREATE OR REPLACE VIEW v_import_unclassified AS
SELECT doc_id, item, amount, line, row_id,
  CASE WHEN name_codes > 1 THEN 'ambiguous' ELSE 'unknown' END AS reason
FROM v_import_items
WHERE (class_code IS NULL OR NOT regexp_matches(class_code, '^[0-9]{3}([0-9]{2}){0,2}$'))
  AND name NOT IN (${sqlTextList(SANGONG_ITEM_NAMES)});

CREATE OR REPLACE VIEW v_function AS
SELECT li.doc_id, li.table_code, li.class_code,
  regexp_replace(li.row_label, '^[一二三四五六七八九十]+、', '') AS class_name,
  length(li.class_code) AS code_len,
  CASE length(li.class_code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' END AS level,
  CASE WHEN li.measure IN ('合计', '本年支出合计') THEN '合计' ELSE li.measure END AS part,
  li.value AS amount, li.line, li.row_id
FROM line_items li
WHERE li.table_code IN ('B03', 'F03')
  AND regexp_matches(li.class_code, '^[0-9]{3}([0-9]{2}){0,2}$')
  AND li.measure IN ('合计', '本年支出合计', '基本支出', '项目支出')
  AND li.unit = '元'
UNION ALL
-- A long-table import's classified items: their amount is the whole of that 类/款/项 (合计).
SELECT i.doc_id, 'IMPORT', i.class_code,
  COALESCE(NULLIF(i.name, ''), (SELECT min(n.class_name) FROM v_class_names n WHERE n.class_code = i.class_code AND n.codes = 1), i.class_code),
  length(i.class_code),
  CASE length(i.class_code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' END,
  '合计', i.amount, i.line, i.row_id
FROM v_import_items i
WHERE regexp_matches(i.class_code, '^[0-9]{3}([0-9]{2}){0,2}$');

CREATE OR REPLACE VIEW v_econ AS
SELECT li.doc_id, li.table_code,
  CASE WHEN li.econ_code <> '' THEN li.econ_code ELSE split_part(li.row_label, '/', 1) END AS econ_key,
  split_part(li.row_label, '/', 1) AS econ_name,
  CASE
    WHEN li.econ_code <> '' THEN (CASE WHEN length(li.econ_code) = 3 THEN 1 ELSE 2 END)
    WHEN li.row_label LIKE '%/%' THEN 2 ELSE 1
  END AS econ_level,
  li.measure, li.value AS amount, li.line, li.row_id
FROM line_items li
WHERE li.unit = '元' AND li.row_kind <> '合计' AND (
     (li.table_code = 'B06' AND li.measure = '合计')
  OR (li.table_code = 'F06' AND li.econ_code <> '' AND li.measure NOT LIKE '%其中%'));

-- One fact per (dimension, document, row): what Compare pivots, with the table,
-- line and row id each figure was read from, so a pivot cell names its own
-- source and cites every row behind it.
CREATE OR REPLACE VIEW v_facts AS
SELECT 'class' || code_len AS dimension, doc_id, class_code AS dim_key, class_name AS dim_label, amount, line, table_code, row_id
FROM v_function WHERE part = '合计'
UNION ALL
SELECT 'econ' || econ_level, doc_id, econ_name, econ_name, amount, line, table_code, row_id FROM v_econ
UNION ALL
SELECT 'basic_project', doc_id, measure, measure, value, line, table_code, row_id
FROM line_items
WHERE table_code IN ('B03', 'F03') AND row_kind = '合计' AND measure IN ('基本支出', '项目支出') AND unit = '元'
UNION ALL
SELECT 'fund', doc_id, regexp_replace(measure, '^本年收入/', ''), regexp_replace(measure, '^本年收入/', ''), value, line, table_code, row_id
FROM line_items
WHERE table_code IN ('B02', 'F02') AND row_kind = '合计' AND unit = '元'
  AND measure NOT IN ('合计', '本年收入/合计', '本年收入合计', '收入合计', '收入总计')
UNION ALL
SELECT 'unit', doc_id, unit_name, unit_name, value, line, table_code, row_id
FROM line_items
WHERE table_code = 'B12' AND row_kind = '单位' AND measure = '合计' AND unit = '元';

-- Headline totals of each document: spending and its 基本/项目 split.
CREATE OR REPLACE VIEW v_totals AS
SELECT doc_id,
  CASE WHEN measure IN ('合计', '本年支出合计') THEN '支出合计' ELSE measure END AS subject,
  value AS amount, line, row_id
FROM line_items
WHERE table_code IN ('B03', 'F03') AND row_kind = '合计' AND unit = '元'
  AND measure IN ('合计', '本年支出合计', '基本支出', '项目支出');

-- Every project row of B12 (本年预算) and B13 (上年结转), with what is known about it.
CREATE OR REPLACE VIEW v_projects AS
SELECT li.doc_id, li.table_code,
  CASE li.table_code WHEN 'B12' THEN '本年预算' ELSE '上年结转' END AS part,
  li.unit_name, li.project_name, li.value AS amount, li.line, li.row_id,
  (SELECT count(*) FROM targets t WHERE t.doc_id = li.doc_id AND t.project_name = li.project_name) AS indicators
FROM line_items li
WHERE li.table_code IN ('B12', 'B13') AND li.row_kind = '项目' AND li.measure = '合计' AND li.unit = '元';

-- 三公经费 points: table figures (预算/决算) and prior-year figures derived from the prose.
CREATE OR REPLACE VIEW v_sangong AS
SELECT s.doc_id, d.city, s.year, s.figure, s.category, s.amount_yuan AS amount, s.line,
  'table' AS origin, '' AS quote, s.row_id
FROM sangong s JOIN documents d USING (doc_id)
UNION ALL
-- (a prose figure's 三公 category is its subject_key, set by the parser)
SELECT n.doc_id, d.city, n.year, d.stage, n.subject_key, n.value::DECIMAL(18,2), n.line, 'derived', n.quote, n.row_id
FROM narrative n JOIN documents d USING (doc_id)
WHERE n.relation = 'derived' AND n.unit = '元' AND n.subject_key IN (${sqlTextList(SANGONG_CATEGORIES)})
UNION ALL
-- A long-table import's items named as a 三公 category (the 三公 total as 三公经费).
SELECT li.doc_id, d.city, d.year, d.stage,
  CASE WHEN trim(li.row_label) IN (${sqlTextList(SANGONG_TOTAL_NAMES)}) THEN '合计' ELSE trim(li.row_label) END,
  li.value::DECIMAL(18,2), li.line, 'table', '', li.row_id
FROM line_items li JOIN documents d USING (doc_id)
WHERE li.table_code = 'IMPORT' AND li.unit = '元'
  AND trim(li.row_label) IN (${sqlTextList(SANGONG_ITEM_NAMES)});

-- 决算 against 预算 from the narrative: a stated rate ("X完成年初预算119.09%") with
-- the amounts stated for the same subject X: its budget ("X年初预算" / "X预算") and
-- its actual ("X决算" or "X" itself), preferring the same line. The clause names
-- the denominator: the rate's subject_key, the budget basis the parser read.
CREATE OR REPLACE VIEW v_execution AS
WITH rates AS (
  SELECT n.doc_id, n.subject, n.year, n.value AS rate_pct, n.quote, n.line, n.row_id,
    regexp_replace(n.subject, '完成(年初|全年|调整后)?预算(的)?$', '') AS topic,
    n.subject_key AS denominator
  FROM narrative n
  WHERE n.unit = '%' AND n.relation = 'stated' AND n.subject_key IN (${sqlTextList(BUDGET_BASES)})
), amounts AS (
  SELECT doc_id, subject, year, value, line, row_id FROM narrative WHERE unit = '元' AND relation = 'stated'
), paired AS (
  -- Each amount with the row it was read from (a struct), so its citation names that row.
  SELECT r.*,
    (SELECT {'value': a.value, 'row_id': a.row_id} FROM amounts a WHERE a.doc_id = r.doc_id
       AND a.year = r.year AND a.subject IN (r.topic || '年初预算', r.topic || '全年预算', r.topic || '调整后预算', r.topic || '预算')
       ORDER BY abs(a.line - r.line), a.line LIMIT 1) AS b,
    (SELECT {'value': a.value, 'row_id': a.row_id} FROM amounts a WHERE a.doc_id = r.doc_id
       AND a.year = r.year AND a.subject IN (r.topic || '决算', r.topic || '支出决算', r.topic)
       ORDER BY abs(a.line - r.line), a.line LIMIT 1) AS a
  FROM rates r
)
SELECT doc_id, topic AS subject, denominator, rate_pct, quote, line,
  b.value AS budget, a.value AS actual, row_id, b.row_id AS budget_row_id, a.row_id AS actual_row_id
FROM paired;
`

/**
 * Views kept as tables, made again with every load and import (inside its
 * transaction): Compare pivots `facts` on every change of selection, and
 * v_facts (a union over line_items with regular expressions and the imports'
 * name lookup) costs several times the pivot. The bundled data ships them
 * ready-made (scripts/build-dataset-arrow.ts), so a start does not compute them.
 */
export const MATERIALISED = [{ table: 'facts', view: 'v_facts' }] as const
export type MaterialisedTable = (typeof MATERIALISED)[number]['table']

/**
 * The view statements one by one (the workbench and tests run them
 * separately), each materialised table (except those in `given`) right after
 * its view, so that the views after it can read the table.
 */
export function viewStatements(given: readonly MaterialisedTable[] = []): string[] {
  // The views of views-years.sql.ts (publishers, years, execution across documents) sit on these.
  // Split by the workbench's lexer (quotes, comments, dollar quotes), not on text that looks like an end.
  const views = splitStatements(VIEWS_SQL + '\n' + YEARS_VIEWS_SQL).map((st) => st.text.trim())
  return views.flatMap((sql) => {
    const m = MATERIALISED.find((x) => new RegExp(`CREATE OR REPLACE VIEW ${x.view} AS`).test(sql))
    return m && !given.includes(m.table) ? [sql, `CREATE OR REPLACE TABLE ${m.table} AS SELECT * FROM ${m.view}`] : [sql]
  })
}
