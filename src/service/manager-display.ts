import { isJsonObject } from '../scim/resource/json.js';
import type { ResourceType } from '../scim/schema/resource-types.js';
import { URN } from '../scim/schema/schema-urns.js';
import type { ScimResource } from '../store/store.js';
import type { ScimContext } from './scim-context.js';

function managerOf(resource: ScimResource): { value: string } | undefined {
  const enterprise = resource[URN.enterpriseUser];
  const manager = isJsonObject(enterprise) ? enterprise['manager'] : undefined;
  return isJsonObject(manager) && typeof manager['value'] === 'string' ? { value: manager['value'] } : undefined;
}

/** The ids of the managers `resources` name (users of type `type`), for `managerDisplayNames`. */
export function managerIdsOf(type: ResourceType, resources: readonly ScimResource[]): string[] {
  return type.id === 'User' ? resources.flatMap((resource) => managerOf(resource)?.value ?? []) : [];
}

/** The displayName (else userName) of each of `ids` naming a user of the organization: one read. */
export async function managerDisplayNames(context: ScimContext, ids: Iterable<string>): Promise<ReadonlyMap<string, string>> {
  const distinct = [...new Set(ids)];
  return distinct.length === 0 ? new Map() : context.store.userDisplayNames(context.orgId, distinct);
}

/**
 * Fills the enterprise `manager.displayName` (readOnly, RFC 7643 §4.3) from `names` (managerDisplayNames), so it
 * follows renames like group member display names do. Entra reads the manager back as {value, $ref,
 * displayName}; a manager id naming no user of the organization is returned without a displayName.
 */
export function withManagerNames(resources: readonly ScimResource[], names: ReadonlyMap<string, string>): ScimResource[] {
  return resources.map((resource) => {
    const id = managerOf(resource)?.value;
    const displayName = id === undefined ? undefined : names.get(id);
    if (displayName === undefined) return resource;
    const enterprise = resource[URN.enterpriseUser] as ScimResource;
    return { ...resource, [URN.enterpriseUser]: { ...enterprise, manager: { ...(enterprise['manager'] as ScimResource), displayName } } };
  });
}

/** `withManagerNames` with the names read for these resources. */
export async function withManagerDisplayNames(
  context: ScimContext,
  type: ResourceType,
  resources: readonly ScimResource[],
): Promise<ScimResource[]> {
  return withManagerNames(resources, await managerDisplayNames(context, managerIdsOf(type, resources)));
}

/** The same for one resource. */
export async function withManagerDisplayName(context: ScimContext, type: ResourceType, resource: ScimResource): Promise<ScimResource> {
  const [filled] = await withManagerDisplayNames(context, type, [resource]);
  return filled!;
}
