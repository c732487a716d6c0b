import { expect } from 'vitest';
import type { BoundFilter, BoundLiteral, CompareOperator } from '../../src/scim/filter/filter-ast.js';
import type { JsonObject } from '../../src/scim/resource/json.js';
import { resolveAttribute, splitAttributeName, type ResolvedAttribute } from '../../src/scim/schema/attribute-resolver.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE, type ResourceTypeName } from '../../src/scim/schema/resource-types.js';
import type { ListQuery, ReadOptions, ScimResource, Store } from '../../src/store/store.js';

/** Reads everything derived. */
export const ALL: ReadOptions = { members: true, groups: true };
/** Reads nothing derived. */
export const NONE: ReadOptions = { members: false, groups: false };

export const ORG_A = 'org-a';
export const ORG_B = 'org-b';

/** A store migrated, with two organizations. */
export async function preparedStore(makeStore: () => Promise<Store>): Promise<Store> {
  const store = await makeStore();
  await store.migrate();
  await store.createOrganization({ id: ORG_A, name: 'Org A', createdAt: '2026-01-01T00:00:00.000Z' });
  await store.createOrganization({ id: ORG_B, name: 'Org B', createdAt: '2026-01-02T00:00:00.000Z' });
  return store;
}

/** `meta` as the service passes it on create. */
export function meta(type: ResourceTypeName, at = '2026-02-01T10:00:00.000Z'): JsonObject {
  return { resourceType: type, created: at, lastModified: at };
}

/** A user resource ready for createResource. */
export function user(id: string, userName: string, extra: JsonObject = {}): ScimResource {
  return { id, userName, ...extra, meta: meta('User') };
}

/** A group resource ready for createResource. */
export function group(id: string, displayName: string, memberIds: readonly string[] = []): ScimResource {
  const members = memberIds.map((value) => ({ value }));
  return { id, displayName, ...(members.length > 0 ? { members } : {}), meta: meta('Group') };
}

/** Binds `path` like the filter binder does. */
export function attr(type: ResourceTypeName, path: string): ResolvedAttribute {
  const resourceType = type === 'User' ? USER_RESOURCE_TYPE : GROUP_RESOURCE_TYPE;
  const resolved = resolveAttribute(resourceType, splitAttributeName(resourceType, path));
  if (!resolved) throw new Error(`test fixture: unknown attribute ${path}`);
  return resolved;
}

function literal(resolved: ResolvedAttribute, value: string | number | boolean | null): BoundLiteral {
  if (value === null) return { type: 'null' };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'number') return { type: 'number', value };
  if (resolved.leaf.type === 'dateTime') return { type: 'dateTime', value, epochMs: Date.parse(value) };
  return { type: 'string', value };
}

/** A bound comparison, literal typed by the attribute. */
export function cmp(
  type: ResourceTypeName,
  path: string,
  op: CompareOperator,
  value: string | number | boolean | null,
): BoundFilter {
  const resolved = attr(type, path);
  return { kind: 'compare', attr: resolved, op, value: literal(resolved, value) };
}

/** A bound `pr`. */
export const pr = (type: ResourceTypeName, path: string): BoundFilter => ({ kind: 'present', attr: attr(type, path) });
/** `left and right`. */
export const and = (left: BoundFilter, right: BoundFilter): BoundFilter => ({ kind: 'and', left, right });
/** `left or right`. */
export const or = (left: BoundFilter, right: BoundFilter): BoundFilter => ({ kind: 'or', left, right });
/** `not (operand)`. */
export const not = (operand: BoundFilter): BoundFilter => ({ kind: 'not', operand });
/** `path[filter]`, the inner filter bound with sub-attributes of `path`. */
export const valuePath = (type: ResourceTypeName, path: string, filter: BoundFilter): BoundFilter => ({
  kind: 'valuePath',
  attr: attr(type, path),
  filter,
});

/** A list query with defaults: everything, in default order. */
export function listQuery(overrides: Partial<ListQuery> = {}): ListQuery {
  return { startIndex: 1, count: 1000, sortOrder: 'ascending', read: NONE, ...overrides };
}

/** The ids of a list, in order. */
export async function listIds(store: Store, type: ResourceTypeName, query: Partial<ListQuery>, org = ORG_A): Promise<string[]> {
  const result = await store.listResources(org, type, listQuery(query));
  return result.resources.map((resource) => String(resource['id']));
}

/** ORG_A's users u1 and u2, u1 in group g1 ('One'), u2 in g1 and g2 ('Two'): memberships a migration must keep finding. */
export async function createUsersInTwoGroups(store: Store): Promise<void> {
  await store.createResource(ORG_A, 'User', user('u1', 'ann'), null);
  await store.createResource(ORG_A, 'User', user('u2', 'bob'), null);
  await store.createResource(ORG_A, 'Group', group('g1', 'One', ['u2', 'u1']), null);
  await store.createResource(ORG_A, 'Group', group('g2', 'Two', ['u2']), null);
}

/** Checks that listing and reading give u1 and u2 the groups createUsersInTwoGroups made. */
export async function expectUsersInTwoGroups(store: Store): Promise<void> {
  const one = { value: 'g1', display: 'One', type: 'direct' };
  const two = { value: 'g2', display: 'Two', type: 'direct' };
  const listed = (await store.listResources(ORG_A, 'User', listQuery({ read: ALL }))).resources.map((resource) => resource['groups']);
  expect(listed).toEqual([[one], [one, two]]);
  expect((await store.getResource(ORG_A, 'User', 'u2', ALL))?.['groups']).toEqual([one, two]);
}
