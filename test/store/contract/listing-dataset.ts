import { URN } from '../../../src/scim/schema/schema-urns.js';
import type { Store } from '../../../src/store/store.js';
import { ORG_A, ORG_B, group, meta, user } from '../store-fixtures.js';

/**
 * Four users and two nested groups covering present/absent values, case and Unicode, `%`/`_` in values,
 * extensions and multi-valued attributes. Created in order u1..u4 (the default list order).
 */
export async function seedListing(store: Store): Promise<void> {
  const users = [
    user('u1', 'alice', {
      externalId: 'A-1',
      displayName: 'Alice Liddell',
      active: true,
      name: { givenName: 'Alice', familyName: 'Liddell' },
      emails: [
        { value: 'alice@work.example', type: 'work', primary: true },
        { value: 'a_l%ice@home.example', type: 'home' },
      ],
      [URN.enterpriseUser]: { employeeNumber: '100', department: 'R&D' },
      [URN.teamsUser]: { teams: ['red', 'blue'] },
    }),
    user('u2', 'Bob', {
      externalId: 'B-2',
      displayName: 'Bob Builder',
      active: false,
      name: { familyName: 'Builder' },
      emails: [{ value: 'bob@work.example', type: 'work' }],
      [URN.enterpriseUser]: { employeeNumber: '200' },
      [URN.teamsUser]: { teams: ['green'] },
    }),
    user('u3', 'émile', { title: '' }),
    user('u4', 'dave', {
      displayName: 'dave',
      emails: [{ value: 'DAVE@Work.Example', type: 'other' }],
      addresses: [{ locality: 'Paris', type: 'work' }],
    }),
  ];
  const created = ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'];
  for (const [index, resource] of users.entries()) {
    await store.createResource(ORG_A, 'User', { ...resource, meta: meta('User', created[index]) }, null);
  }
  await store.createResource(ORG_B, 'User', user('b1', 'alice'), null);
  await store.createResource(ORG_A, 'Group', group('g1', 'Admins', ['u1', 'u2']), null);
  await store.createResource(ORG_A, 'Group', group('g2', 'Ops', ['g1', 'u3']), null);
}
