import { describe, expect, it } from 'vitest';
import {
  parseProjection,
  projectResource,
  readOptionsFor,
  type Projection,
} from '../../../src/scim/resource/attribute-projection.js';
import type { JsonObject } from '../../../src/scim/resource/json.js';
import { str } from '../../../src/scim/schema/attribute-definition.js';
import {
  GROUP_RESOURCE_TYPE,
  USER_RESOURCE_TYPE,
  type ResourceType,
} from '../../../src/scim/schema/resource-types.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';

const ENTERPRISE = URN.enterpriseUser;

const user: JsonObject = {
  schemas: [URN.user, ENTERPRISE],
  id: 'u1',
  externalId: 'e1',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  password: 'must never leave',
  emails: [
    { value: 'b@work.org', type: 'work', primary: true },
    { value: 'b@home.org', type: 'home' },
  ],
  groups: [{ value: 'g1', display: 'Admins' }],
  [ENTERPRISE]: { employeeNumber: '7', department: 'R&D', manager: { value: 'm1', displayName: 'Boss' } },
  meta: { resourceType: 'User', version: 'W/"1"' },
};

function project(attributes?: string, excluded?: string): JsonObject {
  return projectResource(USER_RESOURCE_TYPE, user, parseProjection(USER_RESOURCE_TYPE, attributes, excluded));
}

