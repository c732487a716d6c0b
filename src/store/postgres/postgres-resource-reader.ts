import type { JsonObject } from '../../scim/resource/json.js';
import type { ResourceLayout } from '../resource-layout.js';
import { fromRecord } from '../resource-rows.js';
import { MEMBER_DISPLAY_SQL, userGroupsSql } from '../sql/sql-membership-sql.js';
import { byOwner, references, type ReferenceRow } from '../sql/sql-row-assembly.js';
import type { ReadOptions, ScimResource } from '../store.js';
import type { PostgresSession } from './postgres-database.js';
import { POSTGRES_DIALECT } from './postgres-dialect.js';

/** A row of `users` or `groups` as pg returns it (json columns as text, bigint as number). */
export interface ResourceRow {
  readonly seq: number;
  readonly id: string;
  readonly org_id: string;
  readonly version: number;
  readonly data: string;
  readonly [column: string]: unknown;
}

type ElementRow = { user_seq: number; attr: string; element: string };
type GroupRow = ReferenceRow & { member_id: string };

// A page of users costs one query for all their elements and one for all their groups, not 2 per user.
const PAGE_ELEMENTS_SQL =
  'SELECT user_seq, attr, element FROM user_values WHERE user_seq = ANY(CAST(? AS BIGINT[])) ORDER BY user_seq, attr, position';
const PAGE_USER_GROUPS_SQL =
  `SELECT member_id, value, display, type FROM (${userGroupsSql(POSTGRES_DIALECT, 'users')}) ug ORDER BY member_id, group_seq`;
const USER_GROUPS_SQL = `SELECT value, display, type FROM (${userGroupsSql(POSTGRES_DIALECT, 'user')}) ug ORDER BY group_seq`;
const MEMBERS_SQL =
  `SELECT m.member_id AS value, ${MEMBER_DISPLAY_SQL} AS display, m.member_type AS type ` +
  // seq is insertion order: members come back in the order they were added.
  'FROM group_members m WHERE m.group_seq = ? ORDER BY m.seq';

/** The row of resource `id` in `orgId`; `lock` takes it FOR UPDATE (inside a transaction). */
export async function findResourceRow(
  session: PostgresSession,
  layout: ResourceLayout,
  orgId: string,
  id: string,
  lock = false,
): Promise<ResourceRow | undefined> {
  const sql = `SELECT * FROM ${layout.table} WHERE org_id = ? AND id = ?${lock ? ' FOR UPDATE' : ''}`;
  return session.get<ResourceRow>(sql, [orgId, id]);
}

/** A PostgreSQL array literal of integers (seqs come from the database, never from a client). */
const bigintArray = (values: readonly number[]): string => `{${values.join(',')}}`;

/**
 * The canonical resources of rows, child rows in their original order, derived memberships as `read` asks:
 * a fixed number of queries whatever the number of rows.
 */
export async function readResources(
  session: PostgresSession,
  layout: ResourceLayout,
  rows: readonly ResourceRow[],
  read: ReadOptions,
): Promise<ScimResource[]> {
  if (rows.length === 0) return [];
  const isUsers = layout.derived === 'groups';
  const elements = isUsers
    ? byOwner(await session.all<ElementRow>(PAGE_ELEMENTS_SQL, [bigintArray(rows.map((row) => row.seq))]), (row) => row.user_seq)
    : new Map<number, ElementRow[]>();
  const groups =
    isUsers && read.groups
      ? byOwner(
          await session.all<GroupRow>(PAGE_USER_GROUPS_SQL, [rows[0]!.org_id, POSTGRES_DIALECT.textList(rows.map((row) => row.id))]),
          (row) => row.member_id,
        )
      : new Map<string, GroupRow[]>();
  const resources: ScimResource[] = [];
  for (const row of rows) {
    const resource = fromRecord(layout, {
      columns: row,
      data: JSON.parse(row.data) as JsonObject,
      version: row.version,
      elements: elements.get(row.seq) ?? [],
    });
    const derived = isUsers
      ? references(groups.get(row.id) ?? [])
      : read.members
        ? references(await session.all<ReferenceRow>(MEMBERS_SQL, [row.seq]))
        : [];
    if (derived.length > 0) resource[layout.derived] = derived;
    resources.push(resource);
  }
  return resources;
}

/** One resource: `readResources` of one row, with the single-user groups query. */
export async function readResource(
  session: PostgresSession,
  layout: ResourceLayout,
  row: ResourceRow,
  read: ReadOptions,
): Promise<ScimResource> {
  if (layout.derived === 'groups' && read.groups) {
    const [resource] = await readResources(session, layout, [row], { ...read, groups: false });
    const derived = references(await session.all<ReferenceRow>(USER_GROUPS_SQL, [row.org_id, row.id]));
    if (derived.length > 0) resource![layout.derived] = derived;
    return resource!;
  }
  const [resource] = await readResources(session, layout, [row], read);
  return resource!;
}
