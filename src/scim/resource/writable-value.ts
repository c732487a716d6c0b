import { findSubAttribute, type AttributeDefinition } from '../schema/attribute-definition.js';
import { canonicalValue, type CanonicalizeReport } from './attribute-value.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/**
 * The value a client may write to `definition`: canonicalised and type-checked, with readOnly parts dropped.
 * RFC 7643 §7: values of readOnly attributes in a request "SHALL be ignored", so they are not even type-checked.
 * Returns undefined when nothing writable remains (an unassigned attribute).
 */
export function writableValue(
  definition: AttributeDefinition,
  value: JsonValue,
  where: string,
  report: CanonicalizeReport,
): JsonValue | undefined {
  if (definition.mutability === 'readOnly') return undefined;
  if (definition.type !== 'complex') return canonicalValue(definition, value, where, report);
  const writable = withoutReadOnlySubs(definition, value);
  return canonicalValue(definition, writable, where, report);
}

/** Drops readOnly sub-attributes (members.display, manager.displayName) before type checks see them. */
function withoutReadOnlySubs(definition: AttributeDefinition, value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map((item) => withoutReadOnlySubs(definition, item));
  if (!isJsonObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, subValue] of Object.entries(value)) {
    const sub = findSubAttribute(definition, key);
    if (sub?.mutability !== 'readOnly') result[key] = subValue;
  }
  return result;
}
