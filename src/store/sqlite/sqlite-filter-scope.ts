import { invalidFilter } from '../../scim/errors/scim-error.js';
import type { ResolvedAttribute } from '../../scim/schema/attribute-resolver.js';
import type { ResourceLayout } from '../resource-layout.js';
import { MEMBER_DISPLAY_SQL, userGroupsSql } from './sqlite-membership-sql.js';
import {
  columnOperand,
  dataSegments,
  jsonOperand,
  type Operand,
  type SqlFragment,
} from './sqlite-operand.js';

/** A multi-valued attribute reached through a subquery: `open … inner predicate … )`, inner in `scope`. */
export interface Collection {
  readonly open: SqlFragment;
  readonly scope: FilterScope;
}

/** Where a filter is compiled: how attributes become SQL operands, and which need a subquery. */
export interface FilterScope {
  readonly operand: (attr: ResolvedAttribute) => Operand;
  readonly collection: (attr: ResolvedAttribute) => Collection | undefined;
}

const STRING_LIKE = new Set(['string', 'reference', 'binary']);

/** One child row `e` of user_values: an element of a multi-valued attribute. */
export const ELEMENT_SCOPE: FilterScope = {
  operand(attr) {
    const sub = attr.sub;
    if (!sub) {
      // A simple multi-valued attribute (Teams' `teams`): the element is the value; complex ones are objects.
      return STRING_LIKE.has(attr.leaf.type)
        ? columnOperand('e.value', attr.leaf, 'e.value_fold')
        : jsonOperand('e.element', [], attr.leaf);
    }
    if (sub.name === 'value' && STRING_LIKE.has(sub.type)) return columnOperand('e.value', sub, 'e.value_fold');
    if (sub.name === 'type' || sub.name === 'display') return columnOperand(`e.${sub.name}`, sub);
    if (sub.name === 'primary') return columnOperand('e."primary"', sub);
    return jsonOperand('e.element', [sub.name], sub);
  },
  collection: () => undefined,
};

/** One row `m` of group_members, seen as an element of Group.members. Ids compare exactly (RFC 7643 §3.1). */
export const MEMBER_SCOPE: FilterScope = {
  operand(attr) {
    switch (attr.sub?.name) {
      case 'value':
      case undefined:
        return columnOperand('m.member_id', attr.leaf, 'm.member_id');
      case 'type':
        return columnOperand('m.member_type', attr.leaf);
      case 'display':
        return columnOperand(`(${MEMBER_DISPLAY_SQL})`, attr.leaf);
      default:
        throw invalidFilter(`Filtering on '${attr.key}' is not supported`);
    }
  },
  collection: () => undefined,
};

/** One row `ug` of a user's groups (direct and indirect), seen as an element of User.groups. */
const USER_GROUP_SCOPE: FilterScope = {
  operand(attr) {
    switch (attr.sub?.name) {
      case 'value':
      case undefined:
        return columnOperand('ug.value', attr.leaf, 'ug.value');
      case 'display':
        return columnOperand('ug.display', attr.leaf, 'ug.display_fold');
      case 'type':
        return columnOperand('ug.type', attr.leaf);
      default:
        throw invalidFilter(`Filtering on '${attr.key}' is not supported`);
    }
  },
  collection: () => undefined,
};

function rowOperand(layout: ResourceLayout, attr: ResolvedAttribute): Operand {
  const column = layout.columns.find((candidate) => candidate.key === attr.key);
  if (column) {
    const expr = `r.${column.column}`;
    const operand = columnOperand(expr, attr.leaf, column.foldColumn ? `r.${column.foldColumn}` : undefined);
    return { ...operand, instantText: column.key.startsWith('meta.') };
  }
  if (attr.key === 'meta.version') return columnOperand(`('W/"' || r.version || '"')`, attr.leaf);
  // The table is the resource type: a constant, from the fixed type name, never from the client.
  if (attr.key === 'meta.resourceType') return columnOperand(`'${layout.type.name}'`, attr.leaf);
  return jsonOperand('r.data', dataSegments(attr), attr.leaf);
}

function rowCollection(layout: ResourceLayout, orgId: string, attr: ResolvedAttribute): Collection | undefined {
  if (!attr.isExtension && attr.attribute.name === layout.derived) {
    return layout.derived === 'members'
      ? { open: { sql: 'r.seq IN (SELECT m.group_seq FROM group_members m WHERE m.org_id = ? AND ', params: [orgId] }, scope: MEMBER_SCOPE }
      : { open: { sql: `r.id IN (SELECT ug.member_id FROM (${userGroupsSql('organization')}) ug WHERE `, params: [orgId] }, scope: USER_GROUP_SCOPE };
  }
  const child = layout.multiValued.find((candidate) => candidate.definition === attr.attribute);
  if (!child) return undefined;
  return {
    open: {
      sql: 'r.seq IN (SELECT e.user_seq FROM user_values e WHERE e.org_id = ? AND e.attr = ? AND ',
      params: [orgId, child.key],
    },
    scope: ELEMENT_SCOPE,
  };
}

/**
 * The scope of a resource row `r` of `layout`'s table in organization `orgId`. Multi-valued attributes become
 * uncorrelated `IN (subquery)` tests so an indexed inner predicate (emails.value, members.value) drives the plan.
 */
export function rowScope(layout: ResourceLayout, orgId: string): FilterScope {
  return {
    operand: (attr) => rowOperand(layout, attr),
    collection: (attr) => rowCollection(layout, orgId, attr),
  };
}
