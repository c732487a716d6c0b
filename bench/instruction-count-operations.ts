import { randomUUID } from 'node:crypto';
import { QuirkLog } from '../src/scim/compat/quirk.js';
import { newReport } from '../src/scim/resource/attribute-value.js';
import { USER_RESOURCE_TYPE } from '../src/scim/schema/resource-types.js';
import { scimBaseUrl } from '../src/service/organization-service.js';
import { listResources } from '../src/service/resource-lists.js';
import { readResource } from '../src/service/resource-reads.js';
import type { ScimContext } from '../src/service/scim-context.js';
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
 * Fastify: the SCIM service's read or list (store, manager display names, wire form, projection) and
 * JSON.stringify of the answer.
 */
export async function runOperations(data: OperationData, operation: string, count: number): Promise<void> {
  const store = openStore(data.databaseUrl);
  const type = USER_RESOURCE_TYPE;
  let bytes = 0;
  for (let n = 0; n < count; n += 1) {
    const context: ScimContext = {
      store,
      orgId: data.orgId,
      baseUrl: scimBaseUrl('http://127.0.0.1', data.orgId),
      limits: { maxResults: 1000, defaultCount: 1000 },
      now: () => new Date().toISOString(),
      newId: randomUUID,
      report: newReport(),
      quirks: new QuirkLog(),
    };
    const user = data.users[n % data.users.length]!;
    let answer: unknown;
    if (operation === 'get-user-by-id') {
      answer = (await readResource(context, type, user.id, {})).resource;
    } else if (operation === 'filter-userName-eq') {
      answer = await listResources(context, type, { filter: `userName eq "user${user.i}@bench.example.com"` });
    } else if (operation === 'page-of-100-users') {
      answer = await listResources(context, type, { startIndex: String(((n * 100) % data.userCount) + 1), count: '100' });
    } else {
      throw new Error(`Unknown operation '${operation}': one of ${OPERATIONS.join(', ')}`);
    }
    // Lists answer JSON text (spliced from stored texts where it can be); a read answers the resource to serialise.
    bytes += typeof answer === 'string' ? answer.length : JSON.stringify(answer).length;
  }
  await store.close();
  if (bytes === 0) throw new Error('The operations answered nothing');
}
