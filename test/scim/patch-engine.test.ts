import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../src/scim/patch/patch-engine.js';
import { newReport } from '../../src/scim/resource/attribute-value.js';
import type { JsonObject, JsonValue } from '../../src/scim/resource/json.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../src/scim/schema/resource-types.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { errorOf } from './scim-error-of.js';

const ENTERPRISE = URN.enterpriseUser;

const USER: JsonObject = {
  id: 'u1',
  externalId: 'e-1',
  userName: 'bjensen@example.com',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  active: true,
  emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
  meta: { resourceType: 'User', version: 'W/"1"' },
};

function deepFreeze<T extends JsonValue>(value: T): T {
  if (typeof value === 'object' && value !== null) Object.values(value).forEach((inner) => deepFreeze(inner));
  return Object.freeze(value);
}

const body = (Operations: unknown[]): unknown => ({ schemas: [URN.patchOp], Operations });

describe('applyPatch: atomicity (RFC 7644 §3.5.2: "if any operation fails, none are applied")', () => {
  it('a failing later operation throws and leaves current untouched', () => {
    const current = deepFreeze(structuredClone(USER));
    const request = body([
      { op: 'replace', path: 'name.givenName', value: 'Barb' },
      { op: 'add', path: 'emails', value: [{ value: 'new@x.org', primary: true }] },
      { op: 'remove', path: 'userName' },
    ]);
    expect(errorOf(() => applyPatch(USER_RESOURCE_TYPE, current, request, newReport()))).toMatchObject({ scimType: 'mutability' });
    expect(current).toEqual(USER);
  });

  it('a successful patch returns a new resource and never mutates current', () => {
    const current = deepFreeze(structuredClone(USER));
    const { resource } = applyPatch(
      USER_RESOURCE_TYPE,
      current,
      body([
        { op: 'add', path: 'emails', value: [{ value: 'new@x.org', primary: true }] },
        { op: 'replace', path: 'name.givenName', value: 'Barb' },
        { op: 'add', path: `${ENTERPRISE}:department`, value: 'Tours' },
      ]),
      newReport(),
    );
    expect(current).toEqual(USER);
    expect(resource['emails']).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: false },
      { value: 'new@x.org', primary: true },
    ]);
    expect(resource[ENTERPRISE]).toEqual({ department: 'Tours' });
  });

  it('later operations see the effect of earlier ones', () => {
    const { resource } = applyPatch(
      USER_RESOURCE_TYPE,
      USER,
      body([
        { op: 'add', path: 'phoneNumbers', value: [{ value: '555-0100', type: 'work' }] },
        { op: 'replace', path: 'phoneNumbers[type eq "work"].value', value: '555-0199' },
        { op: 'remove', path: 'externalId' },
      ]),
      newReport(),
    );
    expect(resource['phoneNumbers']).toEqual([{ value: '555-0199', type: 'work' }]);
    expect(resource).not.toHaveProperty('externalId');
  });

  it('never returns derived attributes (Group.members, User.groups) even if current carried them', () => {
    const group = applyPatch(GROUP_RESOURCE_TYPE, { id: 'g1', displayName: 'G', members: [{ value: 'u1' }] }, body([{ op: 'replace', path: 'displayName', value: 'H' }]), newReport());
    expect(group.resource).toEqual({ id: 'g1', displayName: 'H' });
    const user = applyPatch(USER_RESOURCE_TYPE, { ...USER, groups: [{ value: 'g1' }] }, body([{ op: 'replace', path: 'active', value: false }]), newReport());
    expect(user.resource).not.toHaveProperty('groups');
    expect(user.memberOps).toEqual([]);
  });
});

describe('applyPatch: requests IdPs send', () => {
  it.each<[string, unknown[], (resource: JsonObject) => unknown, unknown]>([
    ['Okta deactivation (no path)', [{ op: 'replace', value: { active: false } }], (r) => r['active'], false],
    [
      'Entra: Replace of a work phone the user does not have creates it',
      [{ op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: '+1 555 0100' }],
      (r) => r['phoneNumbers'],
      [{ type: 'work', value: '+1 555 0100' }],
    ],
    [
      'Entra: Add of emails[type eq "work"].value updates the work email',
      [{ op: 'Add', path: 'emails[type eq "work"].value', value: 'babs@corp.example' }],
      (r) => r['emails'],
      [{ value: 'babs@corp.example', type: 'work', primary: true }],
    ],
    [
      'Entra: Replace of the enterprise manager by URN path',
      [{ op: 'Replace', path: `${ENTERPRISE}:manager`, value: { value: 'u9' } }],
      (r) => r[ENTERPRISE],
      { manager: { value: 'u9' } },
    ],
    [
      'Entra: Replace of several attributes by dotted and URN paths',
      [
        { op: 'Replace', path: 'name.familyName', value: 'Smith' },
        { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Tours' },
        { op: 'Replace', path: 'addresses[type eq "work"].locality', value: 'Hollywood' },
      ],
      (r) => [r['name'], r[ENTERPRISE], r['addresses']],
      [{ givenName: 'Barbara', familyName: 'Smith' }, { department: 'Tours' }, [{ type: 'work', locality: 'Hollywood' }]],
    ],
    [
      'Entra: Remove of the manager',
      [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: { value: 'u9' } }, { op: 'Remove', path: `${ENTERPRISE}:manager` }],
      (r) => ENTERPRISE in r,
      false,
    ],
  ])('%s', (_name, operations, read, expected) => {
    expect(read(applyPatch(USER_RESOURCE_TYPE, USER, body(operations), newReport()).resource)).toEqual(expected);
  });
});
