import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { httpFixture, PUBLIC_URL, type HttpFixture } from './http-fixture.js';

/**
 * A list answers each resource exactly as GET /<Type>/<id> does: SQLite splices a page under the default
 * projection from the stored JSON texts (docs/performance.md), a GET rebuilds the resource; they must not
 * differ by a byte, whatever was written and however.
 */
let f: HttpFixture;
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const userIds: string[] = [];
const groupIds: string[] = [];

const post = async (path: string, body: Record<string, unknown>): Promise<string> => {
  const response = await f.scim('POST', path, { body });
  expect(response.status).toBe(201);
  return String(response.body['id']);
};
const patch = async (path: string, operations: Record<string, unknown>[]): Promise<void> => {
  const response = await f.scim('PATCH', path, { body: { schemas: [PATCH], Operations: operations } });
  expect(response.status).toBeLessThan(300);
};

beforeAll(async () => {
  f = await httpFixture();
  const bare = await post('/Users', { schemas: [URN.user], userName: 'bare' });
  const full = await post('/Users', {
    schemas: [URN.user, URN.enterpriseUser, URN.teamsUser],
    userName: 'Full.User@Example.com',
    externalId: 'ext "1"',
    name: { givenName: 'Zoë', familyName: 'Müller \\ "Mü"', formatted: 'line\u2028separator' },
    displayName: 'Full </script> User 😀',
    title: 'Head of "R&D"',
    active: false,
    emails: [
      { value: 'full@example.com', type: 'work', primary: true },
      { value: 'full@home.example.org', type: 'home' },
    ],
    phoneNumbers: [{ value: '+1 555 0100', type: 'mobile' }],
    addresses: [{ streetAddress: '1 Main St\nSuite 2', locality: 'Springfield', country: 'US', type: 'work' }],
    roles: [{ value: 'admin', display: 'Administrator' }],
    x509Certificates: [{ value: 'TUlJQ' }],
    [URN.enterpriseUser]: { employeeNumber: '42', department: 'R&D', costCenter: 'CC 1' },
    [URN.teamsUser]: { teams: ['Red', 'Blue'] },
  });
  const managed = await post('/Users', {
    schemas: [URN.user, URN.enterpriseUser],
    userName: 'managed',
    [URN.enterpriseUser]: { manager: { value: full }, department: 'Ops' },
  });
  const teamsOnly = await post('/Users', { schemas: [URN.user, URN.teamsUser], userName: 'teams', [URN.teamsUser]: { teams: ['Solo'] } });
  const emptied = await post('/Users', {
    schemas: [URN.user, URN.enterpriseUser],
    userName: 'emptied',
    name: { givenName: 'Only' },
    [URN.enterpriseUser]: { department: 'Gone' },
  });
  // Writes that leave values behind in odd shapes: everything of an extension removed, a complex value emptied.
  await patch(`/Users/${emptied}`, [
    { op: 'remove', path: `${URN.enterpriseUser}:department` },
    { op: 'remove', path: 'name.givenName' },
    { op: 'add', path: 'emails', value: [{ value: 'emptied@example.com', type: 'other' }] },
  ]);
  await patch(`/Users/${teamsOnly}`, [{ op: 'replace', value: { displayName: 'Teams Only', active: true } }]);
  // A manager sent with the IdP's own $ref naming no user here, and one set the way Entra sets it (a bare id).
  const ghostManaged = await post('/Users', {
    schemas: [URN.user, URN.enterpriseUser],
    userName: 'ghost-managed',
    [URN.enterpriseUser]: { manager: { value: 'no-such-user', $ref: 'https://idp.example.com/Users/no-such-user' } },
  });
  const entraManaged = await post('/Users', { schemas: [URN.user], userName: 'entra-managed' });
  await patch(`/Users/${entraManaged}`, [{ op: 'Add', path: `${URN.enterpriseUser}:manager`, value: bare }]);
  userIds.push(bare, full, managed, teamsOnly, emptied, ghostManaged, entraManaged);

  const inner = await post('/Groups', { schemas: [URN.group], displayName: 'Inner "core"', members: [{ value: full }] });
  const outer = await post('/Groups', {
    schemas: [URN.group],
    displayName: 'Outer',
    externalId: 'g-ext',
    members: [{ value: inner, type: 'Group' }, { value: bare }],
  });
  await post('/Groups', { schemas: [URN.group], displayName: 'Empty' });
  await patch(`/Groups/${outer}`, [{ op: 'replace', path: 'displayName', value: 'Outer "all"' }]);
  await patch(`/Users/${full}`, [{ op: 'replace', path: 'displayName', value: 'Renamed "Full"' }]);
  groupIds.push(inner, outer);
});
afterAll(async () => {
  await f.close();
});

