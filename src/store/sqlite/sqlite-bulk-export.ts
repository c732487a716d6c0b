import type { ResourceLayout } from '../resource-layout.js';
import { NO_DERIVED } from '../sql/sql-record-rows.js';
import type { ExportedResource, Membership, MembershipPage, OrganizationCounts } from '../store.js';
import { resourceOf } from '../row-forms.js';
import { readResources, type ResourceRow } from './sqlite-resource-reader.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';

// Rowid is insertion order, so one walk of the rowid range keeps every group's member order. `+m.org_id` keeps
// the planner off the (org_id, member_id) index: that would sort the whole organization's memberships per page.
const MEMBERSHIPS_SQL =
  'SELECT m.rowid AS seq, g.id AS group_id, m.member_id, m.member_type FROM group_members m ' +
  'JOIN groups g ON g.seq = m.group_seq WHERE +m.org_id = ? AND m.rowid > ? ORDER BY m.rowid LIMIT ?';
const COUNTS_SQL =
  'SELECT (SELECT COUNT(*) FROM users WHERE org_id = ?) AS users, (SELECT COUNT(*) FROM groups WHERE org_id = ?) AS groups, ' +
  '(SELECT COUNT(*) FROM group_members WHERE org_id = ?) AS memberships, (SELECT COUNT(*) FROM tokens WHERE org_id = ?) AS tokens';

interface MembershipRow {
  readonly seq: number;
  readonly group_id: string;
  readonly member_id: string;
  readonly member_type: Membership['type'];
}

/** A page of resources in seq order (the `(org_id, seq)` index), with password hash and version. */
export function exportResourcePage(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  page: { readonly orgId: string; readonly afterSeq: number; readonly limit: number },
): ExportedResource[] {
  const sql = `SELECT * FROM ${layout.table} WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?`;
  const rows = statements.get(sql).all(page.orgId, page.afterSeq, page.limit) as ResourceRow[];
  const resources = readResources(statements, layout, rows, NO_DERIVED, resourceOf);
  return rows.map((row, index) => ({
    seq: row.seq,
    resource: resources[index]!,
    passwordHash: typeof row['password_hash'] === 'string' ? row['password_hash'] : null,
    version: row.version,
  }));
}

/** A page of memberships in rowid order; the cursor is the last rowid. */
export function exportMembershipPage(
  statements: SqliteStatementCache,
  orgId: string,
  after: string | undefined,
  limit: number,
): MembershipPage {
  const afterRowid = after === undefined ? 0 : Number(after);
  if (!Number.isSafeInteger(afterRowid)) throw new Error(`Not a SQLite membership cursor: '${after}'`);
  const rows = statements.get(MEMBERSHIPS_SQL).all(orgId, afterRowid, limit) as MembershipRow[];
  const memberships = rows.map((row) => ({ groupId: row.group_id, value: row.member_id, type: row.member_type }));
  const last = rows[rows.length - 1];
  return rows.length < limit || !last ? { memberships } : { memberships, next: String(last.seq) };
}

/** How many rows of each kind the organization holds. */
export function countOrganizationRows(statements: SqliteStatementCache, orgId: string): OrganizationCounts {
  return statements.get(COUNTS_SQL).get(orgId, orgId, orgId, orgId) as OrganizationCounts;
}
