import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupBody, httpFixture, patchBody, userBody, type HttpFixture } from './http-fixture.js';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(async () => f.close());

async function createUser(userName: string): Promise<string> {
  const response = await f.scim('POST', '/Users', { body: userBody(userName, { displayName: userName.toUpperCase() }) });
  expect(response.status).toBe(201);
  return String(response.body['id']);
}

async function createGroup(displayName: string, memberIds: string[] = []): Promise<Record<string, unknown>> {
  const response = await f.scim('POST', '/Groups', {
    body: groupBody(displayName, memberIds.length ? { members: memberIds.map((value) => ({ value })) } : {}),
  });
  expect(response.status).toBe(201);
  return response.body;
}

function memberValues(group: Record<string, unknown>): string[] {
  const members = (group['members'] ?? []) as { value: string }[];
  return members.map((member) => member.value).sort();
}

describe('Groups CRUD', () => {
  it('creates a group with members, derives their display and $ref, and lists the user’s groups', async () => {
    const alice = await createUser('g.alice');
    const group = await createGroup('Engineering', [alice]);
    expect(group['members']).toEqual([
      expect.objectContaining({ value: alice, display: 'G.ALICE', $ref: expect.stringContaining(`/Users/${alice}`) }),
    ]);
    const user = await f.scim('GET', `/Users/${alice}`);
    expect(JSON.stringify(user.body['groups'])).toContain(String(group['id']));
  });

  it('answers a member id that does not exist with 400', async () => {
    const response = await f.scim('POST', '/Groups', { body: groupBody('Ghosts', { members: [{ value: 'no-such-user' }] }) });
    expect(response.status).toBe(400);
  });

  it('PUT replaces the membership', async () => {
    const [a, b, c] = [await createUser('put.a'), await createUser('put.b'), await createUser('put.c')];
    const group = await createGroup('PutGroup', [a, b]);
    const response = await f.scim('PUT', `/Groups/${String(group['id'])}`, { body: groupBody('PutGroup2', { members: [{ value: c }] }) });
    expect(response.status).toBe(200);
    expect(response.body['displayName']).toBe('PutGroup2');
    expect(memberValues(response.body)).toEqual([c]);
  });

  it('PUT without members empties the group', async () => {
    const a = await createUser('put.empty');
    const group = await createGroup('PutEmpty', [a]);
    const response = await f.scim('PUT', `/Groups/${String(group['id'])}`, { body: groupBody('PutEmpty') });
    expect(response.status).toBe(200);
    expect(memberValues(response.body)).toEqual([]);
  });

  it('PATCH answers 204 without a body and applies member deltas', async () => {
    const [a, b] = [await createUser('patch.a'), await createUser('patch.b')];
    const group = await createGroup('PatchGroup', [a]);
    const path = `/Groups/${String(group['id'])}`;
    const response = await f.scim('PATCH', path, {
      body: patchBody({ op: 'add', path: 'members', value: [{ value: b }] }, { op: 'remove', path: `members[value eq "${a}"]` }),
    });
    expect(response.status).toBe(204);
    expect(response.raw.body).toBe('');
    expect(response.headers['etag']).toMatch(/^W\//);
    expect(memberValues((await f.scim('GET', path)).body)).toEqual([b]);
  });

  it('PATCH answers 200 with the projected group when attributes or excludedAttributes is given', async () => {
    const a = await createUser('patch.proj');
    const group = await createGroup('PatchProj');
    const withMembers = await f.scim('PATCH', `/Groups/${String(group['id'])}?attributes=members`, {
      body: patchBody({ op: 'add', path: 'members', value: [{ value: a }] }),
    });
    expect(withMembers.status).toBe(200);
    expect(memberValues(withMembers.body)).toEqual([a]);
    expect(withMembers.body).not.toHaveProperty('displayName');
    const withoutMembers = await f.scim('PATCH', `/Groups/${String(group['id'])}?excludedAttributes=members`, {
      body: patchBody({ op: 'replace', path: 'displayName', value: 'Renamed' }),
    });
    expect(withoutMembers.status).toBe(200);
    expect(withoutMembers.body).toMatchObject({ displayName: 'Renamed' });
    expect(withoutMembers.body).not.toHaveProperty('members');
  });

  it('GET with excludedAttributes=members leaves members out', async () => {
    const a = await createUser('excl.a');
    const group = await createGroup('Excl', [a]);
    const response = await f.scim('GET', `/Groups/${String(group['id'])}?excludedAttributes=members`);
    expect(response.body).not.toHaveProperty('members');
    expect(response.body['displayName']).toBe('Excl');
  });

  it('deleting a user removes it from its groups; deleting a group answers 204', async () => {
    const a = await createUser('del.member');
    const group = await createGroup('DelGroup', [a]);
    expect((await f.scim('DELETE', `/Users/${a}`)).status).toBe(204);
    expect(memberValues((await f.scim('GET', `/Groups/${String(group['id'])}`)).body)).toEqual([]);
    expect((await f.scim('DELETE', `/Groups/${String(group['id'])}`)).status).toBe(204);
    expect((await f.scim('GET', `/Groups/${String(group['id'])}`)).status).toBe(404);
  });

  it('a duplicate displayName is allowed or a 409, never a 500', async () => {
    await createGroup('Twice');
    const response = await f.scim('POST', '/Groups', { body: groupBody('Twice') });
    expect([201, 409]).toContain(response.status);
  });
});
