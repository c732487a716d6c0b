import { describe, expect, it } from 'vitest';
import type { BoundFilter } from '../../../src/scim/filter/filter-ast.js';
import { bindFilter, bindValueFilter } from '../../../src/scim/filter/filter-binder.js';
import { parseFilter } from '../../../src/scim/filter/filter-parser.js';
import { resolveAttribute } from '../../../src/scim/schema/attribute-resolver.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../../src/scim/schema/resource-types.js';

function keys(node: BoundFilter): string {
  switch (node.kind) {
    case 'compare':
      return `${node.attr.key} ${node.op} ${node.value.type}`;
    case 'present':
      return `${node.attr.key} pr`;
    case 'and':
    case 'or':
      return `(${keys(node.left)} ${node.kind} ${keys(node.right)})`;
    case 'not':
      return `not ${keys(node.operand)}`;
    case 'valuePath':
      return `${node.attr.key}[${keys(node.filter)}]`;
  }
}

const bindUser = (filter: string): BoundFilter => bindFilter(USER_RESOURCE_TYPE, parseFilter(filter));

describe('bindFilter: names bind case-insensitively to canonical keys', () => {
  it.each([
    ['USERNAME eq "a"', 'userName eq string'],
    ['name.FAMILYNAME eq "a"', 'name.familyName eq string'],
    ['emails co "x"', 'emails.value co string'],
    ['emails pr', 'emails pr'],
    ['emails.Type eq "work"', 'emails.type eq string'],
    ['id eq "1"', 'id eq string'],
    ['externalId eq "1"', 'externalId eq string'],
    ['meta.created gt "2026-01-01T00:00:00Z"', 'meta.created gt dateTime'],
    ['meta.resourceType eq "User"', 'meta.resourceType eq string'],
    ['active eq true', 'active eq boolean'],
    ['title eq null', 'title eq null'],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"', 'userName eq string'],
    ['URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:department eq "R"', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq string'],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "m"', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq string'],
    ['urn:ietf:params:scim:schemas:extension:Teams:2.0:User:teams eq "blue"', 'urn:ietf:params:scim:schemas:extension:Teams:2.0:User:teams eq string'],
    ['emails[type eq "work" and value co "@x.org"]', 'emails[(emails.type eq string and emails.value co string)]'],
    ['emails[type eq "work"].value eq "a@x"', 'emails[(emails.type eq string and emails.value eq string)]'],
    ['groups.value eq "g1"', 'groups.value eq string'],
    ['x509Certificates.value eq "AAAA"', 'x509Certificates.value eq string'],
    // Entra's manager check: an unqualified extension attribute, and a complex single value compared by its value.
    ['id eq "u1" and manager eq "m1"', '(id eq string and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq string)'],
    ['manager.value eq "m1"', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq string'],
    ['department eq "R"', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq string'],
  ])('%s', (filter, expected) => {
    expect(keys(bindUser(filter))).toBe(expected);
  });

  it('binds dateTime literals to instants', () => {
    const bound = bindUser('meta.lastModified ge "2026-01-01T01:00:00+01:00"');
    expect(bound).toMatchObject({ value: { type: 'dateTime', epochMs: Date.parse('2026-01-01T00:00:00Z') } });
  });

  it('binds group members', () => {
    const bound = bindFilter(GROUP_RESOURCE_TYPE, parseFilter('members[value eq "u1"] or displayName sw "Eng"'));
    expect(keys(bound)).toBe('(members[members.value eq string] or displayName sw string)');
  });
});

describe('bindFilter: 400 invalidFilter for what cannot be compared', () => {
  it.each([
    ['nickname2 eq "a"', /Unknown attribute 'nickname2' in filter for User resources/],
    ['name.nope eq "a"', /Unknown attribute 'name.nope'/],
    ['urn:example:custom:2.0:User:x eq "a"', /Unknown attribute 'urn:example:custom:2.0:User:x'/],
    ['members.value eq "a"', /Unknown attribute 'members.value' in filter for User/],
    ['password eq "secret"', /'password' cannot be used in a filter/],
    ['password pr', /'password' cannot be used in a filter/],
    ['active eq "yes"', /'active' is compared with "yes", but it takes a boolean/],
    ['active gt true', /'gt' cannot compare the boolean attribute 'active'/],
    ['userName gt 3', /'userName' is compared with 3, but it takes a string/],
    ['userName eq true', /takes a string/],
    ['meta.created gt "yesterday"', /takes a dateTime string/],
    ['meta.created co "2026"', /'co' cannot compare the dateTime attribute/],
    ['name eq "a"', /'name' is complex: compare one of its sub-attributes/],
    ['manager.nope eq "a"', /Unknown attribute 'manager.nope'/],
    ['meta eq "a"', /'meta' is complex/],
    ['addresses co "x"', /'addresses' is complex/],
    ['title gt null', /'gt null' is not a comparison/],
    ['userName[value eq "a"]', /'userName' is not a multi-valued complex attribute/],
    ['emails[nope eq "a"]', /'nope' is not a sub-attribute of 'emails'/],
    ['emails[name.givenName eq "a"]', /is not a sub-attribute of 'emails'/],
  ])('%s', (filter, detail) => {
    let thrown: unknown;
    try {
      bindUser(filter);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    expect((thrown as Error).message).toMatch(detail);
  });
});

describe('bindValueFilter', () => {
  it('binds sub-attributes of the parent for PATCH paths', () => {
    const parent = resolveAttribute(USER_RESOURCE_TYPE, { attribute: 'phoneNumbers' })!;
    expect(keys(bindValueFilter(USER_RESOURCE_TYPE, parent, parseFilter('type eq "work" and primary eq true')))).toBe(
      '(phoneNumbers.type eq string and phoneNumbers.primary eq boolean)',
    );
  });
});
