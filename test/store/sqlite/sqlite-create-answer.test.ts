import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { URN } from '../../../src/scim/schema/schema-urns.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/store.js';
import { ALL, ORG_A, group, preparedStore, user } from '../store-fixtures.js';

/**
 * createResource answers from what it wrote instead of reading the row back (sqlite-store.ts): the answer must
 * be the very document a read returns, key order included, since it is serialised as it is.
 */
describe('SQLite createResource answer', () => {
  let store: Store;
  beforeEach(async () => {
    store = await preparedStore(async () => SqliteStore.open('sqlite::memory:'));
  });
  afterEach(() => store.close());

  it('is the document a read of the new user returns, byte for byte', async () => {
    const created = await store.createResource(
      ORG_A,
      'User',
      user('u1', 'ann', {
        active: true,
        name: { givenName: 'Ann', familyName: 'Lee' },
        phoneNumbers: [{ value: '+1 555', type: 'work' }],
        addresses: [{ locality: 'Oslo', type: 'work' }],
        emails: [
          { value: 'ann@work.example', type: 'work', primary: true },
          { value: 'ann@home.example', type: 'home' },
        ],
        [URN.enterpriseUser]: { employeeNumber: '7', manager: { value: 'u0' } },
      }),
      'hash',
    );
    expect(JSON.stringify(created)).toBe(JSON.stringify(await store.getResource(ORG_A, 'User', 'u1', ALL)));
  });

  it('is the document a read of the new group returns, with its members', async () => {
    await store.createResource(ORG_A, 'User', user('u1', 'ann'), null);
    const created = await store.createResource(ORG_A, 'Group', group('g1', 'Team', ['u1']), null);
    expect(JSON.stringify(created)).toBe(JSON.stringify(await store.getResource(ORG_A, 'Group', 'g1', ALL)));
  });
});
