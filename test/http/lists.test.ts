import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFixture, userBody, type HttpFixture } from './http-fixture.js';

let f: HttpFixture;
const LIST_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

beforeAll(async () => {
  f = await httpFixture({ MAX_RESULTS: '5' });
  const people = [
    ['alice', 'Alice@Example.com', 'work', 'ext-1', 'Carter'],
    ['bob', 'bob@example.com', 'home', 'ext-2', 'Adams'],
    ['carol', 'carol@other.org', 'work', 'EXT-3', 'Baker'],
    ['dave', 'dave@example.com', 'work', 'ext-4', 'Evans'],
    ['erin', 'erin@other.org', 'home', 'ext-5', 'Davis'],
    ['frank', 'frank@example.com', 'work', 'ext-6', 'Fisher'],
    ['grace', 'grace@example.com', 'work', 'ext-7', 'Green'],
  ];
  for (const [userName, email, type, externalId, familyName] of people) {
    const response = await f.scim('POST', '/Users', {
      body: userBody(userName!, { externalId, name: { familyName }, emails: [{ value: email, type }] }),
    });
    expect(response.status).toBe(201);
  }
});
afterAll(async () => f.close());

async function list(query: string): Promise<{ status: number; body: Record<string, unknown>; names: string[] }> {
  const response = await f.scim('GET', `/Users?${query}`);
  const names = (response.body.Resources ?? []).map((user) => String(user['userName']));
  return { status: response.status, body: response.body, names };
}

describe('filters end to end (RFC 7644 §3.4.2.2)', () => {
  it.each([
    ['userName eq "ALICE"', ['alice']],
    ['userName eq "alice" or userName eq "Bob"', ['alice', 'bob']],
    ['emails[type eq "work" and value co "@other.org"]', ['carol']],
    ['emails.value ew "@example.com" and emails.type eq "home"', ['bob']],
    ['emails co "alice@example"', ['alice']],
    ['externalId eq "ext-3"', []],
    ['externalId eq "EXT-3"', ['carol']],
    ['name.familyName sw "d"', ['erin']],
    ['not (userName ne "dave")', ['dave']],
    ['title pr', []],
  ])('%s', async (filter, expected) => {
    const result = await list(`filter=${encodeURIComponent(filter)}&sortBy=userName`);
    expect(result.status).toBe(200);
    expect(result.names).toEqual(expected);
    expect(result.body['totalResults']).toBe(expected.length);
  });

  it.each(['userName eq', 'nosuch eq "x"', 'userName xx "a"', 'userName eq "a" and'])(
    'answers the bad filter %j with 400 invalidFilter',
    async (filter) => {
      const response = await f.scim('GET', `/Users?filter=${encodeURIComponent(filter)}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    },
  );

  it('answers no match with an empty ListResponse, never 404', async () => {
    const response = await f.scim('GET', `/Users?filter=${encodeURIComponent('userName eq "nobody"')}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ schemas: [LIST_URN], totalResults: 0, Resources: [] });
  });
});

describe('paging and sorting (RFC 7644 §3.4.2.3–4)', () => {
  it('pages in a stable order with an exact totalResults', async () => {
    const first = await list('sortBy=userName&startIndex=1&count=3');
    const second = await list('sortBy=userName&startIndex=4&count=3');
    const third = await list('sortBy=userName&startIndex=7&count=3');
    expect(first.names).toEqual(['alice', 'bob', 'carol']);
    expect(second.names).toEqual(['dave', 'erin', 'frank']);
    expect(third.names).toEqual(['grace']);
    expect(first.body).toMatchObject({ totalResults: 7, itemsPerPage: 3, startIndex: 1 });
    expect(third.body).toMatchObject({ totalResults: 7, itemsPerPage: 1, startIndex: 7 });
  });

  it('pages without sortBy in a stable order that covers everyone once', async () => {
    const pages = [await list('startIndex=1&count=4'), await list('startIndex=5&count=4')];
    const names = pages.flatMap((page) => page.names);
    expect(new Set(names).size).toBe(7);
    expect(await list('startIndex=1&count=4')).toMatchObject({ names: pages[0]!.names });
  });

  it('count=0 gives only the total', async () => {
    const result = await list('count=0');
    expect(result.body).toMatchObject({ totalResults: 7, itemsPerPage: 0, Resources: [] });
  });

  it('caps count at MAX_RESULTS and treats startIndex < 1 as 1', async () => {
    const result = await list('count=100&startIndex=0&sortBy=userName');
    expect(result.names).toHaveLength(5);
    expect(result.body).toMatchObject({ totalResults: 7, startIndex: 1 });
  });

  it.each(['', 'sortBy=userName&'])('answers a startIndex past any list (%s) with an empty page, not an error', async (sort) => {
    const result = await list(`${sort}startIndex=99999999999999999999&count=3`);
    expect(result.body).toMatchObject({ totalResults: 7, itemsPerPage: 0, Resources: [], startIndex: Number.MAX_SAFE_INTEGER });
  });

  it('sorts descending by a sub-attribute', async () => {
    const result = await list('sortBy=name.familyName&sortOrder=descending&count=3');
    expect(result.names).toEqual(['grace', 'frank', 'dave']);
  });

  it('projects every listed resource', async () => {
    const result = await f.scim('GET', '/Users?attributes=userName&count=2');
    for (const user of result.body.Resources ?? []) {
      expect(Object.keys(user).sort()).toEqual(['id', 'schemas', 'userName']);
    }
  });

  it.each(['count=abc', 'startIndex=1.5', 'sortOrder=sideways', 'sortBy=nosuch'])('answers %s with 400', async (query) => {
    expect((await list(query)).status).toBe(400);
  });
});
