import type { SqlDialect } from '../sql/sql-dialect.js';
import { checkedSegments } from '../sql/sql-dialect.js';

/** `$."a"."b"`: each segment quoted, since URN keys contain `:` and `.`. */
function jsonPath(segments: readonly string[]): string {
  return `$${checkedSegments(segments).map((segment) => `."${segment}"`).join('')}`;
}

/**
 * SQLite's SQL: JSON1 functions on the text documents, `scim_fold`/`scim_instant` (JavaScript functions the
 * connection registers, sqlite-database.ts) for Unicode folding and instants, instr/substr for substrings.
 */
export const SQLITE_DIALECT: SqlDialect = {
  fold: (expr) => `scim_fold(${expr})`,
  // json_extract already gives 1/0 for booleans, numbers for numbers and text for strings.
  jsonScalar: (doc, segments) => `json_extract(${doc}, '${jsonPath(segments)}')`,
  jsonPresent(doc, segments) {
    const path = jsonPath(segments);
    // A missing path gives json_type NULL, which falls to ELSE 0: every branch is 0 or 1, never NULL.
    return (
      `(CASE json_type(${doc}, '${path}') ` +
      `WHEN 'text' THEN json_extract(${doc}, '${path}') <> '' ` +
      `WHEN 'array' THEN json_array_length(${doc}, '${path}') > 0 ` +
      `WHEN 'object' THEN json_extract(${doc}, '${path}') <> '{}' ` +
      `WHEN 'null' THEN 0 WHEN 'true' THEN 1 WHEN 'false' THEN 1 WHEN 'integer' THEN 1 WHEN 'real' THEN 1 ELSE 0 END)`
    );
  },
  substring(op, lhs, value) {
    switch (op) {
      case 'co':
        return { sql: `instr(${lhs}, ?) > 0`, params: [value] };
      case 'sw':
        return { sql: `substr(${lhs}, 1, length(?)) = ?`, params: [value, value] };
      case 'ew':
        return {
          sql: `length(${lhs}) >= length(?) AND substr(${lhs}, length(${lhs}) - length(?) + 1) = ?`,
          params: [value, value, value],
        };
    }
  },
  instant: (expr) => `scim_instant(${expr})`,
  indexedTruth: (expr, value) => `(${expr}) = ${value ? 'TRUE' : 'FALSE'}`,
  inTextList: (expr) => `${expr} IN (SELECT value FROM json_each(?))`,
  textList: (values) => JSON.stringify(values),
};
