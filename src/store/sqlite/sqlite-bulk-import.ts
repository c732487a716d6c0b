import { notFound } from '../../scim/errors/scim-error.js';
import type { ResourceLayout } from '../resource-layout.js';
import { toRecord } from '../resource-rows.js';
import type { ExportedResource, Membership } from '../store.js';
import { insertResource } from './sqlite-resource-writer.js';
import type { SqliteStatementCache } from './sqlite-statement-cache.js';

// Each insert takes the next rowid, so members keep the order they are given in.
const INSERT_MEMBERSHIP_SQL =
  'INSERT INTO group_members (group_seq, org_id, member_id, member_type) ' +
  'SELECT seq, org_id, ?, ? FROM groups WHERE org_id = ? AND id = ?';

/** Inserts exported resources with their own version and password hash (call inside a transaction). */
export function insertExportedResources(
  statements: SqliteStatementCache,
  layout: ResourceLayout,
  orgId: string,
  rows: readonly ExportedResource[],
): void {
  for (const row of rows) {
    const extras = { version: row.version, ...(layout.table === 'users' ? { passwordHash: row.passwordHash } : {}) };
    insertResource(statements, layout, orgId, toRecord(layout, row.resource), extras);
  }
}

/** Appends memberships in order (call inside a transaction); throws when a group is not in the organization. */
export function insertMemberships(statements: SqliteStatementCache, orgId: string, memberships: readonly Membership[]): void {
  const insert = statements.get(INSERT_MEMBERSHIP_SQL);
  for (const membership of memberships) {
    const changes = insert.run(membership.value, membership.type, orgId, membership.groupId).changes;
    if (changes !== 1) throw notFound(`Group '${membership.groupId}' not found: import groups before their members`);
  }
}
