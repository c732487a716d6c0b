import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackend } from '../support/test-database.js';
import { httpFixture, userBody, type HttpFixture } from './http-fixture.js';

/** U+0000 is a valid JSON string character: SQLite stores it, PostgreSQL cannot, and must say so with a 400. */
describe('text with the NUL character', () => {
  let fixture: HttpFixture;
  beforeEach(async () => {
    fixture = await httpFixture();
  });
  afterEach(async () => fixture.close());

  const cases = [
    ['a create', (f: HttpFixture) => f.scim('POST', '/Users', { body: userBody('a\u0000b') })],
    ['a create with a JSON attribute', (f: HttpFixture) => f.scim('POST', '/Users', { body: userBody('b', { title: 'a\u0000b' }) })],
    [
      'an update',
      async (f: HttpFixture) => {
        const { body } = await f.scim('GET', `/Users?filter=${encodeURIComponent('userName eq "someone"')}`);
        const id = String(body.Resources![0]!['id']);
        const patch = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'nickName', value: 'a\u0000b' }] };
        return f.scim('PATCH', `/Users/${id}`, { body: patch });
      },
    ],
    ['a filter on a column', (f: HttpFixture) => f.scim('GET', `/Users?filter=${encodeURIComponent('userName eq "a\\u0000b"')}`)],
    ['a filter on a JSON attribute', (f: HttpFixture) => f.scim('GET', `/Users?filter=${encodeURIComponent('title eq "a\\u0000b"')}`)],
  ] as const;

  it.each(cases)('in %s is stored and matched on SQLite, a 400 invalidValue on PostgreSQL, never a 500', async (_, send) => {
    await fixture.scim('POST', '/Users', { body: userBody('someone', { title: 'x' }) });
    const response = await send(fixture);
    if (testBackend() === 'postgres') {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ status: '400', scimType: 'invalidValue' });
      expect(String(response.body['detail'])).toContain('U+0000');
      expect(String(response.body['detail'])).toContain(String(response.headers['x-request-id']));
    } else {
      expect([200, 201]).toContain(response.status);
    }
    // Whatever was accepted leaves every other filter working.
    const other = await fixture.scim('GET', `/Users?filter=${encodeURIComponent('title eq "x" or nickName eq "y"')}`);
    expect(other.status).toBe(200);
    expect(other.body['totalResults']).toBe(1);
  });
});
