import { describe, expect, it } from 'vitest';
import { bindFilter, bindValueFilter } from '../../../src/scim/filter/filter-binder.js';
import { evaluateFilter, evaluateValueFilter } from '../../../src/scim/filter/filter-evaluator.js';
import { parseFilter } from '../../../src/scim/filter/filter-parser.js';
import type { JsonObject } from '../../../src/scim/resource/json.js';
import { resolveAttribute } from '../../../src/scim/schema/attribute-resolver.js';
import { USER_RESOURCE_TYPE } from '../../../src/scim/schema/resource-types.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const TEAMS = 'urn:ietf:params:scim:schemas:extension:Teams:2.0:User';

const BJENSEN: JsonObject = {
  id: '2819c223-7f76-453a-919d-413861904646',
  externalId: 'Ext-1',
  userName: 'Bjensen@Example.com',
  name: { familyName: 'Jensen', givenName: 'Barbara' },
  title: '',
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  [ENT]: { employeeNumber: '701984', manager: { value: 'm-1' } },
  [TEAMS]: { teams: ['Blue', 'Red'] },
  meta: { resourceType: 'User', created: '2026-01-01T10:00:00.000Z', lastModified: '2026-03-01T10:00:00.000Z', version: 'W/"3"' },
};

const matches = (filter: string, resource: JsonObject = BJENSEN): boolean =>
  evaluateFilter(bindFilter(USER_RESOURCE_TYPE, parseFilter(filter)), resource);

describe('evaluateFilter', () => {
  it.each([
    // strings: caseExact=false folds, caseExact=true does not
    ['userName eq "bjensen@example.com"', true],
    ['userName eq "BJENSEN@EXAMPLE.COM"', true],
    ['id eq "2819C223-7F76-453A-919D-413861904646"', false],
    ['externalId eq "ext-1"', false],
    ['externalId eq "Ext-1"', true],
    ['userName co "@EXAMPLE"', true],
    ['userName sw "bj"', true],
    ['userName ew ".COM"', true],
    ['userName ew "example"', false],
    ['name.familyName gt "Jansen"', true],
    ['name.familyName ge "jensen"', true],
    ['name.familyName lt "Jensen"', false],
    ['name.familyName le "JENSEN"', true],
    // ne is exactly not eq: absent attributes match ne
    ['userName ne "someone"', true],
    ['userName ne "bjensen@example.com"', false],
    ['nickName ne "x"', true],
    ['nickName eq "x"', false],
    ['nickName co ""', false],
    // presence: empty string is not present
    ['title pr', false],
    ['name pr', true],
    ['emails pr', true],
    ['phoneNumbers pr', false],
    ['title eq null', true],
    ['userName eq null', false],
    ['userName ne null', true],
    // booleans
    ['active eq true', true],
    ['active eq false', false],
    ['active ne false', true],
    // dates compared as instants
    ['meta.created lt "2026-01-01T11:00:00+01:00"', false],
    ['meta.created eq "2026-01-01T11:00:00+01:00"', true],
    ['meta.lastModified gt "2026-02-28T00:00:00Z"', true],
    ['meta.version eq "W/\\"3\\""', true],
    // multi-valued: some element matches
    ['emails co "jensen.org"', true],
    ['emails.type eq "home"', true],
    ['emails.type eq "other"', false],
    ['emails.type eq "work" and emails.value co "jensen.org"', true],
    // value paths: one element must satisfy the whole filter
    ['emails[type eq "work" and value co "jensen.org"]', false],
    ['emails[type eq "home" and value co "jensen.org"]', true],
    ['emails[type eq "work"].value eq "BJENSEN@example.com"', true],
    ['emails[primary eq true and not (type eq "work")]', false],
    ['not (emails[type eq "work"])', false],
    // extensions
    [`${ENT}:employeeNumber eq "701984"`, true],
    [`${ENT}:manager.value eq "m-1"`, true],
    [`${ENT}:manager.value eq "M-1"`, true],
    [`${TEAMS}:teams eq "red"`, true],
    [`${TEAMS}:teams eq "green"`, false],
    [`${ENT}:department pr`, false],
    // logic
    ['userName sw "x" or active eq true', true],
    ['userName sw "x" and active eq true', false],
    ['not (userName sw "x") and not (nickName pr)', true],
  ])('%s → %s', (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it('treats a resource without the extension as absent everywhere', () => {
    const bare: JsonObject = { id: 'x', userName: 'u' };
    expect(matches(`${ENT}:employeeNumber eq "1"`, bare)).toBe(false);
    expect(matches(`${ENT}:employeeNumber ne "1"`, bare)).toBe(true);
    expect(matches('emails[type eq "work"]', bare)).toBe(false);
  });

  it('evaluates a value filter against one element (PATCH paths)', () => {
    const parent = resolveAttribute(USER_RESOURCE_TYPE, { attribute: 'emails' })!;
    const filter = bindValueFilter(USER_RESOURCE_TYPE, parent, parseFilter('type eq "WORK" or primary eq true'));
    expect(evaluateValueFilter(filter, { value: 'a', type: 'work' })).toBe(true);
    expect(evaluateValueFilter(filter, { value: 'a', type: 'home', primary: true })).toBe(true);
    expect(evaluateValueFilter(filter, { value: 'a', type: 'home' })).toBe(false);
    expect(evaluateValueFilter(filter, 'not an object')).toBe(false);
  });
});
