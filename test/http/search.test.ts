import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupBody, httpFixture, searchBody, userBody, type HttpFixture } from './http-fixture.js';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture();
  for (const name of ['sam', 'sue', 'tom']) {
    expect((await f.scim('POST', '/Users', { body: userBody(name, { displayName: `${name} display` }) })).status).toBe(201);
  }
  for (const name of ['staff', 'sales']) {
    expect((await f.scim('POST', '/Groups', { body: groupBody(name) })).status).toBe(201);
  }
});
afterAll(async () => f.close());

const names = (resources: Record<string, unknown>[] | undefined): string[] =>
  (resources ?? []).map((resource) => String(resource['userName'] ?? resource['displayName']));

describe('POST /.search (RFC 7644 §3.4.3)', () => {
  it('searches one resource type with a SearchRequest', async () => {
    const response = await f.scim('POST', '/Users/.search', {
      body: searchBody({ filter: 'userName sw "s"', sortBy: 'userName', attributes: ['userName'] }),
    });
    expect(response.status).toBe(200);
    expect(names(response.body.Resources)).toEqual(['sam', 'sue']);
    expect(response.body.Resources?.[0]).not.toHaveProperty('displayName');
  });

  it('searches groups through /groups/.search', async () => {
    const response = await f.scim('POST', '/groups/.search', { body: searchBody({ filter: 'displayName eq "STAFF"' }) });
    expect(names(response.body.Resources)).toEqual(['staff']);
  });

  it('searches every type at the root: users then groups, in one paging window', async () => {
    const all = await f.scim('POST', '/.search', { body: searchBody({ filter: 'displayName sw "s"', sortBy: 'displayName' }) });
    expect(all.status).toBe(200);
    expect(all.body['totalResults']).toBe(4);
    expect(names(all.body.Resources)).toEqual(['sam', 'sue', 'sales', 'staff']);
    const window = await f.scim('POST', '/.search', {
      body: searchBody({ filter: 'displayName sw "s"', sortBy: 'displayName', startIndex: 2, count: 2 }),
    });
    expect(window.body).toMatchObject({ totalResults: 4, startIndex: 2, itemsPerPage: 2 });
    expect(names(window.body.Resources)).toEqual(['sue', 'sales']);
  });

  it('starts the window inside the groups when startIndex is past every user, and count=0 gives the total', async () => {
    const filter = 'displayName sw "s"';
    const late = await f.scim('POST', '/.search', { body: searchBody({ filter, sortBy: 'displayName', startIndex: 4, count: 5 }) });
    expect(names(late.body.Resources)).toEqual(['staff']);
    expect(late.body).toMatchObject({ totalResults: 4, startIndex: 4 });
    const none = await f.scim('POST', '/.search', { body: searchBody({ filter, count: 0 }) });
    expect(none.body).toMatchObject({ totalResults: 4, itemsPerPage: 0, Resources: [] });
  });

  it('searches only the types a filter binds to', async () => {
    const response = await f.scim('POST', '/.search', { body: searchBody({ filter: 'userName eq "tom"' }) });
    expect(names(response.body.Resources)).toEqual(['tom']);
  });

  it('answers a filter that binds to no type with 400 invalidFilter', async () => {
    const response = await f.scim('POST', '/.search', { body: searchBody({ filter: 'nosuch eq 1' }) });
    expect(response.status).toBe(400);
    expect(response.body['scimType']).toBe('invalidFilter');
  });

  it('answers a body that is not a SearchRequest with 400', async () => {
    expect((await f.scim('POST', '/Users/.search', { body: { filter: 'userName pr' } })).status).toBe(400);
    expect((await f.scim('POST', '/.search', { body: [] })).status).toBe(400);
  });
});
