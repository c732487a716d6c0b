import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../../src/store/sqlite/sqlite-database.js';
import { SQLITE_MIGRATIONS, runSqliteMigrations } from '../../../src/store/sqlite/sqlite-migrations.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { NESTS_GROUPS_SQL } from '../../../src/store/sqlite/sqlite-user-groups.js';
import type { Store } from '../../../src/store/store.js';
import { ALL, ORG_A, ORG_B, group, listQuery, preparedStore, user } from '../store-fixtures.js';

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
});
