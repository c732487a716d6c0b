import { invalidValue } from '../errors/scim-error.js';
import { findSubAttribute, type AttributeDefinition } from '../schema/attribute-definition.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/** What canonicalisation noticed but did not reject: reported to the log, never to the client as an error. */
export interface CanonicalizeReport {
  /** Attribute names (as sent) that this server does not know and ignored. */
  readonly ignored: string[];
}

/** A fresh, empty report. */
export function newReport(): CanonicalizeReport {
  return { ignored: [] };
}

/** xsd:dateTime as RFC 7643 §2.3.5 requires: date, time, optional fraction, optional zone. */
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** True when `text` is an xsd:dateTime that denotes a real instant. */
export function isDateTime(text: string): boolean {
  return DATE_TIME.test(text) && !Number.isNaN(Date.parse(text));
}

/**
 * Checks one attribute value against its definition and returns it in canonical form: sub-attribute names in
 * their defined case, nulls and empty arrays/objects dropped (an unassigned attribute, RFC 7643 §2.5), unknown
 * sub-attributes ignored and reported. Returns undefined when the value is unassigned. Throws `invalidValue`
 * naming `where` when the value has the wrong type.
 */
export function canonicalValue(
  definition: AttributeDefinition,
  value: JsonValue | undefined,
  where: string,
  report: CanonicalizeReport,
): JsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (definition.multiValued) {
    if (!Array.isArray(value)) {
      throw invalidValue(`Attribute '${where}' is multi-valued and must be a JSON array`);
    }
    const items = value
      .map((item, index) => canonicalSingle(definition, item, `${where}[${index}]`, report))
      .filter((item): item is JsonValue => item !== undefined);
    if (items.length === 0) return undefined;
    checkSinglePrimary(items, where);
    return items;
  }
  if (Array.isArray(value)) {
    throw invalidValue(`Attribute '${where}' is single-valued and must not be an array`);
  }
  return canonicalSingle(definition, value, where, report);
}

/** Canonicalises one element: a single value, or one element of a multi-valued attribute. */
export function canonicalSingle(
  definition: AttributeDefinition,
  value: JsonValue | undefined,
  where: string,
  report: CanonicalizeReport,
): JsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (definition.type === 'complex') return canonicalComplex(definition, value, where, report);
  return canonicalScalar(definition, value, where);
}

function canonicalComplex(
  definition: AttributeDefinition,
  value: JsonValue,
  where: string,
  report: CanonicalizeReport,
): JsonObject | undefined {
  if (!isJsonObject(value)) {
    throw invalidValue(`Attribute '${where}' is complex and must be a JSON object`);
  }
  const result: JsonObject = {};
  for (const [key, subValue] of Object.entries(value)) {
    const sub = findSubAttribute(definition, key);
    if (!sub) {
      report.ignored.push(`${where}.${key}`);
      continue;
    }
    const canonical = canonicalValue(sub, subValue, `${where}.${sub.name}`, report);
    if (canonical !== undefined) result[sub.name] = canonical;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

function canonicalScalar(definition: AttributeDefinition, value: JsonValue, where: string): JsonValue {
  switch (definition.type) {
    case 'string':
    case 'reference':
      if (typeof value !== 'string') throw invalidValue(`Attribute '${where}' must be a string`);
      return value;
    case 'binary':
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) {
        throw invalidValue(`Attribute '${where}' must be a base64-encoded string`);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalidValue(`Attribute '${where}' must be a boolean (true or false)`);
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        throw invalidValue(`Attribute '${where}' must be an integer`);
      }
      return value;
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidValue(`Attribute '${where}' must be a number`);
      return value;
    case 'dateTime':
      if (typeof value !== 'string' || !isDateTime(value)) {
        throw invalidValue(`Attribute '${where}' must be an xsd:dateTime such as 2026-11-23T10:00:00Z`);
      }
      return value;
    case 'complex':
      throw new Error('unreachable: complex handled by canonicalComplex');
  }
}

/** RFC 7643 §2.4: the primary value "true" appears no more than once in a multi-valued attribute. */
function checkSinglePrimary(items: readonly JsonValue[], where: string): void {
  const primaries = items.filter((item) => isJsonObject(item) && item['primary'] === true).length;
  if (primaries > 1) throw invalidValue(`Attribute '${where}' has more than one value with "primary": true`);
}
