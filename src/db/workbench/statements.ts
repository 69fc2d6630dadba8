/**
 * Splits a script of SQL statements the way DuckDB reads it: a `;` ends a
 * statement only outside string literals ('…'), quoted identifiers ("…"),
 * dollar-quoted strings ($$…$$, $tag$…$tag$) and comments (-- … and /* … *\/).
 * The workbench needs the statements apart to bound the last one's result
 * (bounded.ts); a plain split on ';' would cut `SELECT ';'` in two.
 */

/** One statement of a script: its text (without the `;`) and where it starts. */
export interface Statement {
  text: string
  /** Offset of the statement's first character in the script. */
  start: number
}

/** Length of the dollar-quote tag starting at `i` (`$$` or `$name$`), or 0. */
function dollarTag(sql: string, i: number): number {
  const m = /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.exec(sql.slice(i, i + 66))
  return m ? m[0].length : 0
}

/** The script's statements, in order; empty ones (only blanks and comments) are left out. */
export function splitStatements(sql: string): Statement[] {
  const out: Statement[] = []
  let start = 0
  let i = 0
  const push = (end: number) => {
    const text = sql.slice(start, end)
    if (stripComments(text).trim() !== '') out.push({ text: text.trim(), start: start + (text.length - text.trimStart().length) })
  }
  while (i < sql.length) {
    const c = sql[i]!
    if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped quote; the loop just reads on.
      const close = sql.indexOf(c, i + 1)
      i = close === -1 ? sql.length : close + 1
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i)
      i = nl === -1 ? sql.length : nl + 1
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2)
      i = close === -1 ? sql.length : close + 2
    } else if (c === '$' && dollarTag(sql, i) > 0) {
      const tag = sql.slice(i, i + dollarTag(sql, i))
      const close = sql.indexOf(tag, i + tag.length)
      i = close === -1 ? sql.length : close + tag.length
    } else if (c === ';') {
      push(i)
      start = i + 1
      i++
    } else {
      i++
    }
  }
  push(sql.length)
  return out
}

/** The text with comments replaced by a space (strings and quoted names kept). */
export function stripComments(sql: string): string {
  let out = ''
  let i = 0
  while (i < sql.length) {
    const c = sql[i]!
    if (c === "'" || c === '"') {
      const close = sql.indexOf(c, i + 1)
      const end = close === -1 ? sql.length : close + 1
      out += sql.slice(i, end)
      i = end
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i)
      i = nl === -1 ? sql.length : nl
      out += ' '
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2)
      i = close === -1 ? sql.length : close + 2
      out += ' '
    } else {
      out += c
      i++
    }
  }
  return out
}

/** The statement's first keyword, upper-case ('' when there is none); a leading '(' is skipped. */
export function leadingKeyword(statement: string): string {
  const m = /^[\s(]*([A-Za-z]+)/.exec(stripComments(statement))
  return m ? m[1]!.toUpperCase() : ''
}
