import { invalidValue } from '../errors/scim-error.js';
import { URN } from '../schema/schema-urns.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

const MEMBER_TYPES = ['User', 'Group'] as const;

/**
 * Group `members` as the service needs them to build membership operations: `[{value, type?}]`, each value a
 * non-empty resource id, type `User` or `Group` in canonical case. `$ref` is dropped: the server derives it.
 */
export function canonicalMembers(members: JsonValue): JsonObject[] {
  if (!Array.isArray(members)) throw invalidValue(`Attribute 'members' must be a JSON array`);
  return members.map((member, index) => canonicalMember(member, `members[${index}]`));
}

function canonicalMember(member: JsonValue, where: string): JsonObject {
  const value = isJsonObject(member) ? member['value'] : undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidValue(`Attribute '${where}.value' must be the non-empty id of a User or Group`);
  }
  const type = isJsonObject(member) ? member['type'] : undefined;
  if (type === undefined) return { value };
  const canonicalType = MEMBER_TYPES.find((name) => typeof type === 'string' && name.toLowerCase() === type.toLowerCase());
  if (!canonicalType) throw invalidValue(`Attribute '${where}.type' must be "User" or "Group"`);
  return { value, type: canonicalType };
}

/**
 * The enterprise `manager` (RFC 7643 §4.3) in canonical shape `{value, $ref?}`: the manager is referenced by its
 * id, so a manager without a value cannot be stored (400 invalidValue). displayName is readOnly and already gone.
 */
export function canonicalManager(manager: JsonValue): JsonObject {
  const value = isJsonObject(manager) ? manager['value'] : undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidValue(`Attribute '${URN.enterpriseUser}:manager.value' must be the non-empty id of a User`);
  }
  const ref = isJsonObject(manager) ? manager['$ref'] : undefined;
  return ref === undefined ? { value } : { value, $ref: ref };
}
