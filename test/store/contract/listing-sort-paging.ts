import { beforeEach, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { ALL, ORG_B, attr, cmp, listIds, listQuery } from '../store-fixtures.js';
import { seedListing } from './listing-dataset.js';

const SORT_CASES: readonly (readonly [string, 'ascending' | 'descending', readonly string[]])[] = [
  ['userName', 'ascending', ['u1', 'u2', 'u4', 'u3']],
  ['userName', 'descending', ['u3', 'u4', 'u2', 'u1']],
  ['displayName', 'ascending', ['u1', 'u2', 'u4', 'u3']],
  ['displayName', 'descending', ['u3', 'u4', 'u2', 'u1']],
  ['externalId', 'ascending', ['u1', 'u2', 'u3', 'u4']],
  ['externalId', 'descending', ['u4', 'u3', 'u2', 'u1']],
  ['name.familyName', 'ascending', ['u2', 'u1', 'u3', 'u4']],
  ['emails.value', 'ascending', ['u1', 'u2', 'u4', 'u3']],
  ['emails', 'descending', ['u3', 'u4', 'u2', 'u1']],
  ['meta.created', 'descending', ['u4', 'u3', 'u2', 'u1']],
  ['active', 'ascending', ['u2', 'u1', 'u3', 'u4']],
];

/** Sorting, paging and totals (RFC 7644 §3.4.2.3, §3.4.2.4). */
export function listingSortAndPaging(store: () => Store): void {
  beforeEach(async () => seedListing(store()));

  it('lists in creation order by default, scoped to the organization', async () => {
    expect(await listIds(store(), 'User', {})).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(await listIds(store(), 'User', {}, ORG_B)).toEqual(['b1']);
    expect(await listIds(store(), 'Group', {})).toEqual(['g1', 'g2']);
  });

  it.each(SORT_CASES)('sortBy %s %s; absent values last ascending, first descending (the exact reverse)', async (path, sortOrder, expected) => {
    expect(await listIds(store(), 'User', { sortBy: attr('User', path), sortOrder })).toEqual(expected);
  });

  it('pages with startIndex/count over an exact total, stable across pages with ties', async () => {
    const sortBy = attr('User', 'active');
    const full = await listIds(store(), 'User', { sortBy });
    const pages: string[] = [];
    for (let startIndex = 1; startIndex <= 4; startIndex += 1) {
      const page = await store().listResources('org-a', 'User', listQuery({ sortBy, startIndex, count: 1 }));
      expect(page.totalResults).toBe(4);
      pages.push(...page.resources.map((r) => String(r['id'])));
    }
    expect(pages).toEqual(full);
    const page = await store().listResources('org-a', 'User', listQuery({ sortBy: attr('User', 'userName'), startIndex: 2, count: 2 }));
    expect(page.totalResults).toBe(4);
    expect(page.resources.map((r) => r['id'])).toEqual(['u2', 'u4']);
  });

  it('count=0 gives only the total; a start past the end gives no resources', async () => {
    const filter = cmp('User', 'emails.type', 'eq', 'work');
    expect(await store().listResources('org-a', 'User', listQuery({ filter, count: 0 }))).toEqual({ totalResults: 2, resources: [] });
    expect(await store().listResources('org-a', 'User', listQuery({ filter, startIndex: 5 }))).toEqual({ totalResults: 2, resources: [] });
  });

  it('reads derived attributes in lists only when asked', async () => {
    const groups = await store().listResources('org-a', 'Group', listQuery({ read: ALL }));
    expect(groups.resources[0]?.['members']).toEqual([
      { value: 'u1', display: 'Alice Liddell', type: 'User' },
      { value: 'u2', display: 'Bob Builder', type: 'User' },
    ]);
    const bare = await store().listResources('org-a', 'Group', listQuery());
    expect(bare.resources.every((g) => !('members' in g))).toBe(true);
  });
}
