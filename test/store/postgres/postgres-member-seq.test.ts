import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import type { Store } from '../../../src/store/store.js';
import { testStoreUrl } from '../../support/test-database.js';
import { ALL, ORG_A, group, listQuery, preparedStore, user } from '../store-fixtures.js';

/** Runs `sql` on the database at `url` outside the store, as an operator's psql would. */
async function runSql(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * group_members.member_seq (migration 4) is how reads find a user's direct groups: migrating a database that
 * holds memberships must fill it for every one of them.
 */
describe('PostgreSQL memberships by user row key', () => {
  const pageGroups = async (store: Store): Promise<unknown[]> =>
    (await store.listResources(ORG_A, 'User', listQuery({ read: ALL }))).resources.map((resource) => resource['groups']);

  it('fills the row key of memberships made before migration 4', async () => {
    const url = await testStoreUrl();
    let store = await preparedStore(async () => PostgresStore.open(url));
    await store.createResource(ORG_A, 'User', user('u1', 'ann'), null);
    await store.createResource(ORG_A, 'User', user('u2', 'bob'), null);
    await store.createResource(ORG_A, 'Group', group('g1', 'One', ['u2', 'u1']), null);
    await store.createResource(ORG_A, 'Group', group('g2', 'Two', ['u2']), null);
    await store.close();
    // The schema as migration 3 left it: no member_seq, migration 4 not recorded.
    await runSql(url, 'ALTER TABLE group_members DROP COLUMN member_seq; DELETE FROM schema_migrations WHERE version = 4');

    store = PostgresStore.open(url);
    await store.migrate();
    const one = { value: 'g1', display: 'One', type: 'direct' };
    const two = { value: 'g2', display: 'Two', type: 'direct' };
    expect(await pageGroups(store)).toEqual([[one], [one, two]]);
    expect((await store.getResource(ORG_A, 'User', 'u2', ALL))?.['groups']).toEqual([one, two]);
    await store.close();
    const unfilled = await runSql(url, "SELECT COUNT(*) AS n FROM group_members WHERE member_type = 'User' AND member_seq IS NULL");
    expect(Number(unfilled.rows[0].n)).toBe(0);
  });
});
