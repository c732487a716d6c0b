import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedResource, Store } from '../../src/store/store.js';
import { testBackend, testDatabaseUrl } from '../support/test-database.js';
import { runCli, type CliRun } from './cli-runner.js';
import { BULK_USERS, sabotageTarget, scimClient, seedSource, type ScimClient, type SeededSource } from './migrate-fixture.js';

/**
 * `roster migrate` from a SQLite file seeded through the HTTP app, into the backend under test: a fresh PostgreSQL
 * schema in the postgres project, another SQLite file in the sqlite project. Runs the built CLI (npm run build).
 */
let dir: string;
let sourceUrl: string;
let seeded: SeededSource;
let targetUrl: string;
let migrated: CliRun;
let source: ScimClient;
let target: ScimClient;

interface Report {
  readonly from: string;
  readonly to: string;
  readonly matches: boolean;
  readonly organizations: { readonly source: number; readonly target: number };
  readonly counts: readonly { id: string; name: string; source: Record<string, number>; target: Record<string, number>; matches: boolean }[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roster-migrate-'));
  sourceUrl = `sqlite:${join(dir, 'source.db')}`;
  seeded = await seedSource(sourceUrl);
  targetUrl = await testDatabaseUrl(dir, 'target.db');
  migrated = await runCli(['migrate', '--from', sourceUrl, '--to', targetUrl, '--json'], {});
  source = await scimClient(sourceUrl);
  target = await scimClient(targetUrl);
}, 120_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exportAllUsers(store: Store, orgId: string): Promise<ExportedResource[]> {
  const all: ExportedResource[] = [];
  for (let page = await store.exportResources(orgId, 'User', 0, 500); page.length > 0; ) {
    all.push(...page);
    page = await store.exportResources(orgId, 'User', page[page.length - 1]!.seq, 500);
  }
  return all;
}

describe(`roster migrate: SQLite → ${testBackend() === 'postgres' ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('exits 0 and reports equal counts per organization and type, as JSON', () => {
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stderr).toBe('');
    const report = JSON.parse(migrated.stdout) as Report;
    expect(report).toMatchObject({ from: sourceUrl, matches: true, organizations: { source: 2, target: 2 } });
    const acme = { users: 3 + BULK_USERS, groups: 3, memberships: 3 + 2 + BULK_USERS, tokens: 2 };
    expect(report.counts).toEqual([
      { id: seeded.orgId, name: 'Acme', source: acme, target: acme, matches: true },
      { id: seeded.otherOrgId, name: 'Other', source: { users: 1, groups: 0, memberships: 0, tokens: 1 }, target: { users: 1, groups: 0, memberships: 0, tokens: 1 }, matches: true },
    ]);
  });

  it('serves every resource, list page and filter exactly as the source did, ETags included', async () => {
    for (const path of seeded.paths) {
      const token = path.startsWith(`/${seeded.otherOrgId}`) ? seeded.otherToken : seeded.token;
      const [before, after] = await Promise.all([source.send('GET', path, token), target.send('GET', path, token)]);
      expect(before.status, path).toBe(200);
      expect(after, path).toEqual(before);
    }
    const alice = await target.send('GET', `/${seeded.orgId}/Users/${seeded.userIds.alice}`, seeded.token);
    expect(alice.etag).toBe('W/"3"');
    expect(alice.body['groups']).toEqual([
      { value: seeded.groupIds.engineering, display: 'Engineering', type: 'direct', $ref: expect.any(String) },
      { value: seeded.groupIds.everyone, display: 'Everyone', type: 'indirect', $ref: expect.any(String) },
    ]);
  });

  it('keeps each group’s member order, nested groups and the 1,050-member group included', async () => {
    const engineering = await target.send('GET', `/${seeded.orgId}/Groups/${seeded.groupIds.engineering}`, seeded.token);
    const values = (engineering.body['members'] as { value: string }[]).map((member) => member.value);
    expect(values).toEqual([seeded.userIds.bob, seeded.userIds.carol, seeded.userIds.alice]);
    const all = await target.send('GET', `/${seeded.orgId}/Groups/${seeded.groupIds.all}`, seeded.token);
    const members = (all.body['members'] as { value: string }[]).map((member) => member.value);
    expect(members).toHaveLength(BULK_USERS);
    expect(members.slice(0, 2)).toEqual([`bulk-${BULK_USERS - 1}`, `bulk-${BULK_USERS - 2}`]);
  });

  it('copies password hashes and versions; an ETag a client held before the move still matches', async () => {
    const [before, after] = await Promise.all([exportAllUsers(source.store, seeded.orgId), exportAllUsers(target.store, seeded.orgId)]);
    expect(after.map((row) => [row.resource, row.passwordHash, row.version])).toEqual(
      before.map((row) => [row.resource, row.passwordHash, row.version]),
    );
    expect(after.find((row) => row.resource['id'] === seeded.userIds.alice)?.passwordHash).toMatch(/\S{20,}/);
    const path = `/${seeded.orgId}/Users/${seeded.userIds.bob}`;
    const stale = await target.send('PUT', path, seeded.token, {
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'bob@example.org' },
      headers: { 'if-match': 'W/"0"' },
    });
    expect(stale.status).toBe(412);
    const fresh = await target.send('PATCH', path, seeded.token, {
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'nickName', value: 'Bobby' }] },
      headers: { 'if-match': 'W/"1"' },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.etag).toBe('W/"2"');
  });

  it('accepts the copied tokens and still refuses the revoked one', async () => {
    const users = `/${seeded.orgId}/Users?count=1`;
    expect((await target.send('GET', users, seeded.token)).status).toBe(200);
    expect((await target.send('GET', users, seeded.revokedToken)).status).toBe(401);
    expect((await target.send('GET', users, seeded.otherToken)).status).toBe(401);
    expect((await target.send('GET', `/${seeded.otherOrgId}/Users`, seeded.otherToken)).status).toBe(200);
  });

  it('refuses a target that already holds organizations, and changes nothing in it', async () => {
    const before = await target.store.countOrganization(seeded.orgId);
    const again = await runCli(['migrate', '--from', sourceUrl, '--to', targetUrl], {});
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^roster: The target already holds 2 organization\(s\)/);
    expect(again.stderr).toContain('never merges');
    expect(again.stderr).toContain('Drop and recreate the target database');
    expect(await target.store.countOrganization(seeded.orgId)).toEqual(before);
    expect(await target.store.listOrganizations()).toHaveLength(2);
  });

  it('prints a table of counts without --json', async () => {
    const run = await runCli(['migrate', '--from', sourceUrl, '--to', await testDatabaseUrl(dir, 'text-target.db')], {});
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Copying ${seeded.orgId}  Acme …`);
    expect(run.stdout).toMatch(new RegExp(`memberships\\s+${3 + 2 + BULK_USERS}\\s+${3 + 2 + BULK_USERS}\\n`));
    expect(run.stdout).toContain('All counts match.');
  });
});

