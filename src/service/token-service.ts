import { unauthorized } from '../scim/errors/scim-error.js';
import type { Store, TokenRecord } from '../store/store.js';
import { OperatorError } from './operator-error.js';
import { formatToken, hashTokenSecret, newTokenId, newTokenSecret, parseToken, secretMatches } from './token-format.js';

/** A token just issued: the only moment its full value exists outside the client. */
export interface IssuedToken {
  readonly id: string;
  readonly token: string;
}

/** A token as listed to operators: never its secret nor its hash. */
export interface TokenSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** Issues a new bearer token for an existing organization; only the SHA-256 of its secret is stored. */
export async function issueToken(store: Store, orgId: string, now: string): Promise<IssuedToken> {
  if (!(await store.getOrganization(orgId))) throw new OperatorError(`No organization with id '${orgId}'`);
  const parts = { id: newTokenId(), secret: newTokenSecret() };
  await store.createToken({ id: parts.id, orgId, secretHash: hashTokenSecret(parts.secret), createdAt: now, revokedAt: null });
  return { id: parts.id, token: formatToken(parts) };
}

/** The organization's tokens, revoked ones included, without secrets. */
export async function listTokens(store: Store, orgId: string): Promise<TokenSummary[]> {
  if (!(await store.getOrganization(orgId))) throw new OperatorError(`No organization with id '${orgId}'`);
  const tokens = await store.listTokens(orgId);
  return tokens.map(({ id, createdAt, revokedAt }) => ({ id, createdAt, revokedAt }));
}

/** Revokes a token of the organization; throws OperatorError when it has no such token. */
export async function revokeToken(store: Store, orgId: string, tokenId: string, now: string): Promise<void> {
  if (!(await store.revokeToken(orgId, tokenId, now))) {
    throw new OperatorError(`Organization '${orgId}' has no token with id '${tokenId}'`);
  }
}

/**
 * Checks an `Authorization` header for `orgId` (RFC 6750 §2.1). Missing, malformed, unknown, revoked and
 * other-organization tokens all get the same 401, so a caller learns nothing about which part was wrong.
 */
export async function authenticate(store: Store, orgId: string, authorization: string | undefined): Promise<void> {
  const token = bearerTokenOf(authorization);
  const parts = token === undefined ? undefined : parseToken(token);
  const record = parts && (await store.findToken(parts.id));
  if (!parts || !isUsable(record, orgId) || !secretMatches(parts.secret, record.secretHash)) {
    throw unauthorized('A valid bearer token of this organization is required');
  }
}

function isUsable(record: TokenRecord | undefined, orgId: string): record is TokenRecord {
  return record !== undefined && record.orgId === orgId && record.revokedAt === null;
}

/** The credentials of `Bearer <token>` (scheme case-insensitive), or undefined. */
function bearerTokenOf(authorization: string | undefined): string | undefined {
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '');
  return match?.[1];
}
