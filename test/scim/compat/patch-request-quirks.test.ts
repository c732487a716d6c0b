import { describe, expect, it } from 'vitest';
import { normalizePatchRequest } from '../../../src/scim/compat/patch-request-quirks.js';
import { QuirkLog, type QuirkCode } from '../../../src/scim/compat/quirk.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../../src/scim/schema/resource-types.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';

const ENT = URN.enterpriseUser;

function patch(...operations: unknown[]): unknown {
  return { schemas: [URN.patchOp], Operations: operations };
}

function normalize(body: unknown, type = USER_RESOURCE_TYPE): { ops: unknown; quirks: readonly QuirkCode[] } {
  const quirks = new QuirkLog();
  const result = normalizePatchRequest(type, body, quirks) as { Operations?: unknown };
  return { ops: result.Operations, quirks: quirks.codes() };
}

describe('normalizePatchRequest', () => {
  it.each([
    [
      'Entra legacy disable: Replace active "False"',
      { op: 'Replace', path: 'active', value: 'False' },
      { op: 'replace', path: 'active', value: false },
      ['capitalised-patch-op', 'string-boolean'],
    ],
    [
      'Entra compliant disable is already strict',
      { op: 'replace', path: 'active', value: false },
      { op: 'replace', path: 'active', value: false },
      [],
    ],
    [
      'Okta deactivate without a path',
      { op: 'replace', value: { active: false } },
      { op: 'replace', value: { active: false } },
      [],
    ],
    [
      'no-path value with dotted and URN keys keeps its keys',
      { op: 'replace', value: { 'name.givenName': 'K', [`${ENT}:employeeNumber`]: 'A', active: 'True' } },
      { op: 'replace', value: { 'name.givenName': 'K', [`${ENT}:employeeNumber`]: 'A', active: true } },
      ['string-boolean'],
    ],
    [
      'manager as a plain id on the URN path',
      { op: 'Add', path: `${ENT}:manager`, value: 'm1' },
      { op: 'add', path: `${ENT}:manager`, value: { value: 'm1' } },
      ['capitalised-patch-op', 'manager-string'],
    ],
    [
      'manager as a plain id in a no-path value',
      { op: 'replace', value: { [`${ENT}:manager`]: 'm1' } },
      { op: 'replace', value: { [`${ENT}:manager`]: { value: 'm1' } } },
      ['manager-string'],
    ],
    [
      'older Entra sample: path "manager" with an array value',
      { op: 'Add', path: 'manager', value: [{ $ref: 'http://x/Users/m1', value: 'm1' }] },
      { op: 'add', path: `${ENT}:manager`, value: { $ref: 'http://x/Users/m1', value: 'm1' } },
      ['capitalised-patch-op', 'manager-core-path', 'manager-array'],
    ],
    [
      'filtered path value for one element of a multi-valued attribute',
      { op: 'replace', path: 'emails[type eq "work"].primary', value: 'true' },
      { op: 'replace', path: 'emails[type eq "work"].primary', value: true },
      ['string-boolean'],
    ],
    [
      'misspelt extension URN in a path is repaired',
      { op: 'replace', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User:department', value: 'D' },
      { op: 'replace', path: `${ENT}:department`, value: 'D' },
      ['misspelt-schema-urn'],
    ],
  ])('%s', (_name, operation, expected, quirks) => {
    const result = normalize(patch(operation));
    expect(result.ops).toEqual([expected]);
    expect(result.quirks).toEqual(quirks);
  });

  it('records the Entra legacy member removal with a value list, keeping the value for the engine', () => {
    const result = normalize(patch({ op: 'Remove', path: 'members', value: [{ value: 'u1' }] }), GROUP_RESOURCE_TYPE);
    expect(result.ops).toEqual([{ op: 'remove', path: 'members', value: [{ value: 'u1' }] }]);
    expect(result.quirks).toEqual(['capitalised-patch-op', 'remove-with-value']);
  });

  it('passes malformed requests through for the engine to reject', () => {
    expect(normalize({ Operations: 'nope' }).ops).toBe('nope');
    expect(normalize(patch(42)).ops).toEqual([42]);
  });
});
