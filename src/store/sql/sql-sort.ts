import { badRequest } from '../../scim/errors/scim-error.js';
import { findSubAttribute } from '../../scim/schema/attribute-definition.js';
import type { ResolvedAttribute } from '../../scim/schema/attribute-resolver.js';
import type { ResourceLayout } from '../resource-layout.js';
import type { ListQuery } from '../store.js';
import type { SqlDialect, SqlFragment } from './sql-dialect.js';
import { elementScope, type FilterScope } from './sql-filter-scope.js';
import type { Operand } from './sql-operand.js';

/** The value sorted on: folded unless caseExact, dateTimes as instants (RFC 7644 §3.4.2.3). */
function sortValue(dialect: SqlDialect, operand: Operand): string {
  if (operand.definition.type === 'dateTime' && !operand.instantText) return dialect.instant(operand.expr);
  if (operand.definition.type === 'string' && !operand.definition.caseExact) return operand.folded;
  return operand.expr;
}

/** RFC 7644 §3.4.2.3: a multi-valued attribute sorts on its primary element, else its first. */
function multiValuedKey(dialect: SqlDialect, layout: ResourceLayout, attr: ResolvedAttribute): SqlFragment {
  const child = layout.multiValued.find((candidate) => candidate.definition === attr.attribute);
  if (!child) throw badRequest(`Sorting by '${attr.key}' is not supported`);
  // `sortBy=emails` sorts on the elements' value, as a comparison without sub-attribute would.
  const valueSub = attr.sub ?? findSubAttribute(attr.attribute, 'value');
  const element = valueSub ? { ...attr, sub: valueSub, leaf: valueSub } : attr;
  return {
    sql:
      `(SELECT ${sortValue(dialect, elementScope(dialect).operand(element))} FROM user_values e ` +
      `WHERE e.user_seq = r.seq AND e.attr = ? ORDER BY COALESCE(e."primary", 0) DESC, e.position LIMIT 1)`,
    params: [child.key],
  };
}

/** How a list is sorted (sortBy, RFC 7644 §3.4.2.3): the value sorted on and its parameters. */
interface SortKey extends SqlFragment {
  /** False when the value is a NOT NULL column: there are no absent values to put last. */
  readonly nullable: boolean;
  readonly descending: boolean;
}

function sortKeyOf(layout: ResourceLayout, scope: FilterScope, attr: ResolvedAttribute, query: ListQuery): SortKey {
  const column = layout.columns.find((candidate) => candidate.key === attr.key);
  const key = attr.attribute.multiValued
    ? multiValuedKey(scope.dialect, layout, attr)
    : { sql: sortValue(scope.dialect, scope.operand(attr)), params: [] };
  return { ...key, nullable: !column?.notNull, descending: query.sortOrder === 'descending' };
}

/**
 * ORDER BY for a list: the sort key, then `seq` so paging is stable. Resources without a value come last in
 * ascending order and first in descending order (RFC 7644 §3.4.2.3): descending is exactly ascending reversed,
 * `seq` included, so an index on (org_id, key) serves both directions. Without sortBy the order is `seq`,
 * which the (org_id, seq) index serves without sorting.
 */
export function orderBySql(layout: ResourceLayout, scope: FilterScope, query: ListQuery): SqlFragment {
  const attr = query.sortBy;
  if (!attr) return { sql: 'r.seq', params: [] };
  const key = sortKeyOf(layout, scope, attr, query);
  const direction = key.descending ? 'DESC' : 'ASC';
  const absentLast = key.nullable ? `(${key.sql}) IS NULL ${direction}, ` : '';
  return {
    sql: `${absentLast}${key.sql} ${direction}, r.seq ${direction}`,
    params: key.nullable ? [...key.params, ...key.params] : key.params,
  };
}

/**
 * A list's order as an index continues it from a known row (sql-keyset.ts): by `key` (when sorted), then `seq`.
 * `key` is an expression of the row alone, without parameters, whose values come back from SQL exactly as they
 * compare in it.
 */
export interface KeysetSort {
  readonly key?: string;
  readonly nullable: boolean;
  readonly descending: boolean;
}

/**
 * The list's order as a keyset, when it has one: `seq` order without sortBy, and sorts on a single-valued string
 * attribute or on `meta.created`/`meta.lastModified` (stored as uniform UTC text). A multi-valued attribute's key
 * is a subquery per row (no index to continue in) and another dateTime's is converted to a number on its way out
 * of SQL: their pages keep OFFSET.
 */
export function keysetSortOf(layout: ResourceLayout, scope: FilterScope, query: ListQuery): KeysetSort | undefined {
  const attr = query.sortBy;
  if (!attr) return { nullable: false, descending: false };
  if (attr.attribute.multiValued) return undefined;
  const stored = attr.leaf.type === 'string' || (attr.leaf.type === 'dateTime' && scope.operand(attr).instantText);
  if (!stored) return undefined;
  const { sql, nullable, descending } = sortKeyOf(layout, scope, attr, query);
  return { key: sql, nullable, descending };
}
