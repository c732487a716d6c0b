import { invalidSyntax, invalidValue } from '../errors/scim-error.js';
import { bindFilter } from '../filter/filter-binder.js';
import { parseFilter } from '../filter/filter-parser.js';
import { parseProjection, readOptionsFor, type Projection } from '../resource/attribute-projection.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../resource/json.js';
import type { ResourceType } from '../schema/resource-types.js';
import { URN } from '../schema/schema-urns.js';
import type { ListQuery } from '../../store/store.js';
import { boundCount, boundStartIndex, integerParameter, type ListLimits } from './page-bounds.js';
import { parseSortOrder, resolveSortBy } from './sort-attribute.js';

export type { ListLimits } from './page-bounds.js';
export { listResponse, listResponseText } from './list-response.js';

/** A list request, parsed and bound: what to ask the store and how to project what it returns. */
export interface ListRequest {
  readonly query: ListQuery;
  readonly projection: Projection;
}

/** The list parameters once read from either form, still unbound. */
interface RawListRequest {
  readonly filter?: string;
  readonly startIndex?: number;
  readonly count?: number;
  readonly sortBy?: string;
  readonly sortOrder?: string;
  readonly attributes?: string;
  readonly excludedAttributes?: string;
}

/** From GET query parameters (strings) (RFC 7644 §3.4.2). */
export function parseListQueryParams(
  type: ResourceType,
  params: Record<string, string | undefined>,
  limits: ListLimits,
): ListRequest {
  return buildListRequest(
    type,
    {
      filter: params['filter'],
      startIndex: integerParameter('startIndex', params['startIndex']),
      count: integerParameter('count', params['count']),
      sortBy: params['sortBy'],
      sortOrder: params['sortOrder'],
      attributes: params['attributes'],
      excludedAttributes: params['excludedAttributes'],
    },
    limits,
  );
}

/** From a POST /.search body (RFC 7644 §3.4.3): a SearchRequest message with JSON-typed members. */
export function parseSearchBody(type: ResourceType, body: unknown, limits: ListLimits): ListRequest {
  if (!isJsonObject(body)) throw invalidSyntax('The request body must be a SearchRequest JSON object');
  const schemas = body['schemas'];
  const isSearchRequest =
    Array.isArray(schemas) &&
    schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === URN.searchRequest.toLowerCase());
  if (!isSearchRequest) throw invalidSyntax(`'schemas' must contain "${URN.searchRequest}"`);
  return buildListRequest(
    type,
    {
      filter: stringMember(body, 'filter'),
      startIndex: integerMember(body, 'startIndex'),
      count: integerMember(body, 'count'),
      sortBy: stringMember(body, 'sortBy'),
      sortOrder: stringMember(body, 'sortOrder'),
      attributes: attributeListMember(body, 'attributes'),
      excludedAttributes: attributeListMember(body, 'excludedAttributes'),
    },
    limits,
  );
}

function buildListRequest(type: ResourceType, raw: RawListRequest, limits: ListLimits): ListRequest {
  const projection = parseProjection(type, raw.attributes, raw.excludedAttributes);
  const filterText = raw.filter?.trim();
  const sortByText = raw.sortBy?.trim();
  const query: ListQuery = {
    ...(filterText ? { filter: bindFilter(type, parseFilter(filterText)) } : {}),
    startIndex: boundStartIndex(raw.startIndex),
    count: boundCount(raw.count, limits),
    ...(sortByText ? { sortBy: resolveSortBy(type, sortByText) } : {}),
    sortOrder: parseSortOrder(raw.sortOrder),
    read: readOptionsFor(type, projection),
  };
  return { query, projection };
}

function member(body: JsonObject, name: string): JsonValue | undefined {
  const value = body[name];
  return value === null ? undefined : value;
}

function stringMember(body: JsonObject, name: string): string | undefined {
  const value = member(body, name);
  if (value === undefined || typeof value === 'string') return value;
  throw invalidValue(`'${name}' must be a string`);
}

function integerMember(body: JsonObject, name: string): number | undefined {
  const value = member(body, name);
  if (value === undefined || (typeof value === 'number' && Number.isInteger(value))) return value;
  throw invalidValue(`'${name}' must be a JSON integer`);
}

/** RFC 7644 §3.4.3: `attributes` and `excludedAttributes` are arrays of attribute names in a SearchRequest. */
function attributeListMember(body: JsonObject, name: string): string | undefined {
  const value = member(body, name);
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw invalidValue(`'${name}' must be an array of attribute names`);
  }
  return value.join(',');
}
