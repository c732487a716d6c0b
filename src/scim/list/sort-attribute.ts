import { invalidValue } from '../errors/scim-error.js';
import { findSubAttribute } from '../schema/attribute-definition.js';
import { resolveAttribute, splitAttributeName, type ResolvedAttribute } from '../schema/attribute-resolver.js';
import type { ResourceType } from '../schema/resource-types.js';

/**
 * Binds `sortBy` (RFC 7644 §3.4.2.3). The RFC says nothing of unknown names; silently ignoring one would return
 * an order the client did not ask for, so it is 400 invalidValue. A multi-valued complex attribute sorts by its
 * `value` (the RFC's "primary value" rule is the store's job); a single-valued complex one must name a
 * sub-attribute ("sortBy=name.givenName"). `returned: never` attributes (password) cannot be sorted on: the
 * order would leak them.
 */
export function resolveSortBy(type: ResourceType, text: string): ResolvedAttribute {
  const resolved = resolveAttribute(type, splitAttributeName(type, text.trim()));
  if (!resolved) throw invalidValue(`'sortBy' names no attribute of ${type.name}: ${JSON.stringify(text)}`);
  if (resolved.leaf.returned === 'never') throw invalidValue(`'sortBy' cannot name the attribute '${resolved.key}'`);
  if (resolved.leaf.type !== 'complex') return resolved;
  const value = resolved.attribute.multiValued ? findSubAttribute(resolved.attribute, 'value') : undefined;
  if (!value) throw invalidValue(`'sortBy' must name a sub-attribute of the complex attribute '${resolved.key}'`);
  return { ...resolved, sub: value, leaf: value, key: `${resolved.key}.${value.name}` };
}

/** `sortOrder`: "ascending" or "descending", case-insensitive, ascending by default (RFC 7644 §3.4.2.3). */
export function parseSortOrder(text: string | undefined): 'ascending' | 'descending' {
  if (text === undefined) return 'ascending';
  const lower = text.trim().toLowerCase();
  if (lower === 'ascending' || lower === 'descending') return lower;
  throw invalidValue(`'sortOrder' must be "ascending" or "descending", got ${JSON.stringify(text)}`);
}
