import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoundFilter } from '../../../src/scim/filter/filter-ast.js';
import { numberedPlaceholders } from '../../../src/store/postgres/postgres-database.js';
import { postgresListStatements } from '../../../src/store/postgres/postgres-list-statements.js';
import { PAGE_MEMBERS_SQL, resourceRowSql } from '../../../src/store/postgres/postgres-resource-reader.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { GROUP_LAYOUT, USER_LAYOUT, type ResourceLayout } from '../../../src/store/resource-layout.js';
import type { SqlValue } from '../../../src/store/resource-rows.js';
import type { ExportedResource, ListQuery } from '../../../src/store/store.js';
import { testStoreUrl } from '../../support/test-database.js';
import { ALL, attr, cmp, listQuery, user } from '../store-fixtures.js';

const USERS = 100_000;

/**
 * 100k users with a work and a home email each (10% without a family name), 5,000 groups, one with 50k members and
 * one with 33k, in org `org`.
 */
const SEED = `
  INSERT INTO organizations (id, name, created_at) VALUES ('org', 'Org', '2026-01-01'), ('other', 'Other', '2026-01-01');
  INSERT INTO users (org_id, id, user_name, user_name_fold, external_id, display_name, display_name_fold,
    family_name, family_name_fold, active, version, created, last_modified, data)
  SELECT CASE WHEN i % 50 = 0 THEN 'other' ELSE 'org' END, 'u' || i, 'User' || i || '@x.org', 'user' || i || '@x.org',
    'ext' || i, 'User ' || i, 'user ' || i,
    CASE WHEN i % 10 = 0 THEN NULL ELSE 'Family' || (i % 997) END, CASE WHEN i % 10 = 0 THEN NULL ELSE 'family' || (i % 997) END,
    1, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{"name":{"givenName":"G"}}'
  FROM generate_series(1, ${USERS}) AS i;
  INSERT INTO user_values (user_seq, org_id, attr, position, value, value_fold, type, "primary", display, element)
  SELECT seq, org_id, 'emails', 0, user_name, user_name_fold, 'work', 1, NULL, json_build_object('value', user_name, 'type', 'work')
  FROM users;
  INSERT INTO user_values (user_seq, org_id, attr, position, value, value_fold, type, "primary", display, element)
  SELECT seq, org_id, 'emails', 1, 'home.' || user_name, 'home.' || user_name_fold, 'home', NULL, NULL,
    json_build_object('value', 'home.' || user_name, 'type', 'home')
  FROM users;
  INSERT INTO groups (org_id, id, display_name, display_name_fold, version, created, last_modified, data)
  SELECT 'org', 'g' || i, 'Group ' || i, 'group ' || i, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{}'
  FROM generate_series(1, 5000) AS i;
  INSERT INTO group_members (group_seq, org_id, member_id, member_type, member_seq)
  SELECT (SELECT seq FROM groups WHERE id = 'g1'), 'org', id, 'User', seq FROM users WHERE org_id = 'org' AND seq % 2 = 0;
  INSERT INTO group_members (group_seq, org_id, member_id, member_type, member_seq)
  SELECT (SELECT seq FROM groups WHERE id = 'g2'), 'org', id, 'User', seq FROM users WHERE org_id = 'org' AND seq % 3 = 0;
  ANALYZE users, user_values, groups, group_members;
`;

const U = (path: string, value: string): BoundFilter => cmp('User', path, 'eq', value);

/** Each selective lookup is an index scan of the index named, never a sequential scan of the big tables. */
const INDEXED_LOOKUPS: readonly (readonly [string, string, ResourceLayout, BoundFilter])[] = [
  ['id', 'users_org_id_key', USER_LAYOUT, U('id', 'u77')],
  ['userName (folded)', 'users_org_user_name_key', USER_LAYOUT, U('userName', 'USER77@x.org')],
  ['externalId', 'users_org_external_id', USER_LAYOUT, U('externalId', 'ext77')],
  ['displayName (folded)', 'users_org_display_name', USER_LAYOUT, U('displayName', 'User 77')],
  ['emails.value', 'user_values_lookup', USER_LAYOUT, U('emails.value', 'user77@x.org')],
  ['Group displayName', 'groups_org_display_name_key', GROUP_LAYOUT, cmp('Group', 'displayName', 'eq', 'Group 7')],
  ['members.value', 'group_members_member', GROUP_LAYOUT, cmp('Group', 'members.value', 'eq', 'u2')],
];

