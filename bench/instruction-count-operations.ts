import { listResponse, parseListQueryParams } from '../src/scim/list/list-request.js';
import { readOptionsFor } from '../src/scim/resource/attribute-projection.js';
import type { JsonObject } from '../src/scim/resource/json.js';
import { toWireResource } from '../src/scim/resource/wire-resource.js';
import { USER_RESOURCE_TYPE } from '../src/scim/schema/resource-types.js';
import { openStore } from '../src/store/open-store.js';

/** What `runOperations` reads: the loaded database and the users to read. */
export interface OperationData {
  readonly databaseUrl: string;
  readonly orgId: string;
  /** How many users the database holds: pages are taken from all of them. */
  readonly userCount: number;
  /** Users to read, with the number their userName was made from. */
  readonly users: readonly { readonly id: string; readonly i: number }[];
}

export const OPERATIONS = ['get-user-by-id', 'filter-userName-eq', 'page-of-100-users'] as const;

/**
 * Runs one in-process operation `count` times against a loaded bench database, the way a request runs it below
 * Fastify: the store read, the wire form and JSON.stringify.
 */
export async function runOperations(data: OperationData, operation: string, count: number): Promise<void> {
  const store = openStore(data.databaseUrl);
  const limits = { maxResults: 1000, defaultCount: 1000 };
  const baseUrl = `http://127.0.0.1/scim/v2/${data.orgId}`;
  const type = USER_RESOURCE_TYPE;
  let bytes = 0;
  const list = async (params: Record<string, string>): Promise<void> => {
    const request = parseListQueryParams(type, params, limits);
    const result = await store.listResources(data.orgId, type.id, request.query);
    const resources = result.resources.map((resource) => toWireResource(type, resource, baseUrl, request.projection));
    bytes += JSON.stringify(listResponse(resources, result.totalResults, request.query.startIndex)).length;
  };
  const defaults = parseListQueryParams(type, {}, limits).projection;
  for (let n = 0; n < count; n += 1) {
    const user = data.users[n % data.users.length]!;
    if (operation === 'get-user-by-id') {
      const found = await store.getResource(data.orgId, type.id, user.id, readOptionsFor(type, defaults));
      bytes += JSON.stringify(toWireResource(type, found as JsonObject, baseUrl, defaults)).length;
    } else if (operation === 'filter-userName-eq') {
      await list({ filter: `userName eq "user${user.i}@bench.example.com"` });
    } else if (operation === 'page-of-100-users') {
      await list({ startIndex: String(((n * 100) % data.userCount) + 1), count: '100' });
    } else {
      throw new Error(`Unknown operation '${operation}': one of ${OPERATIONS.join(', ')}`);
    }
  }
  await store.close();
  if (bytes === 0) throw new Error('The operations answered nothing');
}