describe('roster migrate when the copy goes wrong', () => {
  it('stops on a failure part-way, says the target is partial and how to retry; a rerun refuses the partial target', async () => {
    const partialUrl = await testDatabaseUrl(dir, 'partial.db');
    await sabotageTarget(partialUrl, 'fail-on-groups');
    const run = await runCli(['migrate', '--from', sourceUrl, '--to', partialUrl], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`copying organization '${seeded.orgId}' failed: `);
    expect(run.stderr).toContain('simulated disk failure');
    expect(run.stderr).toContain('The target now holds a partial copy');
    expect(run.stderr).toContain('Drop and recreate the target database');
    const rerun = await runCli(['migrate', '--from', sourceUrl, '--to', partialUrl], {});
    expect(rerun.code).toBe(1);
    expect(rerun.stderr).toContain('this is its partial copy');
  });

  it('exits 1 and marks the difference when the target does not hold what was copied', async () => {
    const lossyUrl = await testDatabaseUrl(dir, 'lossy.db');
    await sabotageTarget(lossyUrl, 'drop-tokens');
    const run = await runCli(['migrate', '--from', sourceUrl, '--to', lossyUrl, '--json'], {});
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.matches).toBe(false);
    expect(report.counts[0]).toMatchObject({ source: { tokens: 2 }, target: { tokens: 0, users: 3 + BULK_USERS }, matches: false });
    expect(run.stderr).toMatch(/^roster: Counts differ between the source and the target/);
  });

  it.each([
    ['no --to', ['--from', 'sqlite:./x.db'], 2, '--to is required'],
    ['the same database twice', ['--from', 'sqlite:./x.db', '--to', 'sqlite:./x.db'], 2, 'the same database'],
    ['an unsupported database URL', ['--from', 'sqlite::memory:', '--to', 'mysql://db/roster'], 2, "--to: Unsupported database URL 'mysql://db/roster'"],
    ['a SQLite source file that does not exist', ['--from', 'sqlite:./no/such/roster.db', '--to', 'sqlite::memory:'], 1, 'No SQLite database at'],
  ])('refuses %s with exit code %i', async (_label, args, code, message) => {
    const run = await runCli(['migrate', ...args], {});
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('refuses a source without organizations with exit code 1', async () => {
    const run = await runCli(['migrate', '--from', 'sqlite::memory:', '--to', await testDatabaseUrl(dir, 'unused.db')], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The source holds no organizations');
  });
});
