import type pg from 'pg';
import { notFound } from '../../scim/errors/scim-error.js';
import type { JsonObject } from '../../scim/resource/json.js';
import type { ResourceTypeName } from '../../scim/schema/resource-types.js';
import { layoutOf, type ResourceLayout } from '../resource-layout.js';
import { toInstantText, toRecord, writtenResource } from '../resource-rows.js';
import { resourceOf, wireEntryOf } from '../row-forms.js';
import { checkIfMatch } from '../resource-version.js';
import { memberIdsOf, NO_DERIVED, toToken, type TokenRow } from '../sql/sql-record-rows.js';
import { userDisplayNamesQuery, type UserDisplayNameRow } from '../sql/sql-user-names.js';
import type {
  ActivityEntry,
  ExportedResource,
  ListQuery,
  ListResult,
  Membership,
  MembershipPage,
  Mutation,
  Organization,
  OrganizationCounts,
  ReadOptions,
  ScimResource,
  Store,
  TokenRecord,
  WireListResult,
  WriteConditions,
} from '../store.js';
import { insertActivity, selectActivity } from './postgres-activity-log.js';
import { countOrganizationRows, exportMembershipPage, exportResourcePage } from './postgres-bulk-export.js';
import { insertExportedResources, insertMemberships } from './postgres-bulk-import.js';
import { POSTGRES_DIALECT } from './postgres-dialect.js';
import { uniquenessErrorOf } from './postgres-constraint-errors.js';
import { inTransaction, openPostgresPool, PostgresSession, storableRecord } from './postgres-database.js';
import { addMembers, applyMemberOps } from './postgres-group-members.js';
import { ImportVacuum } from './postgres-import-vacuum.js';
import { ListPositionsCache } from '../list-positions.js';
import { readListPage } from './postgres-list-reader.js';
import { POSTGRES_MIGRATIONS, runPostgresMigrations } from './postgres-migrations.js';
import { findResourceRow, lockResourceRow, readResource, readResources, type LockedRow, type ResourceRow } from './postgres-resource-reader.js';
import { insertResource, updateResourceRow } from './postgres-resource-writer.js';

/** Runs `work`, turning a unique violation a client caused into its 409. */
async function guardUniqueness<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw uniquenessErrorOf(error) ?? error;
  }
}

/**
 * The Store on PostgreSQL (pg, one pool): the same tables and the same filter compiler as SQLite. Every write is
 * one transaction that locks the row it changes (`FOR UPDATE`), so several Roster instances on one database keep
 * every invariant: unique constraints decide concurrent creates, If-Match is checked under the lock.
 */
export class PostgresStore implements Store {
  private readonly session: PostgresSession;
  private readonly listPositions = new ListPositionsCache<number>();
  private readonly importVacuum = new ImportVacuum();

  private constructor(private readonly pool: pg.Pool) {
    this.session = new PostgresSession(pool);
  }

  /** Connects lazily to `postgres://user:password@host:port/database` (or `postgresql://`). */
  static open(url: string): PostgresStore {
    return new PostgresStore(openPostgresPool(url));
  }

