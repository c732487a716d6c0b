import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { authenticate } from '../service/token-service.js';
import type { Store } from '../store/store.js';

/** The `:orgId` every SCIM route is mounted under. */
export interface OrgParams {
  readonly orgId: string;
}

/** The organization a SCIM request addresses. */
export function orgIdOf(request: FastifyRequest): string {
  return (request.params as OrgParams).orgId;
}

/**
 * An onRequest hook: the request must carry a bearer token of the organization in its URL (RFC 7644 §2). It
 * runs before the body is read, so unauthenticated clients cannot make the server parse anything.
 */
export function bearerAuth(store: Store): onRequestAsyncHookHandler {
  return async (request) => {
    await authenticate(store, orgIdOf(request), request.headers.authorization);
  };
}
