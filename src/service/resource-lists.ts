import { listResponse, parseListQueryParams, parseSearchBody, type ListRequest } from '../scim/list/list-request.js';
import type { JsonObject } from '../scim/resource/json.js';
import { toWireResource } from '../scim/resource/wire-resource.js';
import type { ResourceType } from '../scim/schema/resource-types.js';
import { withManagerDisplayNames } from './manager-display.js';
import { normalizeListParams, normalizeSearchBody } from './list-request-quirks.js';
import type { ScimContext } from './scim-context.js';

/** GET /<Type>?filter=… (RFC 7644 §3.4.2): one page, filtered, sorted and counted by the store. */
export async function listResources(
  context: ScimContext,
  type: ResourceType,
  params: Record<string, string | undefined>,
): Promise<JsonObject> {
  return runList(context, type, parseListQueryParams(type, normalizeListParams(params, context.quirks), context.limits));
}

/** POST /<Type>/.search (RFC 7644 §3.4.3): the same query sent as a SearchRequest body. */
export async function searchResources(context: ScimContext, type: ResourceType, body: unknown): Promise<JsonObject> {
  return runList(context, type, parseSearchBody(type, normalizeSearchBody(body, context.quirks), context.limits));
}

async function runList(context: ScimContext, type: ResourceType, request: ListRequest): Promise<JsonObject> {
  const result = await context.store.listResources(context.orgId, type.id, request.query);
  const filled = await withManagerDisplayNames(context, type, result.resources);
  const resources = filled.map((stored) => toWireResource(type, stored, context.baseUrl, request.projection));
  return listResponse(resources, result.totalResults, request.query.startIndex);
}
