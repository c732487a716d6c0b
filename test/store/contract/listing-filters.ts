import { beforeEach, expect, it } from 'vitest';
import type { BoundFilter } from '../../../src/scim/filter/filter-ast.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';
import type { Store } from '../../../src/store/store.js';
import { and, cmp, listIds, not, or, pr, valuePath } from '../store-fixtures.js';
import { seedListing } from './listing-dataset.js';

const E = URN.enterpriseUser;
const T = URN.teamsUser;
const U = (path: string, op: Parameters<typeof cmp>[2], value: Parameters<typeof cmp>[3]) => cmp('User', path, op, value);
const G = (path: string, op: Parameters<typeof cmp>[2], value: Parameters<typeof cmp>[3]) => cmp('Group', path, op, value);

const USER_CASES: readonly (readonly [string, BoundFilter, readonly string[]])[] = [
  ['userName eq folds case (RFC 7643 §2.3.1 caseExact false)', U('userName', 'eq', 'ALICE'), ['u1']],
  ['userName eq folds Unicode case', U('userName', 'eq', 'ÉMILE'), ['u3']],
  ['ne matches absent and different values', U('userName', 'ne', 'alice'), ['u2', 'u3', 'u4']],
  ['id is caseExact', U('id', 'eq', 'U1'), []],
  ['externalId is caseExact', U('externalId', 'eq', 'a-1'), []],
  ['externalId ne includes resources without it', U('externalId', 'ne', 'A-1'), ['u2', 'u3', 'u4']],
  ['co', U('displayName', 'co', 'LID'), ['u1']],
  ['sw', U('displayName', 'sw', 'bob'), ['u2']],
  ['ew', U('displayName', 'ew', 'DER'), ['u2']],
  ['co with % and _ is literal', U('emails.value', 'co', '_l%'), ['u1']],
  ['sw with _ is literal', U('userName', 'sw', '_'), []],
  ['ew with % is literal', U('userName', 'ew', '%'), []],
  ['multi-valued compare: some element matches', U('emails.value', 'co', 'WORK.example'), ['u1', 'u2', 'u4']],
  ['multi-valued type', U('emails.type', 'eq', 'work'), ['u1', 'u2']],
  ['multi-valued boolean', U('emails.primary', 'eq', true), ['u1']],
  ['not over multi-valued: no element matches', not(U('emails.type', 'eq', 'work')), ['u3', 'u4']],
  ['ne over multi-valued is not eq', U('emails.type', 'ne', 'work'), ['u3', 'u4']],
  ['value path needs one element matching all', valuePath('User', 'emails', and(U('emails.type', 'eq', 'home'), U('emails.value', 'co', 'work'))), []],
  ['without value path the parts may match different elements', and(U('emails.type', 'eq', 'home'), U('emails.value', 'co', 'work')), ['u1']],
  ['value path', valuePath('User', 'emails', and(U('emails.type', 'eq', 'work'), U('emails.value', 'sw', 'BOB'))), ['u2']],
  ['value path with not inside', valuePath('User', 'emails', not(U('emails.type', 'eq', 'work'))), ['u1', 'u4']],
  ['pr on a multi-valued attribute', pr('User', 'emails'), ['u1', 'u2', 'u4']],
  ['not pr', not(pr('User', 'emails')), ['u3']],
  ['pr is false for an empty string', pr('User', 'title'), []],
  ['pr on a complex attribute', pr('User', 'name'), ['u1', 'u2']],
  ['pr on a sub-attribute', pr('User', 'name.givenName'), ['u1']],
  ['boolean eq true', U('active', 'eq', true), ['u1']],
  ['boolean eq false', U('active', 'eq', false), ['u2']],
  ['boolean ne true includes absent', U('active', 'ne', true), ['u2', 'u3', 'u4']],
  ['dateTime gt as an instant', U('meta.created', 'gt', '2026-02-01T00:00:00Z'), ['u3', 'u4']],
  ['dateTime ge with an offset', U('meta.created', 'ge', '2026-02-01T01:00:00+01:00'), ['u2', 'u3', 'u4']],
  ['dateTime le', U('meta.lastModified', 'le', '2026-02-01T00:00:00.000Z'), ['u1', 'u2']],
  ['dateTime eq', U('meta.created', 'eq', '2026-03-01T00:00:00Z'), ['u3']],
  ['meta.resourceType', U('meta.resourceType', 'eq', 'User'), ['u1', 'u2', 'u3', 'u4']],
  ['meta.version', U('meta.version', 'eq', 'W/"1"'), ['u1', 'u2', 'u3', 'u4']],
  ['sub-attribute in JSON', U('name.familyName', 'sw', 'l'), ['u1']],
  ['string gt', U(`${E}:employeeNumber`, 'gt', '150'), ['u2']],
  ['extension attribute folds case', U(`${E}:department`, 'eq', 'r&d'), ['u1']],
  ['extension multi-valued', U(`${T}:teams`, 'eq', 'GREEN'), ['u2']],
  ['extension multi-valued not', not(U(`${T}:teams`, 'eq', 'red')), ['u2', 'u3', 'u4']],
  ['addresses value path', valuePath('User', 'addresses', U('addresses.locality', 'eq', 'paris')), ['u4']],
  ['groups.value direct', U('groups.value', 'eq', 'g1'), ['u1', 'u2']],
  ['groups.value includes indirect', U('groups.value', 'eq', 'g2'), ['u1', 'u2', 'u3']],
  ['groups value path on type', valuePath('User', 'groups', U('groups.type', 'eq', 'indirect')), ['u1', 'u2']],
  ['groups.display', U('groups.display', 'eq', 'OPS'), ['u1', 'u2', 'u3']],
  ['and/or/not', and(or(U('userName', 'eq', 'bob'), U('displayName', 'co', 'alice')), not(U('active', 'eq', false))), ['u1']],
  ['eq null is absence', U('displayName', 'eq', null), ['u3']],
  ['ne null is presence', U('displayName', 'ne', null), ['u1', 'u2', 'u4']],
];

const GROUP_CASES: readonly (readonly [string, BoundFilter, readonly string[]])[] = [
  ['displayName folds case', G('displayName', 'eq', 'ADMINS'), ['g1']],
  ['members.value', G('members.value', 'eq', 'u3'), ['g2']],
  ['members value path on type', valuePath('Group', 'members', G('members.type', 'eq', 'group')), ['g2']],
  ['members.display from the member', G('members.display', 'eq', 'bob builder'), ['g1']],
  ['members pr', pr('Group', 'members'), ['g1', 'g2']],
  ['not members.value', not(G('members.value', 'eq', 'u1')), ['g2']],
  ['externalId pr', pr('Group', 'externalId'), []],
];

/** Filtering in SQL: every operator family, value paths, extensions, derived memberships (RFC 7644 §3.4.2.2). */
export function listingFilters(store: () => Store): void {
  beforeEach(async () => seedListing(store()));

  it.each(USER_CASES)('Users: %s', async (_, filter, expected) => {
    expect(await listIds(store(), 'User', { filter })).toEqual(expected);
    const total = await store().listResources('org-a', 'User', { startIndex: 1, count: 0, sortOrder: 'ascending', read: { members: false, groups: false }, filter });
    expect(total).toEqual({ totalResults: expected.length, resources: [] });
  });

  it.each(GROUP_CASES)('Groups: %s', async (_, filter, expected) => {
    expect(await listIds(store(), 'Group', { filter })).toEqual(expected);
  });
}
