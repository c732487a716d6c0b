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

/**
 * ORDER BY for a list: the sort key, then `seq` so paging is stable. Resources without a value come last in
 * ascending order and first in descending order (RFC 7644 §3.4.2.3): descending is exactly ascending reversed,
 * `seq` included, so an index on (org_id, key) serves both directions. Without sortBy the order is `seq`,
 * which the (org_id, seq) index serves without sorting.
 */
export function orderBySql(layout: ResourceLayout, scope: FilterScope, query: ListQuery): SqlFragment {
  const attr = query.sortBy;
  if (!attr) return { sql: 'r.seq', params: [] };
  const direction = query.sortOrder === 'descending' ? 'DESC' : 'ASC';
  const column = layout.columns.find((candidate) => candidate.key === attr.key);
  const key = attr.attribute.multiValued
    ? multiValuedKey(scope.dialect, layout, attr)
    : { sql: sortValue(scope.dialect, scope.operand(attr)), params: [] };
  const absentLast = column?.notNull ? '' : `(${key.sql}) IS NULL ${direction}, `;
  return {
    sql: `${absentLast}${key.sql} ${direction}, r.seq ${direction}`,
    params: column?.notNull ? key.params : [...key.params, ...key.params],
  };
}
