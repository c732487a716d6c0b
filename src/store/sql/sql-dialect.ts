import type { AttributeDefinition } from '../../scim/schema/attribute-definition.js';
import type { SqlValue } from '../resource-rows.js';

/** A piece of SQL and the values of its `?` placeholders, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** The substring operators of RFC 7644 §3.4.2.2. */
export type SubstringOperator = 'co' | 'sw' | 'ew';

/**
 * What differs between the SQL of SQLite and of PostgreSQL, so filters, sorting and membership queries are
 * written once (src/store/sql/) and mean the same on both. Every predicate a dialect returns is a boolean that is
 * never NULL when its `lhs` is not NULL; callers guard `lhs IS NOT NULL`. Placeholders are always `?`.
 */
export interface SqlDialect {
  /** `expr` folded exactly or closely like JavaScript `toLowerCase()`, for values without a stored fold column. */
  fold(expr: string): string;
  /**
   * The scalar at `segments` inside the JSON document column `doc`, NULL when absent, as text for strings and
   * dateTimes, a number for numbers, 1/0 for booleans (like the stores' boolean columns).
   */
  jsonScalar(doc: string, segments: readonly string[], definition: AttributeDefinition): string;
  /** A predicate: the value at `segments` is present in the RFC 7644 `pr` sense (not null, "", [] or {}). */
  jsonPresent(doc: string, segments: readonly string[]): string;
  /** A predicate for `lhs co|sw|ew value`, matched literally (no LIKE wildcards). */
  substring(op: SubstringOperator, lhs: string, value: SqlValue): SqlFragment;
  /** Epoch milliseconds of an xsd:dateTime text in any zone, NULL when `expr` is not one. */
  instant(expr: string): string;
  /** A predicate: `expr` is one of the strings bound to its one `?`, which takes `textList(values)`. */
  inTextList(expr: string): string;
  /** The one parameter of `inTextList`. */
  textList(values: readonly string[]): SqlValue;
  /**
   * A predicate: the boolean `expr`, which an index has as a column (`key IS NULL` in the sort indexes), is
   * `value`, in the form the dialect's planner matches to that column: SQLite `= TRUE`, PostgreSQL `IS TRUE`
   * (it rewrites `NOT (key IS NULL)`, which `= FALSE` becomes, into `key IS NOT NULL`, no longer the column).
   */
  indexedTruth(expr: string, value: boolean): string;
}

/** A JSON path built only from schema-defined names, each checked: a quote would break out of the literal. */
export function checkedSegments(segments: readonly string[]): readonly string[] {
  for (const segment of segments) {
    if (/["\\'{},]/.test(segment)) throw new Error(`Unsupported attribute name in JSON path: ${segment}`);
  }
  return segments;
}
