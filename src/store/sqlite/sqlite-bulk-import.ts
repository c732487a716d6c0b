import { notFound } from '../../scim/errors/scim-error.js';
import type { ResourceLayout } from '../resource-layout.js';
import { toRecord } from '../resource-rows.js';
import type { ExportedResource, Membership } from '../store.js';
import { insertResource } from './sqlite-resource-writer.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';

// Each insert takes the next rowid, so members keep the order they are given in. A user member gets its row key.
const INSERT_MEMBERSHIP_SQL =
  'INSERT INTO group_members (group_seq, org_id, member_id, member_type, member_seq) ' +
  "SELECT g.seq, g.org_id, ?, ?, CASE WHEN ? = 'User' THEN (SELECT u.seq FROM users u WHERE u.org_id = g.org_id AND u.id = ?) END " +
  'FROM groups g WHERE g.org_id = ? AND g.id = ?';
// A user imported after memberships naming it (the store's contract asks for users first) still gets them.
const CLAIM_MEMBERSHIPS_SQL =
  "UPDATE group_members SET member_seq = ? WHERE org_id = ? AND member_id = ? AND member_type = 'User' AND member_seq IS NULL";

/** Inserts exported resources with their own version and password hash (call inside a transaction). */
export function insertExportedResources(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  orgId: string,
  rows: readonly ExportedResource[],
): void {
  for (const row of rows) {
    const extras = { version: row.version, ...(layout.table === 'users' ? { passwordHash: row.passwordHash } : {}) };
    const inserted = insertResource(statements, layout, orgId, toRecord(layout, row.resource), extras);
    if (layout.table === 'users') statements.get(CLAIM_MEMBERSHIPS_SQL).run(inserted.seq, orgId, inserted.id);
  }
}

/** Appends memberships in order (call inside a transaction); throws when a group is not in the organization. */
export function insertMemberships(statements: SqliteStatementCache, orgId: string, memberships: readonly Membership[]): void {
  const insert = statements.get(INSERT_MEMBERSHIP_SQL);
  for (const membership of memberships) {
    const { value, type } = membership;
    const changes = insert.run(value, type, type, value, orgId, membership.groupId).changes;
    if (changes !== 1) throw notFound(`Group '${membership.groupId}' not found: import groups before their members`);
  }
}
