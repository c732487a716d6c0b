import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/scim/resource/json.js';
import { PostgresStore } from '../../../src/store/postgres/postgres-store.js';
import type { ListQuery, Store } from '../../../src/store/store.js';
import { testStoreUrl } from '../../support/test-database.js';
import { ALL, NONE, ORG_A, ORG_B, cmp, group, listQuery, preparedStore, user } from '../store-fixtures.js';

const NOW = '2026-03-01T00:00:00.000Z';

/**
 * Reads of users and groups (postgres-resource-reader.ts). A user is read in one statement: its row, its child
 * rows and its direct groups as columns, plus whether its organization nests groups, and only then the closure
 * (postgres-user-columns.ts). These pin that single reads, list pages and writes answer the same as the closure
 * would, as soon as, and only where, a group is nested; and that a page of groups reads all their members at once.
 */
describe('PostgreSQL reads of users with their elements and groups, and of groups with their members', () => {
  let store: Store;
  const groupsOf = async (org: string, id: string): Promise<unknown> => (await store.getResource(org, 'User', id, ALL))?.['groups'];
  const listed = async (org: string, query: Partial<ListQuery> = {}): Promise<unknown[]> =>
    (await store.listResources(org, 'User', listQuery({ read: ALL, ...query }))).resources.map((resource) => resource['groups']);
  const addMember = (org: string, groupId: string, value: string) =>
    store.updateResource(org, 'Group', groupId, (current) => ({ resource: current, memberOps: [{ op: 'add', members: [{ value }] }] }), {}, NOW, ALL);

  beforeEach(async () => {
    store = await preparedStore(async () => PostgresStore.open(await testStoreUrl()));
    for (const org of [ORG_A, ORG_B]) {
      await store.createResource(org, 'User', user('u1', 'ann'), null);
      await store.createResource(org, 'User', user('u2', 'ben'), null);
      // Created in this order, so group order (by creation) is not name order.
      await store.createResource(org, 'Group', group('zeta', 'Zeta', ['u1']), null);
      await store.createResource(org, 'Group', group('alpha', 'Alpha', ['u1']), null);
      await store.createResource(org, 'Group', group('outer', 'Outer', []), null);
    }
  });
  afterEach(() => store.close());

  it('answers direct groups in group order, then indirect ones once a group is nested, in that organization only', async () => {
    const direct = [
      { value: 'zeta', display: 'Zeta', type: 'direct' },
      { value: 'alpha', display: 'Alpha', type: 'direct' },
    ];
    expect(await groupsOf(ORG_A, 'u1')).toEqual(direct);
    expect(await listed(ORG_A)).toEqual([direct, undefined]);
    await addMember(ORG_A, 'outer', 'alpha');
    const nested = [...direct, { value: 'outer', display: 'Outer', type: 'indirect' }];
    expect(await groupsOf(ORG_A, 'u1')).toEqual(nested);
    expect(await listed(ORG_A)).toEqual([nested, undefined]);
    expect(await listed(ORG_A, { filter: cmp('User', 'userName', 'eq', 'ann'), startIndex: 1, count: 1 })).toEqual([nested]);
    expect(await groupsOf(ORG_B, 'u1')).toEqual(direct);
    expect(await listed(ORG_B)).toEqual([direct, undefined]);
  });

  it('shows the current display of each group, and no groups when not asked or when there are none', async () => {
    await store.updateResource(ORG_A, 'Group', 'alpha', (current) => ({ resource: { ...current, displayName: 'Alpha 2' } }), {}, NOW, NONE);
    expect(await groupsOf(ORG_A, 'u1')).toEqual([
      { value: 'zeta', display: 'Zeta', type: 'direct' },
      { value: 'alpha', display: 'Alpha 2', type: 'direct' },
    ]);
    expect(await store.getResource(ORG_A, 'User', 'u1', NONE)).not.toHaveProperty('groups');
    const u2 = await store.getResource(ORG_A, 'User', 'u2', ALL);
    expect(u2).not.toHaveProperty('groups');
    expect(u2).not.toHaveProperty('emails');
  });

  it('reads child rows back in their order, after a create, an update and in a list page', async () => {
    const emails: JsonObject[] = [{ value: 'z@x.org', type: 'work' }, { value: 'a@x.org', type: 'home', primary: true }];
    const phoneNumbers: JsonObject[] = [{ value: '+1 555' }];
    const created = await store.createResource(ORG_A, 'User', user('u3', 'cat', { emails, phoneNumbers }), null);
    expect([created['emails'], created['phoneNumbers']]).toEqual([emails, phoneNumbers]);
    const reordered = [emails[1]!, emails[0]!];
    const updated = await store.updateResource(ORG_A, 'User', 'u3', (current) => ({ resource: { ...current, emails: reordered } }), {}, NOW, ALL);
    expect([updated['emails'], updated['phoneNumbers']]).toEqual([reordered, phoneNumbers]);
    const page = await store.listResources(ORG_A, 'User', listQuery({ filter: cmp('User', 'emails.value', 'eq', 'a@x.org'), read: ALL }));
    expect(page.resources.map((resource) => [resource['emails'], resource['phoneNumbers']])).toEqual([[reordered, phoneNumbers]]);
  });

  it('reads each group of a page with its own members, in the order they were added', async () => {
    await addMember(ORG_A, 'outer', 'u2');
    await addMember(ORG_A, 'outer', 'zeta');
    await addMember(ORG_A, 'outer', 'u1');
    await addMember(ORG_A, 'alpha', 'u2');
    const page = await store.listResources(ORG_A, 'Group', listQuery({ read: ALL }));
    expect(page.resources.map((resource) => [resource['id'], resource['members']])).toEqual([
      ['zeta', [{ value: 'u1', display: 'ann', type: 'User' }]],
      ['alpha', [{ value: 'u1', display: 'ann', type: 'User' }, { value: 'u2', display: 'ben', type: 'User' }]],
      [
        'outer',
        [
          { value: 'u2', display: 'ben', type: 'User' },
          { value: 'zeta', display: 'Zeta', type: 'Group' },
          { value: 'u1', display: 'ann', type: 'User' },
        ],
      ],
    ]);
    const empty = await store.createResource(ORG_A, 'Group', group('empty', 'Empty'), null);
    expect(empty).not.toHaveProperty('members');
  });
});
