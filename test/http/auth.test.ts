import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeToken, issueToken } from '../../src/service/token-service.js';
import { httpFixture, type HttpFixture } from './http-fixture.js';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(async () => f.close());

describe('bearer authentication (RFC 7644 §2)', () => {
  it('accepts the organization’s own token', async () => {
    expect((await f.scim('GET', '/Users')).status).toBe(200);
  });

  it.each([
    ['no Authorization header', { token: null }],
    ['a Basic header', { token: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } }],
    ['a Bearer header without a token', { token: null, headers: { authorization: 'Bearer ' } }],
    ['a token that is not ours in form', { token: 'abc.def.ghi' }],
    ['a well-formed token with a wrong secret', { token: 'rst_0123456789abcdef_wrongsecret' }],
  ])('rejects %s with a SCIM 401', async (_label, options) => {
    const response = await f.scim('GET', '/Users', options);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    expect(response.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
  });

  it('rejects a valid token of another organization', async () => {
    expect((await f.scim('GET', '/Users', { token: f.otherToken })).status).toBe(401);
  });

  it('rejects a token with one character of its secret changed', async () => {
    const tampered = f.token.slice(0, -1) + (f.token.endsWith('A') ? 'B' : 'A');
    expect((await f.scim('GET', '/Users', { token: tampered })).status).toBe(401);
  });

  it('rejects a revoked token, while another token of the org keeps working', async () => {
    const issued = await issueToken(f.store, f.orgId, new Date().toISOString());
    expect((await f.scim('GET', '/Users', { token: issued.token })).status).toBe(200);
    await revokeToken(f.store, f.orgId, issued.id, new Date().toISOString());
    expect((await f.scim('GET', '/Users', { token: issued.token })).status).toBe(401);
    expect((await f.scim('GET', '/Users')).status).toBe(200);
  });

  it('answers an unknown organization with the same 401, even for a valid token', async () => {
    const response = await f.scim('GET', '//scim/v2/no-such-org/Users');
    expect(response.status).toBe(401);
  });

  it('protects discovery endpoints too', async () => {
    expect((await f.scim('GET', '/ServiceProviderConfig', { token: null })).status).toBe(401);
  });

  it('authenticates before reading the body', async () => {
    const response = await f.scim('POST', '/Users', { token: null, payload: '{not json' });
    expect(response.status).toBe(401);
  });

  it('never writes the token to the log', async () => {
    await f.scim('GET', '/Users', { headers: { 'x-request-id': 'auth-log-check' } });
    const text = JSON.stringify(f.logs());
    expect(text).not.toContain(f.token);
    expect(text).not.toContain(f.token.split('_').slice(2).join('_'));
  });
});
