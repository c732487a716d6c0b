import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { ListQuery, Store } from '../../../src/store/store.js';
import { NONE, ORG_A, cmp, listQuery, preparedStore, user } from '../store-fixtures.js';

/**
 * Paging remembers totals and page boundaries (list-positions.ts; sqlite-store.ts names the database state);
 * these pin that every answer is still exactly what COUNT plus LIMIT/OFFSET gives, whatever was written between
 * two pages, by whichever connection.
 */
describe('SQLite list positions', () => {
  let dir: string;
  let url: string;
  let store: Store;

  const userNames = async (query: ListQuery, on: Store = store): Promise<{ total: number; names: unknown[] }> => {
    const page = await on.listResources(ORG_A, 'User', query);
    return { total: page.totalResults, names: page.resources.map((resource) => resource['userName']) };
  };
  const page = (startIndex: number, count = 3): ListQuery => listQuery({ startIndex, count, read: NONE });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roster-positions-'));
    url = `sqlite:${join(dir, 'roster.db')}`;
    store = await preparedStore(async () => SqliteStore.open(url));
    for (let i = 1; i <= 10; i += 1) await store.createResource(ORG_A, 'User', user(`u${i}`, `user${i}`), null);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages through every user once, in order, with the exact total on each page', async () => {
    const pages = [await userNames(page(1)), await userNames(page(4)), await userNames(page(7)), await userNames(page(10))];
    expect(pages.map((p) => p.total)).toEqual([10, 10, 10, 10]);
    expect(pages.flatMap((p) => p.names)).toEqual(Array.from({ length: 10 }, (_, i) => `user${i + 1}`));
  });

  it('answers by offset again after this connection deletes a user before the next page', async () => {
    await userNames(page(1));
    await store.deleteResource(ORG_A, 'User', 'u2', {});
    expect(await userNames(page(4))).toEqual({ total: 9, names: ['user5', 'user6', 'user7'] });
  });

  it('answers by offset again after another connection creates and deletes users between pages', async () => {
    await userNames(page(1));
    const other = SqliteStore.open(url);
    try {
      await other.deleteResource(ORG_A, 'User', 'u1', {});
      await other.createResource(ORG_A, 'User', user('u11', 'user11'), null);
      expect(await userNames(page(4))).toEqual({ total: 10, names: ['user5', 'user6', 'user7'] });
    } finally {
      await other.close();
    }
  });

  it('keeps filtered lists apart: the same offset of another filter is not continued from this one', async () => {
    const startsUser1 = cmp('User', 'userName', 'sw', 'user1');
    await userNames(page(1, 1));
    expect(await userNames(listQuery({ filter: startsUser1, startIndex: 2, count: 1, read: NONE }))).toEqual({ total: 2, names: ['user10'] });
  });

  it('counts a page past the end, and a count of 0, exactly', async () => {
    expect(await userNames(page(20))).toEqual({ total: 10, names: [] });
    expect(await userNames(listQuery({ count: 0 }))).toEqual({ total: 10, names: [] });
  });
});
