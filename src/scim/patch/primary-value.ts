import { invalidValue } from '../errors/scim-error.js';
import { isJsonObject, type JsonValue } from '../resource/json.js';

/**
 * RFC 7644 §3.5.2: an operation that sets an element's `primary` to true makes every other element's `primary`
 * false. `written` are the elements this operation set; if they still hold more than one primary, that is
 * 400 invalidValue (RFC 7643 §2.4: at most one primary value).
 */
export function keepOnePrimary(elements: readonly JsonValue[], written: ReadonlySet<JsonValue>, where: string): JsonValue[] {
  const promoted = [...written].some(isPrimary);
  const result = elements.map((element) =>
    promoted && isPrimary(element) && !written.has(element) && isJsonObject(element) ? { ...element, primary: false } : element,
  );
  if (result.filter(isPrimary).length > 1) {
    throw invalidValue(`Attribute '${where}' would have more than one value with "primary": true`);
  }
  return result;
}

function isPrimary(element: JsonValue): boolean {
  return isJsonObject(element) && element['primary'] === true;
}
