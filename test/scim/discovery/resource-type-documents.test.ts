import { describe, expect, it } from 'vitest';
import { resourceTypeResource, resourceTypesResponse } from '../../../src/scim/discovery/resource-type-documents.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';

const BASE = 'https://r.example/scim/v2/o1';

const USER = {
  schemas: [URN.resourceType],
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  schema: URN.user,
  schemaExtensions: [
    { schema: URN.enterpriseUser, required: false },
    { schema: URN.teamsUser, required: false },
  ],
  meta: { resourceType: 'ResourceType', location: `${BASE}/ResourceTypes/User` },
};
const GROUP = {
  schemas: [URN.resourceType],
  id: 'Group',
  name: 'Group',
  endpoint: '/Groups',
  description: 'Group',
  schema: URN.group,
  meta: { resourceType: 'ResourceType', location: `${BASE}/ResourceTypes/Group` },
};

describe('resource types (RFC 7643 §6, RFC 7644 §4)', () => {
  it('lists User and Group in a ListResponse', () => {
    expect(resourceTypesResponse(BASE)).toEqual({
      schemas: [URN.listResponse],
      totalResults: 2,
      itemsPerPage: 2,
      startIndex: 1,
      Resources: [USER, GROUP],
    });
  });

  it.each<{ id: string; expected: unknown }>([
    { id: 'User', expected: USER },
    { id: 'user', expected: USER },
    { id: 'GROUP', expected: GROUP },
    { id: 'Robot', expected: undefined },
  ])('finds $id case-insensitively', ({ id, expected }) => {
    expect(resourceTypeResource(id, BASE)).toEqual(expected);
  });
});
