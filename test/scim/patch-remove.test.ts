import { describe, expect, it } from 'vitest';
import { applyPatch, type PatchResult } from '../../src/scim/patch/patch-engine.js';
import { newReport } from '../../src/scim/resource/attribute-value.js';
import type { JsonObject } from '../../src/scim/resource/json.js';
import { USER_RESOURCE_TYPE } from '../../src/scim/schema/resource-types.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { errorOf } from './scim-error-of.js';

const ENTERPRISE = URN.enterpriseUser;

const USER: JsonObject = {
  id: 'u1',
  userName: 'bjensen@example.com',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  nickName: 'Babs',
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true, display: 'Work' },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  [URN.teamsUser]: { teams: ['Blue', 'Red'] },
  [ENTERPRISE]: { employeeNumber: '701984', manager: { value: 'u9' } },
};

function patchUser(operations: unknown[]): PatchResult {
  return applyPatch(USER_RESOURCE_TYPE, USER, { schemas: [URN.patchOp], Operations: operations }, newReport());
}

function without(key: string): JsonObject {
  const { [key]: _removed, ...rest } = USER;
  return rest;
}

describe('PATCH remove (RFC 7644 §3.5.2.2)', () => {
  it.each<[string, unknown, JsonObject]>([
    ['removes a simple attribute', { path: 'nickName' }, without('nickName')],
    ['removes a whole multi-valued attribute', { path: 'emails' }, without('emails')],
    ['removes a whole extension by its URN', { path: ENTERPRISE }, without(ENTERPRISE)],
    ['removing an unassigned attribute is a no-op', { path: 'title' }, USER],
    ['removing an unassigned sub-attribute is a no-op', { path: 'name.middleName' }, USER],
    ['a value filter that matches nothing is a no-op', { path: 'emails[type eq "other"]' }, USER],
    [
      'removes one sub-attribute',
      { path: 'name.givenName' },
      { ...USER, name: { familyName: 'Jensen' } },
    ],
    [
      '§3.5.2.2 example: removes the elements a value filter matches',
      { path: 'emails[type eq "work" and value ew "example.com"]' },
      { ...USER, emails: [{ value: 'babs@jensen.org', type: 'home' }] },
    ],
    [
      'removes a sub-attribute of the matching elements only',
      { path: 'emails[type eq "work"].display' },
      { ...USER, emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }, { value: 'babs@jensen.org', type: 'home' }] },
    ],
    [
      'removes an extension attribute and keeps the rest of the extension',
      { path: `${ENTERPRISE}:manager` },
      { ...USER, [ENTERPRISE]: { employeeNumber: '701984' } },
    ],
    [
      'removes a URN-qualified core attribute',
      { path: `${URN.user}:nickName` },
      without('nickName'),
    ],
    [
      'with a value on a multi-valued attribute, removes only the listed elements (matched by value)',
      { path: 'emails', value: [{ value: 'BABS@jensen.org' }] },
      { ...USER, emails: [{ value: 'bjensen@example.com', type: 'work', primary: true, display: 'Work' }] },
    ],
    [
      'with a value on a simple multi-valued attribute, removes only the listed values',
      { path: `${URN.teamsUser}:teams`, value: ['Red'] },
      { ...USER, [URN.teamsUser]: { teams: ['Blue'] } },
    ],
    ['with a null value, removes the whole attribute', { path: 'emails', value: null }, without('emails')],
  ])('%s', (_name, operation, expected) => {
    expect(patchUser([{ op: 'remove', ...(operation as object) }]).resource).toEqual(expected);
  });

  it('the attribute is unassigned once its last sub-attribute or element is removed', () => {
    const { resource } = patchUser([
      { op: 'remove', path: 'name.givenName' },
      { op: 'remove', path: 'name.familyName' },
      { op: 'remove', path: 'emails[type eq "work"]' },
      { op: 'remove', path: 'emails[type eq "home"]' },
      { op: 'remove', path: `${ENTERPRISE}:employeeNumber` },
      { op: 'remove', path: `${ENTERPRISE}:manager.value` },
    ]);
    expect(resource).toEqual({ id: 'u1', userName: 'bjensen@example.com', nickName: 'Babs', [URN.teamsUser]: { teams: ['Blue', 'Red'] } });
  });

  it.each([
    ['§3.5.2.2: a remove without a path is 400 noTarget', { op: 'remove' }, 'noTarget'],
    ['a listed value that is not an array is 400 invalidValue', { op: 'remove', path: 'emails', value: { value: 'x' } }, 'invalidValue'],
    ['a listed element without a value is 400 invalidValue', { op: 'remove', path: 'emails', value: [{ type: 'work' }] }, 'invalidValue'],
    ['removing an unknown attribute is 400 invalidPath', { op: 'remove', path: 'shoeSize' }, 'invalidPath'],
  ])('%s', (_name, operation, scimType) => {
    expect(errorOf(() => patchUser([operation]))).toMatchObject({ status: 400, scimType });
  });
});
