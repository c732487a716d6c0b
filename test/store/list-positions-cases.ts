import { expect, it } from 'vitest';
import type { ListQuery, Store } from '../../src/store/store.js';
import { NONE, ORG_A, cmp, listQuery, user } from './store-fixtures.js';

/** The userNames of a page of organization A, with its total. */
export async function userNames(on: Store, query: ListQuery): Promise<{ total: number; names: unknown[] }> {
  const page = await on.listResources(ORG_A, 'User', query);
  return { total: page.totalResults, names: page.resources.map((resource) => resource['userName']) };
}

/** Page `startIndex` of organization A's users, `count` a page, no derived attributes. */
export const page = (startIndex: number, count = 3): ListQuery => listQuery({ startIndex, count, read: NONE });

/** What each store's list-positions test provides: its store, holding users u1…u10 (user1…user10) of A. */
export interface ListPositionsFixture {
  readonly store: Store;
  /** A second store on the same database: another connection, pool or server. */
  readonly openOther: () => Store;
}

/**
 * The cases every store's remembered page positions (src/store/list-positions.ts) must pass: every answer is
 * exactly what COUNT plus LIMIT/OFFSET gives, whatever was written between two pages, by whichever store.
 */
export function listPositionsCases(fixture: () => ListPositionsFixture): void {
  it('pages through every user once, in order, with the exact total on each page', async () => {
    const { store } = fixture();
    const pages = [];
    for (const start of [1, 4, 7, 10]) pages.push(await userNames(store, page(start)));
    expect(pages.map((p) => p.total)).toEqual([10, 10, 10, 10]);
    expect(pages.flatMap((p) => p.names)).toEqual(Array.from({ length: 10 }, (_, i) => `user${i + 1}`));
  });

  it('answers by offset again after this store deletes a user before the next page', async () => {
    const { store } = fixture();
    await userNames(store, page(1));
    await store.deleteResource(ORG_A, 'User', 'u2', {});
    expect(await userNames(store, page(4))).toEqual({ total: 9, names: ['user5', 'user6', 'user7'] });
  });

  it('answers by offset again after another store on the database deletes and creates users between pages', async () => {
    const { store, openOther } = fixture();
    await userNames(store, page(1));
    const other = openOther();
    try {
      await other.deleteResource(ORG_A, 'User', 'u1', {});
      await other.createResource(ORG_A, 'User', user('u11', 'user11'), null);
      expect(await userNames(store, page(4))).toEqual({ total: 10, names: ['user5', 'user6', 'user7'] });
    } finally {
      await other.close();
    }
  });

  it('keeps filtered lists apart: the same offset of another filter is not continued from this one', async () => {
    const { store } = fixture();
    const startsUser1 = cmp('User', 'userName', 'sw', 'user1');
    await userNames(store, page(1, 1));
    expect(await userNames(store, listQuery({ filter: startsUser1, startIndex: 2, count: 1, read: NONE }))).toEqual({
      total: 2,
      names: ['user10'],
    });
  });

  it('counts a page past the end, and a count of 0, exactly', async () => {
    const { store } = fixture();
    expect(await userNames(store, page(20))).toEqual({ total: 10, names: [] });
    expect(await userNames(store, listQuery({ count: 0 }))).toEqual({ total: 10, names: [] });
    await userNames(store, page(1));
    await store.deleteResource(ORG_A, 'User', 'u10', {});
    expect(await userNames(store, listQuery({ count: 0 }))).toEqual({ total: 9, names: [] });
  });
}
