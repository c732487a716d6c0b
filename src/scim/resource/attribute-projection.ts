import { findAttribute, findSubAttribute, type AttributeDefinition } from '../schema/attribute-definition.js';
import { resolveAttribute, splitAttributeName, type ResolvedAttribute } from '../schema/attribute-resolver.js';
import { COMMON_ATTRIBUTES } from '../schema/common-attributes.js';
import { schemasOf, type ResourceType } from '../schema/resource-types.js';
import type { ReadOptions } from '../../store/store.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/**
 * The `attributes` / `excludedAttributes` of a request (RFC 7644 §3.4.2.5), bound to definitions. At most one
 * of the two is set. An empty list is meaningful: `attributes` naming only unknown attributes returns only the
 * `returned: always` ones.
 */
export interface Projection {
  readonly attributes?: readonly ResolvedAttribute[];
  readonly excludedAttributes?: readonly ResolvedAttribute[];
}

/**
 * Binds the comma-separated attribute lists of a request. Names are case-insensitive and may be URN-qualified
 * or name a sub-attribute; a bare schema URN stands for all of that schema's attributes; unknown names are
 * ignored. RFC 7644 §3.4.2.5 lets clients use "one of these two" parameters without saying what to do with
 * both: `attributes` is the more specific request, so it wins and `excludedAttributes` is dropped.
 */
export function parseProjection(
  type: ResourceType,
  attributes: string | undefined,
  excludedAttributes: string | undefined,
): Projection {
  if (attributes !== undefined && attributes.trim() !== '') return { attributes: resolveList(type, attributes) };
  if (excludedAttributes !== undefined && excludedAttributes.trim() !== '') {
    return { excludedAttributes: resolveList(type, excludedAttributes) };
  }
  return {};
}

function resolveList(type: ResourceType, list: string): ResolvedAttribute[] {
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .flatMap((name) => resolveName(type, name));
}

function resolveName(type: ResourceType, name: string): ResolvedAttribute[] {
  const path = splitAttributeName(type, name);
  if (path.attribute !== '') {
    const resolved = resolveAttribute(type, path);
    return resolved ? [resolved] : [];
  }
  const schema = schemasOf(type).find((candidate) => candidate.id.toLowerCase() === path.uri?.toLowerCase());
  if (!schema) return [];
  const names = schema === type.schema ? [...COMMON_ATTRIBUTES, ...schema.attributes] : schema.attributes;
  return names
    .map((definition) => resolveAttribute(type, { uri: schema.id, attribute: definition.name }))
    .filter((r): r is ResolvedAttribute => r !== undefined);
}

/** Which sub-attributes of a returned complex attribute survive; `undefined` when the attribute is not returned. */
type SubFilter = ((sub: AttributeDefinition) => boolean) | undefined;

/**
 * RFC 7643 §7 `returned` against the request: never → never; always → always; request → only when named in
 * `attributes`; default → unless `attributes` leaves it out or `excludedAttributes` names it. Naming
 * sub-attributes keeps (or removes) just those sub-attributes.
 */
function selectionFor(definition: AttributeDefinition, projection: Projection): SubFilter {
  if (definition.returned === 'never') return undefined;
  const visible = (sub: AttributeDefinition): boolean => sub.returned !== 'never';
  if (definition.returned === 'always') return visible;
  if (projection.attributes) {
    const named = projection.attributes.filter((r) => r.attribute === definition);
    if (named.length === 0) return undefined;
    if (named.some((r) => r.sub === undefined)) return visible;
    const subs = new Set(named.map((r) => r.sub));
    return (sub) => visible(sub) && (sub.returned === 'always' || subs.has(sub));
  }
  if (definition.returned === 'request') return undefined;
  const excluded = (projection.excludedAttributes ?? []).filter((r) => r.attribute === definition);
  if (excluded.some((r) => r.sub === undefined)) return undefined;
  const subs = new Set(excluded.map((r) => r.sub));
  return (sub) => visible(sub) && sub.returned !== 'request' && (sub.returned === 'always' || !subs.has(sub));
}

/** The resource as the client asked to see it. `schemas` is always kept; keys no schema defines are dropped. */
export function projectResource(type: ResourceType, resource: JsonObject, projection: Projection): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    const projected = key === 'schemas' ? value : projectTopLevel(type, key, value, projection);
    if (projected !== undefined) result[key] = projected;
  }
  return result;
}

function projectTopLevel(type: ResourceType, key: string, value: JsonValue, projection: Projection): JsonValue | undefined {
  const extension = type.extensions.find(({ schema }) => schema.id === key)?.schema;
  if (!extension) {
    const definition = findAttribute(type.schema, key) ?? COMMON_ATTRIBUTES.find((common) => common.name === key);
    return definition && projectValue(definition, value, selectionFor(definition, projection));
  }
  if (!isJsonObject(value)) return undefined;
  const result: JsonObject = {};
  for (const [name, attributeValue] of Object.entries(value)) {
    const definition = findAttribute(extension, name);
    const projected = definition && projectValue(definition, attributeValue, selectionFor(definition, projection));
    if (projected !== undefined) result[name] = projected;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

function projectValue(definition: AttributeDefinition, value: JsonValue, keep: SubFilter): JsonValue | undefined {
  if (!keep) return undefined;
  if (definition.type !== 'complex') return value;
  if (!Array.isArray(value)) return projectComplex(definition, value, keep);
  const items = value
    .map((item) => projectComplex(definition, item, keep))
    .filter((item): item is JsonObject => item !== undefined);
  return items.length === 0 ? undefined : items;
}

function projectComplex(
  definition: AttributeDefinition,
  value: JsonValue,
  keep: (sub: AttributeDefinition) => boolean,
): JsonObject | undefined {
  if (!isJsonObject(value)) return undefined;
  const result: JsonObject = {};
  for (const [name, subValue] of Object.entries(value)) {
    const sub = findSubAttribute(definition, name);
    if (sub && keep(sub)) result[name] = subValue;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

/**
 * Which derived, possibly huge parts a read must load: Group.members and User.groups only when the projection
 * returns them (`excludedAttributes=members` spares loading 100k members).
 */
export function readOptionsFor(type: ResourceType, projection: Projection): ReadOptions {
  return {
    members: type.id === 'Group' && isReturned(type, 'members', projection),
    groups: type.id === 'User' && isReturned(type, 'groups', projection),
  };
}

function isReturned(type: ResourceType, name: string, projection: Projection): boolean {
  const definition = findAttribute(type.schema, name);
  return definition !== undefined && selectionFor(definition, projection) !== undefined;
}
