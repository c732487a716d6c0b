import { describe, expect, it } from 'vitest';
import { detectIdp } from '../../../src/scim/compat/idp-detection.js';

describe('detectIdp', () => {
  it.each([
    ['Okta SCIM client', { userAgent: 'Okta SCIM Client 1.0.0' }, { idp: 'okta' }],
    ['Okta Runscope suite', { userAgent: 'OKTA SCIM Integration' }, { idp: 'okta' }],
    ['Entra compliant flag', { rawQuery: 'aadOptscim062020&filter=x' }, { idp: 'entra', entraPatchMode: 'compliant' }],
    ['Entra roll-back flag', { rawQuery: 'AzureAdScimPatch2017' }, { idp: 'entra', entraPatchMode: 'legacy' }],
    ['Entra by agent', { userAgent: 'Azure AD SCIM Client' }, { idp: 'entra', entraPatchMode: 'legacy' }],
    ['OneLogin custom header', { userAgent: 'OneLogin SCIM' }, { idp: 'onelogin' }],
    ['JumpCloud', { userAgent: 'JumpCloud SCIM' }, { idp: 'jumpcloud' }],
    [
      'no agent, capitalised PATCH ops',
      { body: { Operations: [{ op: 'Replace', path: 'active', value: 'False' }] } },
      { idp: 'entra', entraPatchMode: 'legacy' },
    ],
    ['no agent, nothing telling', { body: { Operations: [{ op: 'replace' }] } }, { idp: 'unknown' }],
    ['curl', { userAgent: 'curl/8.0' }, { idp: 'unknown' }],
  ])('%s', (_name, fingerprint, expected) => {
    expect(detectIdp(fingerprint)).toEqual(expected);
  });
});
