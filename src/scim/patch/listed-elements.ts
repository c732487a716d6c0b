import { invalidValue } from '../errors/scim-error.js';
import { sameAttributeValue } from '../resource/attribute-equality.js';
import { isJsonObject, type JsonValue } from '../resource/json.js';
import { findSubAttribute, type AttributeDefinition } from '../schema/attribute-definition.js';

/**
 * `remove` with a `value` on a multi-valued attribute (Entra's legacy form, `"value": [{"value": "id"}]`)
 * removes only the listed elements, matched by their `value`, never the whole attribute.
 */
export function withoutListed(
  definition: AttributeDefinition,
  before: JsonValue | undefined,
  listed: JsonValue,
  where: string,
): JsonValue | undefined {
  if (!Array.isArray(listed)) throw invalidValue(`The value of a remove of '${where}' must be an array of the values to remove`);
  const valueDefinition = definition.type === 'complex' ? findSubAttribute(definition, 'value') : definition;
  if (!valueDefinition) throw invalidValue(`Values of '${where}' have no 'value' to remove them by; use a value filter`);
  const keyDefinition = { ...valueDefinition, multiValued: false };
  const keys = listed.map((item) => listedKey(definition, item, where));
  const elements = Array.isArray(before) ? before : [];
  const kept = elements.filter((element) => {
    const key = keyOf(definition, element);
    return key === undefined || !keys.some((removed) => sameAttributeValue(keyDefinition, removed, key));
  });
  return kept.length === 0 ? undefined : kept;
}

function listedKey(definition: AttributeDefinition, item: JsonValue, where: string): JsonValue {
  const key = keyOf(definition, item);
  if (key === undefined || key === null) throw invalidValue(`Each value listed to remove from '${where}' needs a 'value'`);
  return key;
}

/** What identifies an element: its `value` sub-attribute, or the element itself for simple attributes. */
function keyOf(definition: AttributeDefinition, element: JsonValue): JsonValue | undefined {
  if (definition.type !== 'complex') return element;
  return isJsonObject(element) ? element['value'] : undefined;
}