describe('attribute projection (RFC 7644 §3.4.2.5, RFC 7643 §7 returned)', () => {
  it('returns every default attribute and never the password when no list is given', () => {
    const { password: _never, ...expected } = user;
    expect(project()).toEqual(expected);
  });

  it.each<{ name: string; attributes?: string; excluded?: string; expected: JsonObject }>([
    {
      name: 'attributes: only the named ones plus returned:always (id) and schemas',
      attributes: 'userName',
      expected: { schemas: user['schemas']!, id: 'u1', userName: 'bjensen' },
    },
    {
      name: 'attributes: names are case-insensitive and may be URN-qualified',
      attributes: ` USERNAME , ${URN.user.toLowerCase()}:externalid`,
      expected: { schemas: user['schemas']!, id: 'u1', externalId: 'e1', userName: 'bjensen' },
    },
    {
      name: 'attributes: a sub-attribute keeps only that sub-attribute of a complex',
      attributes: 'name.familyName',
      expected: { schemas: user['schemas']!, id: 'u1', name: { familyName: 'Jensen' } },
    },
    {
      name: 'attributes: a sub-attribute keeps only that sub-attribute of each element of a multi-valued complex',
      attributes: 'emails.value',
      expected: { schemas: user['schemas']!, id: 'u1', emails: [{ value: 'b@work.org' }, { value: 'b@home.org' }] },
    },
    {
      name: 'attributes: naming the whole attribute and a sub-attribute keeps the whole',
      attributes: 'name.givenName,name',
      expected: { schemas: user['schemas']!, id: 'u1', name: user['name']! },
    },
    {
      name: 'attributes: an extension attribute, URN-qualified',
      attributes: `${ENTERPRISE}:department`,
      expected: { schemas: user['schemas']!, id: 'u1', [ENTERPRISE]: { department: 'R&D' } },
    },
    {
      name: 'attributes: an extension sub-attribute',
      attributes: `${ENTERPRISE}:manager.value`,
      expected: { schemas: user['schemas']!, id: 'u1', [ENTERPRISE]: { manager: { value: 'm1' } } },
    },
    {
      name: 'attributes: the extension URN alone includes the whole extension',
      attributes: ENTERPRISE.toUpperCase(),
      expected: { schemas: user['schemas']!, id: 'u1', [ENTERPRISE]: user[ENTERPRISE]! },
    },
    {
      name: 'attributes: password is never returned, even when asked for',
      attributes: 'password,userName',
      expected: { schemas: user['schemas']!, id: 'u1', userName: 'bjensen' },
    },
    {
      name: 'attributes: unknown names are ignored, not an error',
      attributes: 'shoeSize,name.nope,urn:example:x:foo,userName',
      expected: { schemas: user['schemas']!, id: 'u1', userName: 'bjensen' },
    },
    {
      name: 'attributes: only unknown names leave only the always-returned attributes',
      attributes: 'shoeSize',
      expected: { schemas: user['schemas']!, id: 'u1' },
    },
    {
      name: 'attributes wins when both lists are given',
      attributes: 'userName',
      excluded: 'userName',
      expected: { schemas: user['schemas']!, id: 'u1', userName: 'bjensen' },
    },
    {
      name: 'excludedAttributes: everything default except the named',
      excluded: 'emails,groups,meta,name,externalId,' + ENTERPRISE,
      expected: { schemas: user['schemas']!, id: 'u1', userName: 'bjensen' },
    },
    {
      name: 'excludedAttributes: has no effect on returned:always (id) or on schemas',
      excluded: 'id,schemas,emails,groups,meta,name,externalId,userName,' + ENTERPRISE,
      expected: { schemas: user['schemas']!, id: 'u1' },
    },
    {
      name: 'excludedAttributes: a sub-attribute removes just that sub-attribute',
      excluded: 'emails.type,name.givenName,groups,meta,externalId,userName,' + ENTERPRISE,
      expected: {
        schemas: user['schemas']!,
        id: 'u1',
        name: { familyName: 'Jensen' },
        emails: [{ value: 'b@work.org', primary: true }, { value: 'b@home.org' }],
      },
    },
    {
      name: 'excludedAttributes: an extension attribute',
      excluded: `${ENTERPRISE}:manager,${ENTERPRISE}:employeeNumber,emails,groups,meta,name,externalId,userName`,
      expected: { schemas: user['schemas']!, id: 'u1', [ENTERPRISE]: { department: 'R&D' } },
    },
    {
      name: 'excludedAttributes: an extension with nothing left is dropped',
      excluded: `${ENTERPRISE}:manager,${ENTERPRISE}:employeeNumber,${ENTERPRISE}:department,emails,groups,meta,name,externalId,userName`,
      expected: { schemas: user['schemas']!, id: 'u1' },
    },
  ])('$name', ({ attributes, excluded, expected }) => {
    expect(project(attributes, excluded)).toEqual(expected);
  });

  it('treats empty and blank lists as not given', () => {
    expect(parseProjection(USER_RESOURCE_TYPE, ' ', '')).toEqual({});
  });

  describe('returned: request (RFC 7643 §7) is returned only when named in attributes', () => {
    const TYPE: ResourceType = {
      ...USER_RESOURCE_TYPE,
      schema: { ...USER_RESOURCE_TYPE.schema, attributes: [...USER_RESOURCE_TYPE.schema.attributes, str('secretHint', { returned: 'request' })] },
    };
    const resource: JsonObject = { schemas: [URN.user], id: 'u1', userName: 'a', secretHint: 'h' };

    it.each<{ name: string; attributes?: string; excluded?: string; expected: JsonObject }>([
      { name: 'not by default', expected: { schemas: [URN.user], id: 'u1', userName: 'a' } },
      { name: 'not with excludedAttributes', excluded: 'userName', expected: { schemas: [URN.user], id: 'u1' } },
      { name: 'yes when named', attributes: 'secretHint', expected: { schemas: [URN.user], id: 'u1', secretHint: 'h' } },
    ])('$name', ({ attributes, excluded, expected }) => {
      expect(projectResource(TYPE, resource, parseProjection(TYPE, attributes, excluded))).toEqual(expected);
    });
  });

  it('copies a complex value only when it drops something from it, and never changes what it was given', () => {
    const before = structuredClone(user);
    const all = project();
    expect(all['name']).toBe(user['name']);
    expect(all['emails']).toBe(user['emails']);
    expect(all[ENTERPRISE]).toBe(user[ENTERPRISE]);
    const someDropped = project(undefined, 'emails.type,name.givenName');
    expect(someDropped['name']).toEqual({ familyName: 'Jensen' });
    expect(someDropped['emails']).toEqual([{ value: 'b@work.org', primary: true }, { value: 'b@home.org' }]);
    expect(someDropped[ENTERPRISE]).toBe(user[ENTERPRISE]);
    const stray = { value: 'x@y.org', stray: true };
    expect(projectResource(USER_RESOURCE_TYPE, { id: 'u1', emails: [{ value: 'a@b.org' }, stray] }, {})).toEqual({
      id: 'u1',
      emails: [{ value: 'a@b.org' }, { value: 'x@y.org' }],
    });
    expect(stray).toEqual({ value: 'x@y.org', stray: true });
    expect(user).toEqual(before);
  });

  it('drops keys no schema defines', () => {
    expect(projectResource(USER_RESOURCE_TYPE, { id: 'u1', stray: 1 }, {})).toEqual({ id: 'u1' });
  });

  it('gives each resource of a page the answer it would get alone, whatever the resources before it held', () => {
    const projection = parseProjection(USER_RESOURCE_TYPE, undefined, 'emails.type,name.givenName');
    const sparse: JsonObject = { schemas: [URN.user], id: 'u2', userName: 'sparse' };
    const page = [sparse, user, { ...user, id: 'u3', emails: [{ value: 'x@y.org', type: 'other' }] }, sparse];
    const alone = page.map((resource) =>
      projectResource(USER_RESOURCE_TYPE, resource, parseProjection(USER_RESOURCE_TYPE, undefined, 'emails.type,name.givenName')),
    );
    expect(page.map((resource) => projectResource(USER_RESOURCE_TYPE, resource, projection))).toEqual(alone);
    expect(alone[2]!['emails']).toEqual([{ value: 'x@y.org' }]);
    expect(alone[1]!['name']).toEqual({ familyName: 'Jensen' });
  });

  it('matches keys spelt unlike their definition case-insensitively, every time', () => {
    const resource: JsonObject = { schemas: [URN.user], id: 'u1', USERNAME: 'a', NAME: { FAMILYNAME: 'J', GIVENNAME: 'B' }, PASSWORD: 'x' };
    const projection = parseProjection(USER_RESOURCE_TYPE, undefined, 'name.givenName');
    const expected = { schemas: [URN.user], id: 'u1', USERNAME: 'a', NAME: { FAMILYNAME: 'J' } };
    expect(projectResource(USER_RESOURCE_TYPE, resource, projection)).toEqual(expected);
    expect(projectResource(USER_RESOURCE_TYPE, resource, projection)).toEqual(expected);
  });
});

