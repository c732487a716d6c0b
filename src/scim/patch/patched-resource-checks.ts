import { mutability } from '../errors/scim-error.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../resource/json.js';
import { canonicalManager } from '../resource/reference-values.js';
import type { ResourceType } from '../schema/resource-types.js';
import { URN } from '../schema/schema-urns.js';

/**
 * Checks and completes the resource every operation has been applied to. RFC 7644 §3.5.2.2: a required attribute
 * (User userName, Group displayName) that "is removed or becomes unassigned" is 400 mutability; a blank string
 * counts as unassigned. The enterprise manager keeps its canonical shape `{value, $ref?}`, so a patch that leaves
 * it without a value is 400 invalidValue.
 */
export function checkPatchedResource(type: ResourceType, resource: JsonObject): void {
  for (const { schema } of [{ schema: type.schema }, ...type.extensions]) {
    const holder = schema === type.schema ? resource : resource[schema.id];
    const values = isJsonObject(holder) ? holder : {};
    for (const definition of schema.attributes) {
      if (definition.required && isBlank(values[definition.name])) {
        throw mutability(`Attribute '${definition.name}' is required and cannot be removed or left empty`);
      }
    }
  }
  const enterprise = resource[URN.enterpriseUser];
  if (type.id === 'User' && isJsonObject(enterprise) && enterprise['manager'] !== undefined) {
    enterprise['manager'] = canonicalManager(enterprise['manager']);
  }
}

function isBlank(value: JsonValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}
