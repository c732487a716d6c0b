import { listResponseText, parseListQueryParams, parseSearchBody, type ListRequest } from '../scim/list/list-request.js';
import { isDefaultProjection, type Projection } from '../scim/resource/attribute-projection.js';
import { toWireResource } from '../scim/resource/wire-resource.js';
import type { ResourceType } from '../scim/schema/resource-types.js';
import type { ScimResource } from '../store/store.js';
import { managerDisplayNames, managerIdsOf, withManagerDisplayNames, withManagerNames } from './manager-display.js';
import { normalizeListParams, normalizeSearchBody } from './list-request-quirks.js';
import type { ScimContext } from './scim-context.js';

/** GET /<Type>?filter=… (RFC 7644 §3.4.2): one page, filtered, sorted and counted by the store, as JSON text. */
export async function listResources(
  context: ScimContext,
  type: ResourceType,
  params: Record<string, string | undefined>,
): Promise<string> {
  return runList(context, type, parseListQueryParams(type, normalizeListParams(params, context.quirks), context.limits));
}

/** POST /<Type>/.search (RFC 7644 §3.4.3): the same query sent as a SearchRequest body. */
export async function searchResources(context: ScimContext, type: ResourceType, body: unknown): Promise<string> {
  return runList(context, type, parseSearchBody(type, normalizeSearchBody(body, context.quirks), context.limits));
}

/**
 * Under the default projection the store renders what it can straight from the JSON it keeps (a page of 100
 * users without parsing and re-serialising each one, docs/performance.md); the rest is rendered here. The
 * managers' display names of the whole page are read at once, for both kinds.
 */
async function runList(context: ScimContext, type: ResourceType, request: ListRequest): Promise<string> {
  const { query, projection } = request;
  if (!isDefaultProjection(projection)) {
    const result = await context.store.listResources(context.orgId, type.id, query);
    const filled = await withManagerDisplayNames(context, type, result.resources);
    return listResponseText(wireTexts(context, type, filled, projection), result.totalResults, query.startIndex);
  }
  const page = await context.store.listForWire(context.orgId, type.id, query, context.baseUrl);
  const resources = page.entries.flatMap((entry) => ('resource' in entry ? [entry.resource] : []));
  const managerIds = page.entries.flatMap((entry) => ('managerId' in entry ? [entry.managerId] : []));
  const names = await managerDisplayNames(context, [...managerIds, ...managerIdsOf(type, resources)]);
  const rendered = wireTexts(context, type, withManagerNames(resources, names), projection);
  let next = 0;
  const texts = page.entries.map((entry) => {
    if ('text' in entry) return entry.text;
    if ('managerId' in entry) return `${entry.head}${displayNameMember(names.get(entry.managerId))}${entry.tail}`;
    return rendered[next++]!;
  });
  return listResponseText(texts, page.totalResults, query.startIndex);
}

/** The manager's `displayName` member as JSON text, or nothing when the manager names no user. */
function displayNameMember(name: string | undefined): string {
  return name === undefined ? '' : `,"displayName":${JSON.stringify(name)}`;
}

/** Resources (manager display names filled) rendered the long way: wire form, projection, JSON text. */
function wireTexts(context: ScimContext, type: ResourceType, resources: readonly ScimResource[], projection: Projection): string[] {
  return resources.map((stored) => JSON.stringify(toWireResource(type, stored, context.baseUrl, projection)));
}