describe('readOptionsFor', () => {
  it.each<{ name: string; type: ResourceType; projection: Projection; members: boolean; groups: boolean }>([
    { name: 'Group by default loads members', type: GROUP_RESOURCE_TYPE, projection: {}, members: true, groups: false },
    { name: 'Group excludedAttributes=members skips them', type: GROUP_RESOURCE_TYPE, projection: parseProjection(GROUP_RESOURCE_TYPE, undefined, 'MEMBERS'), members: false, groups: false },
    { name: 'Group excluding one member sub-attribute still loads them', type: GROUP_RESOURCE_TYPE, projection: parseProjection(GROUP_RESOURCE_TYPE, undefined, 'members.display'), members: true, groups: false },
    { name: 'Group attributes=displayName skips members', type: GROUP_RESOURCE_TYPE, projection: parseProjection(GROUP_RESOURCE_TYPE, 'displayName', undefined), members: false, groups: false },
    { name: 'Group attributes=members.value loads them', type: GROUP_RESOURCE_TYPE, projection: parseProjection(GROUP_RESOURCE_TYPE, 'members.value', undefined), members: true, groups: false },
    { name: 'User by default loads groups', type: USER_RESOURCE_TYPE, projection: {}, members: false, groups: true },
    { name: 'User excludedAttributes=groups skips them', type: USER_RESOURCE_TYPE, projection: parseProjection(USER_RESOURCE_TYPE, undefined, 'groups'), members: false, groups: false },
    { name: 'User attributes=userName skips groups', type: USER_RESOURCE_TYPE, projection: parseProjection(USER_RESOURCE_TYPE, 'userName', undefined), members: false, groups: false },
  ])('$name', ({ type, projection, members, groups }) => {
    expect(readOptionsFor(type, projection)).toEqual({ members, groups });
  });
});
