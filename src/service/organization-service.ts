import { OperatorError } from './operator-error.js';
import type { Organization, Store } from '../store/store.js';

/** An organization with the SCIM base URL its identity provider is configured with. */
export interface OrganizationView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly scimBaseUrl: string;
}

/** The SCIM base URL of an organization (RFC 7644 §1.3 "Service Provider base URL"). */
export function scimBaseUrl(publicUrl: string, orgId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/scim/v2/${orgId}`;
}

/** Creates an organization; its id is a random UUID, so it never collides and never contains `_`. */
export async function createOrganization(
  store: Store,
  request: { readonly name: string; readonly id: string; readonly now: string },
  publicUrl: string,
): Promise<OrganizationView> {
  const name = request.name.trim();
  if (name === '' || name.length > 200) {
    throw new OperatorError('An organization name must have 1 to 200 characters');
  }
  const org = await store.createOrganization({ id: request.id, name, createdAt: request.now });
  return viewOf(org, publicUrl);
}

/** Every organization, oldest first. */
export async function listOrganizations(store: Store, publicUrl: string): Promise<OrganizationView[]> {
  const orgs = await store.listOrganizations();
  return orgs.map((org) => viewOf(org, publicUrl));
}

function viewOf(org: Organization, publicUrl: string): OrganizationView {
  return { id: org.id, name: org.name, createdAt: org.createdAt, scimBaseUrl: scimBaseUrl(publicUrl, org.id) };
}
