import type { JsonObject } from '../resource/json.js';
import type { AttributeDefinition, SchemaDefinition } from '../schema/attribute-definition.js';
import { ALL_SCHEMAS } from '../schema/resource-types.js';
import { URN } from '../schema/schema-urns.js';
import { listResponse } from '../list/list-response.js';

/** RFC 7644 §4: GET /Schemas, a ListResponse of every Schema resource this server uses. */
export function schemasResponse(baseUrl: string): JsonObject {
  const documents = ALL_SCHEMAS.map((schema) => schemaDocument(schema, baseUrl));
  return listResponse(documents, documents.length, 1);
}

/** GET /Schemas/{urn}; URNs are matched case-insensitively. Undefined when there is no such schema. */
export function schemaResource(id: string, baseUrl: string): JsonObject | undefined {
  const schema = ALL_SCHEMAS.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
  return schema && schemaDocument(schema, baseUrl);
}

/** RFC 7643 §7: the schema rendered from its in-code definition, the same one validation uses. */
function schemaDocument(schema: SchemaDefinition, baseUrl: string): JsonObject {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    schemas: [URN.schema],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(attributeDocument),
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${schema.id}` },
  };
}

/** Every characteristic of RFC 7643 §7, in its order; optional ones only when defined (never null). */
function attributeDocument(attribute: AttributeDefinition): JsonObject {
  return {
    name: attribute.name,
    type: attribute.type,
    multiValued: attribute.multiValued,
    description: attribute.description,
    required: attribute.required,
    ...(attribute.canonicalValues ? { canonicalValues: [...attribute.canonicalValues] } : {}),
    caseExact: attribute.caseExact,
    mutability: attribute.mutability,
    returned: attribute.returned,
    uniqueness: attribute.uniqueness,
    ...(attribute.referenceTypes ? { referenceTypes: [...attribute.referenceTypes] } : {}),
    ...(attribute.subAttributes ? { subAttributes: attribute.subAttributes.map(attributeDocument) } : {}),
  };
}
