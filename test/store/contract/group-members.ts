import { expect, it } from 'vitest';
import type { MemberOperation, Store } from '../../../src/store/store.js';
import { ALL, NONE, ORG_A, ORG_B, cmp, group, or, user } from '../store-fixtures.js';

const NOW = '2026-03-01T12:00:00.000Z';

async function seed(store: Store): Promise<void> {
  await store.createResource(ORG_A, 'User', user('u1', 'ann', { displayName: 'Ann A' }), null);
  await store.createResource(ORG_A, 'User', user('u2', 'ben'), null);
  await store.createResource(ORG_A, 'User', user('u3', 'cat'), null);
  await store.createResource(ORG_B, 'User', user('b1', 'bob'), null);
}

async function applyOps(store: Store, id: string, memberOps: MemberOperation[]) {
  return store.updateResource(ORG_A, 'Group', id, (resource) => ({ resource, memberOps }), {}, NOW, ALL);
}

const memberValues = (resource: Record<string, unknown> | undefined): unknown =>
  (resource?.['members'] as { value: string }[] | undefined)?.map((m) => m.value) ?? [];

/** Groups, member deltas, nested groups and derived User.groups. */
export function groupMembers(store: () => Store): void {
  it('creates a group with members; reads them with display from the member, in insertion order', async () => {
    await seed(store());
    const created = await store().createResource(ORG_A, 'Group', group('g1', 'Admins', ['u2', 'u1']), null);
    expect(created).toEqual({
      id: 'g1',
      displayName: 'Admins',
      members: [
        { value: 'u2', display: 'ben', type: 'User' },
        { value: 'u1', display: 'Ann A', type: 'User' },
      ],
      meta: { resourceType: 'Group', created: '2026-02-01T10:00:00.000Z', lastModified: '2026-02-01T10:00:00.000Z', version: 'W/"1"' },
    });
    expect(await store().getResource(ORG_A, 'Group', 'g1', NONE)).not.toHaveProperty('members');
  });

  it("answers a group's member change with what a read then gives, with its members or (not asked) without", async () => {
    await seed(store());
    await store().createResource(ORG_A, 'Group', group('g1', 'Admins', ['u1']), null);
    await store().createResource(ORG_A, 'Group', group('g2', 'Inner'), null);
    const add = (read: typeof ALL, values: string[]) =>
      store().updateResource(ORG_A, 'Group', 'g1', (resource) => ({ resource, memberOps: [{ op: 'add', members: values.map((value) => ({ value })) }] }), {}, NOW, read);
    const withMembers = await add(ALL, ['u2', 'g2']);
    expect(memberValues(withMembers)).toEqual(['u1', 'u2', 'g2']);
    expect(withMembers).toEqual(await store().getResource(ORG_A, 'Group', 'g1', ALL));
    const withoutMembers = await add(NONE, ['u3']);
    expect(withoutMembers).toEqual(await store().getResource(ORG_A, 'Group', 'g1', NONE));
    expect(withoutMembers).not.toHaveProperty('members');
    expect(withoutMembers['meta']).toMatchObject({ lastModified: NOW, version: 'W/"3"' });
    expect(memberValues(await store().getResource(ORG_A, 'Group', 'g1', ALL))).toEqual(['u1', 'u2', 'g2', 'u3']);
    await expect(add(NONE, ['u1', 'nobody'])).rejects.toMatchObject({ status: 400 });
  });

  it('rejects group displayNames differing only by case with 409, per organization', async () => {
    await store().createResource(ORG_A, 'Group', group('g1', 'Straße'), null);
    await expect(store().createResource(ORG_A, 'Group', group('g2', 'STRASSE'.replace('SS', 'ẞ')), null)).rejects.toMatchObject({ status: 409 });
    await store().createResource(ORG_B, 'Group', group('g3', 'Straße'), null);
  });

  it('adds idempotently, removes, removes all, bumping the version each write', async () => {
    await seed(store());
    await store().createResource(ORG_A, 'Group', group('g1', 'G'), null);
    let read = await applyOps(store(), 'g1', [{ op: 'add', members: [{ value: 'u1' }, { value: 'u2' }] }]);
    expect(memberValues(read)).toEqual(['u1', 'u2']);
    read = await applyOps(store(), 'g1', [{ op: 'add', members: [{ value: 'u1' }, { value: 'u3' }] }]);
    expect(memberValues(read)).toEqual(['u1', 'u2', 'u3']);
    read = await applyOps(store(), 'g1', [{ op: 'remove', values: ['u2', 'not-a-member'] }]);
    expect(memberValues(read)).toEqual(['u1', 'u3']);
    read = await applyOps(store(), 'g1', [{ op: 'removeAll' }]);
    expect(read).not.toHaveProperty('members');
    expect(read['meta']).toMatchObject({ version: 'W/"5"', lastModified: NOW });
  });

  it('removes the members a filter matches (RFC 7644 §3.5.2.2 remove with value filter)', async () => {
    await seed(store());
    await store().createResource(ORG_A, 'Group', group('g1', 'G', ['u1', 'u2', 'u3']), null);
    const filter = or(cmp('Group', 'members.value', 'eq', 'u1'), cmp('Group', 'members.display', 'eq', 'CAT'));
    const read = await applyOps(store(), 'g1', [{ op: 'removeWhere', filter }]);
    expect(memberValues(read)).toEqual(['u2']);
  });

  it.each([
    ['an unknown id', 'nope'],
    ['another organization’s user', 'b1'],
    ['the group itself', 'g1'],
  ])('rejects adding %s as a member with 400 invalidValue naming it', async (_, id) => {
    await seed(store());
    await store().createResource(ORG_A, 'Group', group('g1', 'G', ['u1']), null);
    await expect(applyOps(store(), 'g1', [{ op: 'add', members: [{ value: 'u2' }, { value: id }] }])).rejects.toMatchObject({
      status: 400,
      scimType: 'invalidValue',
      detail: expect.stringContaining(id),
    });
    expect(memberValues(await store().getResource(ORG_A, 'Group', 'g1', ALL))).toEqual(['u1']);
    await expect(store().createResource(ORG_A, 'Group', group('g2', 'G2', [id === 'g1' ? 'g2' : id]), null)).rejects.toMatchObject({ status: 400 });
  });

  it('derives User.groups: direct and indirect through nested groups, displays current', async () => {
    await seed(store());
    await store().createResource(ORG_A, 'Group', group('inner', 'Inner', ['u1']), null);
    await store().createResource(ORG_A, 'Group', group('outer', 'Outer', ['inner', 'u2']), null);
    await store().createResource(ORG_A, 'Group', group('top', 'Top', ['outer', 'u1']), null);
    const u1 = await store().getResource(ORG_A, 'User', 'u1', ALL);
    expect(u1?.['groups']).toEqual([
      { value: 'inner', display: 'Inner', type: 'direct' },
      { value: 'outer', display: 'Outer', type: 'indirect' },
      { value: 'top', display: 'Top', type: 'direct' },
    ]);
    expect((await store().getResource(ORG_A, 'User', 'u2', ALL))?.['groups']).toEqual([
      { value: 'outer', display: 'Outer', type: 'direct' },
      { value: 'top', display: 'Top', type: 'indirect' },
    ]);
    expect(await store().getResource(ORG_A, 'User', 'u1', NONE)).not.toHaveProperty('groups');
    const outer = await store().getResource(ORG_A, 'Group', 'outer', ALL);
    expect(outer?.['members']).toEqual([
      { value: 'inner', display: 'Inner', type: 'Group' },
      { value: 'u2', display: 'ben', type: 'User' },
    ]);
  });

  it('shows a member’s new name after a rename', async () => {
    await seed(store());
    await store().createResource(ORG_A, 'Group', group('g1', 'G', ['u2']), null);
    await store().updateResource(ORG_A, 'User', 'u2', (c) => ({ resource: { ...c, displayName: 'Benjamin' } }), {}, NOW, NONE);
    expect((await store().getResource(ORG_A, 'Group', 'g1', ALL))?.['members']).toEqual([{ value: 'u2', display: 'Benjamin', type: 'User' }]);
  });

  it('deleting a user or a group removes every membership naming it', async () => {
    await seed(store());
    await store().createResource(ORG_A, 'Group', group('inner', 'Inner', ['u1']), null);
    await store().createResource(ORG_A, 'Group', group('outer', 'Outer', ['inner', 'u1', 'u2']), null);
    await store().deleteResource(ORG_A, 'User', 'u1', {});
    expect(memberValues(await store().getResource(ORG_A, 'Group', 'outer', ALL))).toEqual(['inner', 'u2']);
    await store().deleteResource(ORG_A, 'Group', 'inner', {});
    expect(memberValues(await store().getResource(ORG_A, 'Group', 'outer', ALL))).toEqual(['u2']);
    await store().createResource(ORG_A, 'User', user('u1', 'ann'), null);
    expect(await store().getResource(ORG_A, 'User', 'u1', ALL)).not.toHaveProperty('groups');
  });
}
