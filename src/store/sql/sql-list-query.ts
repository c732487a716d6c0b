import type { ResourceLayout } from '../resource-layout.js';
import type { SqlValue } from '../resource-rows.js';
import type { ListQuery } from '../store.js';
import type { SqlDialect, SqlFragment } from './sql-dialect.js';
import { compileFilter } from './sql-filter-compiler.js';
import { rowScope } from './sql-filter-scope.js';
import { readColumnsSql } from './sql-read-columns.js';
import { orderBySql } from './sql-sort.js';

/** The two statements of a list request: the exact total, and one page in a stable order. */
export interface ListStatements {
  readonly count: SqlFragment;
  readonly page: SqlFragment;
  /** `FROM … WHERE …` of both, for a store's own variants (SQLite continues a page after a known row). */
  readonly from: SqlFragment;
}

/** Builds the COUNT and page queries of a list (RFC 7644 §3.4.2), filter and sort compiled to SQL. */
export function listStatements(dialect: SqlDialect, layout: ResourceLayout, orgId: string, query: ListQuery): ListStatements {
  const scope = rowScope(dialect, layout, orgId);
  const where = query.filter ? compileFilter(query.filter, scope) : { sql: 'TRUE', params: [] };
  const from = `FROM ${layout.table} r WHERE r.org_id = ? AND ${where.sql}`;
  const params: SqlValue[] = [orgId, ...where.params];
  const order = orderBySql(layout, scope, query);
  const offset = Math.max(query.startIndex, 1) - 1;
  return {
    from: { sql: from, params },
    count: { sql: `SELECT COUNT(*) AS n ${from}`, params },
    page: {
      sql: `SELECT ${readColumnsSql(layout, 'r')} ${from} ORDER BY ${order.sql} LIMIT ? OFFSET ?`,
      params: [...params, ...order.params, query.count, offset],
    },
  };
}
