import { describe, expect, it } from 'vitest';
import { ScimError } from '../../../src/scim/errors/scim-error.js';
import { newReport } from '../../../src/scim/resource/attribute-value.js';
import type { JsonObject } from '../../../src/scim/resource/json.js';
import { canonicalizeForCreate, canonicalizeForReplace } from '../../../src/scim/resource/resource-body.js';
import { attribute, str } from '../../../src/scim/schema/attribute-definition.js';
import {
  GROUP_RESOURCE_TYPE,
  USER_RESOURCE_TYPE,
  type ResourceType,
} from '../../../src/scim/schema/resource-types.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';

const USER = [URN.user];
const GROUP = [URN.group];

function scimErrorOf(action: () => unknown): ScimError {
  try {
    action();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
}

describe('canonicalizeForCreate', () => {
  it.each<{ name: string; type: ResourceType; body: JsonObject; resource: JsonObject }>([
    {
      name: 'matches names case-insensitively and writes them in canonical case (RFC 7643 §2.1)',
      type: USER_RESOURCE_TYPE,
      body: { SCHEMAS: USER, USERNAME: 'bjensen', Name: { GIVENNAME: 'Barbara' }, emails: [{ VALUE: 'b@x.org', Primary: true }] },
      resource: { userName: 'bjensen', name: { givenName: 'Barbara' }, emails: [{ value: 'b@x.org', primary: true }] },
    },
    {
      name: 'accepts the core URN in any case',
      type: USER_RESOURCE_TYPE,
      body: { schemas: [URN.user.toUpperCase()], userName: 'a' },
      resource: { userName: 'a' },
    },
    {
      name: 'keeps extension attributes under the extension URN, key in canonical case (RFC 7643 §3.3)',
      type: USER_RESOURCE_TYPE,
      body: {
        schemas: [...USER, URN.enterpriseUser],
        userName: 'a',
        [URN.enterpriseUser.toLowerCase()]: { EMPLOYEENUMBER: '7', manager: { value: 'm1', displayName: 'Boss' } },
      },
      resource: { userName: 'a', [URN.enterpriseUser]: { employeeNumber: '7', manager: { value: 'm1' } } },
    },
    {
      name: 'ignores readOnly attributes and sub-attributes (RFC 7643 §7 "SHALL be ignored")',
      type: USER_RESOURCE_TYPE,
      body: { schemas: USER, userName: 'a', id: 'chosen', meta: { created: 'x' }, groups: [{ value: 'g' }] },
      resource: { userName: 'a' },
    },
    {
      name: 'does not type-check ignored readOnly values',
      type: USER_RESOURCE_TYPE,
      body: { schemas: USER, userName: 'a', meta: 'not an object', groups: 3 },
      resource: { userName: 'a' },
    },
    {
      name: 'drops nulls and empty arrays as unassigned (RFC 7643 §2.5)',
      type: USER_RESOURCE_TYPE,
      body: { schemas: USER, userName: 'a', title: null, emails: [], [URN.enterpriseUser]: null },
      resource: { userName: 'a' },
    },
    {
      name: 'keeps group members as [{value, type?}] with type in canonical case, dropping display and $ref',
      type: GROUP_RESOURCE_TYPE,
      body: {
        schemas: GROUP,
        displayName: 'Admins',
        members: [{ value: 'u1', display: 'Ann', $ref: 'https://x/Users/u1' }, { value: 'g2', type: 'group' }],
      },
      resource: { displayName: 'Admins', members: [{ value: 'u1' }, { value: 'g2', type: 'Group' }] },
    },
    {
      name: 'keeps manager $ref when given',
      type: USER_RESOURCE_TYPE,
      body: { schemas: USER, userName: 'a', [URN.enterpriseUser]: { manager: { value: 'm', $ref: '../Users/m' } } },
      resource: { userName: 'a', [URN.enterpriseUser]: { manager: { value: 'm', $ref: '../Users/m' } } },
    },
    {
      name: 'writes the attributes in schema order, common attributes first',
      type: USER_RESOURCE_TYPE,
      body: { schemas: USER, active: true, displayName: 'A', externalId: 'e1', userName: 'a' },
      resource: { externalId: 'e1', userName: 'a', displayName: 'A', active: true },
    },
  ])('$name', ({ type, body, resource }) => {
    const result = canonicalizeForCreate(type, body, newReport());
    expect(result.resource).toEqual(resource);
    expect(Object.keys(result.resource)).toEqual(Object.keys(resource));
  });

  it('never stores schemas: the wire layer derives them', () => {
    const { resource } = canonicalizeForCreate(USER_RESOURCE_TYPE, { schemas: USER, userName: 'a' }, newReport());
    expect(resource).not.toHaveProperty('schemas');
  });

  it('reports unknown attributes, sub-attributes, URN keys and schema URNs, and ignores them', () => {
    const report = newReport();
    const { resource } = canonicalizeForCreate(
      USER_RESOURCE_TYPE,
      {
        schemas: [...USER, 'urn:example:unknown'],
        userName: 'a',
        shoeSize: 44,
        name: { givenName: 'A', nickname2: 'x' },
        'urn:example:unknown': { a: 1 },
        [URN.enterpriseUser]: { badge: 'x', department: 'R&D' },
      },
      report,
    );
    expect(resource).toEqual({ userName: 'a', name: { givenName: 'A' }, [URN.enterpriseUser]: { department: 'R&D' } });
    expect(report.ignored).toEqual(
      expect.arrayContaining([
        'schemas: urn:example:unknown',
        'shoeSize',
        'name.nickname2',
        'urn:example:unknown',
        `${URN.enterpriseUser}:badge`,
      ]),
    );
    expect(report.ignored).toHaveLength(5);
  });

  it('reports a password sent for a Group, which has none', () => {
    const report = newReport();
    const result = canonicalizeForCreate(GROUP_RESOURCE_TYPE, { schemas: GROUP, displayName: 'g', password: 'x' }, report);
    expect(result).toEqual({ resource: { displayName: 'g' } });
    expect(report.ignored).toEqual(['password']);
  });

  it.each<{ name: string; body: unknown; password: string | null | undefined }>([
    { name: 'extracts the password apart from the resource', body: { schemas: USER, userName: 'a', password: 's3cret' }, password: 's3cret' },
    { name: 'matches password case-insensitively', body: { schemas: USER, userName: 'a', PassWord: 'p' }, password: 'p' },
    { name: 'gives null for an explicit null password', body: { schemas: USER, userName: 'a', password: null }, password: null },
    { name: 'leaves password undefined when absent', body: { schemas: USER, userName: 'a' }, password: undefined },
  ])('$name (RFC 7643 §4.1.1 writeOnly)', ({ body, password }) => {
    const result = canonicalizeForCreate(USER_RESOURCE_TYPE, body, newReport());
    expect(result.password).toBe(password);
    expect('password' in result).toBe(password !== undefined);
    expect(result.resource).not.toHaveProperty('password');
  });

  it.each<{ name: string; type: ResourceType; body: unknown; scimType: string; detail: RegExp }>([
    { name: 'body not an object', type: USER_RESOURCE_TYPE, body: [1], scimType: 'invalidSyntax', detail: /JSON object/ },
    { name: 'body null', type: USER_RESOURCE_TYPE, body: null, scimType: 'invalidSyntax', detail: /JSON object/ },
    { name: 'schemas missing', type: USER_RESOURCE_TYPE, body: { userName: 'a' }, scimType: 'invalidSyntax', detail: /schemas/ },
    { name: 'schemas a string', type: USER_RESOURCE_TYPE, body: { schemas: URN.user, userName: 'a' }, scimType: 'invalidSyntax', detail: /array/ },
    { name: 'schemas without the core URN', type: USER_RESOURCE_TYPE, body: { schemas: [URN.enterpriseUser], userName: 'a' }, scimType: 'invalidSyntax', detail: /must contain/ },
    { name: 'schemas of another type', type: GROUP_RESOURCE_TYPE, body: { schemas: USER, displayName: 'g' }, scimType: 'invalidSyntax', detail: /Group/ },
    { name: 'userName missing', type: USER_RESOURCE_TYPE, body: { schemas: USER }, scimType: 'invalidValue', detail: /'userName' is required/ },
    { name: 'userName blank', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: '  ' }, scimType: 'invalidValue', detail: /'userName' is required/ },
    { name: 'userName null', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: null }, scimType: 'invalidValue', detail: /'userName' is required/ },
    { name: 'Group displayName missing', type: GROUP_RESOURCE_TYPE, body: { schemas: GROUP }, scimType: 'invalidValue', detail: /'displayName' is required/ },
    { name: 'userName a number', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: 5 }, scimType: 'invalidValue', detail: /'userName' must be a string/ },
    { name: 'active a string', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: 'a', active: 'yes' }, scimType: 'invalidValue', detail: /'active' must be a boolean/ },
    { name: 'emails not an array', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: 'a', emails: { value: 'x' } }, scimType: 'invalidValue', detail: /'emails' is multi-valued/ },
    { name: 'sub-attribute of the wrong type', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: 'a', name: { givenName: 1 } }, scimType: 'invalidValue', detail: /'name.givenName'/ },
    { name: 'extension not an object', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: 'a', [URN.enterpriseUser]: 'x' }, scimType: 'invalidValue', detail: /extension attributes/ },
    { name: 'extension attribute of the wrong type', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: 'a', [URN.enterpriseUser]: { department: 1 } }, scimType: 'invalidValue', detail: /enterprise:2.0:User:department' must be a string/ },
    { name: 'manager without value', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: 'a', [URN.enterpriseUser]: { manager: { $ref: 'x' } } }, scimType: 'invalidValue', detail: /manager.value/ },
    { name: 'password a number', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: 'a', password: 1 }, scimType: 'invalidValue', detail: /'password'/ },
    { name: 'password empty', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: 'a', password: '' }, scimType: 'invalidValue', detail: /'password'/ },
    { name: 'member without value', type: GROUP_RESOURCE_TYPE, body: { schemas: GROUP, displayName: 'g', members: [{ type: 'User' }] }, scimType: 'invalidValue', detail: /'members\[0\].value'/ },
    { name: 'member with empty value', type: GROUP_RESOURCE_TYPE, body: { schemas: GROUP, displayName: 'g', members: [{ value: 'u' }, { value: '' }] }, scimType: 'invalidValue', detail: /'members\[1\].value'/ },
    { name: 'member of an unknown type', type: GROUP_RESOURCE_TYPE, body: { schemas: GROUP, displayName: 'g', members: [{ value: 'u', type: 'Robot' }] }, scimType: 'invalidValue', detail: /'members\[0\].type'/ },
    { name: 'the same attribute twice in different case', type: USER_RESOURCE_TYPE, body: { schemas: USER, userName: 'a', UserName: 'b' }, scimType: 'invalidValue', detail: /'userName' and 'UserName'/ },
  ])('rejects $name with 400 $scimType', ({ type, body, scimType, detail }) => {
    const error = scimErrorOf(() => canonicalizeForCreate(type, body, newReport()));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe(scimType);
    expect(error.detail).toMatch(detail);
  });
});

