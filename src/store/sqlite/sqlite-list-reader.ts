import type { ResourceLayout } from '../resource-layout.js';
import { limitClause, listStatements, type ListStatements } from '../sql/sql-list-query.js';
import type { SqlFragment } from '../sql/sql-dialect.js';
import { rangesAfter, rowBeforeOf, type KeysetRange } from '../sql/sql-keyset.js';
import type { ListQuery } from '../store.js';
import { SQLITE_DIALECT } from './sqlite-dialect.js';
import { ListPositionsCache, pageOffset, totalFromPage, type ListPage, type ListPositions } from '../list-positions.js';
import type { RowForm } from '../row-forms.js';
import { readResources, type ResourceRow } from './sqlite-resource-reader.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';

/** The statement reading at most `limit` rows of one range after a page (sql-keyset.ts), as the page's statement would. */
export function continuationStatement(layout: ResourceLayout, sql: ListStatements, range: KeysetRange, limit: number): SqlFragment {
  return {
    sql: `${sql.select} ${sql.from.sql} AND ${range.where.sql} ORDER BY ${range.orderBy} ${limitClause(limit)}`,
    params: [...sql.from.params, ...range.where.params],
  };
}

/**
 * The rows of one page: after the row before it when that is known in this database state and the order has a
 * keyset (sql-keyset.ts), else by OFFSET.
 */
function pageRows(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  sql: ListStatements,
  query: ListQuery,
  positions: ListPositions<string>,
  offset: number,
): ResourceRow[] {
  const before = sql.keyset && positions.rowBefore.get(offset);
  if (!sql.keyset || !before) return statements.rows(sql.page.sql, ...sql.page.params) as ResourceRow[];
  // Each range is an index range that starts right after the row: no OFFSET rows to step over.
  const rows: ResourceRow[] = [];
  for (const range of rangesAfter(SQLITE_DIALECT, sql.keyset, before)) {
    const statement = continuationStatement(layout, sql, range, query.count - rows.length);
    rows.push(...(statements.rows(statement.sql, ...statement.params) as ResourceRow[]));
    if (rows.length === query.count) break;
  }
  return rows;
}

/**
 * The exact total: deduced from a page that is not full (it holds the last rows), else remembered for this
 * database state, else counted.
 */
function totalOf(
  statements: SqliteStatementCache,
  sql: ListStatements,
  positions: ListPositions<string>,
  offset: number,
  rows: number,
  count: number,
): number {
  const told = totalFromPage(offset, rows, count);
  if (told !== undefined) return told;
  positions.total ??= (statements.get(sql.count.sql).get(...sql.count.params) as { n: number }).n;
  return positions.total;
}

/**
 * One page of a list (RFC 7644 §3.4.2) with its total, answered exactly as COUNT plus LIMIT/OFFSET would, but
 * without recounting or re-skipping what the previous page of the same list learnt in the same database state.
 * Each row is made into what `form` makes of it (a resource, or its wire text).
 */
export function readListPage<T>(
  statements: SqliteStatementCache,
  positionsOf: (key: string) => ListPositions<string>,
  layout: ResourceLayout,
  orgId: string,
  query: ListQuery,
  form: RowForm<T>,
): ListPage<T> {
  const sql = listStatements(SQLITE_DIALECT, layout, orgId, query);
  const positions = positionsOf(sql.key);
  const offset = pageOffset(query);
  if (query.count <= 0) return { totalResults: totalOf(statements, sql, positions, offset, 0, 0), items: [] };
  const rows = pageRows(statements, layout, sql, query, positions, offset);
  const totalResults = totalOf(statements, sql, positions, offset, rows.length, query.count);
  positions.total = totalResults;
  const last = rows.at(-1);
  if (last !== undefined && sql.keyset) ListPositionsCache.rememberRowBefore(positions, offset + rows.length, rowBeforeOf(last));
  return { totalResults, items: readResources(statements, layout, rows, query.read, form) };
}
