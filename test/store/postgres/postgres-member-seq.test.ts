import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { testStoreUrl } from '../../support/test-database.js';
import { createUsersInTwoGroups, expectUsersInTwoGroups, preparedStore } from '../store-fixtures.js';

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
  it('fills the row key of memberships made before migration 4', async () => {
    const url = await testStoreUrl();
    let store = await preparedStore(async () => PostgresStore.open(url));
    await createUsersInTwoGroups(store);
    await store.close();
    // The schema as migration 3 left it: no member_seq, migration 4 not recorded.
    await runSql(url, 'ALTER TABLE group_members DROP COLUMN member_seq; DELETE FROM schema_migrations WHERE version = 4');

    store = PostgresStore.open(url);
    await store.migrate();
    await expectUsersInTwoGroups(store);
    await store.close();
    const unfilled = await runSql(url, "SELECT COUNT(*) AS n FROM group_members WHERE member_type = 'User' AND member_seq IS NULL");
    expect(Number(unfilled.rows[0].n)).toBe(0);
  });
});
