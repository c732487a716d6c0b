/** The endpoint names under an organization's base URL, in their canonical case. */
const ENDPOINTS = ['Users', 'Groups', 'ServiceProviderConfig', 'ResourceTypes', 'Schemas', 'Bulk', 'Me'];
const BY_LOWER = new Map(ENDPOINTS.map((name) => [name.toLowerCase(), name]));
const SCIM_PATH = /^(\/scim\/v2\/[^/?#]+\/)([^/?#]+)(.*)$/s;

/**
 * The URL with its endpoint segment in canonical case (`/scim/v2/o/users` → `/scim/v2/o/Users`), so routes can
 * be declared once: RFC 7643 §2.1 makes attribute and resource type names case-insensitive and IdPs differ.
 */
export function canonicalEndpointCase(url: string): string {
  const match = SCIM_PATH.exec(url);
  if (!match) return url;
  const canonical = BY_LOWER.get(match[2]!.toLowerCase());
  return canonical === undefined ? url : `${match[1]}${canonical}${match[3]}`;
}
