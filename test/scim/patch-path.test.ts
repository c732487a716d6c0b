import { describe, expect, it } from 'vitest';
import { parsePatchPath, type PatchTarget } from '../../src/scim/patch/patch-path.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../src/scim/schema/resource-types.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { errorOf } from './scim-error-of.js';

const ENTERPRISE = URN.enterpriseUser;

function summary(target: PatchTarget): unknown {
  if (target.kind === 'extension') return { extension: target.schema.id };
  return { key: target.attr.key, sub: target.sub?.name, filtered: target.filter !== undefined };
}

describe('parsePatchPath: PATH = attrPath / valuePath [subAttr] (RFC 7644 §3.5.2)', () => {
  it.each<[string, unknown]>([
    ['userName', { key: 'userName', sub: undefined, filtered: false }],
    ['USERNAME', { key: 'userName', sub: undefined, filtered: false }],
    ['name.givenName', { key: 'name', sub: 'givenName', filtered: false }],
    ['Name.GIVENNAME', { key: 'name', sub: 'givenName', filtered: false }],
    ['meta.lastModified', { key: 'meta', sub: 'lastModified', filtered: false }],
    [`${URN.user}:userName`, { key: 'userName', sub: undefined, filtered: false }],
    [`${ENTERPRISE}:manager`, { key: `${ENTERPRISE}:manager`, sub: undefined, filtered: false }],
    [`${ENTERPRISE}:manager.value`, { key: `${ENTERPRISE}:manager`, sub: 'value', filtered: false }],
    [`${ENTERPRISE.toLowerCase()}:employeeNumber`, { key: `${ENTERPRISE}:employeeNumber`, sub: undefined, filtered: false }],
    [ENTERPRISE, { extension: ENTERPRISE }],
    [ENTERPRISE.toUpperCase(), { extension: ENTERPRISE }],
    ['emails[type eq "work"]', { key: 'emails', sub: undefined, filtered: true }],
    ['emails[type eq "work"].value', { key: 'emails', sub: 'value', filtered: true }],
    ['emails[value eq "a]b"].type', { key: 'emails', sub: 'type', filtered: true }],
    ['addresses[type eq "work" and postalCode sw "9"].streetAddress', { key: 'addresses', sub: 'streetAddress', filtered: true }],
    [`${URN.teamsUser}:teams`, { key: `${URN.teamsUser}:teams`, sub: undefined, filtered: false }],
  ])('%s', (path, expected) => {
    expect(summary(parsePatchPath(USER_RESOURCE_TYPE, path))).toEqual(expected);
  });

  it('binds the value filter to the sub-attributes of the filtered attribute', () => {
    const target = parsePatchPath(USER_RESOURCE_TYPE, 'emails[type eq "work"]');
    expect(target.kind === 'attribute' && target.filter).toMatchObject({ kind: 'compare', op: 'eq', attr: { key: 'emails.type' } });
  });

  it('resolves Group members', () => {
    expect(summary(parsePatchPath(GROUP_RESOURCE_TYPE, 'members[value eq "u1"]'))).toEqual({ key: 'members', sub: undefined, filtered: true });
  });

  it.each([
    ['an empty path', ''],
    ['an unknown attribute', 'shoeSize'],
    ['an unknown sub-attribute', 'name.nickName'],
    ['a sub-attribute of a simple attribute', 'userName.first'],
    ['three levels', 'name.givenName.first'],
    ['a name with a space', 'user Name'],
    ['a leading dot', '.userName'],
    ['an unclosed filter', 'emails[type eq "work"'],
    ['text after the filter', 'emails[type eq "work"]value'],
    ['a filter on a single-valued attribute', 'name[givenName eq "B"]'],
    ['a filter after a sub-attribute', 'name.givenName[value eq "x"]'],
    ['a filter on an extension URN', `${ENTERPRISE}[department eq "x"]`],
    ['an unknown sub-attribute after a filter', 'emails[type eq "work"].shoeSize'],
    ['an unknown attribute in the filter', 'emails[shoeSize eq "9"]'],
    ['a malformed filter', 'emails[type eq]'],
    ['the core schema URN alone', URN.user],
    ['an unknown schema URN', 'urn:example:params:scim:schemas:Custom:attr'],
    ['an attribute of another resource type', 'members'],
  ])('%s is 400 invalidPath', (_name, path) => {
    expect(errorOf(() => parsePatchPath(USER_RESOURCE_TYPE, path))).toMatchObject({ status: 400, scimType: 'invalidPath' });
  });
});
