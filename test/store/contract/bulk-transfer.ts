import { expect, it } from 'vitest';
import { URN } from '../../../src/scim/schema/schema-urns.js';
import type { ResourceTypeName } from '../../../src/scim/schema/resource-types.js';
import type { ExportedResource, Membership, Store } from '../../../src/store/store.js';
import { ALL, NONE, ORG_A, ORG_B, cmp, group, listQuery, user } from '../store-fixtures.js';

const NOW = '2026-03-01T12:00:00.000Z';

const RICH_USER = user('u1', 'alice@example.org', {
  externalId: 'ext-1',
  name: { givenName: 'Alice', familyName: 'Liddell' },
  displayName: 'Alice L',
  active: false,
  emails: [
    { value: 'alice@work.example', type: 'work', primary: true },
    { value: 'alice@home.example', type: 'home' },
  ],
  [URN.enterpriseUser]: { employeeNumber: '42', manager: { value: 'u2' } },
  [URN.teamsUser]: { teams: ['red', 'blue'] },
});

/** Every page of `type` in `orgId`, `limit` at a time, asserting each page is at most `limit` long. */
async function exportAll(store: Store, orgId: string, type: ResourceTypeName, limit: number): Promise<ExportedResource[]> {
  const all: ExportedResource[] = [];
  for (let afterSeq = 0; ; ) {
    const page = await store.exportResources(orgId, type, afterSeq, limit);
    expect(page.length).toBeLessThanOrEqual(limit);
    if (page.length === 0) return all;
    all.push(...page);
    afterSeq = page[page.length - 1]!.seq;
  }
}

/** Every membership of `orgId`, `limit` at a time. */
async function exportAllMemberships(store: Store, orgId: string, limit: number): Promise<Membership[]> {
  const all: Membership[] = [];
  let after: string | undefined;
  do {
    const page = await store.exportMemberships(orgId, after, limit);
    expect(page.memberships.length).toBeLessThanOrEqual(limit);
    all.push(...page.memberships);
    after = page.next;
  } while (after !== undefined);
  return all;
}

/** Each group's member ids, in the order the export gave them. */
function membersByGroup(memberships: readonly Membership[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const m of memberships) (grouped[m.groupId] ??= []).push(`${m.type}:${m.value}`);
  return grouped;
}

const idsOf = (rows: readonly ExportedResource[]): unknown[] => rows.map((row) => row.resource['id']);

/** Users u1 (rich, hashed password, version 3), u2, u3; groups inner ⊂ outer, with a member order changed by PATCH. */
async function seedOrgA(store: Store): Promise<void> {
  await store.createResource(ORG_A, 'User', RICH_USER, 'pbkdf2$hash-1');
  await store.createResource(ORG_A, 'User', user('u2', 'ben'), null);
  await store.createResource(ORG_A, 'User', user('u3', 'cat', { displayName: 'Cat' }), 'pbkdf2$hash-3');
  for (const name of ['Alice Liddell', 'Alice Pleasance']) {
    await store.updateResource(ORG_A, 'User', 'u1', (c) => ({ resource: { ...c, displayName: name } }), {}, NOW, NONE);
  }
  await store.createResource(ORG_A, 'Group', group('inner', 'Inner', ['u3', 'u1']), null);
  await store.createResource(ORG_A, 'Group', group('outer', 'Outer', ['u2', 'inner']), null);
  const memberOps = [{ op: 'add' as const, members: [{ value: 'u1' }] }, { op: 'remove' as const, values: ['u2'] }];
  await store.updateResource(ORG_A, 'Group', 'outer', (resource) => ({ resource, memberOps }), {}, NOW, NONE);
  await store.createResource(ORG_B, 'User', user('b1', 'bob'), null);
  await store.createResource(ORG_B, 'Group', group('bg', 'B group', ['b1']), null);
}

/** Copies ORG_A's users, groups and memberships into `orgId` through the export/import methods. */
async function copyOrgA(store: Store, orgId: string, limit: number): Promise<void> {
  await store.importResources(orgId, 'User', await exportAll(store, ORG_A, 'User', limit));
  await store.importResources(orgId, 'Group', await exportAll(store, ORG_A, 'Group', limit));
  await store.importMemberships(orgId, await exportAllMemberships(store, ORG_A, limit));
}

