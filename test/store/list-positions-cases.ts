import { expect, it } from 'vitest';
import type { JsonObject } from '../../src/scim/resource/json.js';
import type { ListQuery, Store } from '../../src/store/store.js';
import { NONE, ORG_A, attr, cmp, listQuery, user } from './store-fixtures.js';

/** The userNames of a page of organization A, with its total. */
export async function userNames(on: Store, query: ListQuery): Promise<{ total: number; names: unknown[] }> {
  const page = await on.listResources(ORG_A, 'User', query);
  return { total: page.totalResults, names: page.resources.map((resource) => resource['userName']) };
}

/** Page `startIndex` of organization A's users, `count` a page, no derived attributes. */
export const page = (startIndex: number, count = 3): ListQuery => listQuery({ startIndex, count, read: NONE });

/** The ids of organization A's users in pages of `count` from the first, each page after the one before it. */
async function idsPageByPage(on: Store, query: Partial<ListQuery>, count: number): Promise<{ totals: number[]; ids: unknown[] }> {
  const totals: number[] = [];
  const ids: unknown[] = [];
  for (let startIndex = 1; startIndex === 1 || startIndex <= totals.at(-1)!; startIndex += count) {
    const found = await on.listResources(ORG_A, 'User', listQuery({ ...query, startIndex, count, read: NONE }));
    totals.push(found.totalResults);
    ids.push(...found.resources.map((resource) => resource['id']));
  }
  return { totals, ids };
}

/**
 * Users s1…s7 of A: family names (a column) and given names (only in the JSON document) with ties and absent
 * values, so a sort by either has both runs (sql-keyset.ts).
 */
async function addFamilyNames(on: Store): Promise<void> {
  const families = ['Lee', undefined, 'adams', 'Lee', 'Zhou', undefined, 'lee'];
  const givens = ['ann', 'Bo', undefined, 'ann', undefined, 'Cy', 'bo'];
  for (const [i, familyName] of families.entries()) {
    const name: JsonObject = {};
    if (familyName !== undefined) name['familyName'] = familyName;
    if (givens[i] !== undefined) name['givenName'] = givens[i];
    await on.createResource(ORG_A, 'User', user(`s${i + 1}`, `sorted${i + 1}`, { name }), null);
  }
}

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

  it.each([
    ['name.familyName', 'ascending'],
    ['name.familyName', 'descending'],
    ['userName', 'ascending'],
    ['userName', 'descending'],
    ['externalId', 'ascending'],
    ['name.givenName', 'ascending'],
    ['name.givenName', 'descending'],
    ['meta.created', 'descending'],
  ] as const)('pages a list sorted by %s %s after the row before each page exactly as one page of it all', async (path, sortOrder) => {
    const { store } = fixture();
    await addFamilyNames(store);
    const query = { sortBy: attr('User', path), sortOrder };
    const whole = await store.listResources(ORG_A, 'User', listQuery({ ...query, read: NONE }));
    expect(whole.totalResults).toBe(17);
    const all = whole.resources.map((resource) => resource['id']);
    // Pages of every size cross the runs with and without a value at every point: a short first range then the second.
    for (const count of [1, 2, 3, 4, 5, 16]) {
      expect(await idsPageByPage(store, query, count)).toEqual({ totals: Array(Math.ceil(17 / count)).fill(17), ids: all });
    }
  });

  it('answers a sorted list by offset again after writes, by this store or another, between pages', async () => {
    const { store, openOther } = fixture();
    await addFamilyNames(store);
    const query = (startIndex: number): ListQuery =>
      listQuery({ sortBy: attr('User', 'name.familyName'), startIndex, count: 2, read: NONE });
    const ids = async (startIndex: number): Promise<unknown[]> =>
      (await store.listResources(ORG_A, 'User', query(startIndex))).resources.map((resource) => resource['id']);
    // adams (s3); Lee (s1), Lee (s4), lee (s7), tied when folded, by seq; Zhou (s5); then u1…u10, s2, s6 by seq.
    expect(await ids(1)).toEqual(['s3', 's1']);
    await store.deleteResource(ORG_A, 'User', 's3', {});
    expect(await ids(3)).toEqual(['s7', 's5']);
    const other = openOther();
    try {
      // Another "lee", after s7 by seq: the page at 5 moves back by one.
      await other.createResource(ORG_A, 'User', user('s0', 'sorted0', { name: { familyName: 'Lee' } }), null);
      expect(await ids(5)).toEqual(['s5', 'u1']);
    } finally {
      await other.close();
    }
  });
}
