import { describe, expect, it } from 'vitest';
import { MAX_PATCH_OPERATIONS, readPatchRequest } from '../../src/scim/patch/patch-request.js';
import { URN } from '../../src/scim/schema/schema-urns.js';
import { errorOf } from './scim-error-of.js';

const SCHEMAS = [URN.patchOp];

describe('readPatchRequest: the PatchOp envelope (RFC 7644 §3.5.2)', () => {
  it.each([
    ['a body that is not an object', []],
    ['a body without schemas', { Operations: [{ op: 'add', path: 'title', value: 'x' }] }],
    ['schemas without the PatchOp URN', { schemas: [URN.user], Operations: [{ op: 'add', path: 'title', value: 'x' }] }],
    ['schemas as a string', { schemas: URN.patchOp, Operations: [{ op: 'add', path: 'title', value: 'x' }] }],
    ['no Operations', { schemas: SCHEMAS }],
    ['empty Operations', { schemas: SCHEMAS, Operations: [] }],
    ['Operations as an object', { schemas: SCHEMAS, Operations: { op: 'add' } }],
    ['an operation that is not an object', { schemas: SCHEMAS, Operations: ['add'] }],
    ['an unknown op', { schemas: SCHEMAS, Operations: [{ op: 'move', path: 'title', value: 'x' }] }],
    ['a missing op', { schemas: SCHEMAS, Operations: [{ path: 'title', value: 'x' }] }],
    ['an op that is not a string', { schemas: SCHEMAS, Operations: [{ op: 1, path: 'title', value: 'x' }] }],
    ['a path that is not a string', { schemas: SCHEMAS, Operations: [{ op: 'add', path: 3, value: 'x' }] }],
    ['add without value (§3.5.2.1: MUST contain a value)', { schemas: SCHEMAS, Operations: [{ op: 'add', path: 'title' }] }],
    ['replace without value (§3.5.2.3)', { schemas: SCHEMAS, Operations: [{ op: 'replace', path: 'title' }] }],
  ])('%s is 400 invalidSyntax', (_name, body) => {
    expect(errorOf(() => readPatchRequest(body))).toMatchObject({ status: 400, scimType: 'invalidSyntax' });
  });

  it.each([
    ['add', 'add'],
    ['Add', 'add'],
    ['REPLACE', 'replace'],
    ['Remove', 'remove'],
  ])('op "%s" is read case-insensitively as %s (Entra sends Add/Replace/Remove)', (written, expected) => {
    const operation = expected === 'remove' ? { op: written, path: 'title' } : { op: written, path: 'title', value: 'x' };
    expect(readPatchRequest({ schemas: SCHEMAS, Operations: [operation] })[0]?.op).toBe(expected);
  });

  it('accepts the PatchOp URN in any case and keeps path and value as sent', () => {
    const operations = readPatchRequest({
      schemas: [URN.patchOp.toUpperCase()],
      Operations: [{ op: 'replace', path: 'nickName', value: null }, { op: 'remove', path: 'title' }],
    });
    expect(operations).toEqual([
      { op: 'replace', path: 'nickName', value: null },
      { op: 'remove', path: 'title' },
    ]);
  });

  it(`accepts ${MAX_PATCH_OPERATIONS} operations and refuses one more with 400 tooMany`, () => {
    const operation = { op: 'add', path: 'title', value: 'x' };
    const allowed = Array.from({ length: MAX_PATCH_OPERATIONS }, () => operation);
    expect(readPatchRequest({ schemas: SCHEMAS, Operations: allowed })).toHaveLength(MAX_PATCH_OPERATIONS);
    const error = errorOf(() => readPatchRequest({ schemas: SCHEMAS, Operations: [...allowed, operation] }));
    expect(error).toMatchObject({ status: 400, scimType: 'tooMany' });
  });
});
