import { ScimError } from '../scim/errors/scim-error.js';
import { listResponse, parseSearchBody, type ListRequest } from '../scim/list/list-request.js';
import type { JsonObject } from '../scim/resource/json.js';
import { toWireResource } from '../scim/resource/wire-resource.js';
import { RESOURCE_TYPES, type ResourceType } from '../scim/schema/resource-types.js';
import { withManagerDisplayNames } from './manager-display.js';
import { normalizeSearchBody } from './list-request-quirks.js';
import type { ScimContext } from './scim-context.js';

/** A resource type together with the search bound to it. */
interface TypedSearch {
  readonly type: ResourceType;
  readonly request: ListRequest;
}

/**
 * POST /.search at the base URL (RFC 7644 §3.4.3): every resource type the request binds to, users then groups,
 * through one paging window (startIndex and count apply to the concatenation; each type keeps its own sort
 * order). A type the filter or sortBy names nothing of is left out; when no type binds, the first error stands.
 */
export async function searchAllTypes(context: ScimContext, body: unknown): Promise<JsonObject> {
  const searches = bindToEachType(context, normalizeSearchBody(body, context.quirks));
  const first = searches[0]!.request.query;
  let total = 0;
  let remaining = first.count;
  const page: JsonObject[] = [];
  for (const { type, request } of searches) {
    // The window starts at `first.startIndex` in the concatenation: past the earlier types, at 1 within this one.
    const startIndex = Math.max(1, first.startIndex - total);
    const query = { ...request.query, startIndex, count: remaining };
    const result = await context.store.listResources(context.orgId, type.id, query);
    const filled = await withManagerDisplayNames(context, type, result.resources);
    page.push(...filled.map((stored) => toWireResource(type, stored, context.baseUrl, request.projection)));
    remaining -= result.resources.length;
    total += result.totalResults;
  }
  return listResponse(page, total, first.startIndex);
}

function bindToEachType(context: ScimContext, body: unknown): TypedSearch[] {
  const searches: TypedSearch[] = [];
  const errors: ScimError[] = [];
  for (const type of RESOURCE_TYPES) {
    try {
      searches.push({ type, request: parseSearchBody(type, body, context.limits) });
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      errors.push(error);
    }
  }
  if (searches.length === 0) throw errors[0]!;
  return searches;
}
