import { invalidFilter } from '../../scim/errors/scim-error.js';
import type { ResolvedAttribute } from '../../scim/schema/attribute-resolver.js';
import type { ResourceLayout } from '../resource-layout.js';
import type { SqlDialect, SqlFragment } from './sql-dialect.js';
import { MEMBER_DISPLAY_SQL, userGroupsSql } from './sql-membership-sql.js';
import { columnOperand, dataSegments, jsonOperand, type Operand } from './sql-operand.js';

/** A multi-valued attribute reached through a subquery: `open … inner predicate … )`, inner in `scope`. */
export interface Collection {
  readonly open: SqlFragment;
  readonly scope: FilterScope;
}

/** Where a filter is compiled: how attributes become SQL operands, and which need a subquery. */
export interface FilterScope {
  readonly dialect: SqlDialect;
  readonly operand: (attr: ResolvedAttribute) => Operand;
  readonly collection: (attr: ResolvedAttribute) => Collection | undefined;
}

const STRING_LIKE = new Set(['string', 'reference', 'binary']);

/** One child row `e` of user_values: an element of a multi-valued attribute. */
export function elementScope(dialect: SqlDialect): FilterScope {
  const operand = (attr: ResolvedAttribute): Operand => {
    const sub = attr.sub;
    if (!sub) {
      // A simple multi-valued attribute (Teams' `teams`): the element is the value; complex ones are objects.
      return STRING_LIKE.has(attr.leaf.type)
        ? columnOperand(dialect, 'e.value', attr.leaf, 'e.value_fold')
        : jsonOperand(dialect, 'e.element', [], attr.leaf);
    }
    if (sub.name === 'value' && STRING_LIKE.has(sub.type)) return columnOperand(dialect, 'e.value', sub, 'e.value_fold');
    if (sub.name === 'type' || sub.name === 'display') return columnOperand(dialect, `e.${sub.name}`, sub);
    if (sub.name === 'primary') return columnOperand(dialect, 'e."primary"', sub);
    return jsonOperand(dialect, 'e.element', [sub.name], sub);
  };
  return { dialect, operand, collection: () => undefined };
}

/** One row `m` of group_members, seen as an element of Group.members. Ids compare exactly (RFC 7643 §3.1). */
export function memberScope(dialect: SqlDialect): FilterScope {
  const operand = (attr: ResolvedAttribute): Operand => {
    switch (attr.sub?.name) {
      case 'value':
      case undefined:
        return columnOperand(dialect, 'm.member_id', attr.leaf, 'm.member_id');
      case 'type':
        return columnOperand(dialect, 'm.member_type', attr.leaf);
      case 'display':
        return columnOperand(dialect, `(${MEMBER_DISPLAY_SQL})`, attr.leaf);
      default:
        throw invalidFilter(`Filtering on '${attr.key}' is not supported`);
    }
  };
  return { dialect, operand, collection: () => undefined };
}

/** One row `ug` of a user's groups (direct and indirect), seen as an element of User.groups. */
function userGroupScope(dialect: SqlDialect): FilterScope {
  const operand = (attr: ResolvedAttribute): Operand => {
    switch (attr.sub?.name) {
      case 'value':
      case undefined:
        return columnOperand(dialect, 'ug.value', attr.leaf, 'ug.value');
      case 'display':
        return columnOperand(dialect, 'ug.display', attr.leaf, 'ug.display_fold');
      case 'type':
        return columnOperand(dialect, 'ug.type', attr.leaf);
      default:
        throw invalidFilter(`Filtering on '${attr.key}' is not supported`);
    }
  };
  return { dialect, operand, collection: () => undefined };
}

function rowOperand(dialect: SqlDialect, layout: ResourceLayout, attr: ResolvedAttribute): Operand {
  const column = layout.columns.find((candidate) => candidate.key === attr.key);
  if (column) {
    const expr = `r.${column.column}`;
    const operand = columnOperand(dialect, expr, attr.leaf, column.foldColumn ? `r.${column.foldColumn}` : undefined);
    return { ...operand, instantText: column.key.startsWith('meta.') };
  }
  if (attr.key === 'meta.version') return columnOperand(dialect, `('W/"' || r.version || '"')`, attr.leaf);
  // The table is the resource type: a constant, from the fixed type name, never from the client.
  if (attr.key === 'meta.resourceType') return columnOperand(dialect, `CAST('${layout.type.name}' AS TEXT)`, attr.leaf);
  return jsonOperand(dialect, 'r.data', dataSegments(attr), attr.leaf);
}

function rowCollection(dialect: SqlDialect, layout: ResourceLayout, orgId: string, attr: ResolvedAttribute): Collection | undefined {
  if (!attr.isExtension && attr.attribute.name === layout.derived) {
    return layout.derived === 'members'
      ? {
          open: { sql: 'r.seq IN (SELECT m.group_seq FROM group_members m WHERE m.org_id = ? AND ', params: [orgId] },
          scope: memberScope(dialect),
        }
      : {
          open: { sql: `r.id IN (SELECT ug.member_id FROM (${userGroupsSql(dialect, 'organization')}) ug WHERE `, params: [orgId] },
          scope: userGroupScope(dialect),
        };
  }
  const child = layout.multiValued.find((candidate) => candidate.definition === attr.attribute);
  if (!child) return undefined;
  return {
    open: {
      sql: 'r.seq IN (SELECT e.user_seq FROM user_values e WHERE e.org_id = ? AND e.attr = ? AND ',
      params: [orgId, child.key],
    },
    scope: elementScope(dialect),
  };
}

/**
 * The scope of a resource row `r` of `layout`'s table in organization `orgId`. Multi-valued attributes become
 * uncorrelated `IN (subquery)` tests so an indexed inner predicate (emails.value, members.value) drives the plan.
 */
export function rowScope(dialect: SqlDialect, layout: ResourceLayout, orgId: string): FilterScope {
  return {
    dialect,
    operand: (attr) => rowOperand(dialect, layout, attr),
    collection: (attr) => rowCollection(dialect, layout, orgId, attr),
  };
}