/** The plan PostgreSQL picks for one of the store's statements. */
async function explainSql(client: pg.Client, sql: string, params: readonly SqlValue[]): Promise<string> {
  const result = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${numberedPlaceholders(sql)}`, [...params]);
  return result.rows.map((row) => row['QUERY PLAN']).join('\n');
}

/** The plan PostgreSQL picks for the page statement the store runs for a list of organization `org`. */
async function explain(client: pg.Client, layout: ResourceLayout, query: ListQuery): Promise<string> {
  const { page } = postgresListStatements(layout, 'org', query);
  return explainSql(client, page.sql, page.params);
}

/** The indexes that read a user's child rows, its groups and whether its organization nests groups. */
const USER_COLUMN_INDEXES = ['user_values_pkey', 'group_members_user_seq', 'groups_pkey', 'group_members_nested'];

describe('PostgreSQL query plans at 100k users', () => {
  let url: string;
  let client: pg.Client;

  beforeAll(async () => {
    url = await testStoreUrl();
    const store = PostgresStore.open(url);
    await store.migrate();
    await store.close();
    client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(SEED);
  }, 120_000);
  afterAll(async () => client.end());

  const plan = (layout: ResourceLayout, query: ListQuery): Promise<string> => explain(client, layout, query);

  it.each(INDEXED_LOOKUPS)('filter on %s uses %s', async (_, index, layout, filter) => {
    const detail = await plan(layout, listQuery({ filter }));
    expect(detail).toContain(`using ${index}`);
    expect(detail).not.toMatch(/Seq Scan on (users|user_values|group_members|groups)/);
  });

  // PostgreSQL plans a prepared statement anew on each of its first five executions, then keeps a generic plan
  // only if that is estimated no dearer: planning again on every lookup would cost about as much as running it.
  it.each(INDEXED_LOOKUPS)('a lookup on %s keeps a generic plan using %s', async (_, index, layout, filter) => {
    const { page } = postgresListStatements(layout, 'org', listQuery({ filter, count: 100, read: ALL }));
    const values = page.params.map((value) => (typeof value === 'string' ? client.escapeLiteral(value) : String(value))).join(', ');
    await client.query(`PREPARE lookup AS ${numberedPlaceholders(page.sql)}`);
    try {
      for (let run = 0; run < 6; run += 1) await client.query(`EXECUTE lookup(${values})`);
      const explained = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE lookup(${values})`);
      const detail = explained.rows.map((row) => row['QUERY PLAN']).join('\n');
      const uses = await client.query<{ generic_plans: string }>("SELECT generic_plans FROM pg_prepared_statements WHERE name = 'lookup'");
      expect(Number(uses.rows[0]!.generic_plans)).toBeGreaterThan(0);
      // A generic plan: the lookup's index is searched for a parameter ($n), not for this execution's value.
      expect(detail).toMatch(new RegExp(`using ${index} .*\\n\\s+Index Cond: .*\\$\\d`));
      expect(detail).not.toMatch(/Seq Scan/);
    } finally {
      await client.query('DEALLOCATE lookup');
    }
  });

  it('reads a user with its child rows, its groups and whether groups nest through indexes only', async () => {
    const detail = await explainSql(client, resourceRowSql(USER_LAYOUT, ALL), ['org', 'u2']);
    for (const index of ['users_org_id_key', ...USER_COLUMN_INDEXES]) expect(detail).toContain(`using ${index}`);
    expect(detail).not.toMatch(/Seq Scan/);
  });

  it('reads the page of a userName lookup, with child rows and groups, through indexes only', async () => {
    const detail = await plan(USER_LAYOUT, listQuery({ filter: U('userName', 'user2@x.org'), read: ALL }));
    for (const index of ['users_org_user_name_key', ...USER_COLUMN_INDEXES]) expect(detail).toContain(`using ${index}`);
    expect(detail).not.toMatch(/Seq Scan/);
  });

  it('reads the members of a page of groups in insertion order from their index, without sorting them', async () => {
    const seqs = await client.query<{ seq: number }>("SELECT seq FROM groups WHERE id IN ('g1', 'g2', 'g3')");
    const detail = await explainSql(client, PAGE_MEMBERS_SQL, [`{${seqs.rows.map((row) => row.seq).join(',')}}`]);
    expect(detail).toMatch(/Index Scan using group_members_order on group_members m/);
    expect(detail).not.toMatch(/^\s*(->\s*)?Sort\s+\(/m);
  });

  it.each([
    // Either index serves ORDER BY seq: (org_id, seq) for a small tenant, the seq key itself for a dominant one.
    ['the default order (seq)', /users_org_seq|users_pkey/, listQuery({ count: 100, startIndex: 5001 })],
    ['sortBy userName', /users_org_user_name_key/, listQuery({ count: 100, sortBy: attr('User', 'userName') })],
    [
      'sortBy name.familyName deep in the list',
      /users_org_family_name/,
      listQuery({ count: 100, startIndex: 50_001, sortBy: attr('User', 'name.familyName') }),
    ],
    ['sortBy name.familyName (absent last)', /users_org_family_name/, listQuery({ count: 100, sortBy: attr('User', 'name.familyName') })],
    [
      'sortBy name.familyName descending',
      /users_org_family_name/,
      listQuery({ count: 100, sortBy: attr('User', 'name.familyName'), sortOrder: 'descending' }),
    ],
  ])('%s walks %s without sorting the table', async (_, index, query) => {
    const detail = await plan(USER_LAYOUT, query);
    // Past the first page the skipped rows are stepped over in the index alone (Index Only Scan).
    expect(detail).toMatch(new RegExp(`Index (Only )?Scan( Backward)? using (${index.source})`));
    // A plain Sort node would sort every matching row; an Incremental Sort only orders ties of the index's key.
    expect(detail).not.toMatch(/^\s*(->\s*)?Sort\s+\(/m);
  });

  it.each([
    ['seq (no sortBy)', listQuery({ count: 100 }), null, /users_org_seq|users_pkey/],
    ['userName', listQuery({ count: 100, sortBy: attr('User', 'userName') }), 'user5@x.org', /users_org_user_name_key/],
    ['name.familyName, from a value', listQuery({ count: 100, sortBy: attr('User', 'name.familyName') }), 'family5', /users_org_family_name/],
    [
      'name.familyName descending, from an absent value',
      listQuery({ count: 100, sortBy: attr('User', 'name.familyName'), sortOrder: 'descending' }),
      null,
      /users_org_family_name/,
    ],
  ] as const)('continues a list in %s order after a known row by index ranges, without sorting', async (_, query, sortValue, index) => {
    const ranges = postgresListStatements(USER_LAYOUT, 'org', query).pageAfter!({ seq: 50_000, sortValue });
    for (const range of ranges) {
      const detail = await explainSql(client, range.sql, range.params);
      expect(detail).toMatch(new RegExp(`Index (Only )?Scan( Backward)? using (${index.source})`));
      expect(detail).not.toMatch(/^\s*(->\s*)?Sort\s+\(/m);
    }
  });
});

const IMPORTED_USERS = 20_000;
const IMPORT_CHUNK = 5_000;

/** Users as `roster migrate` and the bench load them: pages of exported resources, no ANALYZE by anyone else. */
function exportedUsers(from: number): ExportedResource[] {
  return Array.from({ length: IMPORT_CHUNK }, (_, i) => {
    const n = from + i;
    const resource = user(`u${n}`, `user${n}@x.org`, { name: { familyName: `Family${n % 997}` }, emails: [{ value: `user${n}@x.org` }] });
    return { seq: n + 1, version: 1, passwordHash: null, resource };
  });
}

describe('PostgreSQL query plans right after a bulk import', () => {
  let client: pg.Client;

  beforeAll(async () => {
    const url = await testStoreUrl();
    const store = PostgresStore.open(url);
    await store.migrate();
    await store.createOrganization({ id: 'org', name: 'Org', createdAt: '2026-01-01T00:00:00.000Z' });
    for (let from = 0; from < IMPORTED_USERS; from += IMPORT_CHUNK) await store.importResources('org', 'User', exportedUsers(from));
    await store.close();
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }, 120_000);
  afterAll(async () => client.end());

  // Without statistics the planner takes the organization for a few dozen rows and sorts all 20k of them; without
  // the visibility map it would read every skipped row from the table.
  it.each([
    [1, /Index Scan using users_org_family_name/],
    [IMPORTED_USERS / 2, /Index Only Scan using users_org_family_name/],
  ])('sortBy name.familyName from %i walks the index (%s) without sorting', async (startIndex, scan) => {
    const detail = await explain(client, USER_LAYOUT, listQuery({ count: 100, startIndex, sortBy: attr('User', 'name.familyName') }));
    expect(detail).toMatch(scan);
    expect(detail).not.toMatch(/^\s*(->\s*)?Sort\s+\(/m);
  });
});
