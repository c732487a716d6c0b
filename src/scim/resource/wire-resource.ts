import { COMMON_ATTRIBUTES } from '../schema/common-attributes.js';
import type { ResourceType } from '../schema/resource-types.js';
import { projectResource, type Projection } from './attribute-projection.js';
import { isJsonObject, type JsonObject } from './json.js';
import { putReferences } from './resource-references.js';

const META_ORDER = COMMON_ATTRIBUTES.find((attr) => attr.name === 'meta')?.subAttributes?.map((sub) => sub.name) ?? [];

/** Keys the wire form places itself, ahead of (and, for meta, after) the resource's other attributes. */
const PLACED_KEYS = new Set(['schemas', 'id', 'externalId', 'meta']);

/**
 * The resource as sent to clients: `schemas` first (core + extensions present), then id and externalId, the
 * other attributes in stored order, meta with its location last; $ref on members/groups/manager; then the
 * projection. Built in one copy of the resource: reads of a page of 100 users do this 100 times.
 */
export function toWireResource(type: ResourceType, resource: JsonObject, baseUrl: string, projection: Projection): JsonObject {
  const base = baseUrl.endsWith('/') ? baseUrl.replace(/\/+$/, '') : baseUrl;
  const { id, externalId, meta } = resource;
  const wire: JsonObject = { schemas: schemasPresent(type, resource) };
  if (id !== undefined) wire['id'] = id;
  if (externalId !== undefined) wire['externalId'] = externalId;
  for (const key of Object.keys(resource)) {
    if (!PLACED_KEYS.has(key)) wire[key] = resource[key]!;
  }
  const location = typeof id === 'string' ? `${base}${type.endpoint}/${id}` : undefined;
  if (isJsonObject(meta) || location !== undefined) wire['meta'] = withLocation(isJsonObject(meta) ? meta : {}, location);
  putReferences(type, wire, base);
  return projectResource(type, wire, projection);
}

/** RFC 7643 §3: `schemas` names the core schema and each extension the resource actually has values for. */
function schemasPresent(type: ResourceType, resource: JsonObject): string[] {
  const extensions = type.extensions
    .map(({ schema }) => schema.id)
    .filter((urn) => {
      const values = resource[urn];
      return isJsonObject(values) && Object.keys(values).length > 0;
    });
  return [type.schema.id, ...extensions];
}

/** RFC 7643 §3.1 `meta.location`: the resource's URI, which only the public base URL can tell; meta in RFC order. */
function withLocation(meta: JsonObject, location: string | undefined): JsonObject {
  const ordered: JsonObject = {};
  for (const name of META_ORDER) {
    const value = name === 'location' && location !== undefined ? location : meta[name];
    if (value !== undefined) ordered[name] = value;
  }
  return ordered;
}
