import { describe, expect, it } from 'vitest';
import { resolveAttribute, splitAttributeName } from '../../../src/scim/schema/attribute-resolver.js';
import type { SchemaDefinition } from '../../../src/scim/schema/attribute-definition.js';
import { str } from '../../../src/scim/schema/attribute-definition.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE, type ResourceType } from '../../../src/scim/schema/resource-types.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';

const keyOf = (type: ResourceType, text: string): string | undefined =>
  resolveAttribute(type, splitAttributeName(type, text))?.key;

describe('resolveAttribute: core, common and URN-qualified names (RFC 7643 §2.1, RFC 7644 §3.10)', () => {
  it.each([
    ['userName', 'userName'],
    ['NAME.givenname', 'name.givenName'],
    ['id', 'id'],
    ['meta.lastModified', 'meta.lastModified'],
    [`${URN.user}:userName`, 'userName'],
    [`${URN.enterpriseUser}:manager.value`, `${URN.enterpriseUser}:manager.value`],
    [`${URN.enterpriseUser.toUpperCase()}:EMPLOYEENUMBER`, `${URN.enterpriseUser}:employeeNumber`],
  ])('%s binds to %s', (text, key) => {
    expect(keyOf(USER_RESOURCE_TYPE, text)).toBe(key);
  });
});

describe('resolveAttribute: an unqualified name the core lacks binds to the one extension defining it', () => {
  it.each([
    ['manager', `${URN.enterpriseUser}:manager`],
    ['Manager.Value', `${URN.enterpriseUser}:manager.value`],
    ['employeeNumber', `${URN.enterpriseUser}:employeeNumber`],
    ['teams', `${URN.teamsUser}:teams`],
  ])('%s binds to %s', (text, key) => {
    const resolved = resolveAttribute(USER_RESOURCE_TYPE, splitAttributeName(USER_RESOURCE_TYPE, text));
    expect(resolved).toMatchObject({ key, isExtension: true });
  });

  it.each([
    ['manager.nope', 'an extension attribute without that sub-attribute'],
    ['name.nope', 'a core attribute without that sub-attribute: the core name is not looked up in extensions'],
    ['nickname2', 'a name no schema defines'],
    [`${URN.user}:manager`, 'an extension attribute qualified with the core URN'],
    [`${URN.teamsUser}:manager`, 'an attribute qualified with another extension’s URN'],
  ])('%s stays unbound: %s', (text) => {
    expect(keyOf(USER_RESOURCE_TYPE, text)).toBeUndefined();
  });

  it('leaves a resource type without extensions alone', () => {
    expect(keyOf(GROUP_RESOURCE_TYPE, 'manager')).toBeUndefined();
    expect(keyOf(GROUP_RESOURCE_TYPE, 'members.value')).toBe('members.value');
  });

  it('leaves a name two extensions define unbound, and binds it when qualified', () => {
    const second: SchemaDefinition = { id: 'urn:example:params:scim:schemas:extension:hr:2.0:User', name: 'Hr', description: 'HR', attributes: [str('employeeNumber')] };
    const type: ResourceType = { ...USER_RESOURCE_TYPE, extensions: [...USER_RESOURCE_TYPE.extensions, { schema: second, required: false }] };
    expect(keyOf(type, 'employeeNumber')).toBeUndefined();
    expect(keyOf(type, `${second.id}:employeeNumber`)).toBe(`${second.id}:employeeNumber`);
    expect(keyOf(type, 'department')).toBe(`${URN.enterpriseUser}:department`);
  });
});
