import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFixture, userBody, type HttpFixture } from './http-fixture.js';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
});
afterAll(async () => f.close());

const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

describe('routing', () => {
  it.each(['/users', '/USERS', '/Users/', '/groups', '/GROUPS', '/serviceproviderconfig', '/resourcetypes', '/SCHEMAS'])(
    'matches the endpoint %s case-insensitively',
    async (path) => {
      expect((await f.scim('GET', path)).status).toBe(200);
    },
  );

  it('finds a resource through a lower-case path', async () => {
    const created = await f.scim('POST', '/users', { body: userBody('case.path') });
    expect(created.status).toBe(201);
    expect((await f.scim('GET', `/uSeRs/${String(created.body['id'])}`)).status).toBe(200);
  });

  it.each([
    ['GET', '/Nope'],
    ['GET', '/Users/x/y'],
    ['GET', '//nothing-here'],
    ['GET', '//scim/v2'],
  ])('answers %s %s with a SCIM 404', async (method, path) => {
    const response = await f.scim(method, path);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ schemas: [ERROR_URN], status: '404' });
    expect(response.headers['content-type']).toBe('application/scim+json; charset=utf-8');
  });

  it('answers a URL that is not valid percent-encoding with a SCIM 400 carrying the request id', async () => {
    const response = await f.scim('GET', '/Users/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ schemas: [ERROR_URN], status: '400' });
    expect(String(response.body['detail'])).toContain(`(request ${String(response.headers['x-request-id'])})`);
  });

  it('answers an unknown resource id with 404', async () => {
    const response = await f.scim('GET', '/Users/4b1e4b1e-0000-0000-0000-000000000000');
    expect(response.status).toBe(404);
    expect(response.body['status']).toBe('404');
  });

  it.each([
    ['DELETE', '/Users'],
    ['PUT', '/Groups'],
    ['POST', '/Users/some-id'],
    ['GET', '/Users/.search'],
    ['POST', '/ServiceProviderConfig'],
    ['DELETE', '/Schemas'],
    ['GET', '/.search'],
  ])('answers %s %s with a SCIM 405 and Allow', async (method, path) => {
    const response = await f.scim(method, path);
    expect(response.status).toBe(405);
    expect(response.body).toMatchObject({ schemas: [ERROR_URN], status: '405' });
    expect(response.headers['allow']).toBeTruthy();
  });

  it.each([
    ['POST', '/Bulk'],
    ['GET', '/Bulk'],
    ['GET', '/Me'],
    ['POST', '/me'],
  ])('answers %s %s with a SCIM 501', async (method, path) => {
    const response = await f.scim(method, path, { body: method === 'POST' ? {} : undefined });
    expect(response.status).toBe(501);
    expect(response.body).toMatchObject({ schemas: [ERROR_URN], status: '501' });
  });
});

describe('request ids', () => {
  it('sets X-Request-Id on every response and repeats it in error details and the log', async () => {
    const ok = await f.scim('GET', '/Users');
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await f.scim('GET', '/Users/missing');
    const id = String(failed.headers['x-request-id']);
    expect(String(failed.body['detail'])).toContain(`(request ${id})`);
    expect(f.logs().some((line) => line['requestId'] === id)).toBe(true);
  });

  it('keeps a safe client-supplied id and replaces an unsafe one', async () => {
    const kept = await f.scim('GET', '/Nope', { headers: { 'x-request-id': 'idp-req-42' } });
    expect(kept.headers['x-request-id']).toBe('idp-req-42');
    expect(String(kept.body['detail'])).toContain('(request idp-req-42)');
    const replaced = await f.scim('GET', '/Users', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('includes the request id on 401 responses too', async () => {
    const response = await f.scim('GET', '/Users', { token: null });
    expect(String(response.body['detail'])).toContain(`(request ${String(response.headers['x-request-id'])})`);
  });
});
