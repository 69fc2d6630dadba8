/**
 * The views behind the same publisher across documents: years, and 决算 against
 * the 预算 of another document (issue 13). They sit on the views of
 * views.sql.ts (v_function, v_facts, v_sangong, v_class_names) and on one table
 * that is not part of the dataset: `publisher_links`, the links a person made
 * by hand (doc_id → publisher_key), kept with the imports in IndexedDB and
 * written here by queries/publishers.ts. Run over the exported CSVs in the
 * DuckDB CLI, it is simply empty.
 *
 * Rules they keep:
 * - scope is part of every series and every pairing: a 部门 report
 *   consolidates its units, so 部门 and 单位 figures are never added, joined
 *   into one line or divided by each other;
 * - 预算 and 决算 are separate series;
 * - a rate (决算 ÷ 预算) pairs one 预算 and one 决算 document of the same
 *   publisher, scope and year, never across years or scopes; its denominator
 *   is the 预算 report's figure, the 年初预算.
 */
import { publisherKeySql } from './publisher-key'
import { DIMENSIONS, sqlTextList } from '../ingest/vocabulary'

/** The table of links made by hand (not a dataset table: it lives with the imports). */
export const LINKS_TABLE = 'publisher_links'

export const YEARS_VIEW_NAMES = ['v_publisher_docs', 'v_publishers', 'v_year_points', 'v_year_series', 'v_execution_pairs', 'v_cross_execution'] as const

