import { describe, expect, it } from 'vitest';
import { serviceProviderConfig } from '../../../src/scim/discovery/service-provider-config.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';

const config = serviceProviderConfig({ baseUrl: 'https://r.example/scim/v2/o1/', maxResults: 200, maxPayloadBytes: 1_048_576, maxOperations: 50 });

describe('serviceProviderConfig (RFC 7643 §5)', () => {
  it.each<{ claim: string; member: string; expected: unknown }>([
    { claim: 'schemas', member: 'schemas', expected: [URN.serviceProviderConfig] },
    { claim: 'PATCH is supported', member: 'patch', expected: { supported: true } },
    { claim: 'bulk is not supported (its required limits still given)', member: 'bulk', expected: { supported: false, maxOperations: 50, maxPayloadSize: 1_048_576 } },
    { claim: 'filter is supported with maxResults', member: 'filter', expected: { supported: true, maxResults: 200 } },
    { claim: 'changePassword is supported', member: 'changePassword', expected: { supported: true } },
    { claim: 'sort is supported', member: 'sort', expected: { supported: true } },
    { claim: 'etag is supported', member: 'etag', expected: { supported: true } },
    { claim: 'meta names the resource type and location', member: 'meta', expected: { resourceType: 'ServiceProviderConfig', location: 'https://r.example/scim/v2/o1/ServiceProviderConfig' } },
  ])('$claim', ({ member, expected }) => {
    expect(config[member]).toEqual(expected);
  });

  it('offers one authentication scheme: the OAuth bearer token, primary', () => {
    expect(config['authenticationSchemes']).toEqual([
      expect.objectContaining({ type: 'oauthbearertoken', primary: true, name: expect.any(String), description: expect.any(String) }),
    ]);
  });

  it('contains no nulls', () => {
    expect(JSON.stringify(config)).not.toContain('null');
  });
});
