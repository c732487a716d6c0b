import { describe, expect, it } from 'vitest';
import { applyPatch, type PatchResult } from '../../src/scim/patch/patch-engine.js';
import { newReport, type CanonicalizeReport } from '../../src/scim/resource/attribute-value.js';
import type { JsonObject } from '../../src/scim/resource/json.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../src/scim/schema/resource-types.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { errorOf } from './scim-error-of.js';

const ENTERPRISE = URN.enterpriseUser;

const USER: JsonObject = {
  id: 'u1',
  userName: 'bjensen@example.com',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  displayName: 'Babs Jensen',
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  meta: { resourceType: 'User', created: '2026-01-01T00:00:00.000Z', lastModified: '2026-01-01T00:00:00.000Z', version: 'W/"1"' },
};

const GROUP: JsonObject = { id: 'g1', displayName: 'Tour Guides', meta: { resourceType: 'Group', version: 'W/"3"' } };

function patchUser(operations: unknown[], report: CanonicalizeReport = newReport(), current: JsonObject = USER): PatchResult {
  return applyPatch(USER_RESOURCE_TYPE, current, { schemas: [URN.patchOp], Operations: operations }, report);
}

describe('PATCH add with a path (RFC 7644 §3.5.2.1)', () => {
  it.each<[string, unknown, (resource: JsonObject) => unknown, unknown]>([
    ['sets an unassigned simple attribute', { path: 'nickName', value: 'Babs' }, (r) => r['nickName'], 'Babs'],
    ['replaces a simple attribute that has a value', { path: 'displayName', value: 'B. Jensen' }, (r) => r['displayName'], 'B. Jensen'],
    ['matches attribute names case-insensitively', { path: 'NICKNAME', value: 'Babs' }, (r) => r['nickName'], 'Babs'],
    [
      'merges the sub-attributes of a complex attribute',
      { path: 'name', value: { middleName: 'Jane', givenName: 'Barb' } },
      (r) => r['name'],
      { givenName: 'Barb', familyName: 'Jensen', middleName: 'Jane' },
    ],
    [
      'sets one sub-attribute (name.middleName)',
      { path: 'name.middleName', value: 'Jane' },
      (r) => r['name'],
      { givenName: 'Barbara', familyName: 'Jensen', middleName: 'Jane' },
    ],
    [
      'appends to a multi-valued attribute',
      { path: 'emails', value: [{ value: 'babs@work.example', type: 'other' }] },
      (r) => (r['emails'] as JsonObject[]).map((email) => email['value']),
      ['bjensen@example.com', 'babs@jensen.org', 'babs@work.example'],
    ],
    [
      'does not duplicate an element already present',
      { path: 'emails', value: [{ value: 'babs@jensen.org', type: 'home' }] },
      (r) => r['emails'],
      USER['emails'],
    ],
    [
      'creates a multi-valued attribute that had no value',
      { path: 'phoneNumbers', value: [{ value: '555-0100', type: 'work' }] },
      (r) => r['phoneNumbers'],
      [{ value: '555-0100', type: 'work' }],
    ],
    [
      'sets a URN-qualified extension attribute',
      { path: `${ENTERPRISE}:employeeNumber`, value: '701984' },
      (r) => r[ENTERPRISE],
      { employeeNumber: '701984' },
    ],
    [
      'sets a URN-qualified extension sub-attribute (manager.value)',
      { path: `${ENTERPRISE}:manager.value`, value: 'u9' },
      (r) => r[ENTERPRISE],
      { manager: { value: 'u9' } },
    ],
    [
      'takes a URN-qualified core attribute',
      { path: `${URN.user}:title`, value: 'Tour Guide' },
      (r) => r['title'],
      'Tour Guide',
    ],
    [
      'adds to a whole extension given by its URN alone',
      { path: ENTERPRISE, value: { department: 'Tours', costCenter: '4130' } },
      (r) => r[ENTERPRISE],
      { department: 'Tours', costCenter: '4130' },
    ],
    [
      'appends to a simple multi-valued extension attribute',
      { path: `${URN.teamsUser}:teams`, value: ['Blue', 'Red'] },
      (r) => r[URN.teamsUser],
      { teams: ['Blue', 'Red'] },
    ],
    ['changes nothing when the value is null (unassigned)', { path: 'nickName', value: null }, (r) => r, USER],
  ])('%s', (_name, operation, read, expected) => {
    expect(read(patchUser([{ op: 'add', ...(operation as object) }]).resource)).toEqual(expected);
  });

  it('§3.5.2: adding a value with primary true makes the former primary false', () => {
    const { resource } = patchUser([{ op: 'add', path: 'emails', value: [{ value: 'new@example.com', primary: true }] }]);
    expect(resource['emails']).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: false },
      { value: 'babs@jensen.org', type: 'home' },
      { value: 'new@example.com', primary: true },
    ]);
  });

  it('with a value filter and a sub-attribute, sets that sub-attribute on the matching elements only', () => {
    const { resource } = patchUser([{ op: 'add', path: 'emails[type eq "home"].display', value: 'Home mail' }]);
    expect(resource['emails']).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home', display: 'Home mail' },
    ]);
  });

  it('with a value filter of equalities that matches nothing, creates the element (Entra upsert)', () => {
    const { resource } = patchUser([{ op: 'add', path: 'phoneNumbers[type eq "mobile"].value', value: '555-0199' }]);
    expect(resource['phoneNumbers']).toEqual([{ type: 'mobile', value: '555-0199' }]);
  });

  it('ignores unknown sub-attributes in the value and reports them', () => {
    const report = newReport();
    const { resource } = patchUser([{ op: 'add', path: 'name', value: { middleName: 'Jane', nickname: 'B' } }], report);
    expect(resource['name']).toEqual({ givenName: 'Barbara', familyName: 'Jensen', middleName: 'Jane' });
    expect(report.ignored).toEqual(['name.nickname']);
  });

  it('§3.5.2.1 example: adds members to a group as a membership delta, never into the resource', () => {
    const result = applyPatch(
      GROUP_RESOURCE_TYPE,
      GROUP,
      {
        schemas: [URN.patchOp],
        Operations: [{ op: 'add', path: 'members', value: [{ display: 'Babs Jensen', $ref: 'https://x/Users/u1', value: 'u1' }] }],
      },
      newReport(),
    );
    expect(result.memberOps).toEqual([{ op: 'add', members: [{ value: 'u1' }] }]);
    expect(result.resource).toEqual(GROUP);
  });
});

