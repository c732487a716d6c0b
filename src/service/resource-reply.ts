import { parseProjection, type Projection } from '../scim/resource/attribute-projection.js';
import { isJsonObject, type JsonObject } from '../scim/resource/json.js';
import type { ResourceType } from '../scim/schema/resource-types.js';
import { toWireResource } from '../scim/resource/wire-resource.js';
import type { ScimResource } from '../store/store.js';
import type { ProjectionParams, ScimContext } from './scim-context.js';

/** A resource ready for the wire, with what the HTTP layer puts in headers. */
export interface ResourceReply {
  /** The wire form, projected; undefined when the response has no body (PATCH of a group → 204). */
  readonly resource?: JsonObject;
  /** `meta.version`, the ETag (RFC 7644 §3.14). */
  readonly version?: string;
  /** The resource's absolute URL, the `Location` header (RFC 7644 §3.3). */
  readonly location: string;
}

/** The projection asked for by a request's query parameters. */
export function projectionOf(type: ResourceType, params: ProjectionParams): Projection {
  return parseProjection(type, params.attributes, params.excludedAttributes);
}

/** True when the request named attributes to return or exclude. */
export function asksForProjection(params: ProjectionParams): boolean {
  return Boolean(params.attributes?.trim() || params.excludedAttributes?.trim());
}

/** Headers and (unless `withBody` is false) the projected wire form of a stored resource. */
export function replyFor(
  context: ScimContext,
  type: ResourceType,
  stored: ScimResource,
  projection: Projection,
  withBody = true,
): ResourceReply {
  const meta = stored['meta'];
  const version = isJsonObject(meta) && typeof meta['version'] === 'string' ? meta['version'] : undefined;
  const location = `${context.baseUrl}${type.endpoint}/${String(stored['id'])}`;
  const resource = withBody ? toWireResource(type, stored, context.baseUrl, projection) : undefined;
  return { location, ...(version === undefined ? {} : { version }), ...(resource === undefined ? {} : { resource }) };
}
