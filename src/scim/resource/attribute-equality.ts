import { findSubAttribute, type AttributeDefinition } from '../schema/attribute-definition.js';
import { isJsonObject, type JsonValue } from './json.js';

/**
 * True when two canonical values of `definition` are the same value: strings compared per `caseExact`
 * (RFC 7643 §2.3.1), complex values member by member, multi-valued ones element by element in order.
 */
export function sameAttributeValue(definition: AttributeDefinition, a: JsonValue, b: JsonValue): boolean {
  if (definition.multiValued) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameSingle(definition, item, b[index] ?? null));
  }
  return sameSingle(definition, a, b);
}

function sameSingle(definition: AttributeDefinition, a: JsonValue, b: JsonValue): boolean {
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => {
      const sub = findSubAttribute(definition, key);
      const left = a[key];
      const right = b[key];
      if (left === undefined || right === undefined || !sub) return left === right;
      return sameAttributeValue(sub, left, right);
    });
  }
  if (typeof a === 'string' && typeof b === 'string' && !definition.caseExact) {
    return a.toLowerCase() === b.toLowerCase();
  }
  return a === b;
}