describe('PATCH add without a path (RFC 7644 §3.5.2.1)', () => {
  it('§3.5.2.1 example: the value is an object of attributes to add', () => {
    const { resource } = patchUser([
      { op: 'add', value: { emails: [{ value: 'babs@jensen.org', type: 'home' }, { value: 'b@x.org', type: 'other' }], nickName: 'Babs' } },
    ]);
    expect(resource['nickName']).toBe('Babs');
    expect(resource['emails']).toEqual([...(USER['emails'] as JsonObject[]), { value: 'b@x.org', type: 'other' }]);
  });

  it('takes dotted, URN-qualified and extension-URN keys', () => {
    const { resource } = patchUser([
      {
        op: 'add',
        value: {
          'name.givenName': 'Barb',
          [`${ENTERPRISE}:employeeNumber`]: '701984',
          [ENTERPRISE]: { department: 'Tours', manager: { value: 'u9' } },
        },
      },
    ]);
    expect(resource['name']).toEqual({ givenName: 'Barb', familyName: 'Jensen' });
    expect(resource[ENTERPRISE]).toEqual({ employeeNumber: '701984', department: 'Tours', manager: { value: 'u9' } });
  });

  it('ignores a schemas key: the server derives schemas', () => {
    const { resource } = patchUser([{ op: 'add', value: { schemas: [URN.user], title: 'Guide' } }]);
    expect(resource).toEqual({ ...USER, title: 'Guide' });
  });

  it.each([
    ['a value that is not an object', 'Babs', 'invalidValue'],
    ['an unknown attribute key', { nickname2: 'Babs' }, 'invalidPath'],
    ['an unknown extension attribute key', { [ENTERPRISE]: { shoeSize: '9' } }, 'invalidPath'],
  ])('rejects %s', (_name, value, scimType) => {
    expect(errorOf(() => patchUser([{ op: 'add', value }]))).toMatchObject({ status: 400, scimType });
  });
});