  async migrate(): Promise<void> {
    await runPostgresMigrations(this.pool, POSTGRES_MIGRATIONS);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async createOrganization(org: Organization): Promise<Organization> {
    await this.session.run('INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)', [org.id, org.name, org.createdAt]);
    return org;
  }

  async getOrganization(id: string): Promise<Organization | undefined> {
    return this.session.get<Organization>('SELECT id, name, created_at AS "createdAt" FROM organizations WHERE id = ?', [id]);
  }

  async listOrganizations(): Promise<Organization[]> {
    return this.session.all<Organization>('SELECT id, name, created_at AS "createdAt" FROM organizations ORDER BY seq');
  }

  async createToken(token: TokenRecord): Promise<void> {
    await this.session.run('INSERT INTO tokens (id, org_id, secret_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)', [
      token.id,
      token.orgId,
      token.secretHash,
      token.createdAt,
      token.revokedAt,
    ]);
  }

  async findToken(id: string): Promise<TokenRecord | undefined> {
    const row = await this.session.get<TokenRow>('SELECT * FROM tokens WHERE id = ?', [id]);
    return row && toToken(row);
  }

  async listTokens(orgId: string): Promise<TokenRecord[]> {
    return (await this.session.all<TokenRow>('SELECT * FROM tokens WHERE org_id = ? ORDER BY seq', [orgId])).map(toToken);
  }

  async revokeToken(orgId: string, tokenId: string, at: string): Promise<boolean> {
    const changed = await this.session.run('UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE org_id = ? AND id = ?', [
      at,
      orgId,
      tokenId,
    ]);
    return changed > 0;
  }

  async createResource(orgId: string, type: ResourceTypeName, resource: ScimResource, passwordHash: string | null): Promise<ScimResource> {
    const layout = layoutOf(type);
    const record = storableRecord(layout, resource);
    if (type === 'User') {
      // One statement, no transaction around it, and the answer is what was written: a user just created under
      // a new id is in no group yet. One round trip where BEGIN, two inserts, a read-back and COMMIT took five.
      await guardUniqueness(() => insertResource(this.session, layout, orgId, record, { version: 1, passwordHash }));
      return writtenResource(layout, record, 1);
    }
    return inTransaction(this.pool, async (session) => {
      const seq = await guardUniqueness(() => insertResource(session, layout, orgId, record, { version: 1 }));
      const id = String(record.columns['id']);
      await addMembers(session, { orgId, seq, id }, memberIdsOf(resource));
      return this.readOrFail(session, layout, orgId, id, { members: true, groups: false });
    });
  }

  async getResource(orgId: string, type: ResourceTypeName, id: string, read: ReadOptions): Promise<ScimResource | undefined> {
    const layout = layoutOf(type);
    const row = await findResourceRow(this.session, layout, orgId, id, read);
    return row && readResource(this.session, layout, row, read);
  }

  async userDisplayNames(orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const query = userDisplayNamesQuery(POSTGRES_DIALECT, orgId, ids);
    const rows = await this.session.all<UserDisplayNameRow>(query.sql, query.params);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async updateResource(
    orgId: string,
    type: ResourceTypeName,
    id: string,
    mutation: Mutation,
    conditions: WriteConditions,
    now: string,
    read: ReadOptions,
  ): Promise<ScimResource> {
    const layout = layoutOf(type);
    return inTransaction(this.pool, async (session) => {
      checkIfMatch(conditions, (await this.lockOrFail(session, layout, orgId, id)).version);
      // A user's groups are read with its row, under the row lock: a user's update does not change them, and a
      // membership add waits for the lock (FOR KEY SHARE), so the answer needs no read-back.
      const userGroups = type === 'User' ? read : NO_DERIVED;
      const row = await this.rowOrFail(session, layout, orgId, id, userGroups);
      const [stored] = await readResources(session, layout, [row], userGroups, resourceOf);
      const { [layout.derived]: derived, ...current } = stored!;
      const result = mutation(structuredClone(current));
      const meta = { ...(current['meta'] as JsonObject), lastModified: toInstantText(now, 'meta.lastModified') };
      const after = storableRecord(layout, { ...result.resource, id: row.id, meta });
      const extras = { version: row.version + 1, ...(type === 'User' ? { passwordHash: result.passwordHash } : {}) };
      const change = { before: toRecord(layout, current), after, extras };
      await guardUniqueness(() => updateResourceRow(session, layout, orgId, row.seq, change));
      if (type === 'Group') {
        await applyMemberOps(session, { orgId, seq: row.seq, id: row.id }, result.memberOps ?? []);
        // Members asked for are read back; otherwise (a PATCH answered 204) what was written is the answer.
        if (read.members) return this.readOrFail(session, layout, orgId, id, read);
      }
      const written = writtenResource(layout, after, extras.version);
      return derived === undefined ? written : { ...written, [layout.derived]: derived };
    });
  }

  async deleteResource(orgId: string, type: ResourceTypeName, id: string, conditions: WriteConditions): Promise<void> {
    const layout = layoutOf(type);
    await inTransaction(this.pool, async (session) => {
      const row = await this.lockOrFail(session, layout, orgId, id);
      checkIfMatch(conditions, row.version);
      // The row first: a concurrent add of this member holds FOR KEY SHARE on it, so this waits for that add to
      // commit and the membership delete below then sees (and removes) what it inserted.
      // Child rows (user_values, the group's own group_members) go with the row: ON DELETE CASCADE.
      await session.run(`DELETE FROM ${layout.table} WHERE seq = ?`, [row.seq]);
      await session.run('DELETE FROM group_members WHERE org_id = ? AND member_id = ? AND member_type = ?', [orgId, id, type]);
    });
  }

  async listResources(orgId: string, type: ResourceTypeName, query: ListQuery): Promise<ListResult> {
    const page = await readListPage(this.session, this.listPositions, layoutOf(type), orgId, query, resourceOf);
    return { totalResults: page.totalResults, resources: page.items };
  }

  /** `json` columns keep the text they were written as, so rows are spliced like SQLite's (row-forms.ts). */
  async listForWire(orgId: string, type: ResourceTypeName, query: ListQuery, baseUrl: string): Promise<WireListResult> {
    const layout = layoutOf(type);
    const page = await readListPage(this.session, this.listPositions, layout, orgId, query, wireEntryOf(layout, baseUrl));
    return { totalResults: page.totalResults, entries: page.items };
  }

  async exportResources(orgId: string, type: ResourceTypeName, afterSeq: number, limit: number): Promise<ExportedResource[]> {
    return exportResourcePage(this.session, layoutOf(type), { orgId, afterSeq, limit });
  }

  async importResources(orgId: string, type: ResourceTypeName, rows: readonly ExportedResource[]): Promise<void> {
    const layout = layoutOf(type);
    const inserted = await inTransaction(this.pool, (session) => guardUniqueness(() => insertExportedResources(session, layout, orgId, rows)));
    await this.importVacuum.recordImport(this.session, orgId, inserted);
  }

  async exportMemberships(orgId: string, after: string | undefined, limit: number): Promise<MembershipPage> {
    return exportMembershipPage(this.session, orgId, after, limit);
  }

  async importMemberships(orgId: string, memberships: readonly Membership[]): Promise<void> {
    const inserted = await inTransaction(this.pool, (session) => insertMemberships(session, orgId, memberships));
    await this.importVacuum.recordImport(this.session, orgId, inserted);
  }

  async countOrganization(orgId: string): Promise<OrganizationCounts> {
    return countOrganizationRows(this.session, orgId);
  }

  async appendActivity(entries: readonly ActivityEntry[], retainSince: string): Promise<void> {
    await inTransaction(this.pool, (session) => insertActivity(session, entries, retainSince));
  }

  async listActivity(orgId: string, limit: number): Promise<ActivityEntry[]> {
    return selectActivity(this.session, orgId, limit);
  }

  private async lockOrFail(session: PostgresSession, layout: ResourceLayout, orgId: string, id: string): Promise<LockedRow> {
    const row = await lockResourceRow(session, layout, orgId, id);
    if (!row) throw notFound(`${layout.type.name} '${id}' not found`);
    return row;
  }

  private async rowOrFail(session: PostgresSession, layout: ResourceLayout, orgId: string, id: string, read: ReadOptions): Promise<ResourceRow> {
    const row = await findResourceRow(session, layout, orgId, id, read);
    if (!row) throw notFound(`${layout.type.name} '${id}' not found`);
    return row;
  }

  private async readOrFail(session: PostgresSession, layout: ResourceLayout, orgId: string, id: string, read: ReadOptions): Promise<ScimResource> {
    return readResource(session, layout, await this.rowOrFail(session, layout, orgId, id, read), read);
  }
}
