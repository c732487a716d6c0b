import { findAttribute, type SchemaDefinition } from '../schema/attribute-definition.js';
import { COMMON_ATTRIBUTES } from '../schema/common-attributes.js';
import type { ResourceType } from '../schema/resource-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../resource/json.js';
import { normalizeAttributeValue } from './attribute-value-quirks.js';
import type { QuirkLog } from './quirk.js';
import { repairSchemaUrn } from './schema-urn-repair.js';

/**
 * Normalises a POST/PUT body sent by an IdP into the strict form the core validates (see QUIRKS). Anything
 * that is not a known quirk passes through unchanged, so the core's errors stay the RFC's.
 */
export function normalizeResourceBody(type: ResourceType, body: unknown, quirks: QuirkLog): unknown {
  if (!isJsonObject(body)) return body;
  const result: JsonObject = {};
  for (const [rawKey, value] of Object.entries(body)) {
    const key = repairSchemaUrn(rawKey, quirks);
    if (key.toLowerCase() === 'schemas' && Array.isArray(value)) {
      result[key] = value.map((urn) => (typeof urn === 'string' ? repairSchemaUrn(urn, quirks) : urn));
      continue;
    }
    const extension = type.extensions.find((ext) => ext.schema.id.toLowerCase() === key.toLowerCase());
    result[key] = extension ? normalizeExtension(extension.schema, value, quirks) : normalizeCore(type, key, value, quirks);
  }
  return result;
}

function normalizeCore(type: ResourceType, key: string, value: JsonValue, quirks: QuirkLog): JsonValue {
  const definition =
    findAttribute(type.schema, key) ?? COMMON_ATTRIBUTES.find((attr) => attr.name.toLowerCase() === key.toLowerCase());
  return definition ? normalizeAttributeValue(definition, value, quirks) : value;
}

/** Normalises the attributes inside an extension object (`"urn:…:enterprise:2.0:User": {…}`). */
export function normalizeExtension(schema: SchemaDefinition, value: JsonValue, quirks: QuirkLog): JsonValue {
  if (!isJsonObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    const definition = findAttribute(schema, key);
    result[key] = definition ? normalizeAttributeValue(definition, inner, quirks) : inner;
  }
  return result;
}
