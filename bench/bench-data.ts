import { createOrganization } from '../src/service/organization-service.js';
import { issueToken } from '../src/service/token-service.js';
import { URN } from '../src/scim/schema/schema-urns.js';
import type { ExportedResource, ScimResource, Store } from '../src/store/store.js';

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

const CHUNK = 5000;

/**
 * An org chart as IdPs sync it (Entra and Okta send the enterprise manager): users report to the first user of
 * their ten, who reports to the first of its hundred; every hundredth user has no manager.
 */
function managerIndex(i: number): number | undefined {
  if (i % 10 !== 0) return i - (i % 10);
  return i % 100 !== 0 ? i - (i % 100) : undefined;
}

/**
 * Imports `count` bench users named with `prefix`, `CHUNK` per transaction, through the store's bulk import, with
 * managers when `managers` is set; returns their ids.
 */
async function importUsers(store: Store, orgId: string, count: number, prefix: string, now: string, managers: boolean): Promise<string[]> {
  const ids = Array.from({ length: count }, () => crypto.randomUUID());
  for (let start = 0; start < count; start += CHUNK) {
    const rows: ExportedResource[] = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i += 1) {
      const user = benchUser(i, prefix);
      const manager = managers ? managerIndex(i) : undefined;
      if (manager !== undefined) user[URN.enterpriseUser] = { ...(user[URN.enterpriseUser] as ScimResource), manager: { value: ids[manager]! } };
      rows.push({ seq: i + 1, resource: withMeta(user, ids[i]!, 'User', now), passwordHash: null, version: 1 });
    }
    await store.importResources(orgId, 'User', rows);
  }
  return ids;
}

/**
 * Loads the data set through the store's bulk import (not timed; what `roster migrate` uses): `users` users (with
 * an org chart of managers when `managers` is set), `spare` users in no group, and groups whose member counts are
 * `groupSizes` (each capped at `users`).
 */
export async function loadBenchData(
  store: Store,
  users: number,
  spare: number,
  groupSizes: readonly number[],
  managers = false,
): Promise<BenchData> {
  const now = new Date().toISOString();
  const org = await createOrganization(store, { name: 'Bench', id: crypto.randomUUID(), now }, 'http://127.0.0.1');
  const token = (await issueToken(store, org.id, now)).token;
  const userIds = await importUsers(store, org.id, users, 'user', now, managers);
  const spareUserIds = await importUsers(store, org.id, spare, 'spare', now, false);
  const groups = new Map<number, string>();
  for (const [index, size] of groupSizes.entries()) {
    const count = Math.min(size, users);
    const id = crypto.randomUUID();
    const group = withMeta({ displayName: `Group sized ${size} (${count} members)` }, id, 'Group', now);
    await store.importResources(org.id, 'Group', [{ seq: index + 1, resource: group, passwordHash: null, version: 1 }]);
    for (let start = 0; start < count; start += CHUNK) {
      const members = userIds.slice(start, Math.min(count, start + CHUNK)).map((value) => ({ groupId: id, value, type: 'User' as const }));
      await store.importMemberships(org.id, members);
    }
    groups.set(size, id);
  }
  return { orgId: org.id, token, userIds, spareUserIds, groups };
}
