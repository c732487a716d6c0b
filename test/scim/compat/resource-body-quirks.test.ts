import { describe, expect, it } from 'vitest';
import { QuirkLog, type QuirkCode } from '../../../src/scim/compat/quirk.js';
import { normalizeResourceBody } from '../../../src/scim/compat/resource-body-quirks.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../../src/scim/schema/resource-types.js';
import { URN } from '../../../src/scim/schema/schema-urns.js';

const ENT = URN.enterpriseUser;

function normalize(body: unknown, type = USER_RESOURCE_TYPE): { body: unknown; quirks: readonly QuirkCode[] } {
  const quirks = new QuirkLog();
  return { body: normalizeResourceBody(type, body, quirks), quirks: quirks.codes() };
}

describe('normalizeResourceBody', () => {
  it.each([
    ['OneLogin "active": "true"', { active: 'true' }, { active: true }, ['string-boolean']],
    ['Entra "active": "False"', { active: 'False' }, { active: false }, ['string-boolean']],
    ['capitalised "Primary": "True" inside emails', { emails: [{ value: 'a@x', Primary: 'True' }] }, { emails: [{ value: 'a@x', Primary: true }] }, ['string-boolean']],
    ['OneLogin empty string for an unset parameter', { title: '', nickName: 'n' }, { title: null, nickName: 'n' }, ['empty-string']],
    ['empty string inside a complex attribute', { name: { givenName: '', familyName: 'F' } }, { name: { givenName: null, familyName: 'F' } }, ['empty-string']],
    ['Entra manager as a plain id string', { [ENT]: { manager: 'm1' } }, { [ENT]: { manager: { value: 'm1' } } }, ['manager-string']],
    ['Entra manager as an array', { [ENT]: { manager: [{ $ref: 'http://x/Users/m1', value: 'm1' }] } }, { [ENT]: { manager: { $ref: 'http://x/Users/m1', value: 'm1' } } }, ['manager-array']],
    ['OneLogin manager.managerId', { [ENT]: { manager: { managerId: 'm1', displayName: 'Boss' } } }, { [ENT]: { manager: { value: 'm1', displayName: 'Boss' } } }, ['manager-id-key']],
    ['OneLogin managerId left empty clears the manager', { [ENT]: { manager: { managerId: '' } } }, { [ENT]: { manager: null } }, ['manager-id-key', 'empty-string']],
    ['an RFC body is left exactly as it is', { userName: 'u', active: true, emails: [{ value: 'a@x', primary: true }] }, { userName: 'u', active: true, emails: [{ value: 'a@x', primary: true }] }, []],
    ['a wrong type that no quirk explains is left for the core to reject', { active: 'yes' }, { active: 'yes' }, []],
    ['unknown attributes pass through untouched', { vi_or_emacs: '' }, { vi_or_emacs: '' }, []],
  ])('%s', (_name, body, expected, quirks) => {
    const result = normalize(body);
    expect(result.body).toEqual(expected);
    expect(result.quirks).toEqual(quirks);
  });

  it('repairs the misspelt enterprise URN Entra sends in schemas and as a key', () => {
    const bad = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User';
    const result = normalize({ schemas: [URN.user, bad], [bad]: { department: 'R&D' } });
    expect(result.body).toEqual({ schemas: [URN.user, ENT], [ENT]: { department: 'R&D' } });
    expect(result.quirks).toEqual(['misspelt-schema-urn']);
  });

  it('keeps a required attribute empty so the core reports it missing', () => {
    expect(normalize({ userName: '' }).body).toEqual({ userName: '' });
    expect(normalize({ displayName: '' }, GROUP_RESOURCE_TYPE).body).toEqual({ displayName: '' });
  });

  it('leaves non-object bodies alone', () => {
    expect(normalize('text').body).toBe('text');
    expect(normalize([1]).body).toEqual([1]);
  });
});
