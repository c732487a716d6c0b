import { preconditionFailed } from '../scim/errors/scim-error.js';
import type { WriteConditions } from './store.js';

/** `meta.version` as a weak ETag (RFC 7644 §3.14): `W/"<n>"`, n counting the resource's writes. */
export function formatVersion(version: number): string {
  return `W/"${version}"`;
}

/** The opaque tag of an entity tag, so `W/"3"` and `"3"` name the same version (weak comparison). */
function opaqueTag(etag: string): string {
  const trimmed = etag.trim();
  return trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed;
}

/** Throws 412 when `conditions.ifMatch` names another version than `version` (RFC 7644 §3.14; `*` matches). */
export function checkIfMatch(conditions: WriteConditions, version: number): void {
  const wanted = conditions.ifMatch;
  if (wanted === undefined || wanted.trim() === '*') return;
  const current = opaqueTag(formatVersion(version));
  const matches = wanted.split(',').some((tag) => opaqueTag(tag) === current);
  if (!matches) {
    throw preconditionFailed(`The resource is at version ${formatVersion(version)}, not ${wanted}`);
  }
}