/** The raw export and import `roster migrate` copies a deployment with. */
export function bulkTransfer(store: () => Store): void {
  it('exports resources in seq order, a page at a time, with password hash and version, of one organization only', async () => {
    await seedOrgA(store());
    const first = await store().exportResources(ORG_A, 'User', 0, 2);
    expect(idsOf(first)).toEqual(['u1', 'u2']);
    expect(first[0]).toMatchObject({ passwordHash: 'pbkdf2$hash-1', version: 3 });
    expect(first[0]!.resource).toEqual(await store().getResource(ORG_A, 'User', 'u1', NONE));
    expect(first[0]!.resource['meta']).toMatchObject({ version: 'W/"3"', lastModified: NOW });
    expect(first[1]).toMatchObject({ passwordHash: null, version: 1 });
    const second = await store().exportResources(ORG_A, 'User', first[1]!.seq, 2);
    expect(idsOf(second)).toEqual(['u3']);
    expect(await store().exportResources(ORG_A, 'User', second[0]!.seq, 2)).toEqual([]);
    expect(idsOf(await exportAll(store(), ORG_B, 'User', 10))).toEqual(['b1']);
  });

  it('exports groups without their members (those are exported as memberships)', async () => {
    await seedOrgA(store());
    const groups = await exportAll(store(), ORG_A, 'Group', 10);
    expect(idsOf(groups)).toEqual(['inner', 'outer']);
    expect(groups[1]).toMatchObject({ passwordHash: null, version: 2 });
    expect(groups[1]!.resource).not.toHaveProperty('members');
  });

  it('imports resources as they were: ids, attributes in order, meta, version, password hash', async () => {
    await seedOrgA(store());
    await copyOrgA(store(), ORG_B, 2);
    for (const [type, id] of [['User', 'u1'], ['User', 'u2'], ['User', 'u3'], ['Group', 'inner'], ['Group', 'outer']] as const) {
      expect(await store().getResource(ORG_B, type, id, ALL)).toEqual(await store().getResource(ORG_A, type, id, ALL));
    }
    const copied = await exportAll(store(), ORG_B, 'User', 10);
    expect(copied.map((row) => [row.resource['id'], row.passwordHash, row.version])).toEqual([
      ['b1', null, 1],
      ['u1', 'pbkdf2$hash-1', 3],
      ['u2', null, 1],
      ['u3', 'pbkdf2$hash-3', 1],
    ]);
  });

  it('continues versions and enforces uniqueness on imported resources like on created ones', async () => {
    await seedOrgA(store());
    await copyOrgA(store(), ORG_B, 10);
    const updated = await store().updateResource(ORG_B, 'User', 'u1', (c) => ({ resource: { ...c, nickName: 'Al' } }), { ifMatch: 'W/"3"' }, NOW, NONE);
    expect(updated['meta']).toMatchObject({ version: 'W/"4"' });
    await expect(store().createResource(ORG_B, 'User', user('x', 'ALICE@example.org'), null)).rejects.toMatchObject({ status: 409 });
  });

  it('imports a page in one transaction: a uniqueness conflict in it inserts none of it', async () => {
    await seedOrgA(store());
    const rows = await exportAll(store(), ORG_A, 'User', 10);
    const clash = rows.map((row) => (row.resource['id'] === 'u3' ? { ...row, resource: { ...row.resource, userName: 'BOB' } } : row));
    await expect(store().importResources(ORG_B, 'User', clash)).rejects.toMatchObject({ status: 409, scimType: 'uniqueness' });
    expect(await store().getResource(ORG_B, 'User', 'u1', NONE)).toBeUndefined();
    expect(await store().countOrganization(ORG_B)).toMatchObject({ users: 1 });
  });

  it('exports memberships a page at a time, each group’s members in the order they were added', async () => {
    await seedOrgA(store());
    for (const limit of [1, 2, 500]) {
      const memberships = await exportAllMemberships(store(), ORG_A, limit);
      expect(membersByGroup(memberships)).toEqual({ inner: ['User:u3', 'User:u1'], outer: ['Group:inner', 'User:u1'] });
    }
    expect(await exportAllMemberships(store(), ORG_B, 10)).toEqual([{ groupId: 'bg', value: 'b1', type: 'User' }]);
  });

  it('imports memberships in order, so nested groups and User.groups read back the same', async () => {
    await seedOrgA(store());
    await copyOrgA(store(), ORG_B, 1);
    expect(membersByGroup(await exportAllMemberships(store(), ORG_B, 10))).toEqual({
      bg: ['User:b1'],
      inner: ['User:u3', 'User:u1'],
      outer: ['Group:inner', 'User:u1'],
    });
    expect((await store().getResource(ORG_B, 'User', 'u3', ALL))?.['groups']).toEqual([
      { value: 'inner', display: 'Inner', type: 'direct' },
      { value: 'outer', display: 'Outer', type: 'indirect' },
    ]);
  });

  it('lists see imported resources and memberships at once, whatever they read before', async () => {
    await seedOrgA(store());
    const total = async (type: ResourceTypeName, query = listQuery({ count: 1 })): Promise<number> =>
      (await store().listResources(ORG_B, type, query)).totalResults;
    const withMemberU1 = listQuery({ count: 1, filter: cmp('Group', 'members.value', 'eq', 'u1') });
    expect([await total('User'), await total('Group'), await total('Group', withMemberU1)]).toEqual([1, 1, 0]);
    await store().importResources(ORG_B, 'User', await exportAll(store(), ORG_A, 'User', 10));
    await store().importResources(ORG_B, 'Group', await exportAll(store(), ORG_A, 'Group', 10));
    expect([await total('User'), await total('Group'), await total('Group', withMemberU1)]).toEqual([4, 3, 0]);
    await store().importMemberships(ORG_B, await exportAllMemberships(store(), ORG_A, 10));
    expect(await total('Group', withMemberU1)).toBe(2);
  });

  it("reads a user's groups when its memberships were imported before it, in a single read and in a page", async () => {
    const one = group('g1', 'One');
    await store().importResources(ORG_B, 'Group', [{ seq: 1, resource: one, passwordHash: null, version: 1 }]);
    await store().importMemberships(ORG_B, [
      { groupId: 'g1', value: 'i2', type: 'User' },
      { groupId: 'g1', value: 'i1', type: 'User' },
    ]);
    await store().importResources(ORG_B, 'User', [
      { seq: 1, resource: user('i1', 'ivy'), passwordHash: null, version: 1 },
      { seq: 2, resource: user('i2', 'ian'), passwordHash: null, version: 1 },
    ]);
    const groups = [{ value: 'g1', display: 'One', type: 'direct' }];
    expect((await store().getResource(ORG_B, 'User', 'i1', ALL))?.['groups']).toEqual(groups);
    const page = await store().listResources(ORG_B, 'User', listQuery({ read: ALL, filter: cmp('User', 'userName', 'sw', 'i') }));
    expect(page.resources.map((resource) => [resource['id'], resource['groups']])).toEqual([
      ['i1', groups],
      ['i2', groups],
    ]);
  });

  it('refuses members of a group the organization does not have, importing none of the page', async () => {
    await seedOrgA(store());
    await store().createResource(ORG_B, 'User', user('b2', 'bea'), null);
    const page: Membership[] = [
      { groupId: 'bg', value: 'b2', type: 'User' },
      { groupId: 'inner', value: 'b2', type: 'User' },
    ];
    await expect(store().importMemberships(ORG_B, page)).rejects.toMatchObject({ status: 404 });
    expect(await store().countOrganization(ORG_B)).toMatchObject({ memberships: 1 });
  });

  it('counts users, groups, memberships and tokens per organization', async () => {
    await seedOrgA(store());
    const token = { id: 't1', orgId: ORG_A, secretHash: 'ab'.repeat(32), createdAt: NOW, revokedAt: null };
    await store().createToken(token);
    await store().createToken({ ...token, id: 't2', revokedAt: NOW });
    expect(await store().countOrganization(ORG_A)).toEqual({ users: 3, groups: 2, memberships: 4, tokens: 2 });
    expect(await store().countOrganization(ORG_B)).toEqual({ users: 1, groups: 1, memberships: 1, tokens: 0 });
    expect(await store().countOrganization('nope')).toEqual({ users: 0, groups: 0, memberships: 0, tokens: 0 });
  });
}
