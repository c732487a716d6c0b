import { COMMON_ATTRIBUTES } from '../schema/common-attributes.js';
import type { ResourceType } from '../schema/resource-types.js';
import { projectResource, type Projection } from './attribute-projection.js';
import { isJsonObject, type JsonObject } from './json.js';
import { withReferences } from './resource-references.js';

const META_ORDER = COMMON_ATTRIBUTES.find((attr) => attr.name === 'meta')?.subAttributes?.map((sub) => sub.name) ?? [];

/**
 * The resource as sent to clients: `schemas` first (core + extensions present), meta.location, $ref on
 * members/groups/manager, then projection applied.
 */
export function toWireResource(type: ResourceType, resource: JsonObject, baseUrl: string, projection: Projection): JsonObject {
  const base = baseUrl.replace(/\/+$/, '');
  const { schemas: _stored, id, externalId, meta, ...rest } = withReferences(type, resource, base);
  const wire: JsonObject = { schemas: schemasPresent(type, resource) };
  if (id !== undefined) wire['id'] = id;
  if (externalId !== undefined) wire['externalId'] = externalId;
  Object.assign(wire, rest);
  const location = typeof id === 'string' ? `${base}${type.endpoint}/${id}` : undefined;
  if (isJsonObject(meta) || location !== undefined) wire['meta'] = withLocation(isJsonObject(meta) ? meta : {}, location);
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

/** RFC 7643 §3.1 `meta.location`: the resource's URI, which only the public base URL can tell. */
function withLocation(meta: JsonObject, location: string | undefined): JsonObject {
  const withUri: JsonObject = location === undefined ? meta : { ...meta, location };
  const ordered: JsonObject = {};
  for (const name of META_ORDER) {
    const value = withUri[name];
    if (value !== undefined) ordered[name] = value;
  }
  return ordered;
}
