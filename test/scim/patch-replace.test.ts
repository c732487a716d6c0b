import { describe, expect, it } from 'vitest';
import { applyPatch, type PatchResult } from '../../src/scim/patch/patch-engine.js';
import { newReport } from '../../src/scim/resource/attribute-value.js';
import type { JsonObject } from '../../src/scim/resource/json.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../src/scim/schema/resource-types.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { errorOf } from './scim-error-of.js';

const ENTERPRISE = URN.enterpriseUser;

const USER: JsonObject = {
  id: 'u1',
  userName: 'bjensen@example.com',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  nickName: 'Babs',
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  addresses: [
    { type: 'work', streetAddress: '100 Universal City Plaza', locality: 'Hollywood', primary: true },
    { type: 'home', streetAddress: '456 Hollywood Blvd', locality: 'Hollywood' },
  ],
  [ENTERPRISE]: { employeeNumber: '701984', manager: { value: 'u9' } },
};

function patchUser(operations: unknown[], current: JsonObject = USER): PatchResult {
  return applyPatch(USER_RESOURCE_TYPE, current, { schemas: [URN.patchOp], Operations: operations }, newReport());
}

describe('PATCH replace with a path (RFC 7644 §3.5.2.3)', () => {
  it.each<[string, unknown, (resource: JsonObject) => unknown, unknown]>([
    ['replaces a simple attribute', { path: 'nickName', value: 'B' }, (r) => r['nickName'], 'B'],
    ['replaces a boolean', { path: 'active', value: false }, (r) => r['active'], false],
    ['clears an attribute replaced with null', { path: 'nickName', value: null }, (r) => 'nickName' in r, false],
    ['treats an unassigned target as add', { path: 'title', value: 'Guide' }, (r) => r['title'], 'Guide'],
    [
      'replaces the given sub-attributes of a complex attribute, leaving the others unchanged',
      { path: 'name', value: { familyName: 'Smith' } },
      (r) => r['name'],
      { givenName: 'Barbara', familyName: 'Smith' },
    ],
    ['replaces one sub-attribute', { path: 'name.givenName', value: 'Barb' }, (r) => r['name'], { givenName: 'Barb', familyName: 'Jensen' }],
    [
      'replaces every value of a multi-valued attribute when no filter is given',
      { path: 'emails', value: [{ value: 'only@example.com', type: 'work' }] },
      (r) => r['emails'],
      [{ value: 'only@example.com', type: 'work' }],
    ],
    ['clears a multi-valued attribute replaced with []', { path: 'emails', value: [] }, (r) => 'emails' in r, false],
    [
      '§3.5.2.3 example: replaces the elements a value filter matches',
      { path: 'addresses[type eq "work"]', value: { type: 'work', streetAddress: '911 Universal City Plaza', locality: 'Hollywood' } },
      (r) => r['addresses'],
      [
        { type: 'work', streetAddress: '911 Universal City Plaza', locality: 'Hollywood' },
        { type: 'home', streetAddress: '456 Hollywood Blvd', locality: 'Hollywood' },
      ],
    ],
    [
      '§3.5.2.3 example: replaces a sub-attribute of the elements a value filter matches',
      { path: 'addresses[type eq "work"].streetAddress', value: '1010 Broadway Ave' },
      (r) => (r['addresses'] as JsonObject[])[0],
      { type: 'work', streetAddress: '1010 Broadway Ave', locality: 'Hollywood', primary: true },
    ],
    [
      'replaces a sub-attribute on every element when no filter is given',
      { path: 'emails.type', value: 'other' },
      (r) => (r['emails'] as JsonObject[]).map((email) => email['type']),
      ['other', 'other'],
    ],
    [
      'replaces an extension sub-attribute by URN path',
      { path: `${ENTERPRISE}:manager.value`, value: 'u7' },
      (r) => r[ENTERPRISE],
      { employeeNumber: '701984', manager: { value: 'u7' } },
    ],
    [
      'replaces attributes of a whole extension given by its URN, leaving the others unchanged',
      { path: ENTERPRISE, value: { department: 'Tours' } },
      (r) => r[ENTERPRISE],
      { employeeNumber: '701984', department: 'Tours', manager: { value: 'u9' } },
    ],
    ['clears a whole extension replaced with null', { path: ENTERPRISE, value: null }, (r) => ENTERPRISE in r, false],
    ['matches a filter case-insensitively on names', { path: 'EMAILS[TYPE eq "home"].VALUE', value: 'b@j.org' }, (r) => (r['emails'] as JsonObject[])[1], { value: 'b@j.org', type: 'home' }],
  ])('%s', (_name, operation, read, expected) => {
    expect(read(patchUser([{ op: 'replace', ...(operation as object) }]).resource)).toEqual(expected);
  });

  it('§3.5.2: setting primary true on one element makes the other primary false', () => {
    const { resource } = patchUser([{ op: 'replace', path: 'emails[type eq "home"].primary', value: true }]);
    expect(resource['emails']).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: false },
      { value: 'babs@jensen.org', type: 'home', primary: true },
    ]);
  });

  it('a filtered replace of equalities that matches nothing creates the element (Entra: phoneNumbers[type eq "work"].value)', () => {
    const { resource } = patchUser([{ op: 'replace', path: 'phoneNumbers[type eq "work"].value', value: '555-0100' }]);
    expect(resource['phoneNumbers']).toEqual([{ type: 'work', value: '555-0100' }]);
  });

  it('an upsert from "type eq and primary eq true" creates a primary element and demotes the old one', () => {
    const { resource } = patchUser([{ op: 'replace', path: 'emails[type eq "other" and primary eq true].value', value: 'o@x.org' }]);
    expect(resource['emails']).toEqual([
      { value: 'bjensen@example.com', type: 'work', primary: false },
      { value: 'babs@jensen.org', type: 'home' },
      { type: 'other', primary: true, value: 'o@x.org' },
    ]);
  });

  it.each([
    ['a filter that is not made of equalities', 'emails[value co "nobody"].type'],
    ['a disjunction', 'emails[type eq "other" or type eq "x"].value'],
    ['an unfiltered sub-attribute of an empty attribute', 'phoneNumbers.value'],
  ])('§3.5.2.3: a filtered replace that matches nothing with %s is 400 noTarget', (_name, path) => {
    expect(errorOf(() => patchUser([{ op: 'replace', path, value: 'x' }]))).toMatchObject({ status: 400, scimType: 'noTarget' });
  });
});

