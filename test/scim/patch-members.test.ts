import { describe, expect, it } from 'vitest';
import { applyPatch, type PatchResult } from '../../src/scim/patch/patch-engine.js';
import { newReport } from '../../src/scim/resource/attribute-value.js';
import type { JsonObject } from '../../src/scim/resource/json.js';
import { GROUP_RESOURCE_TYPE } from '../../src/scim/schema/resource-types.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { errorOf } from './scim-error-of.js';

const GROUP: JsonObject = { id: 'g1', displayName: 'Tour Guides', externalId: 'ext-1' };

function patchGroup(operations: unknown[]): PatchResult {
  return applyPatch(GROUP_RESOURCE_TYPE, GROUP, { schemas: [URN.patchOp], Operations: operations }, newReport());
}

describe('PATCH of Group members: membership deltas (RFC 7644 §3.5.2)', () => {
  it.each<[string, unknown[], unknown[]]>([
    [
      '§3.5.2.1: add members (only each value matters; repeated ids once)',
      [{ op: 'add', path: 'members', value: [{ value: 'u1', display: 'Babs', type: 'User' }, { value: 'u2', $ref: 'https://x/Users/u2' }, { value: 'u1' }] }],
      [{ op: 'add', members: [{ value: 'u1' }, { value: 'u2' }] }],
    ],
    ['add with an empty list changes nothing', [{ op: 'add', path: 'members', value: [] }], []],
    ['§3.5.2.2: remove members removes them all', [{ op: 'remove', path: 'members' }], [{ op: 'removeAll' }]],
    [
      '§3.5.2.2: remove members[value eq "id"] removes that member',
      [{ op: 'remove', path: 'members[value eq "2819c223-7f76-453a-919d-413861904646"]' }],
      [{ op: 'remove', values: ['2819c223-7f76-453a-919d-413861904646'] }],
    ],
    [
      'remove members[value eq … or value eq …] removes each listed member',
      [{ op: 'remove', path: 'members[value eq "u1" or value eq "u2" or value eq "u3"]' }],
      [{ op: 'remove', values: ['u1', 'u2', 'u3'] }],
    ],
    [
      'Entra legacy: remove members with a value list removes only the listed members',
      [{ op: 'Remove', path: 'members', value: [{ value: 'u1' }, { value: 'u2' }] }],
      [{ op: 'remove', values: ['u1', 'u2'] }],
    ],
    [
      '§3.5.2.3: replace members is remove-all then add',
      [{ op: 'replace', path: 'members', value: [{ value: 'u3' }] }],
      [{ op: 'removeAll' }, { op: 'add', members: [{ value: 'u3' }] }],
    ],
    ['replace members with [] removes them all', [{ op: 'replace', path: 'members', value: [] }], [{ op: 'removeAll' }]],
    [
      'replace without a path with a members key is remove-all then add',
      [{ op: 'replace', value: { displayName: 'Guides', members: [{ value: 'u4' }] } }],
      [{ op: 'removeAll' }, { op: 'add', members: [{ value: 'u4' }] }],
    ],
    [
      'deltas keep the order of the operations',
      [
        { op: 'add', path: 'members', value: [{ value: 'u1' }] },
        { op: 'remove', path: 'members[value eq "u2"]' },
        { op: 'add', value: { members: [{ value: 'u3' }] } },
      ],
      [{ op: 'add', members: [{ value: 'u1' }] }, { op: 'remove', values: ['u2'] }, { op: 'add', members: [{ value: 'u3' }] }],
    ],
  ])('%s', (_name, operations, expected) => {
    const result = patchGroup(operations);
    expect(result.memberOps).toEqual(expected);
    expect(result.resource).not.toHaveProperty('members');
  });

  it('a member filter other than value equalities becomes removeWhere with the bound filter', () => {
    const [operation] = patchGroup([{ op: 'remove', path: 'members[type eq "Group"]' }]).memberOps;
    expect(operation?.op).toBe('removeWhere');
    expect(operation?.op === 'removeWhere' && operation.filter).toMatchObject({ kind: 'compare', op: 'eq' });
  });

  it('takes 1,000 members in one operation', () => {
    const members = Array.from({ length: 1000 }, (_, index) => ({ value: `u${index}` }));
    const [operation] = patchGroup([{ op: 'add', path: 'members', value: members }]).memberOps;
    expect(operation).toEqual({ op: 'add', members });
  });

  it('changes displayName and members in one request (Okta)', () => {
    const result = patchGroup([
      { op: 'replace', value: { id: 'g1', displayName: 'Guides' } },
      { op: 'add', path: 'members', value: [{ value: 'u1' }] },
    ]);
    expect(result.resource).toEqual({ ...GROUP, displayName: 'Guides' });
    expect(result.memberOps).toEqual([{ op: 'add', members: [{ value: 'u1' }] }]);
  });

  it.each<[string, unknown, string]>([
    ['a member without a value', { op: 'add', path: 'members', value: [{ display: 'Babs' }] }, 'invalidValue'],
    ['a member with an empty value', { op: 'add', path: 'members', value: [{ value: '' }] }, 'invalidValue'],
    ['a member value that is not a string', { op: 'add', path: 'members', value: [{ value: 12 }] }, 'invalidValue'],
    ['members that are not an array', { op: 'add', path: 'members', value: { value: 'u1' } }, 'invalidValue'],
    ['a listed member to remove without a value', { op: 'remove', path: 'members', value: [{ display: 'x' }] }, 'invalidValue'],
    ['changing a member display (readOnly)', { op: 'replace', path: 'members[value eq "u1"].display', value: 'X' }, 'mutability'],
    ['changing a member value (immutable)', { op: 'replace', path: 'members.value', value: 'u2' }, 'mutability'],
    ['a filtered add of members', { op: 'add', path: 'members[value eq "u1"]', value: { value: 'u1' } }, 'invalidPath'],
    ['a member filter on an unknown sub-attribute', { op: 'remove', path: 'members[email eq "x"]' }, 'invalidPath'],
  ])('%s is 400 %s', (_name, operation, scimType) => {
    expect(errorOf(() => patchGroup([operation]))).toMatchObject({ status: 400, scimType });
  });
});
