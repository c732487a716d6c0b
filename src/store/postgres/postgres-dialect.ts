import type { SqlDialect } from '../sql/sql-dialect.js';
import { checkedSegments } from '../sql/sql-dialect.js';

/** A text[] path literal for `#>`/`#>>`: `'{"urn:…:User","manager","value"}'`. */
function jsonPath(segments: readonly string[]): string {
  return `'{${checkedSegments(segments).map((segment) => `"${segment}"`).join(',')}}'`;
}

/** A PostgreSQL text[] literal: every element double-quoted, `"` and `\` escaped. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`).join(',')}}`;
}

/**
 * PostgreSQL's SQL. Text compares byte-wise (`COLLATE "C"`, as SQLite does) whatever the database's default
 * collation; folding at query time uses ICU's Unicode lower case, as close to JavaScript `toLowerCase()` as the
 * server offers (stored `*_fold` columns are folded by JavaScript itself). `scim_instant` is a SQL function the
 * migrations create.
 */
export const POSTGRES_DIALECT: SqlDialect = {
  fold: (expr) => `(lower((${expr}) COLLATE "und-x-icu") COLLATE "C")`,
  jsonScalar(doc, segments, definition) {
    const path = jsonPath(segments);
    switch (definition.type) {
      case 'boolean':
        return `(CASE (${doc} #> ${path})::text WHEN 'true' THEN 1 WHEN 'false' THEN 0 END)`;
      case 'integer':
      case 'decimal':
        return `(CASE WHEN json_typeof(${doc} #> ${path}) = 'number' THEN (${doc} #>> ${path})::numeric END)`;
      default:
        return `((${doc} #>> ${path}) COLLATE "C")`;
    }
  },
  jsonPresent(doc, segments) {
    const value = `(${doc} #> ${jsonPath(segments)})`;
    // A missing path gives NULL, which falls to ELSE false: never NULL.
    return (
      `(CASE json_typeof(${value}) ` +
      `WHEN 'string' THEN (${value} #>> '{}') <> '' ` +
      `WHEN 'array' THEN json_array_length(${value}) > 0 ` +
      `WHEN 'object' THEN ${value}::text <> '{}' ` +
      `WHEN 'boolean' THEN TRUE WHEN 'number' THEN TRUE ELSE FALSE END)`
    );
  },
  substring(op, lhs, value) {
    switch (op) {
      case 'co':
        return { sql: `strpos(${lhs}, CAST(? AS TEXT)) > 0`, params: [value] };
      case 'sw':
        return { sql: `starts_with(${lhs}, CAST(? AS TEXT))`, params: [value] };
      case 'ew':
        return { sql: `right(${lhs}, length(CAST(? AS TEXT))) = CAST(? AS TEXT)`, params: [value, value] };
    }
  },
  instant: (expr) => `scim_instant(${expr})`,
  indexedTruth: (expr, value) => `(${expr}) IS ${value ? 'TRUE' : 'FALSE'}`,
  // An array parameter, not a subquery: a prepared (generic) plan can still probe an index per element.
  inTextList: (expr) => `${expr} = ANY(CAST(? AS TEXT[]))`,
  textList: textArrayLiteral,
};
