import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFixture, patchBody, PUBLIC_URL, userBody, type HttpFixture } from './http-fixture.js';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(async () => f.close());

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

async function createUser(userName: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const response = await f.scim('POST', '/Users', { body: userBody(userName, extra) });
  expect(response.status).toBe(201);
  return response.body;
}

describe('POST /Users (RFC 7644 §3.3)', () => {
  it('answers 201 with the resource, Location = meta.location, and ETag = meta.version', async () => {
    const response = await f.scim('POST', '/Users', {
      body: userBody('bjensen', { name: { givenName: 'Barbara' }, emails: [{ value: 'b@example.com', type: 'work' }], password: 'Secret#1' }),
    });
    expect(response.status).toBe(201);
    const meta = response.body['meta'] as Record<string, string>;
    expect(response.body).toMatchObject({ userName: 'bjensen', name: { givenName: 'Barbara' } });
    expect(meta['location']).toBe(`${PUBLIC_URL}/scim/v2/${f.orgId}/Users/${String(response.body['id'])}`);
    expect(response.headers['location']).toBe(meta['location']);
    expect(response.headers['etag']).toBe(meta['version']);
    expect(meta['resourceType']).toBe('User');
    expect(response.body).not.toHaveProperty('password');
    expect(JSON.stringify(f.logs())).not.toContain('Secret#1');
  });

  it('projects the created resource by `attributes`', async () => {
    const response = await f.scim('POST', '/Users?attributes=userName', { body: userBody('projected', { displayName: 'P' }) });
    expect(response.status).toBe(201);
    expect(response.body).toHaveProperty('userName', 'projected');
    expect(response.body).toHaveProperty('id');
    expect(response.body).not.toHaveProperty('displayName');
  });

  it('answers a duplicate userName (any case) with 409 uniqueness', async () => {
    await createUser('dup.user');
    const response = await f.scim('POST', '/Users', { body: userBody('DUP.User') });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
  });

  it('answers a missing userName with 400', async () => {
    const response = await f.scim('POST', '/Users', { body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] } });
    expect(response.status).toBe(400);
  });

  it('logs the attributes it ignored with the request id', async () => {
    const response = await f.scim('POST', '/Users', { body: userBody('ignores', { favouriteColour: 'blue' }) });
    expect(response.status).toBe(201);
    const id = response.headers['x-request-id'];
    const line = f.logs().find((entry) => entry['requestId'] === id && Array.isArray(entry['ignored']));
    expect(JSON.stringify(line?.['ignored'])).toContain('favouriteColour');
  });
});

describe('GET /Users/{id}', () => {
  it('returns the resource with ETag, and 304 for If-None-Match of the current version', async () => {
    const user = await createUser('etag.user');
    const path = `/Users/${String(user['id'])}`;
    const response = await f.scim('GET', path);
    expect(response.status).toBe(200);
    const etag = String(response.headers['etag']);
    expect(etag).toMatch(/^W\/"\d+"$/);
    const notModified = await f.scim('GET', path, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.raw.body).toBe('');
    expect((await f.scim('GET', path, { headers: { 'if-none-match': 'W/"999"' } })).status).toBe(200);
  });

  it.each([
    ['attributes=userName', ['id', 'schemas', 'userName'], ['displayName', 'emails']],
    ['attributes=emails.value', ['id', 'emails'], ['userName', 'displayName']],
    ['excludedAttributes=emails,displayName', ['id', 'userName'], ['emails', 'displayName']],
    ['excludedAttributes=id', ['id'], []],
    ['attributes=USERNAME', ['userName'], ['displayName']],
  ])('projects with %s (RFC 7644 §3.9)', async (query, present, absent) => {
    const user = await createUser(`proj.${present.length}.${absent.length}.${query.length}`, {
      displayName: 'D',
      emails: [{ value: 'p@example.com' }],
    });
    const response = await f.scim('GET', `/Users/${String(user['id'])}?${query}`);
    for (const key of present) expect(response.body).toHaveProperty(key);
    for (const key of absent) expect(response.body).not.toHaveProperty(key);
  });

  it('does not find a user of another organization', async () => {
    const user = await createUser('mine.only');
    const raw = await f.app.inject({
      method: 'GET',
      url: `/scim/v2/${f.otherOrgId}/Users/${String(user['id'])}`,
      headers: { authorization: `Bearer ${f.otherToken}` },
    });
    expect(raw.statusCode).toBe(404);
  });
});

