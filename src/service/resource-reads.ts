import { notFound } from '../scim/errors/scim-error.js';
import { readOptionsFor } from '../scim/resource/attribute-projection.js';
import type { ResourceType } from '../scim/schema/resource-types.js';
import { withManagerDisplayName } from './manager-display.js';
import { projectionOf, replyFor, type ResourceReply } from './resource-reply.js';
import type { ProjectionParams, ScimContext } from './scim-context.js';

/** GET /<Type>/<id> (RFC 7644 §3.4.1), loading members/groups only when the projection returns them. */
export async function readResource(
  context: ScimContext,
  type: ResourceType,
  id: string,
  params: ProjectionParams,
): Promise<ResourceReply> {
  const projection = projectionOf(type, params);
  const stored = await context.store.getResource(context.orgId, type.id, id, readOptionsFor(type, projection));
  if (!stored) throw notFound(`${type.name} '${id}' not found`);
  return replyFor(context, type, await withManagerDisplayName(context, type, stored), projection);
}