describe('PATCH replace without a path (RFC 7644 §3.5.2.3)', () => {
  it('§3.5.2.3 example: replaces each attribute given, merging complex ones', () => {
    const { resource } = patchUser([
      { op: 'replace', value: { emails: [{ value: 'bjensen@example.com', type: 'work' }], nickName: 'Babsy', name: { givenName: 'Barb' } } },
    ]);
    expect(resource['emails']).toEqual([{ value: 'bjensen@example.com', type: 'work' }]);
    expect(resource['nickName']).toBe('Babsy');
    expect(resource['name']).toEqual({ givenName: 'Barb', familyName: 'Jensen' });
    expect(resource['addresses']).toEqual(USER['addresses']);
  });

  it('takes dotted, filtered, URN-qualified and extension-URN keys', () => {
    const { resource } = patchUser([
      {
        op: 'replace',
        value: {
          'name.familyName': 'Smith',
          'emails[type eq "home"].value': 'home@x.org',
          [`${ENTERPRISE}:employeeNumber`]: '42',
          [ENTERPRISE]: { costCenter: 'CC1' },
        },
      },
    ]);
    expect(resource['name']).toEqual({ givenName: 'Barbara', familyName: 'Smith' });
    expect((resource['emails'] as JsonObject[])[1]).toEqual({ value: 'home@x.org', type: 'home' });
    expect(resource[ENTERPRISE]).toEqual({ employeeNumber: '42', costCenter: 'CC1', manager: { value: 'u9' } });
  });

  it('§3.5.2.3 example: replace members of a group is remove-all then add', () => {
    const result = applyPatch(
      GROUP_RESOURCE_TYPE,
      { id: 'g1', displayName: 'Guides' },
      {
        schemas: [URN.patchOp],
        Operations: [{ op: 'replace', path: 'members', value: [{ value: 'u1', display: 'Babs' }, { value: 'u2' }] }],
      },
      newReport(),
    );
    expect(result.memberOps).toEqual([{ op: 'removeAll' }, { op: 'add', members: [{ value: 'u1' }, { value: 'u2' }] }]);
  });
});