describe('PUT /Users/{id} (RFC 7644 §3.5.1)', () => {
  it('replaces the resource and bumps the version', async () => {
    const user = await createUser('put.user', { displayName: 'Before', title: 'T' });
    const response = await f.scim('PUT', `/Users/${String(user['id'])}`, { body: userBody('put.user', { displayName: 'After' }) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ displayName: 'After' });
    expect(response.body).not.toHaveProperty('title');
    expect(response.headers['etag']).not.toBe((user['meta'] as Record<string, string>)['version']);
  });

  it('honours If-Match: 412 on a stale version, 200 on the current one', async () => {
    const user = await createUser('ifmatch.put');
    const path = `/Users/${String(user['id'])}`;
    const version = (user['meta'] as Record<string, string>)['version']!;
    const stale = await f.scim('PUT', path, { body: userBody('ifmatch.put'), headers: { 'if-match': 'W/"999"' } });
    expect(stale.status).toBe(412);
    expect(stale.body['status']).toBe('412');
    const current = await f.scim('PUT', path, { body: userBody('ifmatch.put'), headers: { 'if-match': version } });
    expect(current.status).toBe(200);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await f.scim('PUT', '/Users/unknown-id', { body: userBody('x') })).status).toBe(404);
  });
});

describe('PATCH /Users/{id} (RFC 7644 §3.5.2)', () => {
  it('answers 200 with the patched user', async () => {
    const user = await createUser('patch.user', { active: true });
    const response = await f.scim('PATCH', `/Users/${String(user['id'])}`, {
      body: patchBody({ op: 'replace', path: 'active', value: false }, { op: 'add', path: `${ENTERPRISE}:department`, value: 'R&D' }),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ active: false, [ENTERPRISE]: { department: 'R&D' } });
    expect(response.body['schemas']).toContain(ENTERPRISE);
  });

  it('hashes a patched password and never returns or logs it', async () => {
    const user = await createUser('patch.password');
    const response = await f.scim('PATCH', `/Users/${String(user['id'])}`, {
      body: patchBody({ op: 'replace', path: 'password', value: 'N3w-Secret!' }),
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).not.toContain('N3w-Secret!');
    expect(JSON.stringify(f.logs())).not.toContain('N3w-Secret!');
  });

  it('honours If-Match with 412', async () => {
    const user = await createUser('patch.ifmatch');
    const response = await f.scim('PATCH', `/Users/${String(user['id'])}`, {
      body: patchBody({ op: 'replace', path: 'displayName', value: 'X' }),
      headers: { 'if-match': 'W/"42"' },
    });
    expect(response.status).toBe(412);
  });

  it('answers a bad path with 400 invalidPath and an unknown id with 404', async () => {
    const user = await createUser('patch.errors');
    const bad = await f.scim('PATCH', `/Users/${String(user['id'])}`, { body: patchBody({ op: 'replace', path: 'emails[type eq', value: 'x' }) });
    expect(bad.status).toBe(400);
    const missing = await f.scim('PATCH', '/Users/nope', { body: patchBody({ op: 'replace', path: 'displayName', value: 'x' }) });
    expect(missing.status).toBe(404);
  });
});

describe('DELETE /Users/{id} (RFC 7644 §3.6)', () => {
  it('answers 204, then 404 on read and on a second delete', async () => {
    const user = await createUser('delete.me');
    const path = `/Users/${String(user['id'])}`;
    const response = await f.scim('DELETE', path);
    expect(response.status).toBe(204);
    expect(response.raw.body).toBe('');
    expect((await f.scim('GET', path)).status).toBe(404);
    expect((await f.scim('DELETE', path)).status).toBe(404);
  });

  it('honours If-Match with 412', async () => {
    const user = await createUser('delete.ifmatch');
    expect((await f.scim('DELETE', `/Users/${String(user['id'])}`, { headers: { 'if-match': 'W/"7"' } })).status).toBe(412);
  });
});
