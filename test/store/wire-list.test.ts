import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseProjection } from '../../src/scim/resource/attribute-projection.js';
import { toWireResource } from '../../src/scim/resource/wire-resource.js';
import { USER_RESOURCE_TYPE } from '../../src/scim/schema/resource-types.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { withManagerNames } from '../../src/service/manager-display.js';
import { openStore } from '../../src/store/open-store.js';
import type { ScimResource, Store, TextAroundManager } from '../../src/store/store.js';
import { testBackend, testStoreUrl } from '../support/test-database.js';
import { ALL, ORG_A, ORG_B, group, listQuery, preparedStore, user } from './store-fixtures.js';

const BASE = 'https://scim.test/scim/v2/org-a';

/**
 * Both stores answer a page under the default projection as texts spliced from what they store (SQLite's TEXT,
 * PostgreSQL's json, which keeps the text it was given; stored-wire-text.ts): these pin that they do so for the
 * rows they can, in every shape of page, and leave the others to the service.
 */
describe(`listForWire (${testBackend()})`, () => {
  let store: Store;

  beforeEach(async () => {
    store = await preparedStore(async () => openStore(await testStoreUrl()));
    for (const org of [ORG_B, ORG_A]) {
      await store.createResource(org, 'User', user('u1', 'ann', { emails: [{ value: 'ann@example.com', type: 'work' }] }), null);
      await store.createResource(org, 'User', user('u2', 'bob', { [URN.enterpriseUser]: { manager: { value: 'u1' } } }), null);
      await store.createResource(org, 'User', user('u3', 'cy', { [URN.teamsUser]: { teams: ['Red'] } }), null);
      await store.createResource(org, 'Group', group('g1', 'Staff', ['u1', 'u3']), null);
    }
  });
  afterEach(() => store.close());

  it('gives users as spliced texts equal to the wire form of listResources, a managed one around its manager displayName', async () => {
    const names = new Map([['u1', 'ann']]);
    const wireText = (resource: ScimResource): string =>
      JSON.stringify(toWireResource(USER_RESOURCE_TYPE, resource, BASE, parseProjection(USER_RESOURCE_TYPE, undefined, undefined)));
    for (const count of [1, 100]) {
      const query = listQuery({ read: ALL, count });
      const [page, resources] = [await store.listForWire(ORG_A, 'User', query, BASE), await store.listResources(ORG_A, 'User', query)];
      expect(page.totalResults).toBe(3);
      expect(page.entries).toHaveLength(count === 1 ? 1 : 3);
      page.entries.forEach((entry, index) => {
        const resource = resources.resources[index]!;
        if (resource['id'] !== 'u2') {
          expect(entry).toEqual({ text: wireText(resource) });
          return;
        }
        const { head, managerId, tail } = entry as TextAroundManager;
        expect(managerId).toBe('u1');
        expect(`${head}${tail}`).toBe(wireText(resource));
        expect(`${head},"displayName":"ann"${tail}`).toBe(wireText(withManagerNames([resource], names)[0]!));
      });
    }
  });

  it('gives groups, with their members, as spliced texts', async () => {
    const page = await store.listForWire(ORG_A, 'Group', listQuery({ read: ALL }), BASE);
    expect(page.entries).toHaveLength(1);
    const text = (page.entries[0] as { text: string }).text;
    expect(JSON.parse(text)).toMatchObject({
      id: 'g1',
      members: [
        { value: 'u1', $ref: `${BASE}/Users/u1`, display: 'ann', type: 'User' },
        { value: 'u3', $ref: `${BASE}/Users/u3`, display: 'cy', type: 'User' },
      ],
      meta: { location: `${BASE}/Groups/g1` },
    });
  });
});
