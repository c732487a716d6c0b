import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFixture, userBody, type HttpFixture } from './http-fixture.js';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture({ MAX_BODY_BYTES: '4096' });
});
afterAll(async () => f.close());

describe('request media types (RFC 7644 §3.1)', () => {
  it.each([
    ['application/scim+json', 'ct.scim'],
    ['application/scim+json; charset=utf-8', 'ct.scim.charset'],
    ['application/json', 'ct.json'],
    ['Application/JSON; charset=UTF-8', 'ct.json.charset'],
  ])('accepts %s', async (contentType, userName) => {
    const response = await f.scim('POST', '/Users', { body: userBody(userName), headers: { 'content-type': contentType } });
    expect(response.status).toBe(201);
  });

  it('accepts a JSON body sent without a Content-Type', async () => {
    const raw = await f.app.inject({
      method: 'POST',
      url: `/scim/v2/${f.orgId}/Users`,
      headers: { authorization: `Bearer ${f.token}` },
      payload: JSON.stringify(userBody('ct.none')),
    });
    expect(raw.statusCode).toBe(201);
  });

  it.each(['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])('refuses %s with 415', async (type) => {
    const response = await f.scim('POST', '/Users', { payload: JSON.stringify(userBody('ct.bad')), headers: { 'content-type': type } });
    expect(response.status).toBe(415);
    expect(response.body['status']).toBe('415');
  });

  it('answers every response with application/scim+json', async () => {
    const response = await f.scim('GET', '/Users');
    expect(response.headers['content-type']).toBe('application/scim+json; charset=utf-8');
  });
});

describe('hostile and malformed bodies', () => {
  it('refuses a body over MAX_BODY_BYTES with 413', async () => {
    const response = await f.scim('POST', '/Users', { body: userBody('big', { displayName: 'x'.repeat(5000) }) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ status: '413' });
  });

  it('refuses JSON nested deeper than 64 levels with 400 invalidSyntax, without parsing it', async () => {
    const deep = '{"a":'.repeat(100) + '1' + '}'.repeat(100);
    const response = await f.scim('POST', '/Users', { payload: deep });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
  });

  it('refuses a deep array bomb within the size limit', async () => {
    const response = await f.scim('POST', '/Users', { payload: '['.repeat(4000) });
    expect(response.status).toBe(400);
    expect(response.body['scimType']).toBe('invalidSyntax');
  });

  it.each(['{"userName": ', '{userName: "x"}', "{'a':1}", 'null x'])('refuses malformed JSON %j with 400 invalidSyntax', async (payload) => {
    const response = await f.scim('POST', '/Users', { payload });
    expect(response.status).toBe(400);
    expect(response.body['scimType']).toBe('invalidSyntax');
  });

  it.each([
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['a JSON string', '"user"'],
    ['null', 'null'],
  ])('refuses %s on POST with a 400', async (_label, payload) => {
    const response = await f.scim('POST', '/Users', { payload });
    expect(response.status).toBe(400);
  });

  it.each([
    ['a number as userName', { userName: 42 }],
    ['a wrong schemas member', { schemas: 'nope', userName: 'a' }],
    ['emails as an object', { userName: 'b', emails: { value: 'x' } }],
    ['a __proto__ member', JSON.parse('{"userName":"c","__proto__":{"admin":true}}') as unknown],
  ])('never answers 500 for %s', async (_label, body) => {
    const response = await f.scim('POST', '/Users', { body });
    expect(response.status).toBeLessThan(500);
  });

  it.each([
    ['PATCH with a non-PatchOp body', 'PATCH', { foo: 1 }],
    ['PATCH with Operations not an array', 'PATCH', { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: 'x' }],
    ['PUT with an array', 'PUT', []],
  ])('answers %s with a 4xx', async (_label, method, body) => {
    const created = await f.scim('POST', '/Users', { body: userBody(`bad.${method}.${Math.random()}`) });
    const response = await f.scim(method, `/Users/${String(created.body['id'])}`, { body });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
