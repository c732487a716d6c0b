import type { AttributeDefinition } from '../schema/attribute-definition.js';
import { findSubAttribute } from '../schema/attribute-definition.js';
import { ENTERPRISE_USER_SCHEMA } from '../schema/enterprise-user-schema.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../resource/json.js';
import type { QuirkLog } from './quirk.js';

const MANAGER = ENTERPRISE_USER_SCHEMA.attributes.find((attr) => attr.name === 'manager');

/**
 * Rewrites the IdP variants of one attribute's value into what the strict core accepts: string booleans
 * become booleans, empty strings become null (unassigned), and the enterprise `manager` takes its RFC shape.
 * Values of the wrong type that no quirk explains are left as they are, for the core to reject.
 */
export function normalizeAttributeValue(
  definition: AttributeDefinition,
  value: JsonValue,
  quirks: QuirkLog,
): JsonValue {
  if (definition === MANAGER) return normalizeManager(value, quirks);
  if (definition.multiValued && Array.isArray(value)) {
    return value.map((item) => normalizeSingle(definition, item, quirks));
  }
  return normalizeSingle(definition, value, quirks);
}

function normalizeSingle(definition: AttributeDefinition, value: JsonValue, quirks: QuirkLog): JsonValue {
  if (value === '' && !definition.required) {
    quirks.add('empty-string');
    return null;
  }
  if (definition.type === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value)) {
    quirks.add('string-boolean');
    return value.toLowerCase() === 'true';
  }
  if (definition.type === 'complex' && isJsonObject(value)) return normalizeComplex(definition, value, quirks);
  return value;
}

function normalizeComplex(definition: AttributeDefinition, value: JsonObject, quirks: QuirkLog): JsonObject {
  const result: JsonObject = {};
  for (const [key, subValue] of Object.entries(value)) {
    const sub = findSubAttribute(definition, key);
    result[key] = sub ? normalizeAttributeValue(sub, subValue, quirks) : subValue;
  }
  return result;
}

/** Entra sends the manager as a bare id or an array; OneLogin as `{"managerId": …}`. The RFC shape is `{value}`. */
function normalizeManager(value: JsonValue, quirks: QuirkLog): JsonValue {
  if (typeof value === 'string') {
    quirks.add('manager-string');
    return value === '' ? null : { value };
  }
  if (Array.isArray(value)) {
    quirks.add('manager-array');
    const first = value[0];
    return first === undefined ? null : normalizeManager(first, quirks);
  }
  if (!isJsonObject(value)) return value;
  const { managerId, ...rest } = value;
  if (managerId !== undefined) {
    quirks.add('manager-id-key');
    if (rest['value'] === undefined) rest['value'] = managerId ?? null;
  }
  if (rest['value'] === '' || rest['value'] === null) {
    if (rest['value'] === '') quirks.add('empty-string');
    return null;
  }
  return rest;
}
