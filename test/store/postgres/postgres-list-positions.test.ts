import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import type { ListQuery, Store } from '../../../src/store/store.js';
import { testStoreUrl } from '../../support/test-database.js';
import { listPositionsCases, page, userNames as namesOn } from '../list-positions-cases.js';
import { ORG_A, ORG_B, preparedStore, user } from '../store-fixtures.js';

/**
 * Paging remembers totals and page boundaries tagged with the organization's write count
 * (list-positions.ts, postgres-write-counts.ts); besides the cases every store passes, these pin that writes
 * outside Roster (plain SQL, TRUNCATE) are counted too, and that the count is what protects the answers.
 */
describe('PostgreSQL list positions', () => {
  let url: string;
  let store: Store;
  let sql: pg.Client;

  const userNames = async (query: ListQuery) => namesOn(store, query);
  const writeCount = async (org: string): Promise<number> =>
    Number((await sql.query('SELECT COALESCE(sum(writes), 0) AS n FROM organization_writes WHERE org_id = $1', [org])).rows[0].n);

  beforeEach(async () => {
    url = await testStoreUrl();
    store = await preparedStore(async () => PostgresStore.open(url));
    for (let i = 1; i <= 10; i += 1) await store.createResource(ORG_A, 'User', user(`u${i}`, `user${i}`), null);
    sql = new pg.Client({ connectionString: url });
    await sql.connect();
  });
  afterEach(async () => {
    await sql.end();
    await store.close();
  });

  listPositionsCases(() => ({ store, openOther: () => PostgresStore.open(url) }));

  it('answers by offset again after plain SQL outside Roster deletes a row between pages', async () => {
    await userNames(page(1));
    await sql.query("DELETE FROM users WHERE org_id = $1 AND id = 'u2'", [ORG_A]);
    expect(await userNames(page(4))).toEqual({ total: 9, names: ['user5', 'user6', 'user7'] });
  });

  it('continues from what it remembered: unseen by the write count, a deleted row would still be counted', async () => {
    await userNames(page(1));
    await sql.query('ALTER TABLE users DISABLE TRIGGER users_count_write');
    await sql.query("DELETE FROM users WHERE org_id = $1 AND id = 'u2'", [ORG_A]);
    // The remembered total and the row after the remembered boundary: what the trigger exists to invalidate.
    expect(await userNames(page(4))).toEqual({ total: 10, names: ['user4', 'user5', 'user6'] });
  });

  it('counts one write per committed transaction and organization, none for a rolled back one', async () => {
    const before = await writeCount(ORG_A);
    await sql.query('BEGIN');
    await sql.query("UPDATE users SET active = 0 WHERE org_id = $1 AND id IN ('u1', 'u2')", [ORG_A]);
    await sql.query("DELETE FROM user_values WHERE org_id = $1 AND user_seq IN (SELECT seq FROM users WHERE id = 'u3')", [ORG_A]);
    await sql.query('COMMIT');
    expect(await writeCount(ORG_A)).toBe(before + 1);
    await sql.query('BEGIN');
    await sql.query("DELETE FROM users WHERE org_id = $1 AND id = 'u1'", [ORG_A]);
    await sql.query('ROLLBACK');
    expect(await writeCount(ORG_A)).toBe(before + 1);
    expect(await writeCount(ORG_B)).toBe(0);
  });

  it('counts a TRUNCATE as a write of every organization', async () => {
    await userNames(page(1));
    await sql.query('TRUNCATE users CASCADE');
    expect(await userNames(page(4))).toEqual({ total: 0, names: [] });
    expect(await writeCount(ORG_B)).toBeGreaterThan(0);
  });
});