describe('canonicalizeForReplace (RFC 7644 §3.5.1)', () => {
  const current: JsonObject = {
    id: 'u1',
    externalId: 'e1',
    userName: 'bjensen',
    displayName: 'Barbara',
    title: 'Boss',
    groups: [{ value: 'g1', display: 'Admins', type: 'direct' }],
    [URN.enterpriseUser]: { department: 'R&D' },
    meta: { resourceType: 'User', created: '2026-01-01T00:00:00.000Z', lastModified: '2026-01-01T00:00:00.000Z', version: 'W/"1"' },
  };

  it('replaces every writable attribute: those left out are cleared, readOnly ones keep their values', () => {
    const { resource } = canonicalizeForReplace(
      USER_RESOURCE_TYPE,
      current,
      { schemas: USER, userName: 'bjensen', displayName: 'Babs', groups: [], meta: { version: 'W/"9"' } },
      newReport(),
    );
    expect(resource).toEqual({
      id: 'u1',
      meta: current['meta'],
      userName: 'bjensen',
      displayName: 'Babs',
      groups: current['groups'],
    });
  });

  it.each<{ name: string; sentId: unknown }>([
    { name: 'accepts the body id when it is the current id', sentId: 'u1' },
    { name: 'accepts a null id', sentId: null },
  ])('$name', ({ sentId }) => {
    const { resource } = canonicalizeForReplace(USER_RESOURCE_TYPE, current, { schemas: USER, id: sentId, userName: 'b' }, newReport());
    expect(resource['id']).toBe('u1');
  });

  it.each<{ name: string; body: unknown; scimType: string; detail: RegExp }>([
    { name: 'an id naming another resource', body: { schemas: USER, id: 'u2', userName: 'b' }, scimType: 'mutability', detail: /'id' is readOnly/ },
    { name: 'an id differing only in case (ids are caseExact)', body: { schemas: USER, id: 'U1', userName: 'b' }, scimType: 'mutability', detail: /'id'/ },
    { name: 'a missing required attribute', body: { schemas: USER, displayName: 'x' }, scimType: 'invalidValue', detail: /'userName' is required/ },
    { name: 'a body without the core schema', body: { schemas: GROUP, userName: 'b' }, scimType: 'invalidSyntax', detail: /schemas/ },
  ])('rejects $name with 400 $scimType', ({ body, scimType, detail }) => {
    const error = scimErrorOf(() => canonicalizeForReplace(USER_RESOURCE_TYPE, current, body, newReport()));
    expect(error.scimType).toBe(scimType);
    expect(error.detail).toMatch(detail);
  });

  it.each<{ name: string; body: JsonObject; password: string | null | undefined }>([
    { name: 'absent password means unchanged (undefined)', body: { schemas: USER, userName: 'b' }, password: undefined },
    { name: 'a given password is set', body: { schemas: USER, userName: 'b', password: 'new' }, password: 'new' },
    { name: 'a null password clears it', body: { schemas: USER, userName: 'b', password: null }, password: null },
  ])('$name', ({ body, password }) => {
    const result = canonicalizeForReplace(USER_RESOURCE_TYPE, current, body, newReport());
    expect(result.password).toBe(password);
    expect('password' in result).toBe(password !== undefined);
  });

  it('replaces group members with the ones given, and a group without members in the body gets none', () => {
    const group: JsonObject = { id: 'g1', displayName: 'Admins', meta: { resourceType: 'Group' } };
    const withMembers = canonicalizeForReplace(
      GROUP_RESOURCE_TYPE,
      group,
      { schemas: GROUP, displayName: 'Admins', members: [{ value: 'u9', type: 'User' }] },
      newReport(),
    );
    expect(withMembers.resource).toEqual({ id: 'g1', meta: { resourceType: 'Group' }, displayName: 'Admins', members: [{ value: 'u9', type: 'User' }] });
    const without = canonicalizeForReplace(GROUP_RESOURCE_TYPE, group, { schemas: GROUP, displayName: 'Ops' }, newReport());
    expect(without.resource).toEqual({ id: 'g1', meta: { resourceType: 'Group' }, displayName: 'Ops' });
  });

  describe('immutable attributes (RFC 7643 §7: set once, never updated)', () => {
    const TYPE: ResourceType = {
      ...USER_RESOURCE_TYPE,
      schema: {
        ...USER_RESOURCE_TYPE.schema,
        attributes: [
          ...USER_RESOURCE_TYPE.schema.attributes,
          str('badge', { mutability: 'immutable' }),
          attribute('serial', 'integer', { mutability: 'immutable' }),
        ],
      },
    };

    it.each<{ name: string; before: JsonObject; body: JsonObject; badge: string | undefined }>([
      { name: 'applies a value when there was none', before: {}, body: { badge: 'B-1' }, badge: 'B-1' },
      { name: 'accepts the same value', before: { badge: 'B-1' }, body: { badge: 'B-1' }, badge: 'B-1' },
      { name: 'accepts the same value in another case (caseExact false)', before: { badge: 'B-1' }, body: { badge: 'b-1' }, badge: 'B-1' },
      { name: 'keeps the value when the body leaves it out', before: { badge: 'B-1' }, body: {}, badge: 'B-1' },
    ])('$name', ({ before, body, badge }) => {
      const { resource } = canonicalizeForReplace(
        TYPE,
        { id: 'u1', userName: 'a', ...before },
        { schemas: USER, userName: 'a', ...body },
        newReport(),
      );
      expect(resource['badge']).toBe(badge);
    });

    it.each<{ name: string; before: JsonObject; body: JsonObject; detail: RegExp }>([
      { name: 'a changed string', before: { badge: 'B-1' }, body: { badge: 'B-2' }, detail: /'badge' is immutable/ },
      { name: 'a changed integer', before: { serial: 1 }, body: { serial: 2 }, detail: /'serial' is immutable/ },
    ])('rejects $name with 400 mutability', ({ before, body, detail }) => {
      const error = scimErrorOf(() =>
        canonicalizeForReplace(TYPE, { id: 'u1', userName: 'a', ...before }, { schemas: USER, userName: 'a', ...body }, newReport()),
      );
      expect(error.status).toBe(400);
      expect(error.scimType).toBe('mutability');
      expect(error.detail).toMatch(detail);
    });
  });
});
