import { sameAttributeValue } from '../resource/attribute-equality.js';
import { isJsonObject, type JsonValue } from '../resource/json.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';
import { keepOnePrimary } from './primary-value.js';

/**
 * The value of an attribute after `add` (RFC 7644 §3.5.2.1) of the canonical value `added`: a multi-valued
 * attribute gains the elements it does not already hold, a complex one gains or overwrites the sub-attributes
 * given, a simple one takes the new value. An unassigned `added` changes nothing.
 */
export function valueAfterAdd(
  definition: AttributeDefinition,
  before: JsonValue | undefined,
  added: JsonValue | undefined,
  where: string,
): JsonValue | undefined {
  if (added === undefined) return before;
  if (definition.multiValued) return appended(definition, asArray(before), asArray(added), where);
  return merged(definition, before, added);
}

/**
 * The value of an attribute after `replace` (RFC 7644 §3.5.2.3) with the canonical value `replacement`: a
 * multi-valued attribute takes exactly the new elements, a complex one has the given sub-attributes replaced
 * and the others "left unchanged", a simple one takes the new value. An unassigned replacement clears.
 */
export function valueAfterReplace(
  definition: AttributeDefinition,
  before: JsonValue | undefined,
  replacement: JsonValue | undefined,
): JsonValue | undefined {
  if (replacement === undefined || definition.multiValued) return replacement;
  return merged(definition, before, replacement);
}

/** True when `a` and `b` are the same element of the multi-valued `definition` (strings per caseExact). */
export function sameElement(definition: AttributeDefinition, a: JsonValue, b: JsonValue): boolean {
  return sameAttributeValue(definition, [a], [b]);
}

function appended(definition: AttributeDefinition, before: JsonValue[], added: JsonValue[], where: string): JsonValue[] {
  const result = [...before];
  const written = new Set<JsonValue>();
  for (const element of added) {
    if (result.some((existing) => sameElement(definition, existing, element))) continue;
    result.push(element);
    written.add(element);
  }
  return keepOnePrimary(result, written, where);
}

function merged(definition: AttributeDefinition, before: JsonValue | undefined, value: JsonValue): JsonValue {
  if (definition.type !== 'complex' || !isJsonObject(value)) return value;
  return isJsonObject(before) ? { ...before, ...value } : value;
}

function asArray(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
