import { directMembershipsOf, nestedMembershipsOf, userGroupsSql } from '../sql/sql-membership-sql.js';
import { byOwner, directGroupsFromJson, type ReferenceRow } from '../sql/sql-row-assembly.js';
import { SQLITE_DIALECT } from './sqlite-dialect.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';

/** A group of a user in a page, with the user it belongs to: by row key (direct groups) or id (the closure). */
type DirectGroupRow = ReferenceRow & { readonly member_seq: number };
type ClosureGroupRow = ReferenceRow & { readonly member_id: string };

// O(log n) whether or not the organization nests groups.
export const NESTS_GROUPS_SQL = `SELECT 1 ${nestedMembershipsOf('?')} LIMIT 1`;

const CLOSURE_SQL = `SELECT value, display, type FROM (${userGroupsSql(SQLITE_DIALECT, 'user')}) ORDER BY group_seq`;
const PAGE_CLOSURE_SQL = `SELECT member_id, value, display, type FROM (${userGroupsSql(SQLITE_DIALECT, 'users')}) ORDER BY member_id, group_seq`;

// Ordered by gm.group_seq (= g.seq): the member index yields a member's memberships in that order, so no sort.
const DIRECT_SQL = `SELECT g.id AS value, g.display_name AS display, 'direct' AS type ${directMembershipsOf('?')} = ? ORDER BY gm.group_seq`;

/**
 * The direct groups of a page of users, by their row keys (a JSON array): integer probes in seq order that land
 * on neighbouring entries of group_members_user_seq, where probing by UUID lands anywhere in the member index.
 */
export const PAGE_DIRECT_SQL =
  `SELECT gm.member_seq AS member_seq, g.id AS value, g.display_name AS display, 'direct' AS type ` +
  `${directMembershipsOf('?', 'member_seq')} IN (SELECT value FROM json_each(?)) ORDER BY gm.member_seq, gm.group_seq`;

/**
 * Columns for a query of `users r` that answer its groups in the same statement: its direct groups as a JSON
 * array of [id, displayName], and whether its organization nests groups (then only the closure is right).
 * The array aggregates a subquery ordered by gm.group_seq (= g.seq), which group_members_user_seq yields as it is:
 * SQLite keeps a subquery's ORDER BY for an aggregate over it (it does not flatten it), whereas
 * `json_group_array(… ORDER BY g.seq)` sorts in a temporary B-tree: in a process whose heap happened to sit
 * at glibc's trim threshold that cost ~200 µs per read (two ~80 KB page-cache allocations faulted back in each
 * time); ~2 µs otherwise.
 */
export const USER_GROUPS_COLUMNS =
  `(SELECT json_group_array(json_array(id, display_name)) FROM ` +
  `(SELECT g.id, g.display_name ${directMembershipsOf('r.org_id', 'member_seq')} = r.seq ORDER BY gm.group_seq)) ` +
  `AS groups_json, EXISTS (SELECT 1 ${nestedMembershipsOf('r.org_id')}) AS nests`;

/** What USER_GROUPS_COLUMNS read. */
export interface UserGroupsColumns {
  readonly groups_json: string;
  readonly nests: number;
}

/** The groups of user `userId` read with USER_GROUPS_COLUMNS: the direct ones read, or the closure where groups nest. */
export function groupsOfUserRow(
  statements: SqliteStatementCache,
  orgId: string,
  userId: string,
  columns: UserGroupsColumns,
): ReferenceRow[] {
  // The row already told whether the organization nests groups: no second look at group_members_nested.
  if (columns.nests === 1) return statements.get(CLOSURE_SQL).all(orgId, userId) as ReferenceRow[];
  return directGroupsFromJson(columns.groups_json);
}

function nestsGroups(statements: SqliteStatementCache, orgId: string): boolean {
  return statements.get(NESTS_GROUPS_SQL).get(orgId) !== undefined;
}

/**
 * A user's groups, direct and indirect (RFC 7643 §4.1.2), in group order. The recursive closure only runs in an
 * organization that nests groups; elsewhere every membership is direct and one indexed join answers.
 */
export function selectUserGroups(statements: SqliteStatementCache, orgId: string, userId: string): ReferenceRow[] {
  const sql = nestsGroups(statements, orgId) ? CLOSURE_SQL : DIRECT_SQL;
  return statements.get(sql).all(orgId, userId) as ReferenceRow[];
}

/** A user of a page: its row key and id. */
export interface PageUser {
  readonly seq: number;
  readonly id: string;
}

/** The groups of every user of a page by the user's row key, each list in group order like selectUserGroups. */
export function selectPageUserGroups(
  statements: SqliteStatementCache,
  orgId: string,
  users: readonly PageUser[],
): Map<number, ReferenceRow[]> {
  if (!nestsGroups(statements, orgId)) {
    const rows = statements.rows(PAGE_DIRECT_SQL, orgId, JSON.stringify(users.map((user) => user.seq))) as DirectGroupRow[];
    return byOwner(rows, (row) => row.member_seq);
  }
  const seqOf = new Map(users.map((user) => [user.id, user.seq]));
  const rows = statements.rows(PAGE_CLOSURE_SQL, orgId, JSON.stringify(users.map((user) => user.id))) as ClosureGroupRow[];
  // The closure answers only for the ids it was given.
  return byOwner(rows, (row) => seqOf.get(row.member_id)!);
}
