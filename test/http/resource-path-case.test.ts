import { describe, expect, it } from 'vitest';
import { canonicalEndpointCase } from '../../src/http/resource-path-case.js';
import { requestIdFor } from '../../src/http/request-id.js';

describe('canonicalEndpointCase', () => {
  it.each([
    ['/scim/v2/org/users', '/scim/v2/org/Users'],
    ['/scim/v2/org/GROUPS/abc?x=Users', '/scim/v2/org/Groups/abc?x=Users'],
    ['/scim/v2/org/serviceproviderconfig', '/scim/v2/org/ServiceProviderConfig'],
    ['/scim/v2/org/schemas/urn:x', '/scim/v2/org/Schemas/urn:x'],
    ['/scim/v2/org/Unknown', '/scim/v2/org/Unknown'],
    ['/scim/v2/org/users/Users', '/scim/v2/org/Users/Users'],
    ['/other/users', '/other/users'],
  ])('%s → %s', (url, expected) => {
    expect(canonicalEndpointCase(url)).toBe(expected);
  });
});

describe('requestIdFor', () => {
  it('keeps a short safe client id and replaces anything else with a UUID', () => {
    expect(requestIdFor('abc-123')).toBe('abc-123');
    for (const unsafe of [undefined, '', 'a b', 'x'.repeat(65), 'line\nbreak']) {
      expect(requestIdFor(unsafe)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
