import { describe, expect, it } from 'vitest';
import {
  formatToken,
  hashTokenSecret,
  newTokenId,
  newTokenSecret,
  parseToken,
  secretMatches,
} from '../../src/service/token-format.js';

describe('bearer token format', () => {
  it('round-trips id and secret even when the base64url secret contains underscores', () => {
    for (let round = 0; round < 200; round++) {
      const parts = { id: newTokenId(), secret: newTokenSecret() };
      expect(parseToken(formatToken(parts))).toEqual(parts);
    }
    expect(parseToken('rst_abc123_se_cr_et')).toEqual({ id: 'abc123', secret: 'se_cr_et' });
  });

  it('makes 256-bit secrets and ids without the separator', () => {
    expect(Buffer.from(newTokenSecret(), 'base64url')).toHaveLength(32);
    expect(newTokenId()).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each(['', 'rst_', 'rst_abc', 'xyz_abc_secret', 'rst_ABC_secret', 'rst_abc_sec ret', 'rst_abc_sec.ret'])(
    'rejects the malformed token %j',
    (token) => {
      expect(parseToken(token)).toBeUndefined();
    },
  );

  it('stores only the SHA-256 hex of the secret and compares it', () => {
    const hash = hashTokenSecret('s3cret');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('s3cret');
    expect(secretMatches('s3cret', hash)).toBe(true);
    expect(secretMatches('s3cret!', hash)).toBe(false);
    expect(secretMatches('s3cret', 'abcd')).toBe(false);
  });
});
