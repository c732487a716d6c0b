import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFixture, PUBLIC_URL, type HttpFixture } from './http-fixture.js';

let f: HttpFixture;
beforeAll(async () => {
  f = await httpFixture({ MAX_RESULTS: '250', MAX_BODY_BYTES: '65536' });
});
afterAll(async () => f.close());

describe('discovery endpoints (RFC 7644 §4)', () => {
  it('ServiceProviderConfig advertises the configured limits', async () => {
    const response = await f.scim('GET', '/ServiceProviderConfig');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false, maxPayloadSize: 65536 },
      filter: { supported: true, maxResults: 250 },
      etag: { supported: true },
    });
  });

  it('lists the User and Group resource types with org-specific locations', async () => {
    const response = await f.scim('GET', '/ResourceTypes');
    expect(response.body['totalResults']).toBe(2);
    const ids = (response.body.Resources ?? []).map((type) => type['id']);
    expect(ids).toEqual(['User', 'Group']);
    expect(JSON.stringify(response.body)).toContain(`${PUBLIC_URL}/scim/v2/${f.orgId}/ResourceTypes/User`);
  });

  it.each([
    ['/ResourceTypes/User', 'User'],
    ['/ResourceTypes/group', 'Group'],
    ['/Schemas/urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:core:2.0:User'],
    ['/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
  ])('GET %s', async (path, id) => {
    const response = await f.scim('GET', path);
    expect(response.status).toBe(200);
    expect(response.body['id']).toBe(id);
  });

  it('lists the schemas', async () => {
    const response = await f.scim('GET', '/Schemas');
    const ids = (response.body.Resources ?? []).map((schema) => schema['id']);
    expect(ids).toContain('urn:ietf:params:scim:schemas:core:2.0:Group');
  });

  it.each(['/ResourceTypes/Printer', '/Schemas/urn:nope'])('answers %s with 404', async (path) => {
    const response = await f.scim('GET', path);
    expect(response.status).toBe(404);
    expect(response.body['status']).toBe('404');
  });
});
