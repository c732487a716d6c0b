import type { JsonObject } from '../resource/json.js';
import { RESOURCE_TYPES, type ResourceType } from '../schema/resource-types.js';
import { URN } from '../schema/schema-urns.js';
import { listResponse } from '../list/list-response.js';

/** RFC 7644 §4: GET /ResourceTypes, a ListResponse of every ResourceType resource. */
export function resourceTypesResponse(baseUrl: string): JsonObject {
  const documents = RESOURCE_TYPES.map((type) => resourceTypeDocument(type, baseUrl));
  return listResponse(documents, documents.length, 1);
}

/** GET /ResourceTypes/{id}; ids are matched case-insensitively. Undefined when there is no such type. */
export function resourceTypeResource(id: string, baseUrl: string): JsonObject | undefined {
  const type = RESOURCE_TYPES.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
  return type && resourceTypeDocument(type, baseUrl);
}

/** RFC 7643 §6: one resource type; `schemaExtensions` only when it has extensions, as in the §8.6 example. */
function resourceTypeDocument(type: ResourceType, baseUrl: string): JsonObject {
  const base = baseUrl.replace(/\/+$/, '');
  const extensions = type.extensions.map(({ schema, required }) => ({ schema: schema.id, required }));
  return {
    schemas: [URN.resourceType],
    id: type.id,
    name: type.name,
    endpoint: type.endpoint,
    description: type.description,
    schema: type.schema.id,
    ...(extensions.length > 0 ? { schemaExtensions: extensions } : {}),
    meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/${type.id}` },
  };
}
