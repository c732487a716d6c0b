import { invalidValue } from '../errors/scim-error.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';
import type { ResourceType } from '../schema/resource-types.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/**
 * RFC 7643 §2.2 / §7: a `required` attribute (User userName, Group displayName) must have a value; a blank string
 * counts as none. Checked on the canonical resource of a create or replace: 400 invalidValue naming the attribute.
 */
export function checkRequiredAttributes(type: ResourceType, resource: JsonObject): void {
  for (const definition of type.schema.attributes) checkOne(definition, resource[definition.name], definition.name);
  for (const { schema, required } of type.extensions) {
    const extension = resource[schema.id];
    if (!isJsonObject(extension) && !required) continue;
    const values = isJsonObject(extension) ? extension : {};
    for (const definition of schema.attributes) {
      checkOne(definition, values[definition.name], `${schema.id}:${definition.name}`);
    }
  }
}

function checkOne(definition: AttributeDefinition, value: JsonValue | undefined, where: string): void {
  if (!definition.required || definition.mutability === 'readOnly') return;
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
    throw invalidValue(`Attribute '${where}' is required and must not be empty`);
  }
}
