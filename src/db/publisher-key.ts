/**
 * The publisher key: which documents come from the same publisher, across
 * years, stages and scopes. It is the place (city) and the publisher's name,
 * each normalised for width and spacing only — full-width Latin letters,
 * digits and punctuation become half-width (ＡＢ１（ → AB1(), every space
 * (also the ideographic U+3000 and no-break spaces) is dropped. Nothing else
 * is folded: two names that differ in a character are two publishers, and the
 * city keeps 晋城's and 长治's bureaus apart even where a report prints only
 * "人力资源和社会保障局". A document with no publisher is a publisher of its own
 * (`doc:<doc_id>`): it is linked by hand or not at all.
 *
 * The same rule exists twice — in TypeScript (`normaliseName`) and as SQL
 * (`normaliseSql`, used by the view v_publisher_docs) — built from the same
 * character lists below; test/db/years.test.ts checks they agree.
 */

/** U+FF01–U+FF5E (full-width ！ to ～) and their half-width twins U+0021–U+007E. */
const FULL = Array.from({ length: 0x5e }, (_, i) => String.fromCodePoint(0xff01 + i)).join('')
const HALF = Array.from({ length: 0x5e }, (_, i) => String.fromCodePoint(0x21 + i)).join('')
/** Spaces dropped from a name: ASCII whitespace, no-break space, ideographic space, BOM / zero-width no-break space. */
const SPACE_CLASS_JS = /[\t\n\v\f\r \u00a0\u3000\ufeff]+/gu
const SPACE_CLASS_RE2 = '[\\t\\n\\v\\f\\r \\x{00A0}\\x{3000}\\x{FEFF}]+'

/** A name normalised for width and spacing (see the module comment). */
export function normaliseName(name: string): string {
  let out = ''
  for (const ch of name) {
    const cp = ch.codePointAt(0)!
    out += cp >= 0xff01 && cp <= 0xff5e ? String.fromCodePoint(cp - 0xff01 + 0x21) : ch
  }
  return out.replace(SPACE_CLASS_JS, '')
}

/** The publisher key of a document (the same text v_publisher_docs computes as auto_key). */
export function publisherKey(doc: { doc_id: string; city: string; publisher: string }): string {
  const publisher = normaliseName(doc.publisher)
  return publisher === '' ? `doc:${doc.doc_id}` : `${normaliseName(doc.city)}/${publisher}`
}

function sqlString(s: string): string {
  return "'" + s.replace(/'/g, "''") + "'"
}

/** SQL for normaliseName(expr) (DuckDB: translate, then a RE2 regexp_replace). */
export function normaliseSql(expr: string): string {
  return `regexp_replace(translate(${expr}, ${sqlString(FULL)}, ${sqlString(HALF)}), ${sqlString(SPACE_CLASS_RE2)}, '', 'g')`
}

/** SQL for publisherKey() over a row with doc_id, city and publisher (qualified by `alias`). */
export function publisherKeySql(alias: string): string {
  const publisher = normaliseSql(`${alias}.publisher`)
  return `CASE WHEN ${publisher} = '' THEN 'doc:' || ${alias}.doc_id ELSE ${normaliseSql(`${alias}.city`)} || '/' || ${publisher} END`
}
