import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'rst_';

/** A bearer token split into the id the store looks it up by and the secret only the client knows. */
export interface TokenParts {
  readonly id: string;
  readonly secret: string;
}

/** A new random token id: hex, so it never contains the `_` that separates the parts. */
export function newTokenId(): string {
  return randomBytes(8).toString('hex');
}

/** A new 256-bit random secret, base64url (which may contain `_`: it is always the last part). */
export function newTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The token as handed to the client once: `rst_<id>_<secret>`. */
export function formatToken(parts: TokenParts): string {
  return `${PREFIX}${parts.id}_${parts.secret}`;
}

/** The parts of a token, or undefined when it does not have the `rst_<hex id>_<base64url secret>` form. */
export function parseToken(token: string): TokenParts | undefined {
  const match = /^rst_([0-9a-f]{1,64})_([A-Za-z0-9_-]{1,128})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

/** What the store keeps instead of the secret: its SHA-256, hex. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored hash in constant time (no early exit an attacker could time). */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashTokenSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
