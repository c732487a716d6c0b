import type { ResourceType } from '../schema/resource-types.js';
import { URN } from '../schema/schema-urns.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

const ENDPOINT_OF_MEMBER_TYPE: Readonly<Record<string, string>> = { User: '/Users', Group: '/Groups' };

/**
 * Puts the `$ref` URIs (RFC 7643 §2.3.7) the server derives from stored ids into `wire`, a shallow copy the
 * caller owns: on each group member (by its type), on each of a user's groups, and on the enterprise manager.
 * The values it replaces are copied, never changed. `baseUrl` has no trailing slash.
 */
export function putReferences(type: ResourceType, wire: JsonObject, baseUrl: string): void {
  const members = wire['members'];
  if (type.id === 'Group' && Array.isArray(members)) {
    wire['members'] = members.map((member) => withRef(member, (value, item) => endpointRef(baseUrl, item['type'], value)));
  }
  const groups = wire['groups'];
  if (type.id === 'User' && Array.isArray(groups)) {
    wire['groups'] = groups.map((group) => withRef(group, (value) => `${baseUrl}/Groups/${value}`));
  }
  const enterprise = wire[URN.enterpriseUser];
  if (type.id === 'User' && isJsonObject(enterprise) && enterprise['manager'] !== undefined) {
    const manager = withRef(enterprise['manager'], (value) => `${baseUrl}/Users/${value}`);
    wire[URN.enterpriseUser] = { ...enterprise, manager };
  }
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
