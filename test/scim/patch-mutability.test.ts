import { describe, expect, it } from 'vitest';
import { applyPatch, type PatchResult } from '../../src/scim/patch/patch-engine.js';
import { newReport } from '../../src/scim/resource/attribute-value.js';
import type { JsonObject } from '../../src/scim/resource/json.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE, type ResourceType } from '../../src/scim/schema/resource-types.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { errorOf } from './scim-error-of.js';

const ENTERPRISE = URN.enterpriseUser;
const META = { resourceType: 'User', created: '2026-01-01T00:00:00.000Z', lastModified: '2026-01-02T00:00:00.000Z', version: 'W/"2"' };

const USER: JsonObject = {
  id: 'u1',
  userName: 'bjensen@example.com',
  active: true,
  emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
  [ENTERPRISE]: { manager: { value: 'u9' } },
  meta: META,
};

const GROUP: JsonObject = { id: 'g1', displayName: 'Tour Guides' };

function patch(operations: unknown[], type: ResourceType = USER_RESOURCE_TYPE, current: JsonObject = USER): PatchResult {
  return applyPatch(type, current, { schemas: [URN.patchOp], Operations: operations }, newReport());
}

describe('PATCH mutability (RFC 7643 §7, RFC 7644 §3.5.2)', () => {
  it.each<[string, unknown[], ResourceType?]>([
    ['replacing id with another id', [{ op: 'replace', path: 'id', value: 'u2' }]],
    ['replacing id without a path', [{ op: 'replace', value: { id: 'u2', active: false } }]],
    ['§3.5.2.2: removing id', [{ op: 'remove', path: 'id' }]],
    ['§3.5.2.2: removing meta', [{ op: 'remove', path: 'meta' }]],
    ['changing meta.version', [{ op: 'replace', path: 'meta.version', value: 'W/"9"' }]],
    ['adding a group to User.groups (derived, readOnly)', [{ op: 'add', path: 'groups', value: [{ value: 'g1' }] }]],
    ['§3.5.2.2: removing User.groups', [{ op: 'remove', path: 'groups' }]],
    ['setting manager.displayName by path', [{ op: 'replace', path: `${ENTERPRISE}:manager.displayName`, value: 'Boss' }]],
    ['§3.5.2.2: removing userName (required)', [{ op: 'remove', path: 'userName' }]],
    ['replacing userName with null', [{ op: 'replace', path: 'userName', value: null }]],
    ['leaving userName blank', [{ op: 'replace', value: { userName: '  ' } }]],
    ['§3.5.2.2: removing a Group displayName (required)', [{ op: 'remove', path: 'displayName' }], GROUP_RESOURCE_TYPE],
  ])('%s is 400 mutability', (_name, operations, type) => {
    const current = type === GROUP_RESOURCE_TYPE ? GROUP : USER;
    expect(errorOf(() => patch(operations, type, current))).toMatchObject({ status: 400, scimType: 'mutability' });
  });

  it.each<[string, unknown[], ResourceType?]>([
    ['replace id with the id it has (Okta)', [{ op: 'replace', value: { id: 'u1', active: false } }]],
    ['replace meta with the values it has', [{ op: 'replace', path: 'meta', value: { version: 'W/"2"' } }]],
    ['replace the Group id with its own id (Okta group rename)', [{ op: 'replace', value: { id: 'g1', displayName: 'Guides' } }], GROUP_RESOURCE_TYPE],
  ])('%s is a no-op for the readOnly attribute', (_name, operations, type) => {
    const current = type === GROUP_RESOURCE_TYPE ? GROUP : USER;
    const { resource } = patch(operations, type, current);
    expect(resource['id']).toBe(current['id']);
    expect(resource['meta']).toEqual(current['meta']);
  });

  it('ignores a readOnly sub-attribute nested in a written value (manager.displayName, RFC 7643 §7)', () => {
    const { resource } = patch([{ op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: 'u7', displayName: 'Boss' } }]);
    expect(resource[ENTERPRISE]).toEqual({ manager: { value: 'u7' } });
  });
});

describe('PATCH password (writeOnly, RFC 7643 §4.1.1)', () => {
  it.each<[string, unknown[], string | null | undefined]>([
    ['replace sets it', [{ op: 'replace', path: 'password', value: 't1meMachine' }], 't1meMachine'],
    ['add sets it', [{ op: 'add', path: 'PASSWORD', value: 't1meMachine' }], 't1meMachine'],
    ['a no-path value sets it', [{ op: 'replace', value: { password: 's3cret', active: true } }], 's3cret'],
    ['remove clears it', [{ op: 'remove', path: 'password' }], null],
    ['replace with null clears it', [{ op: 'replace', path: 'password', value: null }], null],
    ['the last operation wins', [{ op: 'replace', path: 'password', value: 'a1' }, { op: 'replace', path: 'password', value: 'b2' }], 'b2'],
    ['other operations leave it untouched', [{ op: 'replace', path: 'active', value: false }], undefined],
  ])('%s', (_name, operations, expected) => {
    const result = patch(operations);
    expect(result.password).toBe(expected);
    expect(result.resource).not.toHaveProperty('password');
  });

  it('an empty password is 400 invalidValue', () => {
    expect(errorOf(() => patch([{ op: 'replace', path: 'password', value: '' }]))).toMatchObject({ scimType: 'invalidValue' });
  });
});

describe('PATCH values are type-checked (400 invalidValue)', () => {
  it.each<[string, unknown]>([
    ['a string boolean ("False" is normalised before the strict core)', { op: 'replace', path: 'active', value: 'False' }],
    ['a number for a string', { op: 'replace', path: 'nickName', value: 7 }],
    ['a string for a complex attribute', { op: 'replace', path: 'name', value: 'Babs' }],
    ['an object for a multi-valued attribute', { op: 'add', path: 'emails', value: { value: 'x@y.z' } }],
    ['an array for a single-valued attribute', { op: 'replace', path: 'title', value: ['a'] }],
    ['two primaries in one value', { op: 'add', path: 'emails', value: [{ value: 'a@x', primary: true }, { value: 'b@x', primary: true }] }],
    ['a filtered write that would leave two primaries', { op: 'replace', path: 'emails[type eq "home"].primary', value: true }],
    ['a manager left without a value (only its $ref)', { op: 'remove', path: `${ENTERPRISE}:manager.value` }],
    ['an extension URN with a non-object value', { op: 'add', path: ENTERPRISE, value: 'x' }],
    ['a sub-attribute of the wrong type in a filtered write', { op: 'replace', path: 'emails[type eq "work"].primary', value: 'yes' }],
  ])('%s', (_name, operation) => {
    const current: JsonObject = {
      ...USER,
      emails: [{ value: 'a@x', type: 'home' }, { value: 'b@x', type: 'home' }],
      [ENTERPRISE]: { manager: { value: 'u9', $ref: 'https://x/Users/u9' } },
    };
    expect(errorOf(() => patch([operation], USER_RESOURCE_TYPE, current))).toMatchObject({ status: 400, scimType: 'invalidValue' });
  });
});
