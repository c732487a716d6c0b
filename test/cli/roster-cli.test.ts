import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { hashTokenSecret } from '../../src/service/token-format.js';
import { testDatabaseUrl } from '../support/test-database.js';
import { runCli } from './cli-runner.js';

let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roster-cli-'));
  // A nested folder: the CLI creates what a SQLite path needs.
  env = { DATABASE_URL: await testDatabaseUrl(join(dir, 'nested')), PUBLIC_URL: '', PORT: '9123' };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function createOrg(name: string, extra: string[] = []): Promise<{ id: string; name: string; scimBaseUrl: string }> {
  const run = await runCli(['orgs', 'create', '--name', name, '--json', ...extra], env);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { id: string; name: string; scimBaseUrl: string };
}

describe('roster orgs', () => {
  it('creates an organization and prints exactly id, name and scimBaseUrl', async () => {
    const org = await createOrg('Acme');
    expect(Object.keys(org).sort()).toEqual(['id', 'name', 'scimBaseUrl']);
    expect(org.name).toBe('Acme');
    expect(org.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(org.scimBaseUrl).toBe(`http://localhost:9123/scim/v2/${org.id}`);
  });

  it('takes the host part from --public-url', async () => {
    const org = await createOrg('Hosted', ['--public-url', 'https://scim.example.com/']);
    expect(org.scimBaseUrl).toBe(`https://scim.example.com/scim/v2/${org.id}`);
  });

  it('lists organizations as JSON and as text', async () => {
    const org = await createOrg('Listed');
    const json = await runCli(['orgs', 'list', '--json'], env);
    expect(json.code).toBe(0);
    const orgs = JSON.parse(json.stdout) as { id: string; name: string }[];
    expect(orgs.map((candidate) => candidate.name)).toContain('Listed');
    const text = await runCli(['orgs', 'list'], env);
    expect(text.stdout).toContain(org.id);
    expect(text.stdout).toContain('Listed');
  });

  it('prints human-readable text without --json', async () => {
    const run = await runCli(['orgs', 'create', '--name', 'Texty'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Created organization 'Texty'/);
    expect(run.stdout).toMatch(/SCIM base URL: http:\/\/localhost:9123\/scim\/v2\//);
  });
});

describe('roster tokens', () => {
  it('creates a token shown once, stores only its hash, lists it without secrets, and revokes it', async () => {
    const org = await createOrg('Tokens');
    const created = await runCli(['tokens', 'create', '--org', org.id, '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    const issued = JSON.parse(created.stdout) as { id: string; token: string };
    expect(Object.keys(issued).sort()).toEqual(['id', 'token']);
    expect(issued.token).toMatch(new RegExp(`^rst_${issued.id}_[A-Za-z0-9_-]{43}$`));

    const secret = issued.token.slice(`rst_${issued.id}_`.length);
    const store = openStore(env['DATABASE_URL']!);
    const record = await store.findToken(issued.id);
    await store.close();
    expect(record?.secretHash).toBe(hashTokenSecret(secret));

    const listed = await runCli(['tokens', 'list', '--org', org.id, '--json'], env);
    expect(listed.stdout).toContain(issued.id);
    expect(listed.stdout).not.toContain(secret);
    expect(listed.stdout).not.toContain(record!.secretHash);

    const revoked = await runCli(['tokens', 'revoke', '--org', org.id, '--id', issued.id], env);
    expect(revoked.code).toBe(0);
    const after = JSON.parse((await runCli(['tokens', 'list', '--org', org.id, '--json'], env)).stdout) as { revokedAt: string | null }[];
    expect(after[0]!.revokedAt).not.toBeNull();
  });

  it.each([
    ['an unknown organization', ['tokens', 'create', '--org', 'nope'], 1],
    ['revoking an unknown token', ['tokens', 'revoke', '--org', 'nope', '--id', 'abc'], 1],
    ['a missing --org', ['tokens', 'create'], 2],
    ['a missing --name', ['orgs', 'create'], 2],
    ['an unknown option', ['orgs', 'list', '--bogus'], 2],
    ['an unknown command', ['users', 'list'], 2],
    ['no command', [], 2],
  ])('fails on %s with exit code %i and a message on stderr', async (_label, args, code) => {
    const run = await runCli(args, env);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(/^roster: /);
    expect(run.stdout).toBe('');
  });

  it('prints the usage for --help', async () => {
    const run = await runCli(['--help'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('tokens revoke --org <orgId> --id <id>');
  });

  it('reports a bad setting with exit code 1', async () => {
    const run = await runCli(['orgs', 'list'], { ...env, PORT: 'http' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PORT');
  });
});
