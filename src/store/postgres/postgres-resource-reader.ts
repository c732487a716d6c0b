import type { ResourceLayout } from '../resource-layout.js';
import { resourceOf, type RowForm, type StoredResourceRow } from '../row-forms.js';
import { MEMBER_DISPLAY_SQL } from '../sql/sql-membership-sql.js';
import { readColumnsSql } from '../sql/sql-read-columns.js';
import { byOwner, type ReferenceRow } from '../sql/sql-row-assembly.js';
import type { ReadOptions, ScimResource } from '../store.js';
import type { PostgresSession } from './postgres-database.js';
import { elementsOfUserRow, groupsOfUserRows, userColumnsSql, type UserColumns } from './postgres-user-columns.js';

/** A row of `users` or `groups` as pg returns it (json columns as the text they were written as, bigint as number). */
export interface ResourceRow extends StoredResourceRow {
  readonly org_id: string;
}

/** A row of `users` selected with `resourceSelectList`. */
type UserRow = ResourceRow & UserColumns;

/** The members of every group of a page (param: their seqs), each group's in the order they were added (seq). */
export const PAGE_MEMBERS_SQL =
  `SELECT m.group_seq, m.member_id AS value, ${MEMBER_DISPLAY_SQL} AS display, m.member_type AS type ` +
  'FROM group_members m WHERE m.group_seq = ANY(CAST(? AS BIGINT[])) ORDER BY m.group_seq, m.seq';

/**
 * The SELECT list of a read of `layout`'s table as `r`: `rowColumns` and, for users, their child rows and (as
 * `read` asks) groups, so that `readResources` needs no further statement for them. Every read of user rows
 * that `readResources` assembles selects this list.
 */
export function resourceSelectList(layout: ResourceLayout, read: ReadOptions, rowColumns = readColumnsSql(layout, 'r')): string {
  return layout.derived === 'groups' ? `${rowColumns}, ${userColumnsSql(read)}` : rowColumns;
}

/** The statement reading the row of one resource (params: org id, id) selected for `read`: a user in one round trip. */
export function resourceRowSql(layout: ResourceLayout, read: ReadOptions): string {
  return `SELECT ${resourceSelectList(layout, read)} FROM ${layout.table} r WHERE r.org_id = ? AND r.id = ?`;
}

/** The row of resource `id` in `orgId`, selected for `read`. */
export async function findResourceRow(
  session: PostgresSession,
  layout: ResourceLayout,
  orgId: string,
  id: string,
  read: ReadOptions,
): Promise<ResourceRow | undefined> {
  return session.get<ResourceRow>(resourceRowSql(layout, read), [orgId, id]);
}

/** What a write learns from locking a row: which row, and the version it holds. */
export interface LockedRow {
  readonly seq: number;
  readonly version: number;
}

/**
 * Locks the row of resource `id` FOR UPDATE (inside a transaction). Only the row's own columns: a subquery of
 * the locking statement would read its snapshot from before the lock was granted, missing the child rows of the
 * write that held it; a statement after this one sees them.
 */
export async function lockResourceRow(
  session: PostgresSession,
  layout: ResourceLayout,
  orgId: string,
  id: string,
): Promise<LockedRow | undefined> {
  return session.get<LockedRow>(`SELECT seq, version FROM ${layout.table} WHERE org_id = ? AND id = ? FOR UPDATE`, [orgId, id]);
}

/** The members of group rows by group seq: one statement for the page, not one per group. */
async function membersOfGroupRows(session: PostgresSession, rows: readonly ResourceRow[]): Promise<Map<number, ReferenceRow[]>> {
  type GroupMemberRow = ReferenceRow & { readonly group_seq: number };
  const seqs = `{${rows.map((row) => row.seq).join(',')}}`;
  return byOwner(await session.all<GroupMemberRow>(PAGE_MEMBERS_SQL, [seqs]), (row) => row.group_seq);
}

/**
 * The rows selected with `resourceSelectList(layout, read)`, each made into what `form` makes of it (a resource,
 * or its wire text) with its child rows in their original order and derived memberships as `read` asks.
 */
export async function readResources<T>(
  session: PostgresSession,
  layout: ResourceLayout,
  rows: readonly ResourceRow[],
  read: ReadOptions,
  form: RowForm<T>,
): Promise<T[]> {
  if (rows.length === 0) return [];
  if (layout.derived === 'groups') {
    // User rows are always selected with resourceSelectList, which adds the UserColumns.
    const users = rows as readonly UserRow[];
    const groups = read.groups ? await groupsOfUserRows(session, users[0]!.org_id, users) : new Map<string, ReferenceRow[]>();
    return users.map((row) => form(layout, row, elementsOfUserRow(row), groups.get(row.id) ?? []));
  }
  const members = read.members ? await membersOfGroupRows(session, rows) : new Map<number, ReferenceRow[]>();
  return rows.map((row) => form(layout, row, [], members.get(row.seq) ?? []));
}

/** One resource: `readResources` of one row. */
export async function readResource(
  session: PostgresSession,
  layout: ResourceLayout,
  row: ResourceRow,
  read: ReadOptions,
): Promise<ScimResource> {
  const [resource] = await readResources(session, layout, [row], read, resourceOf);
  return resource!;
}
