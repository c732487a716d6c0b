import type { BoundFilter } from '../../scim/filter/filter-ast.js';
import type { ResolvedAttribute } from '../../scim/schema/attribute-resolver.js';
import { compareSql, presentSql } from './sql-comparison.js';
import type { SqlFragment } from './sql-dialect.js';
import type { FilterScope } from './sql-filter-scope.js';
import type { Operand } from './sql-operand.js';

function join(left: SqlFragment, keyword: 'AND' | 'OR', right: SqlFragment): SqlFragment {
  return { sql: `(${left.sql} ${keyword} ${right.sql})`, params: [...left.params, ...right.params] };
}

function negate(fragment: SqlFragment): SqlFragment {
  return { sql: `(NOT ${fragment.sql})`, params: fragment.params };
}

/** A test on one attribute: directly on its operand, or "some element matches" through a subquery. */
function onAttribute(scope: FilterScope, attr: ResolvedAttribute, test: (operand: Operand) => SqlFragment): SqlFragment {
  const collection = scope.collection(attr);
  if (!collection) return test(scope.operand(attr));
  const inner = test(collection.scope.operand(attr));
  return { sql: `${collection.open.sql}${inner.sql})`, params: [...collection.open.params, ...inner.params] };
}

/** RFC 7644 §3.4.2.2 value path: one element must satisfy the whole inner filter. */
function valuePath(scope: FilterScope, attr: ResolvedAttribute, filter: BoundFilter): SqlFragment {
  const collection = scope.collection(attr);
  // A value path on a single-valued complex attribute (`name[givenName eq "x"]`) is a plain conjunction.
  if (!collection) return compileFilter(filter, scope);
  const inner = compileFilter(filter, collection.scope);
  return { sql: `${collection.open.sql}${inner.sql})`, params: [...collection.open.params, ...inner.params] };
}

/**
 * Compiles a bound filter to a parameterised SQL predicate that is true or false for every row, never NULL, so
 * `not` and `ne` are two-valued (docs/architecture.md). Literal values only ever travel as parameters.
 */
export function compileFilter(filter: BoundFilter, scope: FilterScope): SqlFragment {
  switch (filter.kind) {
    case 'and':
      return join(compileFilter(filter.left, scope), 'AND', compileFilter(filter.right, scope));
    case 'or':
      return join(compileFilter(filter.left, scope), 'OR', compileFilter(filter.right, scope));
    case 'not':
      return negate(compileFilter(filter.operand, scope));
    case 'present':
      return onAttribute(scope, filter.attr, (operand) => presentSql(scope.dialect, operand));
    case 'valuePath':
      return valuePath(scope, filter.attr, filter.filter);
    case 'compare': {
      const { attr, op, value } = filter;
      // `eq null` asks for absence, `ne null` for presence.
      if (value.type === 'null') {
        const present = onAttribute(scope, attr, (operand) => presentSql(scope.dialect, operand));
        return op === 'ne' ? present : op === 'eq' ? negate(present) : { sql: 'FALSE', params: [] };
      }
      // `ne` is exactly `not eq`: on a multi-valued attribute, no element equals the value.
      if (op === 'ne') return negate(compileFilter({ ...filter, op: 'eq' }, scope));
      return onAttribute(scope, attr, (operand) => compareSql(scope.dialect, operand, op, value));
    }
  }
}
