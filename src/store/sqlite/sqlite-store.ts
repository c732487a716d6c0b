import type Database from 'better-sqlite3';
import { notFound } from '../../scim/errors/scim-error.js';
import type { JsonObject } from '../../scim/resource/json.js';
import type { ResourceTypeName } from '../../scim/schema/resource-types.js';
import { layoutOf, type ResourceLayout } from '../resource-layout.js';
import { elementsInReadOrder, toInstantText, toRecord } from '../resource-rows.js';
import { resourceOf, wireEntryOf, type RowForm } from '../row-forms.js';
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
import { insertActivity, selectActivity } from './sqlite-activity-log.js';
import { countOrganizationRows, exportMembershipPage, exportResourcePage } from './sqlite-bulk-export.js';
import { insertExportedResources, insertMemberships } from './sqlite-bulk-import.js';
import { SQLITE_DIALECT } from './sqlite-dialect.js';
import { uniquenessErrorOf } from './sqlite-constraint-errors.js';
import { leaveCheckpointsToAReadThread, openSqliteDatabase, useBulkImportPageCache } from './sqlite-database.js';
import { addMembers, applyMemberOps } from './sqlite-group-members.js';
import { walFramesToCopy } from './sqlite-wal-index.js';
import { SQLITE_MIGRATIONS, runSqliteMigrations } from './sqlite-migrations.js';
import { ListPositionsCache, type ListPage, type ListPositions } from '../list-positions.js';
import { readListPage } from './sqlite-list-reader.js';
import { assembleResource, findResourceRow, findUser, readResource, type ResourceRow } from './sqlite-resource-reader.js';
import { insertResource, updateResourceRow } from './sqlite-resource-writer.js';
import { SqliteStatementCache } from './sqlite-statement-cache.js';
import { SqliteTokenCache } from './sqlite-token-cache.js';
import { SqliteWriteBatch } from './sqlite-write-batch.js';

/** Runs `work`, turning a UNIQUE violation a client caused into its 409. */
function guardUniqueness<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw uniquenessErrorOf(error) ?? error;
  }
}

/** The Store on embedded SQLite (better-sqlite3): synchronous, one connection; concurrent writes share a commit. */
export class SqliteStore implements Store {
  private readonly statements: SqliteStatementCache;
  private readonly listPositions = new ListPositionsCache<string>();
  /** Resource writes of this connection; with PRAGMA data_version (other connections) it names the database state. */
  private resourceWrites = 0;
  /** Create, update and delete share a commit with the other writes of the same event-loop turn. */
  private readonly writes: SqliteWriteBatch;
  private readonly tokens: SqliteTokenCache;
  /**
   * A list's statements (database state, rows, child rows, groups) in one read transaction: one snapshot, and
   * SQLite's WAL read lock taken and released once (two fcntl calls) instead of once per statement.
   */
  private readonly readListInOneSnapshot: <T>(orgId: string, type: ResourceTypeName, query: ListQuery, form: RowForm<T>) => ListPage<T>;

  private constructor(private readonly db: Database.Database) {
    this.statements = new SqliteStatementCache(db);
    // better-sqlite3's transaction() keeps the parameter types but not a type parameter: it is restored here.
    this.readListInOneSnapshot = db.transaction((orgId: string, type: ResourceTypeName, query: ListQuery, form: RowForm<unknown>) =>
      this.readList(orgId, type, query, form),
    ) as <T>(orgId: string, type: ResourceTypeName, query: ListQuery, form: RowForm<T>) => ListPage<T>;
    this.tokens = new SqliteTokenCache(this.statements);
    this.writes = new SqliteWriteBatch(db, () => {
      this.resourceWrites += 1;
    });
  }

  /**
   * Opens `sqlite:./path/file.db`, `sqlite:/abs/path.db` or `sqlite::memory:` (parent folders are created). With
   * `checkpointsInReadThread`, the WAL checkpoints are a read thread's (`checkpointWal`), this connection's a backstop.
   */
  static open(url: string, options: { readonly checkpointsInReadThread?: boolean } = {}): SqliteStore {
    const db = openSqliteDatabase(url);
    if (options.checkpointsInReadThread) leaveCheckpointsToAReadThread(db);
    return new SqliteStore(db);
  }

