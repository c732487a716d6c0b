import type { ResourceLayout } from '../resource-layout.js';
import type { SqlFragment } from '../sql/sql-dialect.js';
import { rangesAfter, type RowBefore } from '../sql/sql-keyset.js';
import { listStatements } from '../sql/sql-list-query.js';
import { pageOffset } from '../list-positions.js';
import type { ListQuery } from '../store.js';
import { POSTGRES_DIALECT } from './postgres-dialect.js';
import { resourceSelectList } from './postgres-resource-reader.js';
import { WRITE_COUNT_SQL } from './postgres-write-counts.js';

/**
 * The statements of one list on PostgreSQL. Each returns, in a `write_count` column, the organization's write
 * count as its own snapshot saw it (postgres-write-counts.ts), so what it answers can be remembered exactly.
 */
export interface PostgresListStatements {
  /** The list's identity: its SQL and parameters, without LIMIT and OFFSET. */
  readonly key: string;
  /** The page at the query's offset, by LIMIT/OFFSET. */
  readonly page: SqlFragment;
  /**
   * The page after `before`, as one statement per index range to read in turn until the page is full
   * (sql-keyset.ts); undefined when the order has no keyset.
   */
  pageAfter: ((before: RowBefore) => SqlFragment[]) | undefined;
  /** `n`: how many rows the list holds. */
  readonly count: SqlFragment;
}

/**
 * Compiles a list (filter and sort, RFC 7644 §3.4.2) to PostgreSQL. Past the first page, the page statement
 * steps over the skipped rows in the sort's index alone (an index-only scan reads only `seq` and the sort key)
 * and then fetches only the page's rows by `seq`, instead of reading every skipped row from the table.
 */
export function postgresListStatements(layout: ResourceLayout, orgId: string, query: ListQuery): PostgresListStatements {
  const { from, order, keyset, sortValueColumn, key } = listStatements(POSTGRES_DIALECT, layout, orgId, query);
  const offset = pageOffset(query);
  // The page's rows come whole (a user's child rows and groups too), with the write count, in one snapshot.
  const counted = `SELECT ${resourceSelectList(layout, query.read)}, ${WRITE_COUNT_SQL} AS write_count${sortValueColumn}`;
  const ordered = `${from.sql} ORDER BY ${order.sql} LIMIT ?`;
  // The first page has no OFFSET: for `OFFSET ?` a generic plan's estimate counts skipped rows that a custom
  // plan knows to be none, so PostgreSQL kept planning a lookup again on every execution (about half its time).
  const pageSql =
    offset === 0
      ? `${counted} ${ordered}`
      : `${counted} FROM unnest(ARRAY(SELECT r.seq ${ordered} OFFSET ?)) WITH ORDINALITY AS page(seq, n) ` +
        `JOIN ${layout.table} r ON r.seq = page.seq ORDER BY page.n`;
  return {
    key,
    page: { sql: pageSql, params: [orgId, ...from.params, ...order.params, query.count, ...(offset === 0 ? [] : [offset])] },
    pageAfter:
      keyset &&
      ((before) =>
        rangesAfter(POSTGRES_DIALECT, keyset, before).map((range) => ({
          // The list's whole ORDER BY, not the range's: only it matches the sort index's columns here.
          sql: `${counted} ${from.sql} AND ${range.where.sql} ORDER BY ${order.sql} LIMIT ?`,
          params: [orgId, ...from.params, ...range.where.params, ...order.params, query.count],
        }))),
    count: { sql: `SELECT COUNT(*) AS n, ${WRITE_COUNT_SQL} AS write_count ${from.sql}`, params: [orgId, ...from.params] },
  };
}
