import { describe, expect, it } from 'vitest';
import { ScimError } from '../../../src/scim/errors/scim-error.js';
import {
  listResponse,
  parseListQueryParams,
  parseSearchBody,
  type ListLimits,
} from '../../../src/scim/list/list-request.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../../src/scim/schema/resource-types.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';

const LIMITS: ListLimits = { maxResults: 100, defaultCount: 20 };
const SEARCH = [URN.searchRequest];

function scimErrorOf(action: () => unknown): ScimError {
  try {
    action();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('parseListQueryParams (RFC 7644 §3.4.2)', () => {
  it('defaults: startIndex 1, defaultCount, ascending, no filter, no sort, loads groups', () => {
    const { query, projection } = parseListQueryParams(USER_RESOURCE_TYPE, {}, LIMITS);
    expect(query).toEqual({ startIndex: 1, count: 20, sortOrder: 'ascending', read: { members: false, groups: true } });
    expect(projection).toEqual({});
  });

  it.each<{ name: string; params: Record<string, string>; startIndex: number; count: number }>([
    { name: 'given values', params: { startIndex: '5', count: '10' }, startIndex: 5, count: 10 },
    { name: 'startIndex below 1 is 1 (§3.4.2.4)', params: { startIndex: '0' }, startIndex: 1, count: 20 },
    { name: 'negative startIndex is 1', params: { startIndex: '-7' }, startIndex: 1, count: 20 },
    { name: 'a startIndex past any list is the largest exact integer', params: { startIndex: '99999999999999999999' }, startIndex: Number.MAX_SAFE_INTEGER, count: 20 },
    { name: 'negative count is 0 (§3.4.2.4)', params: { count: '-1' }, startIndex: 1, count: 0 },
    { name: 'count 0 asks for the total only', params: { count: '0' }, startIndex: 1, count: 0 },
    { name: 'count above maxResults is maxResults', params: { count: '5000' }, startIndex: 1, count: 100 },
    { name: 'surrounding spaces are tolerated', params: { startIndex: ' 3 ', count: '+4' }, startIndex: 3, count: 4 },
  ])('paging: $name', ({ params, startIndex, count }) => {
    const { query } = parseListQueryParams(USER_RESOURCE_TYPE, params, LIMITS);
    expect(query.startIndex).toBe(startIndex);
    expect(query.count).toBe(count);
  });

  it('a defaultCount above maxResults is still capped', () => {
    expect(parseListQueryParams(USER_RESOURCE_TYPE, {}, { maxResults: 10, defaultCount: 50 }).query.count).toBe(10);
  });

  it.each<{ name: string; params: Record<string, string>; detail: RegExp }>([
    { name: 'startIndex not a number', params: { startIndex: 'abc' }, detail: /'startIndex' must be an integer/ },
    { name: 'startIndex a decimal', params: { startIndex: '1.5' }, detail: /'startIndex' must be an integer/ },
    { name: 'count empty', params: { count: '' }, detail: /'count' must be an integer/ },
    { name: 'count with a unit', params: { count: '10px' }, detail: /'count' must be an integer/ },
    { name: 'sortOrder unknown', params: { sortOrder: 'up' }, detail: /'sortOrder'/ },
    { name: 'sortBy unknown', params: { sortBy: 'shoeSize' }, detail: /'sortBy' names no attribute/ },
    { name: 'sortBy a single-valued complex', params: { sortBy: 'name' }, detail: /sub-attribute of the complex attribute 'name'/ },
    { name: 'sortBy password (returned never)', params: { sortBy: 'password' }, detail: /'sortBy' cannot name/ },
  ])('rejects $name with 400 invalidValue', ({ params, detail }) => {
    const error = scimErrorOf(() => parseListQueryParams(USER_RESOURCE_TYPE, params, LIMITS));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe('invalidValue');
    expect(error.detail).toMatch(detail);
  });

  it.each<{ sortOrder: string; expected: string }>([
    { sortOrder: 'descending', expected: 'descending' },
    { sortOrder: 'DESCENDING', expected: 'descending' },
    { sortOrder: 'Ascending', expected: 'ascending' },
  ])('sortOrder $sortOrder is $expected (case-insensitive)', ({ sortOrder, expected }) => {
    expect(parseListQueryParams(USER_RESOURCE_TYPE, { sortOrder }, LIMITS).query.sortOrder).toBe(expected);
  });

  it.each<{ sortBy: string; key: string }>([
    { sortBy: 'USERNAME', key: 'userName' },
    { sortBy: 'name.familyName', key: 'name.familyName' },
    { sortBy: 'meta.lastModified', key: 'meta.lastModified' },
    { sortBy: 'emails', key: 'emails.value' },
    { sortBy: `${URN.enterpriseUser}:employeeNumber`, key: `${URN.enterpriseUser}:employeeNumber` },
  ])('sortBy $sortBy binds to $key (§3.4.2.3)', ({ sortBy, key }) => {
    expect(parseListQueryParams(USER_RESOURCE_TYPE, { sortBy }, LIMITS).query.sortBy?.key).toBe(key);
  });

  it('binds the filter to the resource type (§3.4.2.2)', () => {
    const { query } = parseListQueryParams(USER_RESOURCE_TYPE, { filter: 'userName eq "bjensen"' }, LIMITS);
    expect(query.filter).toMatchObject({ kind: 'compare', op: 'eq', attr: { key: 'userName' } });
  });

  it('treats an empty filter as none', () => {
    expect(parseListQueryParams(USER_RESOURCE_TYPE, { filter: ' ' }, LIMITS).query).not.toHaveProperty('filter');
  });

  it('rejects a filter on an unknown attribute with 400 invalidFilter', () => {
    const error = scimErrorOf(() => parseListQueryParams(USER_RESOURCE_TYPE, { filter: 'shoeSize eq 1' }, LIMITS));
    expect(error.scimType).toBe('invalidFilter');
  });

  it('parses the projection and loads members only when returned', () => {
    const excluded = parseListQueryParams(GROUP_RESOURCE_TYPE, { excludedAttributes: 'members' }, LIMITS);
    expect(excluded.projection.excludedAttributes?.map((r) => r.key)).toEqual(['members']);
    expect(excluded.query.read).toEqual({ members: false, groups: false });
    const named = parseListQueryParams(GROUP_RESOURCE_TYPE, { attributes: 'displayName,members' }, LIMITS);
    expect(named.projection.attributes?.map((r) => r.key)).toEqual(['displayName', 'members']);
    expect(named.query.read).toEqual({ members: true, groups: false });
  });
});

describe('parseSearchBody (RFC 7644 §3.4.3)', () => {
  it('reads every member of a SearchRequest', () => {
    const { query, projection } = parseSearchBody(
      USER_RESOURCE_TYPE,
      {
        schemas: SEARCH,
        filter: 'userName sw "b"',
        startIndex: 3,
        count: 7,
        sortBy: 'userName',
        sortOrder: 'descending',
        attributes: ['userName', 'emails.value'],
      },
      LIMITS,
    );
    expect(query).toMatchObject({ startIndex: 3, count: 7, sortOrder: 'descending', sortBy: { key: 'userName' }, read: { members: false, groups: false } });
    expect(query.filter).toMatchObject({ kind: 'compare', op: 'sw' });
    expect(projection.attributes?.map((r) => r.key)).toEqual(['userName', 'emails.value']);
  });

  it('applies the same bounds and defaults as GET', () => {
    const { query } = parseSearchBody(USER_RESOURCE_TYPE, { schemas: SEARCH, startIndex: -2, count: 1000, filter: null }, LIMITS);
    expect(query).toEqual({ startIndex: 1, count: 100, sortOrder: 'ascending', read: { members: false, groups: true } });
  });

  it('accepts the SearchRequest URN in any case and excludedAttributes as an array', () => {
    const { projection } = parseSearchBody(
      GROUP_RESOURCE_TYPE,
      { schemas: [URN.searchRequest.toUpperCase()], excludedAttributes: ['members'] },
      LIMITS,
    );
    expect(projection.excludedAttributes?.map((r) => r.key)).toEqual(['members']);
  });

  it.each<{ name: string; body: unknown; scimType: string; detail: RegExp }>([
    { name: 'a body that is not an object', body: 'x', scimType: 'invalidSyntax', detail: /SearchRequest/ },
    { name: 'schemas missing', body: { filter: 'userName pr' }, scimType: 'invalidSyntax', detail: /SearchRequest/ },
    { name: 'schemas of another message', body: { schemas: [URN.patchOp] }, scimType: 'invalidSyntax', detail: /SearchRequest/ },
    { name: 'startIndex as a string', body: { schemas: SEARCH, startIndex: '1' }, scimType: 'invalidValue', detail: /'startIndex' must be a JSON integer/ },
    { name: 'count as a decimal', body: { schemas: SEARCH, count: 2.5 }, scimType: 'invalidValue', detail: /'count' must be a JSON integer/ },
    { name: 'filter not a string', body: { schemas: SEARCH, filter: 1 }, scimType: 'invalidValue', detail: /'filter' must be a string/ },
    { name: 'sortBy not a string', body: { schemas: SEARCH, sortBy: ['userName'] }, scimType: 'invalidValue', detail: /'sortBy' must be a string/ },
    { name: 'attributes as a string', body: { schemas: SEARCH, attributes: 'userName' }, scimType: 'invalidValue', detail: /'attributes' must be an array/ },
    { name: 'excludedAttributes with a number', body: { schemas: SEARCH, excludedAttributes: ['a', 1] }, scimType: 'invalidValue', detail: /'excludedAttributes' must be an array/ },
    { name: 'sortOrder unknown', body: { schemas: SEARCH, sortOrder: 'random' }, scimType: 'invalidValue', detail: /'sortOrder'/ },
  ])('rejects $name with 400 $scimType', ({ body, scimType, detail }) => {
    const error = scimErrorOf(() => parseSearchBody(USER_RESOURCE_TYPE, body, LIMITS));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe(scimType);
    expect(error.detail).toMatch(detail);
  });
});

describe('listResponse (RFC 7644 §3.4.2)', () => {
  it.each<{ name: string; resources: { id: string }[]; total: number; startIndex: number }>([
    { name: 'a page', resources: [{ id: 'a' }, { id: 'b' }], total: 10, startIndex: 3 },
    { name: 'an empty result', resources: [], total: 0, startIndex: 1 },
    { name: 'count=0: total only', resources: [], total: 42, startIndex: 1 },
  ])('$name', ({ resources, total, startIndex }) => {
    expect(listResponse(resources, total, startIndex)).toEqual({
      schemas: [URN.listResponse],
      totalResults: total,
      itemsPerPage: resources.length,
      startIndex,
      Resources: resources,
    });
  });
});