  /** Opens a file the server has migrated, for reads only: a read thread's connection (service/read-threads.ts). */
  static openForReads(url: string): SqliteStore {
    return new SqliteStore(openSqliteDatabase(url, 'query-only'));
  }

  async migrate(): Promise<void> {
    runSqliteMigrations(this.db, SQLITE_MIGRATIONS);
  }

  /**
   * When the WAL holds at least `minFrames` frames not yet copied (or that cannot be told), copies what it can of
   * them into the database file without waiting for any lock (a PASSIVE checkpoint): what a read thread runs for
   * the server's connection. An in-memory database has no WAL.
   */
  checkpointWal(minFrames: number): void {
    if (this.db.memory) return;
    if ((walFramesToCopy(this.db.name) ?? minFrames) < minFrames) return;
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  async close(): Promise<void> {
    this.writes.drain();
    this.db.close();
  }

  async createOrganization(org: Organization): Promise<Organization> {
    this.statements.get('INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)').run(org.id, org.name, org.createdAt);
    return org;
  }

  async getOrganization(id: string): Promise<Organization | undefined> {
    return this.statements
      .get('SELECT id, name, created_at AS createdAt FROM organizations WHERE id = ?')
      .get(id) as Organization | undefined;
  }

  async listOrganizations(): Promise<Organization[]> {
    return this.statements
      .get('SELECT id, name, created_at AS createdAt FROM organizations ORDER BY rowid')
      .all() as Organization[];
  }

  async createToken(token: TokenRecord): Promise<void> {
    this.statements
      .get('INSERT INTO tokens (id, org_id, secret_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)')
      .run(token.id, token.orgId, token.secretHash, token.createdAt, token.revokedAt);
    this.tokens.forget();
  }

  async findToken(id: string): Promise<TokenRecord | undefined> {
    return this.tokens.find(id);
  }

  async listTokens(orgId: string): Promise<TokenRecord[]> {
    const rows = this.statements.get('SELECT * FROM tokens WHERE org_id = ? ORDER BY rowid').all(orgId) as TokenRow[];
    return rows.map(toToken);
  }

  async revokeToken(orgId: string, tokenId: string, at: string): Promise<boolean> {
    const result = this.statements
      .get('UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE org_id = ? AND id = ?')
      .run(at, orgId, tokenId);
    this.tokens.forget();
    return result.changes > 0;
  }

  async createResource(
    orgId: string,
    type: ResourceTypeName,
    resource: ScimResource,
    passwordHash: string | null,
  ): Promise<ScimResource> {
    const layout = layoutOf(type);
    const record = toRecord(layout, resource);
    const row = await this.writes.run(() => {
      const extras = { version: 1, ...(type === 'User' ? { passwordHash } : {}) };
      const inserted = guardUniqueness(() => insertResource(this.statements, layout, orgId, record, extras));
      if (type === 'Group') addMembers(this.statements, { orgId, seq: inserted.seq, id: inserted.id }, memberIdsOf(resource));
      return inserted;
    });
    // What was just written, in the order a read returns child rows: no read-back of the row and its elements.
    // A user just created under a new id is in no group yet, so its groups are not looked up.
    return assembleResource(this.statements, layout, row, elementsInReadOrder(record.elements), { members: true, groups: false });
  }

  async getResource(
    orgId: string,
    type: ResourceTypeName,
    id: string,
    read: ReadOptions,
  ): Promise<ScimResource | undefined> {
    const layout = layoutOf(type);
    if (layout.table === 'users') return findUser(this.statements, orgId, id, read);
    const row = findResourceRow(this.statements, layout, orgId, id);
    return row && readResource(this.statements, layout, row, read);
  }

  async userDisplayNames(orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const query = userDisplayNamesQuery(SQLITE_DIALECT, orgId, ids);
    const rows = this.statements.rows(query.sql, ...query.params) as UserDisplayNameRow[];
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
    await this.writes.run(() => {
      const row = this.rowOrFail(layout, orgId, id);
      checkIfMatch(conditions, row.version);
      const current = readResource(this.statements, layout, row, NO_DERIVED);
      const result = mutation(structuredClone(current));
      const meta = { ...(current['meta'] as JsonObject), lastModified: toInstantText(now, 'meta.lastModified') };
      const after = toRecord(layout, { ...result.resource, id: row.id, meta });
      const extras = { version: row.version + 1, ...(type === 'User' ? { passwordHash: result.passwordHash } : {}) };
      const change = { before: toRecord(layout, current), after, extras };
      guardUniqueness(() => updateResourceRow(this.statements, layout, orgId, row, change));
      applyMemberOps(this.statements, { orgId, seq: row.seq, id: row.id }, result.memberOps ?? []);
    });
    return this.readOrFail(layout, orgId, id, read);
  }

  async deleteResource(
    orgId: string,
    type: ResourceTypeName,
    id: string,
    conditions: WriteConditions,
  ): Promise<void> {
    const layout = layoutOf(type);
    await this.writes.run(() => {
      const row = this.rowOrFail(layout, orgId, id);
      checkIfMatch(conditions, row.version);
      this.statements
        .get('DELETE FROM group_members WHERE org_id = ? AND member_id = ? AND member_type = ?')
        .run(orgId, id, type);
      // Child rows (user_values, the group's own group_members) go with the row: ON DELETE CASCADE.
      this.statements.get(`DELETE FROM ${layout.table} WHERE seq = ?`).run(row.seq);
    });
  }

  async listResources(orgId: string, type: ResourceTypeName, query: ListQuery): Promise<ListResult> {
    const page = this.readListInOneSnapshot(orgId, type, query, resourceOf);
    return { totalResults: page.totalResults, resources: page.items };
  }

  async listForWire(orgId: string, type: ResourceTypeName, query: ListQuery, baseUrl: string): Promise<WireListResult> {
    const page = this.readListInOneSnapshot(orgId, type, query, wireEntryOf(layoutOf(type), baseUrl));
    return { totalResults: page.totalResults, entries: page.items };
  }

  private readList<T>(orgId: string, type: ResourceTypeName, query: ListQuery, form: RowForm<T>): ListPage<T> {
    const state = `${String(this.statements.get('PRAGMA data_version').pluck().get())}/${this.resourceWrites}`;
    const positionsOf = (key: string): ListPositions<string> => this.listPositions.at(key, state);
    return readListPage(this.statements, positionsOf, layoutOf(type), orgId, query, form);
  }

  async exportResources(orgId: string, type: ResourceTypeName, afterSeq: number, limit: number): Promise<ExportedResource[]> {
    return exportResourcePage(this.statements, layoutOf(type), { orgId, afterSeq, limit });
  }

  async importResources(orgId: string, type: ResourceTypeName, rows: readonly ExportedResource[]): Promise<void> {
    this.resourceWrites += 1;
    useBulkImportPageCache(this.db);
    const layout = layoutOf(type);
    this.db.transaction(() => guardUniqueness(() => insertExportedResources(this.statements, layout, orgId, rows))).immediate();
  }

  async exportMemberships(orgId: string, after: string | undefined, limit: number): Promise<MembershipPage> {
    return exportMembershipPage(this.statements, orgId, after, limit);
  }

  async importMemberships(orgId: string, memberships: readonly Membership[]): Promise<void> {
    this.resourceWrites += 1;
    useBulkImportPageCache(this.db);
    this.db.transaction(() => insertMemberships(this.statements, orgId, memberships)).immediate();
  }

  async countOrganization(orgId: string): Promise<OrganizationCounts> {
    return countOrganizationRows(this.statements, orgId);
  }

  async appendActivity(entries: readonly ActivityEntry[], retainSince: string): Promise<void> {
    this.db.transaction(() => insertActivity(this.statements, entries, retainSince)).immediate();
  }

  async listActivity(orgId: string, limit: number): Promise<ActivityEntry[]> {
    return selectActivity(this.statements, orgId, limit);
  }

  private rowOrFail(layout: ResourceLayout, orgId: string, id: string): ResourceRow {
    const row = findResourceRow(this.statements, layout, orgId, id);
    if (!row) throw notFound(`${layout.type.name} '${id}' not found`);
    return row;
  }

  private readOrFail(layout: ResourceLayout, orgId: string, id: string, read: ReadOptions): ScimResource {
    return readResource(this.statements, layout, this.rowOrFail(layout, orgId, id), read);
  }
}
