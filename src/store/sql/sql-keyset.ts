import type { SqlValue } from '../resource-rows.js';
import type { SqlDialect, SqlFragment } from './sql-dialect.js';
import type { KeysetSort } from './sql-sort.js';

/** The last row of a page, where the next page of the same list starts: its `seq` and, when sorted, its sort value. */
export interface RowBefore {
  readonly seq: number;
  /** The row's sort value as SQL returned it (null when absent, and in `seq` order). */
  readonly sortValue: SqlValue;
}

/**
 * Rows after a page in one run of the list's order: a condition to AND to the list's WHERE, and the run's own
 * ORDER BY (the list's without the terms the condition holds constant). SQLite's planner walks the index in order
 * only for the run's ORDER BY, PostgreSQL's only for the list's whole one (which orders a run the same way).
 */
export interface KeysetRange {
  readonly where: SqlFragment;
  readonly orderBy: string;
}

/**
 * The rows after `before`, in the list's order, as index ranges to read one after the other until a page is full
 * (RFC 7644 §3.4.2.3 puts absent values last ascending and first descending, so a sorted list is two runs: rows
 * with a value by (value, seq), and rows without one by seq). Reading them instead of `OFFSET n` costs the page,
 * not the n rows before it.
 *
 * Each run is named by the truth of `key IS NULL`, the sort indexes' first column, written as the dialect's planner
 * matches it to that column (`indexedTruth`), so the range starts inside the run; the absent run says `key IS NULL`
 * once more, which lets SQLite's planner go on to the key column; the row value `(key, seq) > (?, ?)` continues
 * after the row, ties ordered by seq.
 */
export function rangesAfter(dialect: SqlDialect, sort: KeysetSort, before: RowBefore): KeysetRange[] {
  const { key } = sort;
  if (key === undefined) return [{ where: { sql: 'r.seq > ?', params: [before.seq] }, orderBy: 'r.seq' }];
  const direction = sort.descending ? 'DESC' : 'ASC';
  const past = sort.descending ? '<' : '>';
  const isAbsent = `(${key}) IS NULL`;
  const present = sort.nullable ? `${dialect.indexedTruth(isAbsent, false)} AND ` : '';
  const absent = `${dialect.indexedTruth(isAbsent, true)} AND ${isAbsent}`;
  const presentOrder = `${key} ${direction}, r.seq ${direction}`;
  if (before.sortValue !== null) {
    const rest: KeysetRange = {
      where: { sql: `${present}(${key}, r.seq) ${past} (?, ?)`, params: [before.sortValue, before.seq] },
      orderBy: presentOrder,
    };
    // Ascending, the rows without a value follow every row with one.
    return sort.nullable && !sort.descending ? [rest, { where: { sql: absent, params: [] }, orderBy: `r.seq ${direction}` }] : [rest];
  }
  const rest: KeysetRange = { where: { sql: `${absent} AND r.seq ${past} ?`, params: [before.seq] }, orderBy: `r.seq ${direction}` };
  // Descending, the rows with a value follow every row without one.
  return sort.descending ? [rest, { where: { sql: dialect.indexedTruth(isAbsent, false), params: [] }, orderBy: presentOrder }] : [rest];
}

/** Where the page ending with `row` leaves off; `row` read with its list's `sortValueColumn` (sql-list-query.ts). */
export function rowBeforeOf(row: { readonly seq: number; readonly [column: string]: unknown }): RowBefore {
  const value = row['sort_value'];
  return { seq: row.seq, sortValue: typeof value === 'string' || typeof value === 'number' ? value : null };
}
