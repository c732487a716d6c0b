import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../support/test-database.js';
import { runCli } from './cli-runner.js';
import { startServer, type ServerProcess } from './server-process.js';

/**
 * Two real Roster processes on one database, as behind a load balancer, hammered in parallel: the invariants
 * hold across instances (run on both backends: a shared SQLite file in WAL mode, and PostgreSQL).
 */
let dir: string;
let servers: ServerProcess[];
let bases: string[];
let headers: Record<string, string>;

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roster-two-'));
  const env = { DATABASE_URL: await testDatabaseUrl(dir) };
  // Both start at once: migrations must be applied exactly once (advisory lock / immediate transaction).
  servers = await Promise.all([startServer(env), startServer(env)]);
  const org = JSON.parse((await runCli(['orgs', 'create', '--name', 'Two', '--json'], env)).stdout) as { id: string };
  const issued = JSON.parse((await runCli(['tokens', 'create', '--org', org.id, '--json'], env)).stdout) as { token: string };
  bases = servers.map((server) => `http://127.0.0.1:${server.port}/scim/v2/${org.id}`);
  headers = { authorization: `Bearer ${issued.token}`, 'content-type': 'application/scim+json' };
}, 90_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
});

/** Sends to instance `n % 2`, like a round-robin load balancer. */
async function send(n: number, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(`${bases[n % 2]}${path}`, {
    method,
    headers: { ...headers, ...extra },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('two instances on one database', () => {
  it('gives exactly one 201 for 20 parallel creates of one userName, the rest 409 uniqueness', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, n) => send(n, 'POST', '/Users', { schemas: [USER], userName: n % 2 === 0 ? 'Race@example.com' : 'race@EXAMPLE.com' })),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const conflict = (await responses.find((response) => response.status === 409)!.json()) as { scimType: string };
    expect(conflict.scimType).toBe('uniqueness');
    const listed = (await (await send(0, 'GET', `/Users?filter=${encodeURIComponent('userName eq "race@example.com"')}`)).json()) as {
      totalResults: number;
    };
    expect(listed.totalResults).toBe(1);
  });

  it('loses no member when 40 PATCHes add members to one group in parallel through both instances', async () => {
    const users = await Promise.all(
      Array.from({ length: 40 }, async (_, n) => {
        const response = await send(n, 'POST', '/Users', { schemas: [USER], userName: `member${n}@example.com` });
        return ((await response.json()) as { id: string }).id;
      }),
    );
    const group = (await (await send(0, 'POST', '/Groups', { schemas: [GROUP], displayName: 'Parallel', members: [] })).json()) as { id: string };
    const patches = await Promise.all(
      users.map((id, n) =>
        send(n, 'PATCH', `/Groups/${group.id}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }] }),
      ),
    );
    expect(patches.map((response) => response.status)).toEqual(users.map(() => 204));
    const read = (await (await send(1, 'GET', `/Groups/${group.id}`)).json()) as { members: { value: string }[]; meta: { version: string } };
    expect(new Set(read.members.map((member) => member.value))).toEqual(new Set(users));
    // Every PATCH was one write: the version counted all 40 of them.
    expect(read.meta.version).toBe('W/"41"');
  });

  it('answers 412 to every update made with a stale ETag, whichever instance serves it', async () => {
    const created = await send(0, 'POST', '/Users', { schemas: [USER], userName: 'etag@example.com' });
    const { id } = (await created.json()) as { id: string };
    const etag = created.headers.get('etag')!;
    const replace = (n: number): Promise<Response> =>
      send(n, 'PATCH', `/Users/${id}`, { schemas: [PATCH], Operations: [{ op: 'replace', path: 'displayName', value: `v${n}` }] }, { 'if-match': etag });
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => replace(n)));
    const statuses = results.map((response) => response.status);
    // All ten held the same ETag: exactly one update wins, the other nine see it changed.
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(9);
    const after = await send(1, 'GET', `/Users/${id}`);
    expect(after.headers.get('etag')).toBe('W/"2"');
  });
});
