import type { ResourceLayout } from '../resource-layout.js';
import { NO_DERIVED } from '../sql/sql-record-rows.js';
import type { ExportedResource, Membership, MembershipPage, OrganizationCounts } from '../store.js';
import type { PostgresSession } from './postgres-database.js';
import { resourceOf } from '../row-forms.js';
import { readResources, resourceSelectList, type ResourceRow } from './postgres-resource-reader.js';

// Keyset on (group_seq, seq), the order of the group_members_order index: each page is one index range scan,
// and within a group seq is insertion order. (Ordering by seq alone would sort every membership per page.)
const MEMBERSHIPS_SQL =
  'SELECT m.group_seq, m.seq, g.id AS group_id, m.member_id, m.member_type FROM group_members m ' +
  'JOIN groups g ON g.seq = m.group_seq WHERE m.org_id = ? AND (m.group_seq, m.seq) > (?, ?) ' +
  'ORDER BY m.group_seq, m.seq LIMIT ?';
const COUNTS_SQL =
  'SELECT (SELECT COUNT(*) FROM users WHERE org_id = ?) AS users, (SELECT COUNT(*) FROM groups WHERE org_id = ?) AS groups, ' +
  '(SELECT COUNT(*) FROM group_members WHERE org_id = ?) AS memberships, (SELECT COUNT(*) FROM tokens WHERE org_id = ?) AS tokens';

interface MembershipRow {
  readonly group_seq: number;
  readonly seq: number;
  readonly group_id: string;
  readonly member_id: string;
  readonly member_type: Membership['type'];
}

/** A page of resources in seq order (the `(org_id, seq)` index), with password hash and version. */
export async function exportResourcePage(
  session: PostgresSession,
  layout: ResourceLayout,
  page: { readonly orgId: string; readonly afterSeq: number; readonly limit: number },
): Promise<ExportedResource[]> {
  const sql = `SELECT ${resourceSelectList(layout, NO_DERIVED, 'r.*')} FROM ${layout.table} r WHERE r.org_id = ? AND r.seq > ? ORDER BY r.seq LIMIT ?`;
  const rows = await session.all<ResourceRow>(sql, [page.orgId, page.afterSeq, page.limit]);
  const resources = await readResources(session, layout, rows, NO_DERIVED, resourceOf);
  return rows.map((row, index) => ({
    seq: row.seq,
    resource: resources[index]!,
    passwordHash: typeof row['password_hash'] === 'string' ? row['password_hash'] : null,
    version: row.version,
  }));
}

/** `group_seq:seq` of the last membership read, or (0, 0) before the first. */
function parseCursor(after: string | undefined): [number, number] {
  if (after === undefined) return [0, 0];
  const parts = after.split(':').map(Number);
  if (parts.length !== 2 || !parts.every(Number.isSafeInteger)) throw new Error(`Not a PostgreSQL membership cursor: '${after}'`);
  return [parts[0]!, parts[1]!];
}

/** A page of memberships in (group, insertion) order; the cursor is the last row's `group_seq:seq`. */
export async function exportMembershipPage(
  session: PostgresSession,
  orgId: string,
  after: string | undefined,
  limit: number,
): Promise<MembershipPage> {
  const [groupSeq, seq] = parseCursor(after);
  const rows = await session.all<MembershipRow>(MEMBERSHIPS_SQL, [orgId, groupSeq, seq, limit]);
  const memberships = rows.map((row) => ({ groupId: row.group_id, value: row.member_id, type: row.member_type }));
  const last = rows[rows.length - 1];
  return rows.length < limit || !last ? { memberships } : { memberships, next: `${last.group_seq}:${last.seq}` };
}

/** How many rows of each kind the organization holds. */
export async function countOrganizationRows(session: PostgresSession, orgId: string): Promise<OrganizationCounts> {
  return (await session.get<OrganizationCounts>(COUNTS_SQL, [orgId, orgId, orgId, orgId]))!;
}
