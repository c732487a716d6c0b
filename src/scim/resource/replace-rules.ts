import { mutability } from '../errors/scim-error.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';
import { COMMON_ATTRIBUTES } from '../schema/common-attributes.js';
import type { ResourceType } from '../schema/resource-types.js';
import { sameAttributeValue } from './attribute-equality.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/**
 * RFC 7644 §3.5.1 (PUT): `id` is readOnly and normally ignored, but an `id` that names another resource means the
 * client is replacing the wrong one; silently ignoring it would hide that, so it is 400 mutability (the error
 * RFC 7644 §3.12 shows for "Attribute 'id' is readOnly" in a PUT).
 */
export function checkSentId(current: JsonObject, sentId: JsonValue | undefined): void {
  if (sentId === undefined || sentId === null || sentId === current['id']) return;
  throw mutability(`Attribute 'id' is readOnly: the body's id ${JSON.stringify(sentId)} is not this resource's id`);
}

/**
 * Completes a replacement (RFC 7644 §3.5.1): readOnly attributes keep their current values (id, meta, groups),
 * immutable ones that have a value must be given unchanged (else 400 mutability) or are kept, and every other
 * attribute is exactly what the body gave (so attributes left out are cleared).
 */
export function applyReplaceRules(type: ResourceType, current: JsonObject, next: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const definition of [...COMMON_ATTRIBUTES, ...type.schema.attributes]) {
    const value = mergedValue(definition, current[definition.name], next[definition.name], definition.name);
    if (value !== undefined) result[definition.name] = value;
  }
  for (const { schema } of type.extensions) {
    const extension = mergeExtension(schema.attributes, current[schema.id], next[schema.id], schema.id);
    if (extension !== undefined) result[schema.id] = extension;
  }
  return result;
}

function mergeExtension(
  definitions: readonly AttributeDefinition[],
  current: JsonValue | undefined,
  next: JsonValue | undefined,
  urn: string,
): JsonObject | undefined {
  const before = isJsonObject(current) ? current : {};
  const after = isJsonObject(next) ? next : {};
  const result: JsonObject = {};
  for (const definition of definitions) {
    const value = mergedValue(definition, before[definition.name], after[definition.name], `${urn}:${definition.name}`);
    if (value !== undefined) result[definition.name] = value;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

function mergedValue(
  definition: AttributeDefinition,
  current: JsonValue | undefined,
  next: JsonValue | undefined,
  where: string,
): JsonValue | undefined {
  if (definition.mutability === 'readOnly') return current;
  if (definition.mutability !== 'immutable' || current === undefined) return next;
  // RFC 7643 §7 "immutable": set once, then never updated; leaving it out of a PUT is not a change.
  if (next !== undefined && !sameAttributeValue(definition, current, next)) {
    throw mutability(`Attribute '${where}' is immutable and already has a value; it cannot be changed`);
  }
  return current;
}
