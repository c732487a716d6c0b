import type { BenchData } from './bench-data.js';
import { benchUser } from './bench-data.js';
import { SequentialClient } from './sequential-client.js';
import type { WrkScenario } from './wrk-runner.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Up to `n` items of `list`, spread over its whole length, so lookups do not hit one cached page. */
function spread<T>(list: readonly T[], n: number): T[] {
  const step = Math.max(1, Math.floor(list.length / n));
  const picked: T[] = [];
  for (let i = 0; i < list.length && picked.length < n; i += step) picked.push(list[i]!);
  return picked;
}

/** The attribute `page-all-users-sorted` and `list-sorted-by-familyName` sort on. */
export const SORTED_PAGING_BY = 'name.familyName';

const query = (filter: string): string => `filter=${encodeURIComponent(filter)}`;

/** The load-generator scenarios, by name, for one data set. */
export function wrkScenarios(data: BenchData, users: number): Map<string, WrkScenario> {
  const base = `/scim/v2/${data.orgId}`;
  const sample = spread(
    data.userIds.map((id, i) => ({ id, i })),
    1000,
  );
  const userBody = JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], ...benchUser(0) }).replace(
    /user0@bench\.example\.com/g,
    'new%n@bench.example.com',
  );
  const pages = spread(
    Array.from({ length: Math.ceil(users / 100) }, (_, page) => page * 100 + 1),
    200,
  );
  return new Map<string, WrkScenario>([
    // The floor under every lookup: routing, bearer token check and activity record, no resource read.
    ['authenticated-no-op: GET /ServiceProviderConfig', { method: 'GET', paths: [`${base}/ServiceProviderConfig`] }],
    ['get-user-by-id', { method: 'GET', paths: sample.map(({ id }) => `${base}/Users/${id}`) }],
    ['filter-userName-eq', { method: 'GET', paths: sample.map(({ i }) => `${base}/Users?${query(`userName eq "user${i}@bench.example.com"`)}`) }],
    [
      'filter-work-email-eq',
      { method: 'GET', paths: sample.map(({ i }) => `${base}/Users?${query(`emails[type eq "work"].value eq "user${i}@bench.example.com"`)}`) },
    ],
    ['filter-externalId-eq', { method: 'GET', paths: sample.map(({ i }) => `${base}/Users?${query(`externalId eq "ext-user-${i}"`)}`) }],
    ['list-groups-without-members', { method: 'GET', paths: [`${base}/Groups?excludedAttributes=members`] }],
    ['list-sorted-by-familyName', { method: 'GET', paths: pages.map((start) => `${base}/Users?sortBy=${SORTED_PAGING_BY}&count=100&startIndex=${start}`) }],
    ['post-user', { method: 'POST', paths: [`${base}/Users`], body: userBody }],
    ['put-user', { method: 'PUT', paths: sample.map(({ id }) => `${base}/Users/${id}`), body: userBody.replace('new%n', 'put%n') }],
    [
      'patch-active-false',
      {
        method: 'PATCH',
        paths: sample.map(({ id }) => `${base}/Users/${id}`),
        body: JSON.stringify({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] }),
      },
    ],
  ]);
}

/** A timed sequence of requests made one after another over one keep-alive connection. */
export interface SequentialResult {
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly totalMs: number;
  readonly requests: number;
}

/** Paging: each request timed until its whole body has arrived, and apart from that the client's decoding and JSON.parse. */
export interface PagingResult extends SequentialResult {
  readonly parseMs: number;
}

/** The milliseconds of a PATCH whose answer must have status `expected`. */
async function timedPatch(client: SequentialClient, path: string, headers: Record<string, string>, body: unknown, expected: number): Promise<number> {
  const json = JSON.stringify(body);
  const started = performance.now();
  const response = await client.send('PATCH', path, headers, json);
  if (response.status !== expected) throw new Error(`PATCH ${path} answered ${response.status}, expected ${expected}`);
  return performance.now() - started;
}

function summarize(times: readonly number[]): SequentialResult {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { medianMs: at(0.5), p99Ms: at(0.99), totalMs: times.reduce((a, b) => a + b, 0), requests: times.length };
}

/**
 * Okta's import: every user, 100 per page, in order; the total is what an initial sync waits for. `sortBy` pages
 * the list sorted by that attribute instead (a console or a client that sorts).
 */
export async function pageThroughAllUsers(origin: string, data: BenchData, sortBy?: string): Promise<PagingResult> {
  const headers = { authorization: `Bearer ${data.token}` };
  const client = new SequentialClient(origin);
  const times: number[] = [];
  let parseMs = 0;
  let total = Number.POSITIVE_INFINITY;
  try {
    for (let start = 1; start <= total; start += 100) {
      const path = `/scim/v2/${data.orgId}/Users?startIndex=${start}&count=100${sortBy === undefined ? '' : `&sortBy=${sortBy}`}`;
      const began = performance.now();
      const response = await client.send('GET', path, headers);
      const received = performance.now();
      times.push(received - began);
      const body = JSON.parse(response.body.toString('utf8')) as { totalResults: number; Resources: unknown[] };
      parseMs += performance.now() - received;
      if (response.status !== 200) throw new Error(`page at ${start} answered ${response.status}`);
      total = body.totalResults;
      if (body.Resources.length === 0) throw new Error(`page at ${start} was empty before ${total} users`);
    }
  } finally {
    client.close();
  }
  return { ...summarize(times), parseMs };
}

/** Adds 100 members to a group and removes them again, `rounds` times; returns the add and remove timings. */
export async function memberBatches(
  origin: string,
  data: BenchData,
  groupId: string,
  rounds: number,
): Promise<{ add: SequentialResult; remove: SequentialResult }> {
  const path = `/scim/v2/${data.orgId}/Groups/${groupId}`;
  const headers = { authorization: `Bearer ${data.token}`, 'content-type': 'application/scim+json' };
  const client = new SequentialClient(origin);
  const adds: number[] = [];
  const removes: number[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      const ids = data.spareUserIds.slice((round * 100) % data.spareUserIds.length).slice(0, 100).map((value) => ({ value }));
      const add = { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: ids }] };
      const remove = { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'members', value: ids }] };
      adds.push(await timedPatch(client, path, headers, add, 204));
      removes.push(await timedPatch(client, path, headers, remove, 204));
    }
  } finally {
    client.close();
  }
  return { add: summarize(adds), remove: summarize(removes) };
}
