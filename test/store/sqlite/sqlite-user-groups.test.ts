import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../../src/store/sqlite/sqlite-database.js';
import { SQLITE_MIGRATIONS, runSqliteMigrations } from '../../../src/store/sqlite/sqlite-migrations.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { NESTS_GROUPS_SQL } from '../../../src/store/sqlite/sqlite-user-groups.js';
import type { Store } from '../../../src/store/store.js';
import {
  ALL,
  ORG_A,
  ORG_B,
  attr,
  cmp,
  createUsersInTwoGroups,
  expectUsersInTwoGroups,
  group,
  listQuery,
  preparedStore,
  user,
} from '../store-fixtures.js';

/**
 * User.groups skips the recursive closure in organizations without nested groups (sqlite-user-groups.ts): these
 * pin that the answer switches to the closure as soon as, and only where, a group is nested.
 */
describe('SQLite User.groups with and without nested groups', () => {
  let store: Store;
  const groupsOf = async (org: string, id: string): Promise<unknown> => (await store.getResource(org, 'User', id, ALL))?.['groups'];
  const listedGroups = async (org: string): Promise<unknown[]> =>
    (await store.listResources(org, 'User', listQuery({ read: ALL }))).resources.map((resource) => resource['groups']);

  beforeEach(async () => {
    store = await preparedStore(async () => SqliteStore.open('sqlite::memory:'));
    for (const org of [ORG_A, ORG_B]) {
      await store.createResource(org, 'User', user('u1', 'ann'), null);
      await store.createResource(org, 'Group', group('inner', 'Inner', ['u1']), null);
      await store.createResource(org, 'Group', group('outer', 'Outer', []), null);
    }
  });
  afterEach(() => store.close());

  it('answers direct memberships, then indirect ones once a group is nested, in that organization only', async () => {
    const direct = [{ value: 'inner', display: 'Inner', type: 'direct' }];
    expect(await groupsOf(ORG_A, 'u1')).toEqual(direct);
    expect(await listedGroups(ORG_A)).toEqual([direct]);
    await store.updateResource(ORG_A, 'Group', 'outer', (current) => ({ resource: current, memberOps: [{ op: 'add', members: [{ value: 'inner' }] }] }), {}, '2026-03-01T00:00:00.000Z', ALL);
    const nested = [...direct, { value: 'outer', display: 'Outer', type: 'indirect' }];
    expect(await groupsOf(ORG_A, 'u1')).toEqual(nested);
    expect(await listedGroups(ORG_A)).toEqual([nested]);
    expect(await groupsOf(ORG_B, 'u1')).toEqual(direct);
  });

  it('looks up whether an organization nests groups through the partial index, not a scan', () => {
    const db = openSqliteDatabase('sqlite::memory:');
    runSqliteMigrations(db, SQLITE_MIGRATIONS);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${NESTS_GROUPS_SQL}`).all('org') as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/SEARCH group_members USING COVERING INDEX group_members_nested/);
    db.close();
  });

  it("reads a page's groups by each user's row key: each user its own, in group order, none for a user in none", async () => {
    for (const org of [ORG_A, ORG_B]) {
      await store.createResource(org, 'User', user('u2', 'bob'), null);
      await store.createResource(org, 'User', user('u3', 'cy'), null);
    }
    // Created after u1's group: u2 and u3 are its members in the reverse of the order they were added.
    await store.createResource(ORG_A, 'Group', group('later', 'Later', ['u3', 'u2', 'u1']), null);
    await store.createResource(ORG_B, 'Group', group('other', 'Other org', ['u2']), null);
    const inner = { value: 'inner', display: 'Inner', type: 'direct' };
    const later = { value: 'later', display: 'Later', type: 'direct' };
    expect(await listedGroups(ORG_A)).toEqual([[inner, later], [later], [later]]);
    expect(await listedGroups(ORG_B)).toEqual([[inner], [{ value: 'other', display: 'Other org', type: 'direct' }], undefined]);
    for (const id of ['u1', 'u2', 'u3']) {
      const listed = (await listedGroups(ORG_A))[['u1', 'u2', 'u3'].indexOf(id)];
      expect(await groupsOf(ORG_A, id)).toEqual(listed);
    }
  });
});

/**
 * group_members.member_seq (migration 6) is how reads find a user's groups: it must be filled for memberships
 * that existed before the migration (for ones imported before their user, see the store contract).
 */
describe('SQLite memberships by user row key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'roster-member-seq-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const unfilled = (url: string): number => {
    const db = openSqliteDatabase(url);
    const { n } = db.prepare("SELECT COUNT(*) AS n FROM group_members WHERE member_type = 'User' AND member_seq IS NULL").get() as { n: number };
    db.close();
    return n;
  };

  it('fills the row key of memberships made before migration 6', async () => {
    const url = `sqlite:${join(dir, 'old.db')}`;
    let store = await preparedStore(async () => SqliteStore.open(url));
    await createUsersInTwoGroups(store);
    await store.close();
    // The schema as migration 5 left it: no member_seq, migration 6 not recorded.
    const db = openSqliteDatabase(url);
    db.exec('DROP INDEX group_members_user_seq; ALTER TABLE group_members DROP COLUMN member_seq; DELETE FROM schema_migrations WHERE version = 6');
    db.close();

    store = await SqliteStore.open(url);
    await store.migrate();
    await expectUsersInTwoGroups(store);
    await store.close();
    expect(unfilled(url)).toBe(0);
  });
});

/**
 * A page reads its users' child rows by one seq range when the page is dense, else by probing each seq
 * (sqlite-resource-reader.ts, pageElements): either way each user gets exactly its own elements.
 */
describe('SQLite child rows of a page', () => {
  let store: Store;
  beforeEach(async () => {
    store = await preparedStore(async () => SqliteStore.open('sqlite::memory:'));
    // Two organizations' users interleaved in seq order, each with its own emails.
    for (let i = 0; i < 12; i += 1) {
      for (const org of [ORG_A, ORG_B]) {
        const emails = [{ value: `${org}-${i}@work.example`, type: 'work' }, { value: `${org}-${i}@home.example`, type: 'home' }];
        await store.createResource(org, 'User', user(`u${i}`, `user${i}`, { active: i % 5 === 0, emails }), null);
      }
    }
  });
  afterEach(() => store.close());

  const emailsOnPage = async (query: Parameters<typeof listQuery>[0]): Promise<Map<unknown, unknown>> => {
    const page = await store.listResources(ORG_A, 'User', listQuery(query));
    return new Map(page.resources.map((resource) => [resource['id'], resource['emails']]));
  };
  const ownEmails = async (id: unknown): Promise<unknown> => (await store.getResource(ORG_A, 'User', String(id), ALL))?.['emails'];

  it.each([
    ['a dense page in seq order (one range)', {}],
    ['a sparse filtered page (a probe per user)', { filter: cmp('User', 'active', 'eq', true) }],
    ['a page sorted by userName, descending', { sortBy: attr('User', 'userName'), sortOrder: 'descending' as const }],
  ])('%s', async (_, query) => {
    const listed = await emailsOnPage(query);
    expect(listed.size).toBeGreaterThan(1);
    for (const [id, emails] of listed) {
      expect(emails).toEqual(await ownEmails(id));
      expect(JSON.stringify(emails)).not.toContain(ORG_B);
    }
  });
});