/** Each resource of a list body, serialised again (which keeps its key order), against the GET of its id. */
async function expectSameAsGet(resources: Record<string, unknown>[], endpoint: string): Promise<void> {
  for (const resource of resources) {
    const read = await f.scim('GET', `${endpoint}/${String(resource['id'])}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(resource)).toBe(read.raw.body);
  }
}

describe('list answers', () => {
  it('give every user of a page exactly as its GET does: plain, full, managed (a known, an unknown and a PATCHed manager), extension-only, emptied by PATCH', async () => {
    const list = await f.scim('GET', '/Users?count=100');
    expect(list.status).toBe(200);
    const resources = list.body.Resources ?? [];
    expect(resources.map((user) => user['id']).sort()).toEqual([...userIds].sort());
    await expectSameAsGet(resources, '/Users');
    const full = resources.find((user) => user['id'] === userIds[1])!;
    expect(full['groups']).toHaveLength(2); // direct Inner, indirect Outer
    const managed = resources.find((user) => user['id'] === userIds[2])!;
    expect((managed[URN.enterpriseUser] as Record<string, Record<string, unknown>>)['manager']).toMatchObject({
      value: userIds[1],
      displayName: 'Renamed "Full"',
    });
    const ghost = resources.find((user) => user['id'] === userIds[5])!;
    expect((ghost[URN.enterpriseUser] as Record<string, unknown>)['manager']).toEqual({
      value: 'no-such-user',
      $ref: `${PUBLIC_URL}/scim/v2/${f.orgId}/Users/no-such-user`,
    });
    const entra = resources.find((user) => user['id'] === userIds[6])!;
    expect((entra[URN.enterpriseUser] as Record<string, Record<string, unknown>>)['manager']).toMatchObject({ value: userIds[0], displayName: 'bare' });
  });

  it('give a filtered page of one (what an IdP lookup reads) and a POST .search page as GET does', async () => {
    const lookup = await f.scim('GET', `/Users?filter=${encodeURIComponent('userName eq "full.user@example.com"')}`);
    expect(lookup.body.Resources).toHaveLength(1);
    await expectSameAsGet(lookup.body.Resources ?? [], '/Users');
    const search = await f.scim('POST', '/Users/.search', { body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], count: 3 } });
    expect(search.body.Resources).toHaveLength(3);
    await expectSameAsGet(search.body.Resources ?? [], '/Users');
  });

  it('give groups, with members and without, as GET does', async () => {
    const list = await f.scim('GET', '/Groups');
    expect(list.body.Resources).toHaveLength(3);
    await expectSameAsGet(list.body.Resources ?? [], '/Groups');
  });

  it('keep the ListResponse members in RFC 7644 order around the page', async () => {
    const list = await f.scim('GET', '/Users?startIndex=2&count=2');
    expect(Object.keys(list.body)).toEqual(['schemas', 'totalResults', 'itemsPerPage', 'startIndex', 'Resources']);
    expect(list.body).toMatchObject({ totalResults: userIds.length, itemsPerPage: 2, startIndex: 2 });
  });
});
