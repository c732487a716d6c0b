import { createOrganization } from '../src/service/organization-service.js';
import { issueToken } from '../src/service/token-service.js';
import { URN } from '../src/scim/schema/schema-urns.js';
import type { ScimResource, Store } from '../src/store/store.js';

/** What the loader made: ids the scenarios address. */
export interface BenchData {
  readonly orgId: string;
  readonly token: string;
  readonly userIds: readonly string[];
  /** Users in no group, handed out 100 at a time to the member-add scenarios. */
  readonly spareUserIds: readonly string[];
  /** Groups by member count. */
  readonly groups: ReadonlyMap<number, string>;
}

const FAMILY = ['Jensen', 'Smith', 'Okafor', 'García', 'Nguyen', 'Müller', 'Rossi', 'Kowalski', 'Tanaka', 'Silva'];

/** The user number `i` as the IdPs would create it: name, work and home email, externalId, enterprise fields. */
export function benchUser(i: number, prefix = 'user'): ScimResource {
  const userName = `${prefix}${i}@bench.example.com`;
  return {
    userName,
    externalId: `ext-${prefix}-${i}`,
    name: { givenName: `Given${i}`, familyName: `${FAMILY[i % FAMILY.length]}${i % 997}` },
    displayName: `Bench User ${i}`,
    active: true,
    emails: [
      { value: userName, type: 'work', primary: true },
      { value: `${prefix}${i}@home.example.org`, type: 'home' },
    ],
    [URN.enterpriseUser]: { employeeNumber: String(100000 + i), department: `Dept ${i % 50}` },
  };
}

function withMeta(resource: ScimResource, id: string, type: 'User' | 'Group', now: string): ScimResource {
  return { ...resource, id, meta: { resourceType: type, created: now, lastModified: now } };
}

/**
 * Loads the data set through the store (not timed): `users` users, `spare` users in no group, and groups whose
 * member counts are `groupSizes` (each capped at `users`).
 */
export async function loadBenchData(store: Store, users: number, spare: number, groupSizes: readonly number[]): Promise<BenchData> {
  const now = new Date().toISOString();
  const org = await createOrganization(store, { name: 'Bench', id: crypto.randomUUID(), now }, 'http://127.0.0.1');
  const token = (await issueToken(store, org.id, now)).token;
  const userIds: string[] = [];
  for (let i = 0; i < users; i += 1) {
    const id = crypto.randomUUID();
    await store.createResource(org.id, 'User', withMeta(benchUser(i), id, 'User', now), null);
    userIds.push(id);
  }
  const spareUserIds: string[] = [];
  for (let i = 0; i < spare; i += 1) {
    const id = crypto.randomUUID();
    await store.createResource(org.id, 'User', withMeta(benchUser(i, 'spare'), id, 'User', now), null);
    spareUserIds.push(id);
  }
  const groups = new Map<number, string>();
  for (const size of groupSizes) {
    const count = Math.min(size, users);
    const id = crypto.randomUUID();
    const members = userIds.slice(0, count).map((value) => ({ value }));
    await store.createResource(org.id, 'Group', withMeta({ displayName: `Group sized ${size} (${count} members)`, members }, id, 'Group', now), null);
    groups.set(size, id);
  }
  return { orgId: org.id, token, userIds, spareUserIds, groups };
}
