import { invalidValue } from '../../scim/errors/scim-error.js';
import type { MemberOperation } from '../store.js';
import { compileFilter } from '../sql/sql-filter-compiler.js';
import { memberScope } from '../sql/sql-filter-scope.js';
import type { PostgresSession } from './postgres-database.js';
import { POSTGRES_DIALECT } from './postgres-dialect.js';

/** The group whose memberships change. */
export interface GroupRef {
  readonly orgId: string;
  readonly seq: number;
  readonly id: string;
}

const IN_IDS = POSTGRES_DIALECT.inTextList('id');
// The users and groups the ids name, in one round trip. FOR KEY SHARE: a member named here cannot be deleted
// until this transaction ends, so no membership can point at a resource that a concurrent DELETE removed (the
// delete waits, then removes the membership too). A WITH query with a locking clause is not folded into the
// query around it: every row it returns is locked.
const MEMBERS_SQL =
  `WITH u AS (SELECT id, seq FROM users WHERE org_id = ? AND ${IN_IDS} FOR KEY SHARE), ` +
  `g AS (SELECT id FROM groups WHERE org_id = ? AND ${IN_IDS} FOR KEY SHARE) ` +
  "SELECT id, seq, 'User' AS type FROM u UNION ALL SELECT id, NULL, 'Group' FROM g";
// Rows inserted in the order given (WITH ORDINALITY), so `seq` keeps the members' order; re-adding is a no-op.
// A user member gets its row key (group_members.member_seq), which is how reads find a user's groups.
const ADD_SQL =
  'INSERT INTO group_members (group_seq, org_id, member_id, member_type, member_seq) ' +
  "SELECT ?, ?, x.member ->> 'id', x.member ->> 'type', CAST(x.member ->> 'seq' AS BIGINT) " +
  'FROM json_array_elements(CAST(? AS json)) WITH ORDINALITY AS x(member, n) ORDER BY x.n ON CONFLICT DO NOTHING';
const REMOVE_SQL = `DELETE FROM group_members WHERE group_seq = ? AND ${POSTGRES_DIALECT.inTextList('member_id')}`;
const REMOVE_ALL_SQL = 'DELETE FROM group_members WHERE group_seq = ?';

/** A member the ids name: a user with its row key, or a group. */
interface MemberRow {
  readonly id: string;
  readonly seq: number | null;
  readonly type: 'User' | 'Group';
}

/**
 * Adds members in two statements whatever their number: which users and groups the ids name (locked), and one
 * insert. An id that names neither is a 400 naming it; a group cannot contain itself.
 */
export async function addMembers(session: PostgresSession, group: GroupRef, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  if (ids.includes(group.id)) throw invalidValue(`A group cannot be a member of itself: '${group.id}'`);
  const wanted = POSTGRES_DIALECT.textList([...new Set(ids)]);
  const found = new Map<string, MemberRow>();
  // A user before a group of the same id (ids are the server's UUIDs: there is none).
  for (const row of await session.all<MemberRow>(MEMBERS_SQL, [group.orgId, wanted, group.orgId, wanted])) {
    if (!found.has(row.id)) found.set(row.id, row);
  }
  const members = ids.map((id) => {
    const member = found.get(id);
    if (member === undefined) throw invalidValue(`Member '${id}' is not a User or Group of this organization`);
    return member;
  });
  await session.run(ADD_SQL, [group.seq, group.orgId, JSON.stringify(members)]);
}

/** Applies membership deltas in order (RFC 7644 §3.5.2), never loading the whole member list. */
export async function applyMemberOps(session: PostgresSession, group: GroupRef, ops: readonly MemberOperation[]): Promise<void> {
  for (const op of ops) {
    switch (op.op) {
      case 'add':
        await addMembers(session, group, op.members.map((member) => member.value));
        break;
      case 'remove':
        await session.run(REMOVE_SQL, [group.seq, POSTGRES_DIALECT.textList(op.values)]);
        break;
      case 'removeAll':
        await session.run(REMOVE_ALL_SQL, [group.seq]);
        break;
      case 'removeWhere': {
        const where = compileFilter(op.filter, memberScope(POSTGRES_DIALECT));
        await session.run(`DELETE FROM group_members AS m WHERE m.group_seq = ? AND ${where.sql}`, [group.seq, ...where.params]);
        break;
      }
    }
  }
}
