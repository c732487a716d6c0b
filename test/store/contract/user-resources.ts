import { expect, it } from 'vitest';
import { URN } from '../../../src/scim/schema/schema-urns.js';
import type { MutationResult, ScimResource, Store } from '../../../src/store/store.js';
import { ALL, group, NONE, ORG_A, ORG_B, user } from '../store-fixtures.js';

const NOW = '2026-03-01T12:00:00.000Z';

const RICH_USER = user('u1', 'alice@example.org', {
  externalId: 'ext-1',
  name: { givenName: 'Alice', familyName: 'Liddell' },
  displayName: 'Alice L',
  active: true,
  emails: [
    { value: 'alice@work.example', type: 'work', primary: true },
    { value: 'alice@home.example', type: 'home' },
  ],
  phoneNumbers: [{ value: '+1 555', type: 'mobile' }],
  addresses: [{ locality: 'Oxford', country: 'GB', type: 'home' }],
  [URN.enterpriseUser]: { employeeNumber: '42', manager: { value: 'u9' } },
  [URN.teamsUser]: { teams: ['red', 'blue'] },
});

const replaceWith = (resource: ScimResource) => (): MutationResult => ({ resource });

/** Users: create, read, update, delete, uniqueness, preconditions, tenant isolation. */
export function userResources(store: () => Store): void {
  it('reads back the canonical user: multi-valued in order, extensions under their URN, meta set', async () => {
    const created = await store().createResource(ORG_A, 'User', RICH_USER, 'hash');
    const read = await store().getResource(ORG_A, 'User', 'u1', ALL);
    expect(read).toEqual(created);
    expect(read).toEqual({
      ...RICH_USER,
      meta: { resourceType: 'User', created: '2026-02-01T10:00:00.000Z', lastModified: '2026-02-01T10:00:00.000Z', version: 'W/"1"' },
    });
    expect(read).not.toHaveProperty('schemas');
    expect(read).not.toHaveProperty('password');
  });

  it('returns undefined for an unknown id and for another organization’s id', async () => {
    await store().createResource(ORG_A, 'User', RICH_USER, null);
    expect(await store().getResource(ORG_A, 'User', 'nope', NONE)).toBeUndefined();
    expect(await store().getResource(ORG_B, 'User', 'u1', NONE)).toBeUndefined();
    expect(await store().getResource(ORG_A, 'Group', 'u1', NONE)).toBeUndefined();
  });

  it.each([
    ['same case', 'bob', 'bob'],
    ['ASCII case (RFC 7643 §4.1.1: userName is case-insensitive)', 'bob', 'BOB'],
    ['Unicode case', 'émile', 'ÉMILE'],
  ])('rejects a second userName differing only by %s with 409 uniqueness', async (_, first, second) => {
    await store().createResource(ORG_A, 'User', user('u1', first), null);
    await expect(store().createResource(ORG_A, 'User', user('u2', second), null)).rejects.toMatchObject({
      status: 409,
      scimType: 'uniqueness',
    });
    await store().createResource(ORG_B, 'User', user('u3', second), null);
  });

  it('gives exactly one success for concurrent creates of one userName', async () => {
    const results = await Promise.allSettled(
      ['x1', 'x2', 'x3'].map((id) => store().createResource(ORG_A, 'User', user(id, 'Same'), null)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect(r.status === 'rejected' && r.reason).toMatchObject({ status: 409 });
    }
  });

  it('updates inside the transaction: version bumps, lastModified is now, changed children rewritten', async () => {
    await store().createResource(ORG_A, 'User', RICH_USER, null);
    const updated = await store().updateResource(
      ORG_A,
      'User',
      'u1',
      (current) => ({ resource: { ...current, emails: [{ value: 'new@x.example' }], active: false, nickName: 'Al' } }),
      {},
      NOW,
      NONE,
    );
    expect(updated['meta']).toEqual({ resourceType: 'User', created: '2026-02-01T10:00:00.000Z', lastModified: NOW, version: 'W/"2"' });
    expect(updated['emails']).toEqual([{ value: 'new@x.example' }]);
    expect(updated['phoneNumbers']).toEqual(RICH_USER['phoneNumbers']);
    expect(updated).toMatchObject({ active: false, nickName: 'Al', [URN.teamsUser]: { teams: ['red', 'blue'] } });
  });

  it('answers an update with what a read then gives, groups included when asked and left out when not', async () => {
    await store().createResource(ORG_A, 'User', RICH_USER, null);
    await store().createResource(ORG_A, 'Group', group('g1', 'One', ['u1']), null);
    const change = (current: ScimResource): MutationResult => ({
      resource: { ...current, emails: [{ value: 'b@x.example', type: 'home' }, { value: 'a@x.example', type: 'work' }], active: true },
    });
    const updated = await store().updateResource(ORG_A, 'User', 'u1', change, {}, NOW, ALL);
    expect(updated['groups']).toEqual([{ value: 'g1', display: 'One', type: 'direct' }]);
    expect(updated).toEqual(await store().getResource(ORG_A, 'User', 'u1', ALL));
    const withoutGroups = await store().updateResource(ORG_A, 'User', 'u1', (current) => ({ resource: { ...current, nickName: 'Al' } }), {}, NOW, NONE);
    expect(withoutGroups).toEqual(await store().getResource(ORG_A, 'User', 'u1', NONE));
    expect(withoutGroups).not.toHaveProperty('groups');
  });

  it('passes the current resource (with meta, without groups) to the mutation', async () => {
    await store().createResource(ORG_A, 'User', RICH_USER, null);
    let seen: ScimResource | undefined;
    await store().updateResource(ORG_A, 'User', 'u1', (current) => ((seen = current), { resource: current }), {}, NOW, NONE);
    expect(seen).toMatchObject({ id: 'u1', userName: 'alice@example.org', meta: { version: 'W/"1"' } });
    expect(seen).not.toHaveProperty('groups');
  });

  it('removes attributes the mutation drops, extension objects included', async () => {
    await store().createResource(ORG_A, 'User', RICH_USER, null);
    const { [URN.teamsUser]: _teams, emails: _emails, name: _name, ...rest } = RICH_USER;
    const updated = await store().updateResource(ORG_A, 'User', 'u1', replaceWith(rest), {}, NOW, NONE);
    expect(updated).not.toHaveProperty('emails');
    expect(updated).not.toHaveProperty('name');
    expect(updated).not.toHaveProperty(URN.teamsUser);
  });

  it.each([
    ['the current version', 'W/"1"', true],
    ['the current version without W/', '"1"', true],
    ['*', '*', true],
    ['an old version (RFC 7644 §3.14: 412)', 'W/"0"', false],
  ])('update with If-Match %s', async (_, ifMatch, ok) => {
    await store().createResource(ORG_A, 'User', RICH_USER, null);
    const update = store().updateResource(ORG_A, 'User', 'u1', (c) => ({ resource: c }), { ifMatch }, NOW, NONE);
    if (ok) await expect(update).resolves.toMatchObject({ meta: { version: 'W/"2"' } });
    else await expect(update).rejects.toMatchObject({ status: 412 });
  });

  it('rolls back when the mutation throws, and maps a rename onto a taken userName to 409', async () => {
    await store().createResource(ORG_A, 'User', RICH_USER, null);
    await store().createResource(ORG_A, 'User', user('u2', 'bob'), null);
    await expect(
      store().updateResource(ORG_A, 'User', 'u2', (c) => ({ resource: { ...c, userName: 'ALICE@example.org' } }), {}, NOW, NONE),
    ).rejects.toMatchObject({ status: 409, scimType: 'uniqueness' });
    await expect(
      store().updateResource(ORG_A, 'User', 'u1', () => { throw new Error('boom'); }, {}, NOW, NONE),
    ).rejects.toThrow('boom');
    expect((await store().getResource(ORG_A, 'User', 'u2', NONE))?.['meta']).toMatchObject({ version: 'W/"1"' });
  });

  it('404s updates and deletes of unknown or foreign ids', async () => {
    await store().createResource(ORG_A, 'User', RICH_USER, null);
    await expect(store().updateResource(ORG_B, 'User', 'u1', (c) => ({ resource: c }), {}, NOW, NONE)).rejects.toMatchObject({ status: 404 });
    await expect(store().deleteResource(ORG_B, 'User', 'u1', {})).rejects.toMatchObject({ status: 404 });
    await expect(store().deleteResource(ORG_A, 'User', 'zz', {})).rejects.toMatchObject({ status: 404 });
  });

  it('deletes with If-Match checked, then the id is gone', async () => {
    await store().createResource(ORG_A, 'User', RICH_USER, null);
    await expect(store().deleteResource(ORG_A, 'User', 'u1', { ifMatch: 'W/"7"' })).rejects.toMatchObject({ status: 412 });
    await store().deleteResource(ORG_A, 'User', 'u1', { ifMatch: 'W/"1"' });
    expect(await store().getResource(ORG_A, 'User', 'u1', NONE)).toBeUndefined();
    await store().createResource(ORG_A, 'User', user('u1b', 'ALICE@example.org'), null);
  });

  it('names users by displayName, else userName, only for ids of users of the organization', async () => {
    await store().createResource(ORG_A, 'User', user('m1', 'mia@example.org', { displayName: 'Mia Manager' }), null);
    await store().createResource(ORG_A, 'User', user('m2', 'max@example.org'), null);
    await store().createResource(ORG_B, 'User', user('m3', 'other@example.org', { displayName: 'Other Org' }), null);
    await store().createResource(ORG_A, 'Group', group('g1', 'Managers'), null);
    const names = await store().userDisplayNames(ORG_A, ['m1', 'm2', 'm3', 'g1', 'nobody']);
    expect([...names].sort()).toEqual([
      ['m1', 'Mia Manager'],
      ['m2', 'max@example.org'],
    ]);
    expect(await store().userDisplayNames(ORG_A, [])).toEqual(new Map());
  });
}
