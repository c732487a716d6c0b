import type { FastifyRequest } from 'fastify';
import type { WriteConditions } from '../store/store.js';

/** The opaque part of an entity tag: weak comparison (RFC 9110 §8.8.3.2) treats `W/"3"` and `"3"` alike. */
function opaqueTag(etag: string): string {
  const trimmed = etag.trim();
  return trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed;
}

/** The write preconditions of a PUT/PATCH/DELETE: its `If-Match` header (RFC 7644 §3.14), checked by the store. */
export function writeConditionsOf(request: FastifyRequest): WriteConditions {
  const ifMatch = request.headers['if-match'];
  return typeof ifMatch === 'string' && ifMatch.trim() !== '' ? { ifMatch } : {};
}

/** True when a GET's `If-None-Match` names `version` (or is `*`): the client's copy is current, answer 304. */
export function isNotModified(request: FastifyRequest, version: string | undefined): boolean {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string' || version === undefined) return false;
  if (header.trim() === '*') return true;
  const current = opaqueTag(version);
  return header.split(',').some((tag) => opaqueTag(tag) === current);
}
