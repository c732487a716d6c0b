import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/service/password-hasher.js';
import { hashPasswordsIn, passwordHashFor, passwordValuesIn } from '../../src/service/request-passwords.js';
import { ScimError } from '../../src/scim/errors/scim-error.js';

describe('passwordValuesIn', () => {
  it.each([
    ['a POST body', { userName: 'a', password: 'p1' }, ['p1']],
    ['a body with the key in another case', { PassWord: 'p1' }, ['p1']],
    ['a PATCH with a path', { Operations: [{ op: 'replace', path: 'password', value: 'p2' }] }, ['p2']],
    [
      'a PATCH with a URN path',
      { Operations: [{ op: 'replace', path: 'urn:ietf:params:scim:schemas:core:2.0:User:password', value: 'p3' }] },
      ['p3'],
    ],
    ['a PATCH without a path', { Operations: [{ op: 'replace', value: { password: 'p4', active: true } }] }, ['p4']],
    ['a body without one', { userName: 'a', name: { givenName: 'password' } }, []],
    ['a non-object', 'password', []],
  ])('finds the passwords of %s', (_label, request, expected) => {
    expect(passwordValuesIn(request)).toEqual(expected);
  });
});

describe('password hashing', () => {
  it('hashes with scrypt, a fresh salt each time, and never keeps the plaintext', async () => {
    const first = await hashPassword('correct horse');
    const second = await hashPassword('correct horse');
    expect(first).toMatch(/^scrypt\$N=16384,r=8,p=1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('correct horse');
  });

  it('maps each pre-scanned plaintext to its hash; undefined keeps, null clears, unseen is refused', async () => {
    const hashes = await hashPasswordsIn({ password: 'p1' });
    expect(passwordHashFor('p1', hashes)).toMatch(/^scrypt\$/);
    expect(passwordHashFor(undefined, hashes)).toBeUndefined();
    expect(passwordHashFor(null, hashes)).toBeNull();
    expect(() => passwordHashFor('other', hashes)).toThrow(ScimError);
  });
});
