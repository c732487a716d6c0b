import { resolveAttribute, splitAttributeName } from '../schema/attribute-resolver.js';
import type { ResourceType } from '../schema/resource-types.js';
import { URN } from '../schema/schema-urns.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../resource/json.js';
import { normalizeAttributeValue } from './attribute-value-quirks.js';
import type { QuirkLog } from './quirk.js';
import { normalizeExtension } from './resource-body-quirks.js';
import { repairSchemaUrn } from './schema-urn-repair.js';

/**
 * Normalises an IdP's PatchOp request (RFC 7644 §3.5.2) into the strict form the PATCH engine applies:
 * op names in lower case, values of boolean targets as booleans, manager in its RFC shape, misspelt schema
 * URNs repaired. Malformed requests pass through unchanged for the engine to reject with the RFC's error.
 */
export function normalizePatchRequest(type: ResourceType, body: unknown, quirks: QuirkLog): unknown {
  if (!isJsonObject(body) || !Array.isArray(body['Operations'])) return body;
  return { ...body, Operations: body['Operations'].map((operation) => normalizeOperation(type, operation, quirks)) };
}

function normalizeOperation(type: ResourceType, operation: JsonValue, quirks: QuirkLog): JsonValue {
  if (!isJsonObject(operation)) return operation;
  const result: JsonObject = { ...operation };
  const op = operation['op'];
  if (typeof op === 'string' && op !== op.toLowerCase()) {
    quirks.add('capitalised-patch-op');
    result['op'] = op.toLowerCase();
  }
  const path = typeof operation['path'] === 'string' ? normalizePath(type, operation['path'], quirks) : undefined;
  if (path !== undefined) result['path'] = path;
  const value = operation['value'];
  if (value === undefined) return result;
  if (String(result['op']).toLowerCase() === 'remove' && /^members$/i.test(path ?? '')) quirks.add('remove-with-value');
  result['value'] = path === undefined ? normalizePathlessValue(type, value, quirks) : normalizeAt(type, path, value, quirks);
  return result;
}

/** `manager` alone is not a core attribute: older Entra samples mean the enterprise one. */
function normalizePath(type: ResourceType, path: string, quirks: QuirkLog): string {
  const repaired = repairPathUrn(path, quirks);
  if (type.id === 'User' && /^manager(\.|$)/i.test(repaired)) {
    quirks.add('manager-core-path');
    return `${URN.enterpriseUser}:${repaired}`;
  }
  return repaired;
}

function repairPathUrn(path: string, quirks: QuirkLog): string {
  if (!path.toLowerCase().startsWith('urn:')) return path;
  const lastColon = path.lastIndexOf(':');
  const whole = repairSchemaUrn(path, quirks);
  if (whole !== path) return whole;
  const prefix = repairSchemaUrn(path.slice(0, lastColon), quirks);
  return `${prefix}${path.slice(lastColon)}`;
}

/** The value of an op with a path: normalised for the attribute the path ends at (filters stripped). */
function normalizeAt(type: ResourceType, path: string, value: JsonValue, quirks: QuirkLog): JsonValue {
  const withoutFilter = path.replace(/\[[^\]]*\]/g, '');
  const parts = splitAttributeName(type, withoutFilter);
  if (parts.attribute === '') {
    const extension = type.extensions.find((ext) => ext.schema.id.toLowerCase() === parts.uri?.toLowerCase());
    return extension ? normalizeExtension(extension.schema, value, quirks) : value;
  }
  const resolved = resolveAttribute(type, parts);
  if (!resolved) return value;
  const target = resolved.leaf;
  // A filtered path on a multi-valued attribute addresses one element: normalise the element, not an array.
  if (target.multiValued && !Array.isArray(value) && path.includes('[')) {
    return normalizeAttributeValue({ ...target, multiValued: false }, value, quirks);
  }
  return normalizeAttributeValue(target, value, quirks);
}

/** Without a path the value is an object of attributes, whose keys may be dotted or URN-qualified paths. */
function normalizePathlessValue(type: ResourceType, value: JsonValue, quirks: QuirkLog): JsonValue {
  if (!isJsonObject(value)) return value;
  const result: JsonObject = {};
  for (const [rawKey, inner] of Object.entries(value)) {
    const key = repairPathUrn(rawKey, quirks);
    result[key] = normalizeAt(type, key, inner, quirks);
  }
  return result;
}