export const YEARS_VIEWS_SQL = `
CREATE TABLE IF NOT EXISTS ${LINKS_TABLE} (doc_id VARCHAR, publisher_key VARCHAR);

-- Every document with its publisher key: auto_key from the city and the publisher's name
-- (width and spacing normalised: src/db/publisher-key.ts), publisher_key after the links made by hand.
CREATE OR REPLACE VIEW v_publisher_docs AS
WITH auto AS (
  SELECT d.doc_id, d.city, d.county_of, d.publisher, d.scope, d.year, d.stage, d.title,
    ${publisherKeySql('d')} AS auto_key
  FROM documents d
)
SELECT a.*, COALESCE(l.publisher_key, a.auto_key) AS publisher_key, l.publisher_key IS NOT NULL AS by_hand
FROM auto a LEFT JOIN (SELECT doc_id, any_value(publisher_key) AS publisher_key FROM ${LINKS_TABLE} GROUP BY doc_id) l USING (doc_id);

-- One row per publisher: its name(s), places, and its documents as 'year stage scope doc_id' entries.
CREATE OR REPLACE VIEW v_publishers AS
SELECT publisher_key,
  string_agg(DISTINCT publisher, ' / ' ORDER BY publisher) AS publishers,
  string_agg(DISTINCT city, ' / ' ORDER BY city) AS cities,
  count(*)::INTEGER AS documents,
  count(DISTINCT scope)::INTEGER AS scopes,
  min(year) AS first_year, max(year) AS last_year
FROM v_publisher_docs GROUP BY publisher_key;

-- Every figure a year series can use, one per (document, dimension, key, origin): table figures of
-- 功能分类 类/款/项 (B03/F03), 经济分类, 基本/项目, 三公 category (B10/F07: its figure 预算/决算 is
-- the series' stage), and prior-year figures derived from the prose (origin 'derived', with the
-- sentence) for a 三公 category or a 功能分类 name the reports print for one code only.
-- (facts: v_facts kept as a table, views.sql.ts.)
CREATE OR REPLACE VIEW v_year_points AS
SELECT p.publisher_key, p.scope, p.stage, p.year, f.dimension, f.dim_key, f.dim_label,
  f.amount, 'table' AS origin, f.doc_id, f.line, '' AS quote, p.stage AS doc_stage, f.row_id
FROM facts f JOIN v_publisher_docs p USING (doc_id)
WHERE f.dimension IN (${sqlTextList(DIMENSIONS.filter((d) => d.facts && d.years).map((d) => d.key))})
UNION ALL
SELECT p.publisher_key, p.scope, s.figure, s.year, 'sangong', s.category, s.category,
  s.amount, s.origin, s.doc_id, s.line, s.quote, p.stage, s.row_id
FROM v_sangong s JOIN v_publisher_docs p USING (doc_id)
UNION ALL
SELECT p.publisher_key, p.scope, p.stage, n.year, 'class' || length(c.class_code), c.class_code, c.class_name,
  n.value::DECIMAL(18,2), 'derived', n.doc_id, n.line, n.quote, p.stage, n.row_id
FROM narrative n JOIN v_publisher_docs p USING (doc_id)
  JOIN v_class_names c ON c.class_name = n.subject AND c.codes = 1
WHERE n.relation = 'derived' AND n.unit = '元' AND n.year IS NOT NULL;

-- The points as series (publisher, scope, stage, dimension, key) over the years, with the change
-- from the series' previous year: amount and percent, naming the denominator (prev_year, prev_amount,
-- prev_doc_id, prev_origin). Where a year has several figures, one carries the series (pick = 1):
-- a table figure before a derived one, then the figure of a document of the series' own stage (the
-- 预算 report's 三公 预算 before the 预算数 a 决算 report's F07 restates); the others are shown but not
-- used for a change.
CREATE OR REPLACE VIEW v_year_series AS
WITH ranked AS (
  SELECT *, row_number() OVER (PARTITION BY publisher_key, scope, stage, dimension, dim_key, year
    ORDER BY CASE origin WHEN 'table' THEN 0 ELSE 1 END, CASE WHEN doc_stage = stage THEN 0 ELSE 1 END, doc_id, line) AS pick
  FROM v_year_points
), chained AS (
  SELECT *,
    lag(year) OVER w AS prev_year, lag(amount) OVER w AS prev_amount,
    lag(doc_id) OVER w AS prev_doc_id, lag(line) OVER w AS prev_line, lag(origin) OVER w AS prev_origin,
    lag(row_id) OVER w AS prev_row_id
  FROM ranked WHERE pick = 1
  WINDOW w AS (PARTITION BY publisher_key, scope, stage, dimension, dim_key ORDER BY year)
)
SELECT publisher_key, scope, stage, year, dimension, dim_key, dim_label, amount, origin, doc_id, line, quote, pick,
  prev_year, prev_amount, prev_doc_id, prev_line, prev_origin,
  amount - prev_amount AS change,
  CASE WHEN prev_amount <> 0 THEN round((amount - prev_amount) * 100 / prev_amount, 2) END AS change_pct,
  row_id, prev_row_id
FROM chained
UNION ALL
SELECT publisher_key, scope, stage, year, dimension, dim_key, dim_label, amount, origin, doc_id, line, quote, pick,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, row_id, NULL
FROM ranked WHERE pick > 1;

-- The 预算 and 决算 documents of one publisher, scope and year: the pairs an execution rate may use.
CREATE OR REPLACE VIEW v_execution_pairs AS
SELECT b.publisher_key, b.scope, b.year, b.doc_id AS budget_doc_id, a.doc_id AS final_doc_id
FROM v_publisher_docs b JOIN v_publisher_docs a
  ON a.publisher_key = b.publisher_key AND a.scope = b.scope AND a.year = b.year AND a.stage = '决算'
WHERE b.stage = '预算';

-- 决算 ÷ 预算 across two documents, per 功能分类 类/款/项 (B03/F03 合计) and per 三公 category (B10 预算
-- against F07 决算), with both documents and lines cited. A key printed in only one of the two is
-- listed with the other side empty (no rate), never dropped. The denominator is the 预算 report's
-- figure: 年初预算.
CREATE OR REPLACE VIEW v_cross_execution AS
WITH budget AS (
  SELECT p.*, 'class' || f.code_len AS dimension, f.class_code AS dim_key, f.class_name AS dim_label, f.amount, f.line, f.row_id
  FROM v_execution_pairs p JOIN v_function f ON f.doc_id = p.budget_doc_id AND f.part = '合计'
  UNION ALL
  SELECT p.*, 'sangong', s.category, s.category, s.amount_yuan, s.line, s.row_id
  FROM v_execution_pairs p JOIN sangong s ON s.doc_id = p.budget_doc_id AND s.figure = '预算' AND s.year = p.year
), actual AS (
  SELECT p.*, 'class' || f.code_len AS dimension, f.class_code AS dim_key, f.class_name AS dim_label, f.amount, f.line, f.row_id
  FROM v_execution_pairs p JOIN v_function f ON f.doc_id = p.final_doc_id AND f.part = '合计'
  UNION ALL
  SELECT p.*, 'sangong', s.category, s.category, s.amount_yuan, s.line, s.row_id
  FROM v_execution_pairs p JOIN sangong s ON s.doc_id = p.final_doc_id AND s.figure = '决算' AND s.year = p.year
)
SELECT COALESCE(b.publisher_key, a.publisher_key) AS publisher_key, COALESCE(b.scope, a.scope) AS scope,
  COALESCE(b.year, a.year) AS year,
  COALESCE(b.budget_doc_id, a.budget_doc_id) AS budget_doc_id, COALESCE(b.final_doc_id, a.final_doc_id) AS final_doc_id,
  COALESCE(b.dimension, a.dimension) AS dimension, COALESCE(b.dim_key, a.dim_key) AS dim_key,
  COALESCE(b.dim_label, a.dim_label) AS dim_label,
  b.amount AS budget, b.line AS budget_line, a.amount AS actual, a.line AS actual_line,
  '年初预算' AS denominator,
  CASE WHEN b.amount <> 0 AND a.amount IS NOT NULL THEN round(a.amount * 100 / b.amount, 2) END AS rate_pct,
  b.row_id AS budget_row_id, a.row_id AS actual_row_id
FROM budget b FULL OUTER JOIN actual a
  ON a.budget_doc_id = b.budget_doc_id AND a.final_doc_id = b.final_doc_id AND a.dimension = b.dimension AND a.dim_key = b.dim_key;
`
