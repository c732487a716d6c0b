import type { AttributeDefinition } from '../scim/schema/attribute-definition.js';
import {
  GROUP_RESOURCE_TYPE,
  USER_RESOURCE_TYPE,
  schemasOf,
  type ResourceType,
  type ResourceTypeName,
} from '../scim/schema/resource-types.js';

/** An attribute kept in its own column (indexed or hot), by canonical key. */
export interface ColumnAttribute {
  /** Canonical attribute key, e.g. `userName`, `meta.created`. */
  readonly key: string;
  readonly column: string;
  /** The column holding the `toLowerCase()` copy, for case-insensitive attributes. */
  readonly foldColumn?: string;
  /** Booleans are stored as 0/1. */
  readonly kind: 'text' | 'boolean';
  /** Never NULL in the table: sorting needs no "absent last" term, so an index can serve ORDER BY. */
  readonly notNull: boolean;
}

/** A multi-valued attribute whose elements are rows of the child table, keyed by `key`. */
export interface MultiValuedAttribute {
  /** Canonical key: `emails`, `urn:…:Teams:2.0:User:teams`. */
  readonly key: string;
  /** The extension URN owning it, when it lives under an extension key in the resource JSON. */
  readonly extension?: string;
  readonly definition: AttributeDefinition;
}

/** How one resource type is laid out in a relational store: dialect-neutral, shared by every adapter. */
export interface ResourceLayout {
  readonly type: ResourceType;
  readonly table: 'users' | 'groups';
  readonly columns: readonly ColumnAttribute[];
  /** Attributes stored as child rows (users only: groups keep members in their own table). */
  readonly multiValued: readonly MultiValuedAttribute[];
  /** The attribute derived from memberships at read time, never stored on the row. */
  readonly derived: 'groups' | 'members';
}

const text = (key: string, column: string, notNull: boolean, foldColumn?: string): ColumnAttribute => ({
  key,
  column,
  kind: 'text',
  notNull,
  ...(foldColumn ? { foldColumn } : {}),
});

const COMMON_COLUMNS: readonly ColumnAttribute[] = [
  text('id', 'id', true),
  text('externalId', 'external_id', false),
  text('meta.created', 'created', true),
  text('meta.lastModified', 'last_modified', true),
];

/** Multi-valued attributes of `type`, read from its schemas, minus the derived one. */
function childRowAttributes(type: ResourceType, derived: string): MultiValuedAttribute[] {
  return schemasOf(type).flatMap((schema) => {
    const isExtension = schema.id !== type.schema.id;
    return schema.attributes
      .filter((attr) => attr.multiValued && !(attr.name === derived && !isExtension))
      .map((definition) => ({
        key: isExtension ? `${schema.id}:${definition.name}` : definition.name,
        ...(isExtension ? { extension: schema.id } : {}),
        definition,
      }));
  });
}

/** Users: hot attributes in columns, every multi-valued attribute (core and extension) in `user_values`. */
export const USER_LAYOUT: ResourceLayout = {
  type: USER_RESOURCE_TYPE,
  table: 'users',
  columns: [
    ...COMMON_COLUMNS,
    text('userName', 'user_name', true, 'user_name_fold'),
    text('displayName', 'display_name', false, 'display_name_fold'),
    // A copy of the JSON value, so `sortBy=name.familyName` walks an index instead of sorting the table per page.
    text('name.familyName', 'family_name', false, 'family_name_fold'),
    { key: 'active', column: 'active', kind: 'boolean', notNull: false },
  ],
  multiValued: childRowAttributes(USER_RESOURCE_TYPE, 'groups'),
  derived: 'groups',
};

/** Groups: displayName (unique, folded) in columns; members in `group_members`. */
export const GROUP_LAYOUT: ResourceLayout = {
  type: GROUP_RESOURCE_TYPE,
  table: 'groups',
  columns: [...COMMON_COLUMNS, text('displayName', 'display_name', true, 'display_name_fold')],
  multiValued: [],
  derived: 'members',
};

/** The layout of a resource type. */
export function layoutOf(type: ResourceTypeName): ResourceLayout {
  return type === 'User' ? USER_LAYOUT : GROUP_LAYOUT;
}

/** Case folding shared by every store: full-Unicode `toLowerCase()`, never SQL LOWER() (ASCII-only in SQLite). */
export function fold(value: string): string {
  return value.toLowerCase();
}
