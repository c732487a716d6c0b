import { invalidValue } from '../errors/scim-error.js';
import { findAttribute, type AttributeDefinition, type SchemaDefinition } from '../schema/attribute-definition.js';
import { COMMON_ATTRIBUTES } from '../schema/common-attributes.js';
import type { ResourceType } from '../schema/resource-types.js';
import { URN } from '../schema/schema-urns.js';
import type { CanonicalizeReport } from './attribute-value.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';
import { canonicalManager, canonicalMembers } from './reference-values.js';
import { entriesByLowerCaseKey, takeEntry, type SentEntry } from './sent-keys.js';
import { writableValue } from './writable-value.js';

/** What a POST or PUT body says, in canonical form, before the create/replace rules are applied. */
export interface BodyAttributes {
  /** Writable attributes in canonical case and schema order; extensions under their URN key. */
  readonly resource: JsonObject;
  /** The password as sent: undefined when absent, null when sent as null. */
  readonly password?: string | null;
  /** The `id` as sent, if the body carried one (readOnly, but PUT checks it names the right resource). */
  readonly id?: JsonValue;
}

/**
 * Reads the attributes of a resource body against `type`'s schemas: names matched case-insensitively, values
 * type-checked by `canonicalValue`, readOnly values ignored, unknown names and URN keys reported and ignored.
 */
export function readBodyAttributes(type: ResourceType, body: JsonObject, report: CanonicalizeReport): BodyAttributes {
  const sent = entriesByLowerCaseKey(body, 'The request body');
  takeEntry(sent, 'schemas');
  const id = takeEntry(sent, 'id')?.value;
  const password = findAttribute(type.schema, 'password') ? readPassword(takeEntry(sent, 'password')) : undefined;
  const resource: JsonObject = {};
  for (const definition of [...COMMON_ATTRIBUTES, ...type.schema.attributes]) {
    const entry = takeEntry(sent, definition.name);
    const value = entry && coreValue(type, definition, entry.value, report);
    if (value !== undefined) resource[definition.name] = value;
  }
  for (const { schema } of type.extensions) {
    const entry = takeEntry(sent, schema.id);
    const value = entry && extensionValue(schema, entry.value, report);
    if (value !== undefined) resource[schema.id] = value;
  }
  for (const { key } of sent.values()) report.ignored.push(key);
  return { resource, ...(password === undefined ? {} : { password }), ...(id === undefined ? {} : { id }) };
}

/** RFC 7643 §4.1.1: password is writeOnly; it never enters the resource and is handed to the service apart. */
function readPassword(entry: SentEntry | undefined): string | null | undefined {
  if (!entry) return undefined;
  if (entry.value === null) return null;
  if (typeof entry.value !== 'string' || entry.value === '') {
    throw invalidValue(`Attribute 'password' must be a non-empty string`);
  }
  return entry.value;
}

function coreValue(
  type: ResourceType,
  definition: AttributeDefinition,
  value: JsonValue,
  report: CanonicalizeReport,
): JsonValue | undefined {
  const canonical = writableValue(definition, value, definition.name, report);
  if (canonical === undefined) return undefined;
  return type.id === 'Group' && definition.name === 'members' ? canonicalMembers(canonical) : canonical;
}

/** RFC 7643 §3.3: an extension's attributes sit in an object under the extension's schema URN. */
function extensionValue(schema: SchemaDefinition, value: JsonValue, report: CanonicalizeReport): JsonObject | undefined {
  if (value === null) return undefined;
  if (!isJsonObject(value)) throw invalidValue(`Attribute '${schema.id}' must be a JSON object of extension attributes`);
  const sent = entriesByLowerCaseKey(value, `'${schema.id}'`);
  const result: JsonObject = {};
  for (const definition of schema.attributes) {
    const entry = takeEntry(sent, definition.name);
    const canonical = entry && writableValue(definition, entry.value, `${schema.id}:${definition.name}`, report);
    if (canonical === undefined) continue;
    result[definition.name] = isManager(schema, definition) ? canonicalManager(canonical) : canonical;
  }
  for (const { key } of sent.values()) report.ignored.push(`${schema.id}:${key}`);
  return Object.keys(result).length === 0 ? undefined : result;
}

function isManager(schema: SchemaDefinition, definition: AttributeDefinition): boolean {
  return schema.id === URN.enterpriseUser && definition.name === 'manager';
}
