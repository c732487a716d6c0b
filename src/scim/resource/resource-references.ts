import type { ResourceType } from '../schema/resource-types.js';
import { URN } from '../schema/schema-urns.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

const ENDPOINT_OF_MEMBER_TYPE: Readonly<Record<string, string>> = { User: '/Users', Group: '/Groups' };

/**
 * Adds the `$ref` URIs (RFC 7643 §2.3.7) the server derives from stored ids: on each group member (by its
 * type), on each of a user's groups, and on the enterprise manager. `baseUrl` has no trailing slash.
 */
export function withReferences(type: ResourceType, resource: JsonObject, baseUrl: string): JsonObject {
  const result: JsonObject = { ...resource };
  if (type.id === 'Group' && Array.isArray(resource['members'])) {
    result['members'] = resource['members'].map((member) =>
      withRef(member, (value, item) => endpointRef(baseUrl, item['type'], value)),
    );
  }
  if (type.id === 'User' && Array.isArray(resource['groups'])) {
    result['groups'] = resource['groups'].map((group) => withRef(group, (value) => `${baseUrl}/Groups/${value}`));
  }
  const enterprise = resource[URN.enterpriseUser];
  if (type.id === 'User' && isJsonObject(enterprise) && enterprise['manager'] !== undefined) {
    const manager = withRef(enterprise['manager'], (value) => `${baseUrl}/Users/${value}`);
    result[URN.enterpriseUser] = { ...enterprise, manager };
  }
  return result;
}

/** `value` first, then `$ref`, then the rest: the order the RFC's examples use. */
function withRef(item: JsonValue, ref: (value: string, item: JsonObject) => string | undefined): JsonValue {
  if (!isJsonObject(item) || typeof item['value'] !== 'string') return item;
  const uri = ref(item['value'], item);
  const { value, $ref: _sent, ...rest } = item;
  return uri === undefined ? item : { value, $ref: uri, ...rest };
}

function endpointRef(baseUrl: string, memberType: JsonValue | undefined, id: string): string | undefined {
  const endpoint = typeof memberType === 'string' ? ENDPOINT_OF_MEMBER_TYPE[memberType] : undefined;
  return endpoint === undefined ? undefined : `${baseUrl}${endpoint}/${id}`;
}
