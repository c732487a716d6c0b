import { invalidValue } from '../../scim/errors/scim-error.js';
import type { BoundFilter } from '../../scim/filter/filter-ast.js';
import type { MemberOperation } from '../store.js';
import { compileFilter } from '../sql/sql-filter-compiler.js';
import { memberScope } from '../sql/sql-filter-scope.js';
import { SQLITE_DIALECT } from './sqlite-dialect.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';

/** The group whose memberships change. */
export interface GroupRef {
  readonly orgId: string;
  readonly seq: number;
  readonly id: string;
}

// A member's type and, for a user, its row key (group_members.member_seq).
const MEMBER_SQL =
  "SELECT 'User' AS type, seq FROM users WHERE org_id = ? AND id = ? " +
  "UNION ALL SELECT 'Group' AS type, NULL AS seq FROM groups WHERE org_id = ? AND id = ? LIMIT 1";
// OR IGNORE: re-adding a member is a no-op and keeps its place in the member order.
const ADD_SQL =
  'INSERT OR IGNORE INTO group_members (group_seq, org_id, member_id, member_type, member_seq) VALUES (?, ?, ?, ?, ?)';
const REMOVE_SQL = 'DELETE FROM group_members WHERE group_seq = ? AND member_id IN (SELECT value FROM json_each(?))';
const REMOVE_ALL_SQL = 'DELETE FROM group_members WHERE group_seq = ?';

/** A member as group_members stores it: its type and, for a user, its row key. */
interface MemberRow {
  readonly type: string;
  readonly seq: number | null;
}

/** The user or group of the organization that `id` names; a 400 naming the id when it names neither. */
function memberRow(statements: SqliteStatementCache, group: GroupRef, id: string): MemberRow {
  if (id === group.id) throw invalidValue(`A group cannot be a member of itself: '${id}'`);
  const row = statements.get(MEMBER_SQL).get(group.orgId, id, group.orgId, id) as MemberRow | undefined;
  if (!row) throw invalidValue(`Member '${id}' is not a User or Group of this organization`);
  return row;
}

/** Adds members, one index probe and one insert each: O(k) in the members named. */
export function addMembers(statements: SqliteStatementCache, group: GroupRef, ids: readonly string[]): void {
  const add = statements.get(ADD_SQL);
  for (const id of ids) {
    const member = memberRow(statements, group, id);
    add.run(group.seq, group.orgId, id, member.type, member.seq);
  }
}

function removeWhere(statements: SqliteStatementCache, group: GroupRef, filter: BoundFilter): void {
  const where = compileFilter(filter, memberScope(SQLITE_DIALECT));
  statements
    .get(`DELETE FROM group_members AS m WHERE m.group_seq = ? AND ${where.sql}`)
    .run(group.seq, ...where.params);
}

/** Applies membership deltas in order (RFC 7644 §3.5.2), never loading the whole member list. */
export function applyMemberOps(
  statements: SqliteStatementCache,
  group: GroupRef,
  ops: readonly MemberOperation[],
): void {
  for (const op of ops) {
    switch (op.op) {
      case 'add':
        addMembers(statements, group, op.members.map((member) => member.value));
        break;
      case 'remove':
        statements.get(REMOVE_SQL).run(group.seq, JSON.stringify(op.values));
        break;
      case 'removeAll':
        statements.get(REMOVE_ALL_SQL).run(group.seq);
        break;
      case 'removeWhere':
        removeWhere(statements, group, op.filter);
        break;
    }
  }
}
